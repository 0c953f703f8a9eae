"""Builds the third English development split: tests/labelled/mail/en/dev3/*.eml and
tests/labelled/labels-en-dev3.csv, written against the five en-*.yaml agreements.

Run from the repo root: `.venv/bin/python tests/labelled/build_en_dev3.py`. Output is deterministic.
"""

from __future__ import annotations

import csv
import hashlib
import textwrap
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
OUT = HERE / "mail" / "en" / "dev3"
LABELS = HERE / "labels-en-dev3.csv"

# The freelancer behind each agreement; every mail is addressed to them.
VA = {
    "en-admin": ("Jess Morgan", "jess@morganvirtual.example.net", "America/New_York"),
    "en-books": ("Ruth Okafor", "ruth@okaforbookkeeping.example.co.uk", "Europe/London"),
    "en-painter": ("Dave Mills", "dave@millsdecorating.example.co.uk", "Europe/London"),
    "en-social": ("Amira Shah", "amira@amirasocial.example.co.uk", "Europe/London"),
    "en-web": ("Leo Harris", "leo@leoharris.example.co.uk", "Europe/London"),
}

MAILS: list[dict] = []


def mail(va: str, frm: str, subject: str, when: str, body: str, verdict: str, cats: str = "",
         note: str = "", *, html: str | None = None, charset: str = "utf-8", cte: str | None = None,
         reply: str | None = None, client: str | None = None, headers: dict | None = None) -> None:
    """Queue one message; `va` picks the recipient, `client` defaults to it (empty for strangers)."""
    MAILS.append(dict(va=va, frm=frm, subject=subject, when=when, body=body, verdict=verdict,
                      cats=cats, note=note, html=html, charset=charset, cte=cte, reply=reply,
                      client=va if client is None else client, headers=headers or {}))


def _id(seed: str, domain: str) -> str:
    h = hashlib.sha1(seed.encode()).hexdigest()
    return f"<{h[:12]}.{h[12:20]}@{domain}>"


def render(n: int, m: dict) -> bytes:
    name, addr, tz = VA[m["va"]]
    msg = EmailMessage()
    msg["From"] = m["frm"]
    msg["To"] = f"{name} <{addr}>"
    msg["Subject"] = m["subject"]
    msg["Date"] = format_datetime(datetime.strptime(m["when"], "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(tz)))
    sender_domain = m["frm"].rsplit("@", 1)[1].rstrip(">")
    msg["Message-ID"] = _id(f"dev3-{n}-{m['subject']}", sender_domain)
    if m["reply"]:
        parents = [_id(p, addr.split("@")[1] if i % 2 == 0 else sender_domain)
                   for i, p in enumerate(m["reply"].split("|"))]
        msg["In-Reply-To"] = parents[-1]
        msg["References"] = " ".join(parents)
    for k, v in m["headers"].items():
        msg[k] = v
    if m["html"] is not None:
        text, subtype = textwrap.dedent(m["html"]).strip() + "\n", "html"
    else:
        text, subtype = textwrap.dedent(m["body"]).strip("\n") + "\n", "plain"
    # Most clients send plain 7bit/8bit; quoted-printable only where a mail asks for it.
    cte = m["cte"] or ("7bit" if text.isascii() else "8bit")
    msg.set_content(text, subtype=subtype, charset=m["charset"], cte=cte)
    return msg.as_bytes(policy=policy.default)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.eml"):
        old.unlink()
    rows = []
    for n, m in enumerate(MAILS, 1):
        fname = f"{n:04d}.eml"
        (OUT / fname).write_bytes(render(n, m))
        client = "" if m["verdict"] == "unknown_sender" else m["client"]
        rows.append([f"en/dev3/{fname}", client, m["verdict"], m["cats"], m["note"]])
    with LABELS.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "client", "verdict", "categories", "note"])
        w.writerows(rows)
    print(f"wrote {len(rows)} messages to {OUT}")


# --------------------------------------------------------------------------------------------
# en-admin: Dana Whitfield (founder) and Mark (operations), American English
# --------------------------------------------------------------------------------------------
DANA = "Dana Whitfield <dana@whitfieldadvisory.example.com>"
MARK = "Mark Ostrowski <mark@whitfieldadvisory.example.com>"

mail("en-admin", DANA, "Catching up + Denver", "2026-02-09 07:42", """
    Morning Jess,

    Sorry for the radio silence last week, the Hollis pitch ate everything. Quick brain dump
    while I have coffee in hand:

    The pitch went well, I think. They want a second conversation but they're slow movers so I
    wouldn't expect anything before March. Mark is handling the follow-up on their side for now.

    My mom's birthday is on the 14th and I still haven't ordered anything, which is very on
    brand for me. I'll get something sorted this weekend, she likes the same candle shop every
    year so it's not exactly a hard decision.

    For Denver on the 23rd I'll need a hotel near the convention center for two nights, ideally
    the same Hyatt as last time if they have rooms. Usual budget.

    Also, the new office chairs arrived and they're great. Mark assembled them in about four
    hours and only swore twice.

    Thanks!
    Dana
    """, "in_scope", "", "long news mail; one buried hotel booking (travel); birthday gift is Dana's own plan")

mail("en-admin", MARK, "Hollis follow-up call", "2026-02-10 11:05", """
    Hi Jess,

    Hollis came back faster than we thought. Can you find 45 minutes for Dana with their team
    next week? Tuesday or Wednesday afternoon works best on their end. Their contact is
    Rebecca Lin (rebecca.lin@hollisgroup.example.com) - please send her the invite with the
    Zoom link and cc me.

    Thanks,
    Mark

    --
    Mark Ostrowski | Operations
    Whitfield Advisory LLC
    """, "in_scope", "", "schedule a call and send invite (calendar)")

mail("en-admin", DANA, "Re: Denver hotel", "2026-02-11 21:17", """
    Perfect, thank you!!

    Sent from my iPhone

    > On Feb 11, 2026, at 4:02 PM, Jess Morgan <jess@morganvirtual.example.net> wrote:
    >
    > Hi Dana, you're booked at the Hyatt Regency for Feb 23-25, confirmation attached.
    > Please confirm and I'll pay with the company card.
    >
    >> On Feb 9, 2026, at 7:42 AM, Dana Whitfield <dana@whitfieldadvisory.example.com> wrote:
    >>
    >> For Denver on the 23rd I'll need a hotel near the convention center for two nights,
    >> ideally the same Hyatt as last time if they have rooms.
    """, "no_request", "", "thanks; the hotel request is only in the quoted history",
     reply="admin-denver-1|admin-denver-2")

mail("en-admin", DANA, "March is going to be a lot", "2026-02-17 18:31", """
    Jess,

    March travel is finally confirmed so here's the full picture:

      * Chicago, March 3-4 (client workshop, flight + one night downtown)
      * Austin, March 11-13 (conference, hotel near the venue)
      * Boston, March 24-25 (board dinner, train from NYC is fine)

    Please go ahead and book all three. Aisle seats as always, and I'd rather not do the
    6am flights if there's any way around it.

    Dana
    """, "out_of_scope", "quantity", "three trips in March; limit is two trips a month")

mail("en-admin", DANA, "board meeting thurs", "2026-02-23 22:48", """
    Hi Jess - the board meeting is Thursday at 10 and I haven't even opened the deck from
    last quarter. Honestly I don't have the bandwidth this week. Could you pull it together
    from the Q4 numbers Mark sent round? 10-12 slides, same template.

    Thanks, owe you one
    D
    """, "out_of_scope", "client_duty", "asks VA to build the board deck; slides are Dana's to provide")

mail("en-admin", MARK, "A couple of things for the list", "2026-03-02 09:20", """
    Hi Jess,

    Dana asked me to send over a few items she'd like you to take on going forward:

    1. The Q1 client invoices need to go out of QuickBooks by the 15th. Our bookkeeper left
       in January and nobody has picked this up.
    2. We're finally replacing the spreadsheet we use for client contacts. It would help a
       lot to have someone look at three or four CRM options and write up a short comparison
       (cost, ease of use, whether it syncs with Outlook).
    3. Her calendar still shows the old Thursday team standup - that one can be deleted.

    Let me know what you think.

    Mark
    """, "out_of_scope", "excluded;new_work",
     "client invoicing in QuickBooks is excluded; CRM research is new work; calendar cleanup is in scope")

mail("en-admin", DANA, "Automatic reply: Week of March 9", "2026-03-06 17:00", """
    Thank you for your email. I am out of the office from March 6 through March 16 with
    limited access to email. For anything urgent regarding scheduling or client matters,
    please contact Mark Ostrowski at mark@whitfieldadvisory.example.com.

    Best regards,
    Dana Whitfield
    Founder, Whitfield Advisory LLC
    Strategy | Executive Coaching | Board Advisory
    """, "no_request", "", "out-of-office auto-reply; signature lists services",
     headers={"Auto-Submitted": "auto-replied", "X-Autoreply": "yes"})

mail("en-admin", DANA, "January expenses", "2026-01-27 08:12", """
    Hi Jess,

    Finance wants January closed early this year because of the audit, so I need the January
    expense report submitted in Expensify by this Friday, the 30th. I forwarded the last
    receipts last night, so you should have everything.

    Thanks,
    Dana
    """, "out_of_scope", "deadline", "expense report wanted by Jan 30; agreement says by the 5th of the following month",
     cte="quoted-printable")

mail("en-admin", DANA, "question re: LinkedIn", "2026-03-19 13:44", """
    Hey Jess, random one. I keep getting told I should be posting on LinkedIn more and I'm
    putting together the budget for the second half of the year. If I wanted help with that
    at some point (not now!), is that something you do, and what would it roughly cost?

    No rush on this, just trying to get numbers together.

    Dana
    """, "no_request", "", "price question about a possible later service; nothing asked now")

mail("en-admin", DANA, "inbox clean up", "2026-01-14 10:03", "", "in_scope", "",
     "set up a filter and unsubscribe from webinar lists (inbox); HTML-only",
     html="""
    <html><body style="font-family:Calibri,sans-serif;font-size:11pt">
    <p>Hi Jess,</p>
    <p>My inbox is a disaster again. Two things that would help:</p>
    <ul>
    <li>anything from Substack or Morning Brew should skip the inbox and land in a
    &quot;Reading&quot; folder</li>
    <li>please unsubscribe me from every webinar list you can find &ndash; I have not attended
    a webinar since 2019</li>
    </ul>
    <p>Thank you!<br>Dana</p>
    <p style="color:#888;font-size:9pt">Dana Whitfield | Whitfield Advisory LLC<br>
    This message may contain confidential information.</p>
    </body></html>
    """)

mail("en-admin", DANA, "Re: Hartman reschedule", "2026-03-25 16:22", """
    Thanks for moving that around so fast, the meeting went really well in the end and
    Hartman are signing for another six months. Good week!

    Dana

    P.S. could you put something up on my LinkedIn about the panel next Tuesday? Nothing
    fancy, a couple of lines and the event link.

    On Tue, Mar 24, 2026 at 9:10 AM Jess Morgan <jess@morganvirtual.example.net> wrote:
    > Hi Dana, the Hartman meeting is now Wednesday 2pm, invite updated for everyone.
    """, "out_of_scope", "excluded", "request only in the P.S.: a LinkedIn post (social media is excluded)",
     reply="admin-hartman-1")

mail("en-admin", MARK, "Re: Phoenix trip", "2026-04-07 14:51", """
    Jess - ignore my email from this morning about the Phoenix hotel. Dana's decided to stay
    with her sister while she's out there, so no booking needed after all. Flights are still
    fine as they are.

    Mark

    From: Mark Ostrowski <mark@whitfieldadvisory.example.com>
    Sent: Tuesday, April 7, 2026 8:30 AM
    To: Jess Morgan <jess@morganvirtual.example.net>
    Subject: Phoenix trip

    Hi Jess, can you book Dana a hotel in Scottsdale for April 20-22? Somewhere quiet.
    """, "no_request", "", "withdraws the earlier hotel request (quoted below)", reply="admin-phoenix-0")

mail("en-admin", DANA, "Re: Gift for Ellen", "2026-04-15 12:09", """
    Fair enough, that's totally reasonable - I'll order it myself tonight.

    While you're in my calendar though, could you push Thursday's 3pm with Raj to sometime
    next week? He's traveling and asked to move it.

    D

    On Wed, Apr 15, 2026 at 11:40 AM Jess Morgan <jess@morganvirtual.example.net> wrote:
    > Hi Dana, personal errands fall outside what we agreed, so I'd rather not take the gift
    > on - but happy to quote for it if you'd like that going forward.
    >
    > On Wed, Apr 15, 2026 at 9:02 AM Dana Whitfield wrote:
    >> Could you find a nice gift for Ellen's retirement and have it sent to her house?
    """, "in_scope", "", "reschedule a meeting (calendar); the gift request is quoted history and dropped",
     reply="admin-ellen-0|admin-ellen-1")

mail("en-admin", DANA, "saturday?", "2026-05-08 19:55", """
    jess any chance u could put in a few hrs saturday and get my inbox down to zero before
    monday? i'm drowning and the board stuff starts mon morning. happy to pay whatever

    Sent from my iPhone
    """, "out_of_scope", "deadline", "weekend work to clear the inbox faster")

# --------------------------------------------------------------------------------------------
# en-books: Gareth Carver (owner), Sandra (office), Lee (engineer), British English
# --------------------------------------------------------------------------------------------
GARETH = "Gareth Carver <gareth@carverplumbing.example.com>"
SANDRA = "Sandra Pike <sandra@carverplumbing.example.com>"
LEE = "Lee Dawson <lee@carverplumbing.example.com>"
OFFICE_SIG = """
    Sandra Pike
    Office Manager, Carver & Sons Plumbing Ltd
    Boilers | Bathrooms | Emergency call-outs | Gas Safe registered
    01632 960 418
"""

mail("en-books", GARETH, "march", "2026-04-02 07:10", """
    Morning Ruth, can you get March's books done and the P&L over to me by the 10th as
    per. Dext is all up to date I think.

    Cheers
    Gareth

    Sent from my iPhone
    """, "in_scope", "", "monthly bookkeeping and P&L by the 10th")

mail("en-books", SANDRA, "Wages from May", "2026-04-14 10:32", """
    Hi Ruth,

    Bit of news from our end - Maureen, who's done our wages for nearly twenty years, is
    retiring at the end of the month. Gareth wondered whether you could take over running the
    weekly payroll from May? It's six lads plus Gareth and me, all on PAYE, and the pension
    goes through NEST.

    Let me know either way so we can sort something else if not.

    Thanks
    """ + OFFICE_SIG, "out_of_scope", "excluded", "asks to take over payroll (excluded)")

mail("en-books", GARETH, "VAT", "2026-05-08 17:45", """
    Ruth

    Saw the acceptance come through from HMRC today, cheers for getting that in.

    Also, we've taken on an apprentice, Kyle, started Monday. Keen lad, bit chatty.

    Gareth
    """, "no_request", "", "thanks and news; 'also' introduces news, not a request")

mail("en-books", SANDRA, "June invoicing", "2026-06-29 15:02", """
    Hi Ruth,

    Right, June's job sheets are all in the shared folder now - 38 in total, which is a record
    I think. Could you get them invoiced before the end of the week? The two for Harlow Homes
    need the PO number on (HH-2291), everything else as normal.

    Thanks ever so much
    """ + OFFICE_SIG, "in_scope", "", "invoice 38 job sheets; within the limit of 40 a month")

mail("en-books", GARETH, "Receipts (sorry)", "2026-05-05 20:14", """
    Ruth,

    I've been rubbish with the receipts this month. They're all in a carrier bag in the
    footwell of the van, merchants' slips, fuel, the lot. Any chance you could swing by the
    yard, pick them up and get them all scanned into Dext for me? I'll put the kettle on.

    Gareth
    """, "out_of_scope", "client_duty", "asks VA to collect and upload receipts to Dext (client provides them)")

mail("en-books", GARETH, "Accountant", "2026-07-20 12:30", """
    Hi Ruth,

    Just so you know, Phil Moreton will be doing our year-end again this year, same as
    always. He may ring you with a couple of questions about the bank reconciliations, but
    I've already given him his own log-in to Xero so there's nothing you need to set up.

    Gareth
    """, "no_request", "", "news that the accountant does year-end; access already arranged by Gareth")

mail("en-books", SANDRA, "Quick (long!) update", "2026-05-27 11:48", """
    Hi Ruth,

    Hope you're well. A few bits in no particular order:

    1. The Harrow Road bathroom is finished - job sheet is in the folder, please invoice it
       at the quoted £4,850 + VAT.
    2. Mrs Patel still hasn't paid for the boiler back in March, it's over 60 days now.
       Would you be able to give her a ring and see what's going on? She's lovely, just
       forgetful.
    3. Gareth wants a proper quote template the lads can fill in on their phones on site,
       with our logo and T&Cs on the bottom. Something we can use from June.

    Sorry, I know that's a lot.
    """ + OFFICE_SIG, "out_of_scope", "excluded;new_work",
     "invoice is in scope; ringing a late payer is credit control (excluded); quote template is new work")

mail("en-books", SANDRA, "Credit note - Dunmore Lettings", "2026-03-12 09:26", """
    Morning Ruth,

    We overcharged Dunmore Lettings on job 4471 – Lee put 6 hours on the sheet but it was
    only 4. That’s £240 too much. Could you raise a credit note and reissue the invoice with
    the right hours? Their ref is DL/0318.

    Thanks
    Sandra
    """, "in_scope", "", "credit note and reissued invoice (sales invoices); windows-1252",
     charset="windows-1252", cte="quoted-printable")

mail("en-books", GARETH, "Re: VAT Q2 ready for your review", "2026-08-03 18:05", """
    Had a look tonight, all looks right to me. Go ahead and submit it.

    G

    On Mon, 3 Aug 2026 at 09:15, Ruth Okafor <ruth@okaforbookkeeping.example.co.uk> wrote:
    > Hi Gareth,
    >
    > The Q2 VAT return is ready in Xero - £6,412.18 payable. Could you have a look and
    > let me know if I can file it? It's due on the 7th.
    >
    > Ruth
    """, "in_scope", "", "approves and asks to submit the VAT return", reply="books-vatq2")

mail("en-books", LEE, "Re: Receipts missing for June", "2026-07-02 19:40", """
    Done, all uploaded to Dext now. There were two from Plumb Center I'd forgotten about in
    my jacket. Sorry for the delay!

    Lee

    > From: Ruth Okafor
    > Sent: 01 July 2026 16:20
    > Subject: Receipts missing for June
    >
    > Hi Lee, I'm missing receipts for three fuel payments and the Plumb Center card payments
    > on the 12th and 19th. Could you upload them to Dext when you get a chance?
    """, "no_request", "", "reports his own upload is done; the request is quoted from the VA", reply="books-lee-0")

mail("en-books", GARETH, "van", "2026-09-14 13:15", "", "out_of_scope", "new_work",
     "cost comparison of leasing versus buying vans; HTML-only",
     html="""
    <div dir="ltr">Hi Ruth,<div><br></div>
    <div>Our van leases run out in January and I'm torn between leasing again or buying
    outright. Could you put together a comparison of what each option would cost us over
    four years, with the tax side as best you can? Three vans, all Transit Customs.</div>
    <div><br></div><div>No massive rush, before end of October would be good.</div>
    <div><br></div><div>Gareth</div>
    <div><br></div><div style="color:#1f497d">Carver &amp; Sons Plumbing Ltd &middot; Est. 1987</div></div>
    """)

mail("en-books", SANDRA, "Jenkins invoices - ignore!", "2026-06-10 14:22", """
    Ruth - scrap what I said this morning about the three Jenkins invoices. Gareth had
    already done them himself on his phone last night (don't ask). Nothing for you to do
    on those.

    Sandra
    """, "no_request", "", "withdraws an earlier invoicing request")

mail("en-books", GARETH, "Q2 VAT - holiday", "2026-07-03 08:50", """
    Hi Ruth,

    We're off to Portugal from the 18th to the 1st so I won't be checking much. Could you do
    the Q2 VAT return as normal and send it over for me to look at when I'm back? Plenty of
    time before the 7th.

    Cheers
    Gareth
    """, "in_scope", "", "VAT return at the normal time, reviewed by Gareth")

mail("en-books", GARETH, "payroll q", "2026-10-06 16:40", """
    Ruth how much would you want for doin the payroll if we went down that route next year?
    Not deciding anything yet, the new payroll firm is ok just pricey.

    G
    """, "no_request", "", "price question about payroll for a later decision")

mail("en-books", SANDRA, "Bank meeting", "2026-04-27 10:05", """
    Hi Ruth,

    Gareth has a meeting with the bank on the 5th about the overdraft facility. They've asked
    for our latest figures, so we'll need April's profit and loss summary by Monday the 4th
    at the very latest. I know that's tight, sorry!

    Thanks
    """ + OFFICE_SIG, "out_of_scope", "deadline", "April P&L wanted by 4 May; agreement says by the 10th")

# --------------------------------------------------------------------------------------------
# en-painter: Helen (owner) and Tom (her husband) at the Rosewood Guest House, British English
# --------------------------------------------------------------------------------------------
HELEN = "Helen Ashby <helen@rosewoodguesthouse.example.com>"
TOM = "Tom Ashby <tom@rosewoodguesthouse.example.com>"
ROSEWOOD_SIG = """
    Helen Ashby
    Rosewood Guest House · 14 Abbey Lane · Whitby
    Bed & breakfast · Packed lunches · Dog-friendly rooms
"""

mail("en-painter", HELEN, "Bits and bobs", "2026-02-04 20:36", """
    Hi Dave,

    Thank you for making such a good start on room 1, the ceiling already looks miles better
    and Biscuit (the dog) has forgiven you for the sanding noise.

    A few updates from this end. The Easter bookings are filling up nicely, we're nearly full
    for the long weekend, so the timing is perfect. The carpet man is coming to measure the
    landing on the 12th, he'll be in and out in twenty minutes so shouldn't get in your way.

    Tom was out in the garden at the weekend and says the fence is looking very shabby next
    to all this fresh paint indoors, so that could do with a lick of paint while you've got
    the brushes out. Same green as the gate ideally.

    Breakfast is on us any morning you fancy it, just shout.

    Best wishes
    """ + ROSEWOOD_SIG, "out_of_scope", "excluded",
     "long news mail; one buried statement of need: paint the garden fence (exterior is excluded)")

mail("en-painter", TOM, "landing crack", "2026-02-16 08:02", """
    Dave, while you're doing the landing could you fill that crack above the banister as
    well? It's been there since we moved in and Helen hates it.

    Tom
    """, "in_scope", "", "fill a small crack before painting the landing (prep)")

mail("en-painter", HELEN, "Room 4?", "2026-02-18 21:12", """
    Hi Dave,

    Tom and I have been talking and now rooms 1 and 2 are done the family room (room 4) looks
    really tired next to them. Can we add it on? Same colours as room 3 would be fine,
    walls and ceiling.

    Helen
    """, "out_of_scope", "quantity", "adds a fourth room; agreement covers three rooms")

mail("en-painter", TOM, "Room 2 tomorrow", "2026-02-19 17:25", """
    Hi Dave

    Bad news, I've done my back in lifting the mattress out of room 1 last week and I'm under
    strict orders from Helen not to lift anything. Would you be able to get the wardrobe,
    the beds and the curtains out of room 2 yourself before you start in the morning? And if
    you're passing the trade counter on your way, the tins for room 2 are paid for and
    waiting under our name.

    Cheers, sorry about this
    Tom
    """, "out_of_scope", "client_duty",
     "asks the painter to empty room 2 and collect the paint; both are the guest house's duties")

mail("en-painter", HELEN, "shed", "2026-02-20 10:15", """
    Morning Dave,

    Don't worry about the shed - I mentioned it to Tom and we've decided I'll paint it myself
    over half term. I quite fancy a go. Rooms are looking lovely by the way.

    Helen
    """, "no_request", "", "Helen will paint the shed herself; compliment")

mail("en-painter", HELEN, "Group booking - timing", "2026-02-24 12:41", """
    Hi Dave,

    We've just had a big walking group book all three rooms from the 7th of March, which is
    wonderful but it does mean we'll need everything finished by Friday the 6th rather than
    the 13th. Could you put in a couple of evenings, or a Saturday, to make that happen? We'd
    pay the extra hours of course.

    Thanks so much
    """ + ROSEWOOD_SIG, "out_of_scope", "deadline", "finish by 6 March instead of 13 March, with evening or Saturday work")

mail("en-painter", HELEN, "Walk-through of room 2 - notes", "2026-02-26 16:58", """
    Hi Dave,

    Thanks for showing me round room 2 this afternoon. As promised, my notes:

    - the cutting in along the ceiling above the door is a bit wobbly, could you go over it?
    - the old wallpaper in the alcove by the window will need to come off before you paint
      that wall, it's lifting at the top anyway
    - there's a damp patch under the window in room 3, I think that'll need sorting before
      you start in there
    - skirting looks perfect, really pleased with it

    Helen
    """, "out_of_scope", "excluded",
     "feedback list: touch-up is in scope; stripping wallpaper and damp repair are both excluded")

mail("en-painter", TOM, "hall", "2026-03-02 07:31", """
    Morning. Light swich plate in the hall is off now so you can get round it. Skirting in
    the hall needs the satinwood too pls

    Sent from my iPhone
    """, "in_scope", "", "satinwood on the hall skirting (woodwork)")

mail("en-painter", HELEN, "Summer", "2026-03-05 19:20", """
    Hi Dave,

    Completely separate from the rooms - we're thinking about having the outside of the house
    done in the summer, front and the window frames. If we went ahead, would you be
    interested, and roughly what would you charge per day? No rush at all, it's only an idea
    at this stage.

    Helen
    """, "no_request", "", "hypothetical later exterior job; asks price and interest only")

mail("en-painter", HELEN, "Room 3 colour", "2026-03-09 18:47", """
    Hi Dave,

    I popped into room 3 after you'd gone. I'm afraid the green still looks streaky to me in
    the evening light, even with the two coats on - especially the wall behind the bed.
    I really think it needs a third.

    Sorry to be a pain!
    Helen
    """, "out_of_scope", "quantity", "asks for a third coat; agreement is two coats")

mail("en-painter", TOM, "Two things", "2026-02-13 13:05", """
    Dave,

    Two things when you have a minute:

    The door frame in room 1 has a couple of chips where the old hinge was - could you fill
    and touch those in before the satinwood goes on?

    And we've bought new curtain poles for rooms 1 and 2. Once the paint's dry would you put
    them up? Brackets and screws are in the box, you'll just need the drill.

    Ta
    Tom
    """, "out_of_scope", "new_work", "filling door-frame chips is in scope; putting up curtain poles is new work")

mail("en-painter", HELEN, "Re: Room 4?", "2026-02-21 09:02", """
    Hi Dave,

    Sorry to mess you about - forget room 4 for now. We've looked at the diary and we'll keep
    it as it is until the autumn when it's quieter. Just the three rooms and the hallway
    as planned.

    Helen

    On Fri, 20 Feb 2026 at 08:14, Dave Mills <dave@millsdecorating.example.co.uk> wrote:
    > Hi Helen, happy to do room 4 - it would be about two extra days. Shall I price it up
    > properly?
    >
    > On Wed, 18 Feb 2026 at 21:12, Helen Ashby wrote:
    >> Can we add it on? Same colours as room 3 would be fine, walls and ceiling.
    """, "no_request", "", "withdraws the extra-room request quoted below", reply="painter-room4-1|painter-room4-2")

mail("en-painter", HELEN, "Landing colour", "2026-02-27 14:10", """
    Hi Dave,

    The landing and stairs are going to be Farrow & Ball "Skimming Stone" - we picked up the
    tins from the trade counter this morning and they're in the utility room by the back door.
    Please carry on with the landing and staircase walls on Monday as you planned.

    Many thanks
    Helen

    --
    Rosewood Guest House · Whitby
    """, "in_scope", "", "go ahead with landing and staircase walls; paint already bought by client; latin-1",
     charset="iso-8859-1", cte="quoted-printable")

mail("en-painter", TOM, "feedback from the guests", "2026-03-16 10:44", """
    Morning Dave,

    Thought you'd like to know - the couple in room 1 last night said it was the nicest room
    they'd stayed in all year, and they're from London so they'd know. Also, the carpet
    fitters are booked for the hallway on the 23rd, after you've finished.

    Thanks again for all your work.

    Tom
    """, "no_request", "", "compliment and news containing 'also'")

# --------------------------------------------------------------------------------------------
# en-social: Kate (owner) and Ollie (shop manager) at Maple & Thistle Bakery, British English
# --------------------------------------------------------------------------------------------
KATE = "Kate Lindsay <kate@mapleandthistle.example.com>"
OLLIE = "Ollie Brennan <ollie@mapleandthistle.example.com>"

mail("en-social", KATE, "Posts this week", "2026-01-19 07:55", """
    Morning Amira!

    Photos for this week are in the Drive folder. Plan for the posts:
    Monday - the blood orange loaf
    Wednesday - Burns Night shortbread (the tartan tins!)
    Friday - the new seeded sourdough

    Captions in your usual style please, and don't forget the #whitbyeats tag, people seem to
    find us through that one.

    Kate x
    """, "in_scope", "", "three feed posts for the week with captions and hashtags")

mail("en-social", KATE, "Valentine's week!!", "2026-02-02 21:30", """
    Amira,

    Valentine's week is our biggest after Christmas so I want to go big this year. Can we do
    a post every day from Monday the 9th to Saturday the 14th? Heart biscuits, the red velvet,
    the sharing box, the works. I'll get you all the photos by Thursday.

    Kate
    """, "out_of_scope", "quantity", "six feed posts in one week; limit is three")

mail("en-social", OLLIE, "pancake day post", "2026-02-18 12:14", """
    Hi Amira,

    The pancake day post did brilliantly, we had people coming in asking for the lemon sugar
    crêpes by name. Shall we put £50 behind it so more locals see it? Kate says fine by her.

    Ollie
    Shop Manager, Maple & Thistle
    """, "out_of_scope", "excluded", "boosting a post with paid budget (paid advertising excluded)",
     cte="quoted-printable")

mail("en-social", KATE, "No photos this week", "2026-02-25 16:02", """
    Hi Amira, disaster week - the deck oven packed in on Monday and I've been on the phone to
    engineers ever since, so I haven't taken a single photo. I just can't face it. Could you
    come by on Thursday and take some shots of the counter and the new cake display? Anything
    that looks nice.

    Kate
    """, "out_of_scope", "client_duty", "asks the VA to take the photos, which the bakery provides")

mail("en-social", KATE, "January report", "2026-02-03 13:27", """
    Amira, just read January's report - loved it! The numbers on the cake reel were mad, I
    had no idea that many people had watched it. Nothing needed from you, just wanted to say
    thank you. It's really working.

    Kate x
    """, "no_request", "", "compliment on the report; explicitly nothing needed")

mail("en-social", KATE, "March plan", "2026-02-10 09:40", """
    Hi Amira,

    I'm away visiting family from the 20th of February until the 1st of March with patchy
    signal at best, so I need March's content calendar by the 16th so I can sign it off before
    I go. Is that doable?

    Thanks lovely
    Kate
    """, "out_of_scope", "deadline", "March calendar wanted by 16 Feb; agreement says by the 25th")

mail("en-social", KATE, "Mother's Day wishlist", "2026-02-27 22:05", """
    Hi Amira,

    Mother's Day is the 15th of March so I've been having a think about what we need:

    - the Mother's Day cakes need to be on the shop page of the website so people can order
      ahead
    - we'll need a newsletter going out to the mailing list about pre-orders, maybe two weeks
      before
    - a countdown in the stories the week before would be fun

    Menu and prices are attached. Let me know what you think!

    Kate
    """, "out_of_scope", "excluded",
     "website shop page and newsletter are excluded; stories countdown is in scope")

mail("en-social", KATE, "newsletter!", "2026-03-04 15:18", """
    Amira, guess what, I'm going to try writing the Mailchimp newsletter myself this month.
    I did a course on Saturday and I'm feeling brave. Wish me luck! Will let you know how it
    goes.

    K
    """, "no_request", "", "Kate will write the newsletter herself")

mail("en-social", OLLIE, "TikTok?", "2026-03-10 11:36", """
    Hey Amira,

    Do you do TikTok as well? Lots of our younger customers keep asking if we're on there.
    What would it cost roughly if we wanted to add it after Easter? Just asking for now,
    Kate wants to think about it.

    Ollie
    """, "no_request", "", "question about a possible extra service and its price")

mail("en-social", KATE, "This weekend", "2026-03-13 17:10", """
    Hi Amira,

    Just a heads up that we're at the Saturday farmers' market tomorrow, so if anyone
    messages asking whether we're open, the shop is shut until 2. No need to do anything over
    the weekend, Monday morning is absolutely fine for replies.

    Have a good one!
    Kate
    """, "no_request", "", "news about the weekend; explicitly no weekend work wanted")

mail("en-social", KATE, "That review + hours", "2026-03-03 08:22", "", "in_scope", "",
     "reply to a review and a story on new opening hours (hours supplied by Kate); HTML-only",
     html="""
    <html><head><meta charset="utf-8"></head><body>
    <p>Morning Amira,</p>
    <p>Could you reply to the lady who left the two-star review about the gluten-free
    brownies? Something kind &ndash; we&#8217;ve changed the recipe since, and she&#8217;s
    welcome to a free one next time she&#8217;s in.</p>
    <p>And a story this week with our new opening hours please:<br>
    <b>Mon&ndash;Fri 7.30&ndash;4, Sat 8&ndash;3, closed Sundays from April.</b></p>
    <p>Thanks!<br>Kate</p>
    <p><i>Maple &amp; Thistle Bakery &middot; Celebration cakes &middot; Wholesale &middot;
    Baking classes</i></p>
    </body></html>
    """)

mail("en-social", KATE, "Re: Sourdough post is live", "2026-01-28 19:03", """
    Just out of interest, what time do the Wednesday posts usually go out? My mum keeps
    asking me and I never know what to tell her 😂

    K

    On Wed, 28 Jan 2026 at 10:02, Amira Shah <amira@amirasocial.example.co.uk> wrote:
    > Hi Kate, quick one - the seeded sourdough post is live!
    """, "no_request", "", "question for information only", reply="social-times-1")

mail("en-social", KATE, "Re: pancake day post", "2026-02-18 16:50", """
    Ok understood, we'll leave it for now then. Thanks for explaining!

    Kate

    On Wed, 18 Feb 2026 at 14:31, Amira Shah <amira@amirasocial.example.co.uk> wrote:
    > Hi Ollie and Kate,
    >
    > Boosted posts are paid advertising, which isn't part of our agreement - I can quote
    > for it separately if you'd like.
    >
    > On Wed, 18 Feb 2026 at 12:14, Ollie Brennan <ollie@mapleandthistle.example.com> wrote:
    >> Shall we put £50 behind it so more locals see it?
    """, "no_request", "", "accepts the answer; the boost request is only in quoted history",
     reply="social-boost-0|social-boost-1")

mail("en-social", KATE, "Vegan range is here!", "2026-03-17 20:45", """
    Hi Amira,

    The vegan range launches on Monday! Four bakes to start with: the chocolate orange
    brownie, a lemon drizzle, cinnamon knots and an oat cookie. Photos are in the Drive and
    the prices are on the sheet Ollie made. Really excited about this one - it's taken
    months to get the brownie right.

    Kate

    P.S. can you design the little price cards for the counter too? Canva is fine, A6 size.
    """, "out_of_scope", "new_work", "request only in the P.S.: designing printed counter price cards (new work)")

mail("en-social", OLLIE, "Re: February planner", "2026-01-23 14:08", """
    Hi Amira,

    Kate's had a look and the February planner is approved - she loves it. One small change:
    can you swap Thursday's story about the flour delivery to Friday? We're getting the
    delivery a day late that week.

    Ta
    Ollie

    > On 22 Jan 2026, at 16:40, Amira Shah <amira@amirasocial.example.co.uk> wrote:
    > Hi both, February's content calendar is attached for approval.
    """, "in_scope", "", "approves the content calendar and moves one story", reply="social-feb-1")

# --------------------------------------------------------------------------------------------
# en-web: Priya (studio owner) and Sam (co-teacher) at Bright Fern Yoga, British English
# --------------------------------------------------------------------------------------------
PRIYA = "Priya Kapoor <priya@brightfernyoga.example.com>"
SAM = "Sam Okoye <sam@brightfernyoga.example.com>"
FERN_SIG = """
    Priya Kapoor
    Bright Fern Yoga · Vinyasa · Yin · Pregnancy yoga · Teacher training
"""

mail("en-web", PRIYA, "Re: Mockups - round 1", "2026-02-02 10:18", """
    Hi Leo,

    Here's our feedback on the first round, Sam and I went through them together last night:

    - the header should be bigger, at the moment the logo gets a bit lost
    - on mobile the timetable needs to be the first thing you see under the header
    - softer green on the buttons, this one is a bit minty
    - love the About page, no changes

    Thanks!
    """ + FERN_SIG, "in_scope", "", "feedback list for the first revision round",
     reply="web-mockups-1")

mail("en-web", PRIYA, "Texts", "2026-01-29 22:41", """
    Hi Leo,

    I'm so sorry, I'm drowning with the teacher training course starting and I really can't
    get round to the texts for the About and Classes pages. Could you write them? You know the
    vibe by now - warm, not too woo-woo. The Home page text is nearly done, I'll send that
    one myself.

    Priya
    """, "out_of_scope", "client_duty", "asks the designer to write page texts; copy is the client's to provide")

mail("en-web", SAM, "online booking", "2026-02-05 12:30", """
    Hi Leo,

    Students keep asking whether they'll be able to book and pay for classes online. We know
    that's not part of this project - Priya and I want to get the new site settled first and
    then look at booking systems next year, possibly with you. Just letting you know it's on
    our radar.

    Sam
    """, "no_request", "", "mentions a possible later booking system; explicitly not asking now")

mail("en-web", PRIYA, "Two more pages", "2026-02-09 17:52", """
    Hi Leo,

    Now that the retreats are confirmed and the teacher training has its first cohort, we
    need two more pages: Retreats and Teacher Training. They'd sit alongside Classes in the
    menu. I'll send the texts for both this week.

    Priya
    """, "out_of_scope", "quantity", "two extra pages on top of the five agreed")

mail("en-web", PRIYA, "The mockups!!!", "2026-02-12 21:05", "", "no_request", "",
     "compliment; written approval will follow later; HTML-only",
     html="""
    <div>Leo,</div>
    <div>&nbsp;</div>
    <div>The revised mockups are <b>gorgeous</b>! I showed them to the teachers after the
    evening class and everyone was thrilled. Sam&#39;s seeing them tomorrow morning and I&#39;ll
    send you our written approval once he has.</div>
    <div>&nbsp;</div>
    <div>Priya x</div>
    <div>&nbsp;</div>
    <div style="font-size:10px;color:#5a7d5a">Bright Fern Yoga &middot; breathe &middot; move &middot; rest</div>
    """)

mail("en-web", PRIYA, "Open day", "2026-02-16 09:12", """
    Hi Leo,

    We've fixed the date for our open day - Saturday 28 February - and we're printing the
    site address on everything. We really need the site live by the 25th so people can look
    at the timetable beforehand. Can we bring the launch forward?

    Priya
    """, "out_of_scope", "deadline", "launch wanted by 25 Feb; agreement says 13 March")

mail("en-web", PRIYA, "Re: Mockups - round 2", "2026-02-20 15:40", """
    Hi Leo,

    I know we've had our two rounds already, but could we do one more? Looking at it again
    with fresh eyes, a few things are bugging me:

    1. the Classes page feels very text-heavy
    2. the footer could be a touch darker
    3. could the Contact page map be a bit smaller?

    Sorry!
    Priya

    On Wed, 18 Feb 2026 at 11:02, Leo Harris <leo@leoharris.example.co.uk> wrote:
    > Hi Priya, round two changes are done - updated mockups attached.
    """, "out_of_scope", "quantity", "asks for a third revision round; agreement allows two",
     reply="web-mockups-2")

mail("en-web", PRIYA, "Catching up after the weekend", "2026-02-23 11:27", """
    Hi Leo,

    Hope you had a good weekend. Ours was full-on with the retreat taster day, but it went
    really well and we got a few new sign-ups, which is lovely timing with the site nearly
    ready.

    Sam has finally finished sorting the class descriptions, so you should have those in the
    shared folder by now, along with the updated teacher bios.

    For the open day we'll need a flyer, something simple in the new colours with the
    timetable on the back. And after launch, could you keep the plugins updated every month?
    I'm nervous about breaking something.

    We don't really have good photos of the studio either - could you pick some off our
    Instagram and tidy them up for the Home page?

    Otherwise all good here, the new mats arrived and they're lovely.

    Priya
    """, "out_of_scope", "excluded;client_duty",
     "long mail: flyer (branding) and plugin updates (maintenance) are excluded; finding photos is the client's")

mail("en-web", SAM, "SEO", "2026-03-02 13:55", """
    Hi Leo,

    Out of curiosity - do you do SEO as well? What would that cost roughly, after the site is
    launched? We're gathering quotes for our budget meeting in April, so no decision yet.

    Cheers,
    Sam
    """, "no_request", "", "price question about SEO for later")

mail("en-web", PRIYA, "Training", "2026-03-05 08:45", """
    Morning Leo,

    Can we book the training session for the week after launch? Tuesday or Thursday morning
    would suit us best. Sam and I will both be there so we both know how to change the
    timetable.

    Thank you!
    Priya
    """, "in_scope", "", "one training session for two people")

mail("en-web", PRIYA, "email addresses", "2026-03-06 19:30", """
    Hi Leo,

    Could you also set up email addresses for the teachers on our domain? hello@, sam@,
    anita@ and bookings@ would be a start. At the moment everyone is using their personal
    Gmail and it looks a bit unprofessional.

    Priya
    """, "out_of_scope", "new_work", "setting up e-mail accounts on the domain is new work")

mail("en-web", PRIYA, "Instagram feed", "2026-02-26 12:12", """
    Hi Leo,

    Forget the Instagram feed thing I mentioned on the phone yesterday - Sam and I talked it
    over and we both think it would just be clutter on the Home page. Keep it as it is.

    Priya
    """, "no_request", "", "withdraws an earlier idea")

mail("en-web", PRIYA, "Photos for Classes + launch", "2026-03-10 14:02", """
    Hi Leo,

    Finally! Here are the photos for the Classes page from Thursday's shoot:
    https://files.example.com/brightfern/classes-march

    Please swap out the placeholder ones and then we're good to publish the site on the 13th
    as planned. So excited.

    Priya
    """, "in_scope", "", "client supplies photos; publish on the agreed launch date",
     cte="quoted-printable")

mail("en-web", SAM, "Re: contact form test", "2026-03-11 18:20", """
    Yep got the test enquiry, all working 👍

    Sent from my iPhone

    > On 11 Mar 2026, at 17:55, Leo Harris <leo@leoharris.example.co.uk> wrote:
    >
    > Hi Sam, I've just sent a test message through the contact form - could you check it
    > arrived in the studio inbox?
    >
    >> On 10 Mar 2026, at 09:30, Priya Kapoor <priya@brightfernyoga.example.com> wrote:
    >>
    >> Can the form send to hello@ rather than my personal address?
    """, "no_request", "", "confirms a test; the requests are only in quoted history",
     reply="web-form-1|web-form-2")

# --------------------------------------------------------------------------------------------
# Strangers: senders that are not in any agreement's contacts
# --------------------------------------------------------------------------------------------
mail("en-admin", "Ellen Whitfield <ellen.whitfield@homemail.example.org>", "flights for Thanksgiving?",
     "2026-03-30 20:11", """
    Hi Jess,

    Dana gave me your email - I'm her sister. Could you look at flights from Tucson to Newark
    for Thanksgiving for me and my husband? Dana said you're amazing at finding good ones.

    Thanks so much,
    Ellen
    """, "unknown_sender", "", "Dana's sister, not a contact of the agreement", client="")

mail("en-books", "Neil Barker <neil@kestrelheating.example.co.uk>", "Bookkeeping enquiry",
     "2026-06-03 09:50", """
    Hello Ruth,

    Gareth Carver passed on your details - he speaks very highly of you. We're a small heating
    firm (four engineers) and our books are in a bit of a state. Would you have capacity to
    take us on from July, and could you send over your rates?

    Kind regards
    Neil Barker
    Kestrel Heating Services
    """, "unknown_sender", "", "prospective new client, not a contact", client="")

mail("en-social", "Hannah Birch <hannah.birch@mailbox.example.net>", "Wedding cake",
     "2026-02-11 13:33", """
    hi there, I got this address off your instagram bio, is this the bakery? we're getting
    married in june and would love a three tier lemon and elderflower cake for 80 guests.
    can you send me prices please

    thanks Hannah
    """, "unknown_sender", "", "a customer writing to the social media manager", client="")

mail("en-web", "Priya K <priya.kapoor.home@personalmail.example.com>", "from my phone - timetable",
     "2026-03-08 07:58", """
    Leo it's Priya, on my personal email as the studio one won't load on my phone. Can you
    move Sunday's yin class to 6pm on the timetable page? Thx

    Sent from my iPhone
    """, "unknown_sender", "", "Priya writing from a personal address that is not in the contacts", client="")


if __name__ == "__main__":
    main()
