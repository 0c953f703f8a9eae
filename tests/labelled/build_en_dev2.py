"""Build the second English development split (tests/labelled/mail/en/dev2/) and
labels-en-dev2.csv from the hand-written mails below.

Each mail is written on its own against one of the five agreements in tests/labelled/scopes/en-*.yaml;
this script only wraps the texts into RFC 5322 files (headers, threading, charsets, HTML-only bodies).
Run: .venv/bin/python tests/labelled/build_en_dev2.py
"""
from __future__ import annotations

import csv
import hashlib
from datetime import datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "mail" / "en" / "dev2"
LABELS = HERE / "labels-en-dev2.csv"

# The freelancer behind each agreement: the mails are addressed to them.
VA = {
    "en-admin": "Lena Ortiz <lena@ortizassist.example.net>",
    "en-books": "Fiona Blake <fiona@blakebookkeeping.example.co.uk>",
    "en-painter": "Dave Hollis <dave@hollisdecorating.example.co.uk>",
    "en-social": "Jess Moran <jess@moransocial.example.co.uk>",
    "en-web": "Owen Pryce <owen@prycestudio.example.co.uk>",
}

UK = timezone.utc
US_EAST = timezone(timedelta(hours=-5))
US_EAST_DST = timezone(timedelta(hours=-4))
UK_BST = timezone(timedelta(hours=1))

MAILS: list[dict] = []


def mail(agreement: str, sender: str, subject: str, when: datetime, body: str, verdict: str,
         categories: str = "", note: str = "", *, client: str | None = None,
         reply_to: str | None = None, html: bool = False, alt_html: str | None = None,
         charset: str = "utf-8", cte: str | None = None) -> None:
    """Queue one mail; `reply_to` is the subject-stem seed of the message it answers."""
    MAILS.append(dict(agreement=agreement, sender=sender, subject=subject, when=when, body=body,
                      verdict=verdict, categories=categories, note=note,
                      client=agreement if client is None else client, reply_to=reply_to,
                      html=html, alt_html=alt_html, charset=charset, cte=cte))


def _msgid(seed: str, domain: str) -> str:
    return "<%s@%s>" % (hashlib.sha1(seed.encode()).hexdigest()[:20], domain)


def build_message(number: int, m: dict) -> EmailMessage:
    msg = EmailMessage(policy=policy.default)
    msg["From"] = m["sender"]
    msg["To"] = VA[m["agreement"]]
    msg["Subject"] = m["subject"]
    msg["Date"] = format_datetime(m["when"])
    sender_domain = m["sender"].rsplit("@", 1)[1].rstrip(">")
    msg["Message-ID"] = _msgid("dev2-%04d-%s" % (number, m["subject"]), sender_domain)
    if m["reply_to"]:
        # A reply to an earlier mail in this set threads onto it; otherwise onto the freelancer's
        # message (not part of the set) that opened or continued the thread.
        earlier = [(i, e) for i, e in enumerate(MAILS[:number - 1], start=1)
                   if e["agreement"] == m["agreement"] and e["subject"] == m["reply_to"]]
        if earlier:
            i, e = earlier[-1]
            e_domain = e["sender"].rsplit("@", 1)[1].rstrip(">")
            parent = _msgid("dev2-%04d-%s" % (i, e["subject"]), e_domain)
            references = parent
        else:
            va_domain = VA[m["agreement"]].rsplit("@", 1)[1].rstrip(">")
            parent = _msgid("parent-" + m["reply_to"], va_domain)
            references = "%s %s" % (_msgid("root-" + m["reply_to"], sender_domain), parent)
        msg["In-Reply-To"] = parent
        msg["References"] = references
    if m["html"]:
        msg.set_content(m["body"], subtype="html", charset=m["charset"], cte=m["cte"] or "quoted-printable")
    else:
        msg.set_content(m["body"], charset=m["charset"], cte=m["cte"] or "8bit")
        if m["alt_html"]:
            msg.add_alternative(m["alt_html"], subtype="html", cte="quoted-printable")
    return msg


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.eml"):
        old.unlink()
    rows = []
    for number, m in enumerate(MAILS, start=1):
        name = "%04d.eml" % number
        (OUT / name).write_bytes(build_message(number, m).as_bytes(policy=policy.default))
        rows.append(["en/dev2/" + name, m["client"], m["verdict"], m["categories"], m["note"]])
    with LABELS.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["file", "client", "verdict", "categories", "note"])
        writer.writerows(rows)
    print("wrote %d mails to %s" % (len(rows), OUT))


def d(y, mo, day, h, mi, tz=UK):
    return datetime(y, mo, day, h, mi, tzinfo=tz)


# ---------------------------------------------------------------------------------------------
# en-admin: Whitfield Advisory LLC (Dana Whitfield, Mark), 5 Jan - 30 Jun 2026
# ---------------------------------------------------------------------------------------------
DANA = "Dana Whitfield <dana@whitfieldadvisory.example.com>"
MARK = "Mark Okafor <mark@whitfieldadvisory.example.com>"

mail("en-admin", DANA, "Thursday + a small favor", d(2026, 1, 20, 8, 12, US_EAST), """\
Hi Lena,

Two things this morning.

My 2pm with the Lyle Group on Thursday needs to slide to Friday, same time if they can do it.

And a favor: my niece Sophie turns nine on the 31st and I have completely dropped the ball.
Could you find her something nice (she's into horses at the moment, budget around $50) and have
it shipped to my sister's in Tacoma? I'll text you the address.

Thanks so much,
Dana

--
Dana Whitfield
Managing Partner, Whitfield Advisory LLC
""", "out_of_scope", "excluded", "birthday present for niece is a personal errand; the calendar move is fine")

mail("en-admin", MARK, "client survey", d(2026, 2, 3, 15, 40, US_EAST), """\
Lena -

Dana wants to send all our retained clients a short satisfaction survey before the
spring planning cycle. Nothing fancy, maybe ten questions. Could you build it in Google
Forms, send it out from the shared address and then pull the answers together into a
one-page summary for her at the end of the month?

Happy to go through the questions with you on a call if that helps.

Mark
""", "out_of_scope", "new_work", "building and analysing a client survey is not in any deliverable")

mail("en-admin", DANA, "March travel", d(2026, 2, 11, 19, 5, US_EAST), """\
Lena,

March is shaping up to be a travel-heavy month, I'm afraid. Here's what I need:

1. Chicago, Mar 4-6: flights out of Reagan, hotel near the Loop.
2. Austin for the Rivera pitch, Mar 11-12. One night is enough.
3. Denver for the partners' retreat, Mar 25-27. The retreat covers the lodge, so just flights
   and a rental car.

Aisle seats as always. Please send me the options before you pay for anything.

Dana
""", "out_of_scope", "quantity", "three trips in March; the agreement covers two trips a month")

mail("en-admin", DANA, "Feb expenses - tonight please", d(2026, 2, 26, 16, 22, US_EAST), """\
Hi Lena,

Finance has asked for February's numbers ahead of tomorrow morning's board meeting. Could you
get the February expense report into Expensify tonight, even if it means a late one? All the
receipts should already be in the shared folder.

Sorry for the short notice.
D.
""", "out_of_scope", "deadline", "February report normally due by 5 March; asked for the same evening")

mail("en-admin", DANA, "Tuesday partner meeting", d(2026, 3, 12, 7, 48, US_EAST_DST), """\
Morning Lena,

I'm on the road all week and I just won't get to the deck for Tuesday's partner meeting.
Could you put it together? Ten slides or so: Q1 pipeline, the two new hires, and the office
move. Mark has the numbers.

Also please confirm the meeting room with the building for 9am.

Thanks,
Dana

Sent from my iPhone
""", "out_of_scope", "client_duty", "slide deck for Dana's meeting is hers to provide; room confirmation is calendar work")

mail("en-admin", MARK, "Pearson invoice + LinkedIn", d(2026, 4, 9, 17, 55, US_EAST_DST), """\
<html><body>
<p>Hey Lena,</p>
<p>Couple of quick ones from me:</p>
<ul>
<li>Pearson &amp; Co still haven't had their Q1 invoice. Could you raise it in QuickBooks and send it
over? They've asked for it by Monday so ideally you'd get to it this weekend.</li>
<li>Dana's LinkedIn still says &quot;Senior Advisor&quot;. Can you change her headline to Managing Partner
while you're at it?</li>
</ul>
<p>Cheers,<br>Mark</p>
<p style="color:#888">Mark Okafor | Operations | Whitfield Advisory LLC</p>
</body></html>
""", "out_of_scope", "excluded;deadline", "client invoicing and LinkedIn are excluded; asked to work the weekend", html=True)

mail("en-admin", DANA, "Re: week ahead", d(2026, 1, 26, 6, 58, US_EAST), """\
Ben Alvarez's call on Thursday has to move to next week - any afternoon works for me.
And please decline that Salesforce webinar invite, I'm not going.

Sent from my iPhone

> On Jan 25, 2026, at 8:02 PM, Lena Ortiz <lena@ortizassist.example.net> wrote:
>
> Hi Dana, here's the week ahead. Monday: Lyle Group 10am. Thursday: Ben Alvarez 3pm.
> You also have an invite from Salesforce for a webinar on Wednesday - accept or decline?
""", "in_scope", "", "moving a call and declining an invite are calendar work", reply_to="week ahead")

mail("en-admin", MARK, "Re: Dana's requests from last week", d(2026, 2, 17, 10, 31, US_EAST), """\
Lena,

Dana's fine with leaving the gift thing, she sorted it herself. What she does need is a train
to Philadelphia on the 24th, out early and back the same evening, plus a car from 30th Street
to the Comcast Center and back. Acela if the price is sensible.

Mark

-----Original Message-----
From: Mark Okafor <mark@whitfieldadvisory.example.com>
Sent: Monday, February 9, 2026 4:15 PM
To: Lena Ortiz <lena@ortizassist.example.net>
Subject: Dana's requests from last week

Lena, Dana asked if you could pick up a gift for the Hendersons' anniversary and also update
her LinkedIn photo. Can you let me know if that's doable?
""", "in_scope", "", "a day trip by train with a car is travel; the gift and LinkedIn asks are only in the quoted mail", reply_to="Dana's requests from last week")

mail("en-admin", DANA, "my inbox", d(2026, 3, 2, 21, 14, US_EAST), """\
Lena -

I opened my inbox tonight and there are 412 unread messages, most of them newsletters I
signed up for at some conference. It's impossible to see what matters.

What I'd love is for the newsletters to skip the inbox and land in a "Reading" folder I can
look at on Fridays, and for anything from a client domain to be flagged. Whatever filters it
takes.

Thank you!
Dana
""", "in_scope", "", "statement of need for inbox filters and folders")

mail("en-admin", DANA, "NYC receipts for January", d(2026, 1, 28, 12, 3, US_EAST), """\
Hi Lena,

I've forwarded the receipts from the New York trip — hotel, two Ubers and the dinner
with the Cheng team. Please include them in January's expense report when you do it; the
dinner is client entertainment.

Best,
Dana
""", "in_scope", "", "January expense report by the 5th; Dana supplies the receipts herself", cte="quoted-printable")

mail("en-admin", DANA, "Boston", d(2026, 2, 20, 18, 40, US_EAST), """\
Lena,

I just got back from Boston and wanted to say thank you. The hotel was perfect, the car was
waiting when I landed, and moving the Friday call to the train was a lifesaver. The Ferreira
people noticed how smoothly everything ran, which never hurts.

Have a good weekend.

Dana
""", "no_request", "", "thanks only")

mail("en-admin", DANA, "Automatic reply: Q2 travel options", d(2026, 3, 30, 9, 0, US_EAST_DST), """\
Thank you for your email. I am out of the office from March 30 until April 6 with limited
access to email. For anything urgent, please contact Mark Okafor at
mark@whitfieldadvisory.example.com or call the office at (202) 555-0148.

Kind regards,
Dana Whitfield
""", "no_request", "", "out-of-office auto-reply", reply_to="Q2 travel options")

mail("en-admin", MARK, "RE: Denver hotel", d(2026, 5, 6, 11, 12, US_EAST_DST), """\
Hi Lena - ignore my note about the Denver hotel. The conference just went virtual, so
there's nothing to book. If you already put a hold on a room, it was refundable, right?
Either way no rush.

Mark

From: Mark Okafor
Sent: Tuesday, May 5, 2026 2:40 PM
To: Lena Ortiz
Subject: Denver hotel

Can you get Dana a hotel in Denver for May 19-21 close to the convention center?
""", "no_request", "", "withdraws the hotel booking; the question about the hold is for information", reply_to="Denver hotel")

mail("en-admin", DANA, "Expensify question", d(2026, 4, 15, 13, 26, US_EAST_DST), """\
Hi Lena, quick question out of curiosity: when a dinner goes on my Amex but half of it was
personal, does Expensify let you split the receipt, or do you just enter the business part?
Nothing to change on the March report, I'm just wondering how it works.

D
""", "no_request", "", "question for information only")


# ---------------------------------------------------------------------------------------------
# en-books: Carver & Sons Plumbing Ltd (Gareth Carver, office: Sue), 2026
# ---------------------------------------------------------------------------------------------
GARETH = "Gareth Carver <gareth@carverplumbing.example.com>"
SUE = "Sue Brennan <sue@carverplumbing.example.com>"

mail("en-books", GARETH, "new lad", d(2026, 1, 9, 18, 47), """\
Fiona

Got a new apprentice starting monday, Liam Price. Can you get him set up on the payroll and do
his payslips from this month, he's on £7.55 an hour. His P45 is in the van ill drop it round.

Cheers
Gareth

Sent from my Samsung Galaxy smartphone.
""", "out_of_scope", "excluded", "payroll and payslips are excluded")

mail("en-books", SUE, "Van stock spreadsheet?", d(2026, 2, 4, 10, 15), """\
Hi Fiona,

The lads keep running out of fittings on jobs because nobody knows what's on which van. Gareth
wondered if you could set us up a stock sheet for the three vans, what's on each, what's been
used on which job, and what needs reordering from the merchant each week. You're better with
spreadsheets than any of us!

Let me know what you'd charge.

Thanks
Sue Brennan
Office Manager, Carver & Sons Plumbing Ltd
""", "out_of_scope", "new_work", "van stock tracking is not bookkeeping, invoicing, VAT or reporting")

mail("en-books", GARETH, "march invoices", d(2026, 3, 30, 17, 3, UK_BST), """\
Hi Fiona, mad month. Theres 52 job sheets for March in the folder, can you raise invoices for
all of them before the month's out. Most are boiler services so same price.

G
""", "out_of_scope", "quantity", "52 invoices in one month; the agreement covers up to 40")

mail("en-books", GARETH, "P&L for the bank", d(2026, 2, 2, 7, 35), """\
Morning Fiona,

Got a meeting with the bank on Monday 9th about the loan for the new van. They want to see
January's profit and loss. Any chance you could have it to me by this Friday (6th) so I can go
through it over the weekend?

Ta
Gareth
""", "out_of_scope", "deadline", "January P&L is due by 10 February; asked for the 6th")

mail("en-books", GARETH, "receipts", d(2026, 3, 4, 20, 11), """\
Fiona sorry, I havent managed to get the receipts onto Dext this month. Theyre all in a
carrier bag in the van, must be 60 odd. Could you pop over and scan them in for me? Or I can drop
the bag at yours Thursday.

Gareth
""", "out_of_scope", "client_duty", "uploading receipts to Dext is the client's job")

mail("en-books", GARETH, "Re: Q1 VAT return", d(2026, 4, 2, 8, 20, UK_BST), """\
Fiona,

Thanks for the reminder. Thing is Im in Tenerife from the 11th for two weeks so I'd like the
VAT done and filed before I go, can you do it this weekend? Happy to pay extra.

Also while I think of it my self assessment is due and my accountant retired. Could you do
that for me this year?

Gareth

On Wed, 1 Apr 2026 at 16:02, Fiona Blake <fiona@blakebookkeeping.example.co.uk> wrote:
> Hi Gareth, just a heads-up that the Q1 VAT return (Jan-Mar) is due on 7 May. I'll have the
> draft ready for you to review by the end of April.
> Fiona
""", "out_of_scope", "deadline;excluded", "VAT asked for a weekend well before 7 May; self assessment is excluded", reply_to="Q1 VAT return")

mail("en-books", SUE, "February invoices + credit note", d(2026, 2, 23, 14, 52), """\
Hi Fiona,

23 job sheets are up on the shared drive for February so far. Could you raise the invoices for
those, please? One more thing: we overcharged Mrs Patel at 14 Elm Road for the radiator valve,
so she needs a credit note for £85.

Thanks very much,
Sue
""", "in_scope", "", "23 invoices and a credit note, within 40 a month")

mail("en-books", GARETH, "bank feed", d(2026, 3, 16, 12, 40), """\
<div dir="ltr"><div>Hi Fiona</div><div><br></div><div>Bank feed in Xero stopped on the 12th, Santander say it's their end and
should be back tomorrow.</div><div><br></div><div>Gareth</div><div><br></div><div>PS once it's
working again can you reconcile February? I know its late, my fault.</div></div>
""", "in_scope", "", "only request is in the P.S.: February reconciliation", html=True)

mail("en-books", GARETH, "Re: Q1 VAT return - draft for review", d(2026, 5, 1, 19, 2, UK_BST), """\
Looked through it, all fine. Go ahead and submit to HMRC.

Gareth

On Thu, 30 Apr 2026 at 11:45, Fiona Blake <fiona@blakebookkeeping.example.co.uk> wrote:
> Hi Gareth, the draft Q1 VAT return is attached: £4,312.18 to pay. Please check the figures
> and let me know if I can submit it. Could you also remember to upload April's receipts?
""", "in_scope", "", "submitting the reviewed quarterly VAT return", reply_to="Q1 VAT return - draft for review")

mail("en-books", GARETH, "few corrections", d(2026, 2, 12, 21, 30), """\
Fiona,

Had a look at January's summary, couple of things:

- the £1,240 to Travis Perkins is materials, not tools
- van diesel should be under motor costs not sundries
- the Screwfix refund on the 19th hasnt been matched to anything

Otherwise looks good.
Gareth
""", "in_scope", "", "feedback list of categorisation corrections to the books", charset="windows-1252")

mail("en-books", SUE, "March paperwork", d(2026, 4, 2, 9, 5, UK_BST), """\
Morning Fiona,

Just to let you know all March's supplier bills and receipts are on Dext now, and the last
week's job sheets went in the folder yesterday afternoon. Gareth's out on a big bathroom job
in Harrogate most of this week.

Sue
""", "no_request", "", "status: the client's own paperwork is done")

mail("en-books", GARETH, "news", d(2026, 5, 21, 18, 15, UK_BST), """\
Evening Fiona,

Bit of news. We've bought a second hand van off Dawson's, collecting it next week, and our
Connor has passed his gas safe so he's also going out on his own from June. Busy times!

G
""", "no_request", "", "news that contains 'also', no work asked")

mail("en-books", SUE, "Re: Hendersons", d(2026, 6, 3, 11, 48, UK_BST), """\
Hi Fiona,

No need to chase the Hendersons after all, they paid in full this morning. Sorry for
dragging you into it.

Sue

> From: Sue Brennan
> Sent: 01 June 2026 15:10
> To: Fiona Blake
> Subject: Hendersons
>
> Fiona, the Hendersons still owe us £960 from March. Could you give them a ring and
> chase it?
""", "no_request", "", "negates the earlier chasing request quoted below", reply_to="Hendersons")

mail("en-books", GARETH, "January figures", d(2026, 2, 10, 19, 22), """\
Cheers Fiona, got January's figures. Better than I thought!

Gareth Carver
Carver & Sons Plumbing Ltd
Boiler installs | Bathrooms | Emergency call-outs | Landlord gas safety certificates
Gas Safe reg. 555123  |  07700 900456
""", "no_request", "", "thanks; signature lists the business's services")


# ---------------------------------------------------------------------------------------------
# en-painter: Rosewood Guest House (Helen and Tom Ashworth), 2 Feb - 20 Mar 2026
# ---------------------------------------------------------------------------------------------
HELEN = "Helen Ashworth <helen@rosewoodguesthouse.example.com>"
TOM = "Tom Ashworth <tom@rosewoodguesthouse.example.com>"

mail("en-painter", TOM, "weather", d(2026, 2, 10, 7, 2), """\
Morning Dave,

Forecast says dry all week for once. Helen's off to her mum's Wednesday so I'll be about if
you need letting in, back door's open from 7.30.

Tom

P.S. While you've got the big ladders here, any chance you could give the front window frames
a coat outside? They're peeling something awful.
""", "out_of_scope", "excluded", "the only request, in the P.S., is exterior work")

mail("en-painter", HELEN, "Bedside tables", d(2026, 2, 18, 13, 30), """\
Dear Dave,

Room 1 looks lovely, thank you. The new bedside tables for room 1 have arrived flat-packed,
and I'm afraid neither Tom nor I have the patience. Would you be willing to assemble the two
of them once the paint has hardened, and fit the new coat hooks behind the door?

With thanks,
Helen Ashworth
Rosewood Guest House
""", "out_of_scope", "new_work", "furniture assembly and fitting hooks are not painting work")

mail("en-painter", HELEN, "The attic room", d(2026, 2, 24, 20, 5), """\
Dear Dave,

Tom and I have been talking, and since you are here anyway we would like the little attic room
done as well, as a fourth room. It is only small: walls and ceiling, the same Skimming Stone as
room 2. Could you fit it in after room 3?

Kind regards,
Helen
""", "out_of_scope", "quantity", "a fourth room; the agreement covers three")

mail("en-painter", HELEN, "Room 2 - early guests", d(2026, 2, 26, 17, 48), """\
Dear Dave,

A party of four has booked from Monday 2 March and I would very much like to give them room 2.
Would you be able to work on Saturday and Sunday so that it is finished and aired by then? We
would of course pay whatever the weekend rate is.

Best wishes,
Helen
""", "out_of_scope", "deadline", "asks for weekend work to finish room 2 sooner")

mail("en-painter", TOM, "room 3", d(2026, 3, 1, 19, 55), """\
Dave, I've done my back in lifting the mattress out of room 2 last week. I can't move the
wardrobes out of room 3. Could you shift them when you're in Monday, along with the bed
frame? Sorry mate.

Tom
""", "out_of_scope", "client_duty", "emptying the room of furniture is the guest house's job")

mail("en-painter", HELEN, "Room 3 plans", d(2026, 2, 25, 9, 12), """\
Dear Dave,

A few things before you start on room 3 next week:

I haven't managed to get to the trade counter yet, so could you collect the paint on your way
in on Monday? It's on account under Rosewood, four tins of Pale Powder and two of Wevet.

Also, the old wallpaper behind the bed is coming away at the seams. It would be so much nicer
if it came off before you paint. Would you strip it for us?

Many thanks,
Helen
""", "out_of_scope", "client_duty;excluded", "buying the paint is the client's duty; stripping wallpaper is excluded")

mail("en-painter", HELEN, "Room 1 walk-through", d(2026, 2, 13, 16, 40), """\
Dear Dave,

Thank you for walking me round room 1 this afternoon. I am very happy with it, please go ahead
with room 2.

Before you paint in there, could you fill the crack that runs above the door frame and give
the skirting boards a proper sand? They have several layers of old gloss on them.

Kind regards,
Helen
""", "in_scope", "", "approval plus prep work and woodwork in room 2")

mail("en-painter", TOM, "landing", d(2026, 3, 3, 12, 8), """\
can u do the landing next instead of room 3? beds still in 3 till weds

Sent from my iPhone
""", "in_scope", "", "one-liner: the landing is in the hallway deliverable")

mail("en-painter", HELEN, "Room 2 - a few bits", d(2026, 3, 2, 16, 50), """\
Dear Dave,

A few bits I noticed after our walk-through of room 2 this afternoon:

• the ceiling edge above the window needs touching in, you can see the old white
• there's a drip on the door frame, about handle height
• the wall behind the radiator has been missed at the bottom

Otherwise it's lovely — the colour is exactly what I'd hoped.

Best,
Helen
""", "in_scope", "", "feedback list of snagging within walls, ceilings and woodwork", cte="quoted-printable")

mail("en-painter", TOM, "Re: next week", d(2026, 3, 6, 18, 22), """\
Helen says hallway and staircase Monday as planned then, go for it. She's put the order in
at the trade counter for the hall colour, I'll collect it Saturday.

Tom

On Fri, 6 Mar 2026 at 15:31, Dave Hollis <dave@hollisdecorating.example.co.uk> wrote:

> Hi Tom, the landing is done. Next week I'd start the hallway and staircase on Monday.
>
> Tom wrote earlier:
>> Dave, while you're at it could you paint the fence at the back? Helen doesn't know yet.
""", "in_scope", "", "go-ahead for hallway and staircase; fence request only in the quoted history", reply_to="next week")

mail("en-painter", HELEN, "Looking ahead", d(2026, 3, 17, 10, 4), """\
Dear Dave,

Now that the rooms are nearly done, I wanted to say that if the Easter season goes well, we
may want to have the dining room and the outside of the house done in the autumn. I would
rather wait and see how bookings go, so nothing for now, but I wanted you to hear it from us
first.

Warm regards,
Helen
""", "no_request", "", "hypothetical later project, explicitly nothing for now")

mail("en-painter", HELEN, "Paint delivered", d(2026, 2, 5, 14, 16), """\
Dear Dave,

The paint arrived from the trade counter today: six tins of Skimming Stone for rooms 1 and 2, two
of Wevet for the ceilings and the satinwood for the doors (£212.40 on the account). It is
all in the utility room.
Room 1 is cleared and the curtains are down.

Regards,
Helen Ashworth
""", "no_request", "", "news: the client has done her own duties", charset="iso-8859-1")

mail("en-painter", TOM, "Re: shed", d(2026, 2, 27, 8, 45), """\
Forget what I said about the shed. Helen says we're getting a new one from Homebase in the
spring anyway so no point painting the old one.

Tom

> On 26 Feb 2026, at 18:30, Tom Ashworth <tom@rosewoodguesthouse.example.com> wrote:
> Dave can you give the shed a coat of that green stuff if theres any left?
""", "no_request", "", "withdraws the earlier shed request", reply_to="shed")

mail("en-painter", HELEN, "Finishing times", d(2026, 2, 9, 11, 20), """\
Dear Dave,

What time do you usually pack up in the afternoons? We have guests checking in from four and I
would like to tell them when the van will be gone from the drive.

Thank you,
Helen
""", "no_request", "", "question for information only")


# ---------------------------------------------------------------------------------------------
# en-social: Maple & Thistle Bakery (Kate Lindsay, shop: Ollie), 5 Jan - 31 Mar 2026
# ---------------------------------------------------------------------------------------------
KATE = "Kate Lindsay <kate@mapleandthistle.example.com>"
OLLIE = "Ollie Grant <ollie@mapleandthistle.example.com>"

mail("en-social", KATE, "Valentine's post", d(2026, 2, 9, 21, 33), """\
Hi Jess!!

The Valentine's heart cake post is doing so well already 😍 I reckon if we put £40 behind it
and boost it to people within 5 miles we'd sell out the pre-orders. Can you set that up
tomorrow?

K x
""", "out_of_scope", "excluded", "boosting a post is paid advertising")

mail("en-social", KATE, "TikTok??", d(2026, 1, 22, 13, 10), """\
Hi Jess,

My niece keeps telling me we're missing out by not being on TikTok. I've no idea where to
start. Would you be able to set up an account for us and start posting our videos there too,
maybe a couple a week? I'll keep sending the footage as normal.

Kate
Maple & Thistle Bakery
""", "out_of_scope", "new_work", "a TikTok account is a new platform outside the agreed Instagram/Facebook work")

mail("en-social", KATE, "Pancake week!", d(2026, 2, 11, 8, 50), """\
Morning Jess,

Shrove Tuesday is on the 17th and we're doing a whole pancake week, different topping every
day. I'd love a feed post every day from Monday to Saturday next week, one per topping. Photos
coming Thursday as usual.

Thanks!
Kate
""", "out_of_scope", "quantity", "six feed posts in one week; the agreement has three")

mail("en-social", KATE, "March calendar early?", d(2026, 2, 12, 16, 4), """\
Hi Jess,

I'm off to Lanzarote from the 20th (finally!) and I'd like to approve the March plan before I
go. Could you send me the March content calendar by Wednesday the 18th?

Mother's Day and the Easter pre-order campaign details are in the shared doc.

Thanks, Kate
""", "out_of_scope", "deadline", "calendar due by 25 February; asked for the 18th")

mail("en-social", KATE, "photos this week", d(2026, 3, 4, 18, 25), """\
Jess I'm so sorry, it's been manic with two of the girls off sick and I haven't taken a single
photo this week. Could you pop into the shop on Thursday morning and take some of the new
sourdough and the rhubarb tarts? Whatever you need for next week's posts.

Kate
""", "out_of_scope", "client_duty", "taking the photos is the bakery's job")

mail("en-social", OLLIE, "mothers day", d(2026, 3, 5, 15, 41), """\
hi jess, can u put the mothers day afternoon tea offer in the newsletter this week too? and kate
says someone needs to answer the DMs over the weekend cos its our busiest one. ta

Sent from my iPhone
""", "out_of_scope", "excluded;deadline", "newsletter is excluded; DMs are weekdays only, weekend asked")

mail("en-social", KATE, "Re: February content calendar", d(2026, 1, 23, 10, 17), """\
Hi Jess, thanks for this, it looks great. Two changes:

The Wednesday 11th post should be the lemon drizzle rather than the brownies, we're pushing
lemon all week. And the caption for the 14th feels a bit flat, could you make it warmer? Less
"order now", more "treat someone you love".

Otherwise approved!
Kate

On Thu, 22 Jan 2026 at 17:45, Jess Moran <jess@moransocial.example.co.uk> wrote:
> Hi Kate, February's content calendar is attached for your approval. Three posts a week as
> usual, plus stories most days.
""", "in_scope", "", "changes to the content calendar and a caption", reply_to="February content calendar")

mail("en-social", KATE, "croissants", d(2026, 1, 29, 9, 2), """\
Hi Jess,

Photos and videos for next week are in the Dropbox. There's some lovely footage of Ollie
laminating the croissant dough. Could that go into stories through the week? Three or four
stories is plenty.

Kate
""", "in_scope", "", "three or four stories a week, within five; the bakery supplied the footage")

mail("en-social", KATE, "Re: Comment on the carrot cake post", d(2026, 2, 3, 12, 55), """\
Yes please just reply to her, we do gluten-free brownies every Saturday and she's welcome to
ring ahead and we'll put some by.

Kate

On Tue, 3 Feb 2026 at 11:20, Jess Moran <jess@moransocial.example.co.uk> wrote:
> Hi Kate, someone asked under the carrot cake post whether we do anything gluten-free.
> Shall I answer?
>
> On Mon, 2 Feb 2026 at 20:02, Kate Lindsay wrote:
>> Also can we boost the carrot cake post?? It's my favourite
""", "in_scope", "", "replying to a comment is community work; the boost request is only quoted", reply_to="Comment on the carrot cake post")

mail("en-social", KATE, "January report", d(2026, 2, 2, 19, 48), """\
<html><head><meta charset="utf-8"></head><body style="font-family:Arial">
<p>Hi Jess,</p>
<p>Whenever you've got January's report ready, could you send it over? I'm especially curious how
the reels did compared with the still photos.</p>
<p>Thanks,<br>Kate</p>
<p><b>Maple &amp; Thistle Bakery</b><br>42 Bruntsfield Place, Edinburgh</p>
</body></html>
""", "in_scope", "", "the monthly report", html=True)

mail("en-social", KATE, "Saturday!", d(2026, 2, 16, 9, 30), """\
Jess!

Just had to tell you, Saturday's queue was out the door by ten and three different people
said they came because of the cinnamon bun reel. We sold out by half twelve. Thank you!!

Kate x
""", "no_request", "", "thanks and news")

mail("en-social", KATE, "Out of office: Re: March content calendar", d(2026, 2, 23, 9, 0), """\
Hi, thanks for your message. I'm on holiday until Monday 2 March and won't be checking emails.
For cake orders please ring the shop on 0131 496 0721 or email ollie@mapleandthistle.example.com.

Kate
""", "no_request", "", "out-of-office auto-reply", reply_to="March content calendar")

mail("en-social", OLLIE, "Coffee", d(2026, 3, 12, 14, 6), """\
Hi Jess,

From next month we're also stocking beans from Dough & Co Roasters, which is pretty exciting.
Photos of the new bakes and the Easter window are going up Thursday as usual.

Ollie
""", "no_request", "", "news containing 'also'; photos are the bakery's own job")

mail("en-social", KATE, "Friday post time", d(2026, 1, 15, 7, 40), """\
Quick one: is Friday's post going out at 8 or 9? Just so I can warn the girls on the counter.

K
""", "no_request", "", "question for information only")


# ---------------------------------------------------------------------------------------------
# en-web: Bright Fern Yoga (Priya Shah, teacher: Marcus), 12 Jan - 20 Mar 2026
# ---------------------------------------------------------------------------------------------
PRIYA = "Priya Shah <priya@brightfernyoga.example.com>"
MARCUS = "Marcus Webb <marcus@brightfernyoga.example.com>"

mail("en-web", PRIYA, "Booking online", d(2026, 1, 27, 22, 10), """\
Hi Owen,

I've been looking at other studios' websites and nearly all of them let people book and pay
for a class right there. We lose people at the "email us to book" step, I'm sure of it. Could
we add that to ours? Stripe, or whatever you think is simplest.

Priya
""", "out_of_scope", "excluded", "class booking with payments is excluded")

mail("en-web", MARCUS, "teacher email addresses", d(2026, 2, 5, 13, 44), """\
Hey Owen,

Since you're already in the domain settings: we've got four teachers using Gmail addresses
for studio stuff, which looks a bit amateur. Could you set them up with @brightfernyoga
addresses on Google Workspace and move their old emails across?

Cheers,
Marcus
""", "out_of_scope", "new_work", "setting up staff e-mail accounts is not part of the website build")

mail("en-web", PRIYA, "Two more pages", d(2026, 2, 9, 9, 25), """\
Hi Owen,

On top of the five pages we agreed, we'd like a Teachers page with a short profile of each of
us, and a Pricing page with the class passes. Could you add both to the build?

Thanks,
Priya
""", "out_of_scope", "quantity", "seven pages; the agreement covers five")

mail("en-web", PRIYA, "Launch date", d(2026, 2, 13, 17, 5), """\
Hi Owen,

Bit of a change: we're holding an open day on Sunday 1 March and it would be amazing to
point people to the new site. Could we go live on the 27th of February instead of the 13th of
March?

Best,
Priya
""", "out_of_scope", "deadline", "launch asked two weeks earlier than the agreed 13 March")

mail("en-web", PRIYA, "About page", d(2026, 1, 26, 20, 58), """\
Owen,

I've rewritten the About text four times and I hate every version. I can't seem to write about
myself. You've been to the studio and you've heard me talk about why I started it. Could you
write it? A few paragraphs is enough.

Priya
""", "out_of_scope", "client_duty", "page texts are the client's to provide")

mail("en-web", MARCUS, "Re: Mockups v3", d(2026, 2, 18, 11, 7), """\
Hi Owen,

Thanks for round two. I know we've used up our two rounds, but could we do one more? Mainly
the Classes page, which still feels crowded.

And Priya and I were chatting - would you be up for refreshing the logo while you're at it?
The fern looks dated next to your new design.

Marcus

On Tue, 17 Feb 2026 at 16:30, Owen Pryce <owen@prycestudio.example.co.uk> wrote:
> Hi Priya and Marcus, here are the mockups after the second round of changes.
""", "out_of_scope", "quantity;excluded", "a third revision round beyond two; logo refresh is branding", reply_to="Mockups v3")

mail("en-web", PRIYA, "Re: First mockups", d(2026, 1, 21, 14, 15), """\
Hi Owen,

Really like the direction! Our first round of feedback:

- the header should be bigger, it gets lost on my laptop
- on mobile the timetable needs to be the first thing you see, not the third
- the green is a bit too minty, can it be closer to the fern in our photos?
- the "Book a trial" button could be more obvious

Priya

On Tue, 20 Jan 2026 at 18:02, Owen Pryce <owen@prycestudio.example.co.uk> wrote:
> Hi Priya, the first mockups are ready: Home, Classes and Timetable.
""", "in_scope", "", "first revision round as a feedback list", reply_to="First mockups")

mail("en-web", PRIYA, "Re: Final mockups", d(2026, 2, 2, 8, 33), """\
Approved, all five! Go ahead with the build.

Priya

On Fri, 30 Jan 2026 at 17:12, Owen Pryce <owen@prycestudio.example.co.uk> wrote:
> Hi Priya, these are the final mockups after your comments. If you approve them in writing
> I'll start building on Monday.
""", "in_scope", "", "written approval and go-ahead for the five-page build", reply_to="Final mockups")

mail("en-web", PRIYA, "Training", d(2026, 3, 2, 12, 0), """\
Hi Owen,

Could we book the training session on editing the site for the week after launch? Thursday
the 19th in the morning would suit me best, Marcus will sit in too.

Priya
""", "in_scope", "", "the one training session")

mail("en-web", MARCUS, "contact form", d(2026, 2, 20, 10, 22), """\
Hi Owen,

One thought on the contact form: people often ask "which class is right for me?" — could the
form have a drop-down for which class they're interested in (Vinyasa, Yin, Prenatal, not
sure)? It would save Priya a lot of back-and-forth.

Marcus
""", "in_scope", "", "a field on the one contact form", cte="quoted-printable")

mail("en-web", PRIYA, "Texts are in", d(2026, 1, 29, 23, 1), """\
Hi Owen,

All the page texts are in the shared folder now, final versions, one document per page. The
photos from our shoot should be ready on Monday and I'll send the high-res files straight away.

Priya
""", "no_request", "", "status: the client delivered her own copy")

mail("en-web", PRIYA, "Later on", d(2026, 3, 10, 15, 35), """\
Hi Owen,

Not for now at all, but down the line we might sell mats and blocks online. If that happens
would it be something you'd want to quote for? Let's get the launch done first though.

Priya
""", "no_request", "", "hypothetical about a later project")

mail("en-web", PRIYA, "Re: Two more pages", d(2026, 2, 10, 8, 12), """\
Hi Owen,

Please disregard my email about the extra pages. Marcus and I talked it over and we'll keep
the passes on the Classes page and the teacher bios on About, just as in the mockups.

Priya

On Mon, 9 Feb 2026 at 09:25, Priya Shah <priya@brightfernyoga.example.com> wrote:
> On top of the five pages we agreed, we'd like a Teachers page with a short profile of each of
> us, and a Pricing page with the class passes. Could you add both to the build?
""", "no_request", "", "withdraws the extra pages requested in the quoted mail", reply_to="Two more pages")

mail("en-web", PRIYA, "WOW", d(2026, 3, 14, 9, 47), """\
Owen the site looks amazing!!! Three trial sign-ups already and it's not even ten o'clock.
Thank you thank you

Priya Shah
Bright Fern Yoga · Vinyasa · Yin · Prenatal · Private sessions
Sent from my iPhone
""", "no_request", "", "thanks after launch; signature lists class types")


# ---------------------------------------------------------------------------------------------
# Unknown senders: written to one of the freelancers, but From is not a contact of the agreement
# ---------------------------------------------------------------------------------------------
mail("en-admin", "Dana W <dwhitfield.home@gmail.example.com>", "Miami flight", d(2026, 4, 22, 22, 41, US_EAST_DST), """\
Lena, writing from my personal account because work email won't load on this laptop. Could you
move my Miami flight on Friday to the later one, around 6pm? Thanks!! D
""", "unknown_sender", "", "personal address, not a contact of the agreement", client="")

mail("en-books", "Mike Hartley <mike@hartleyaccountants.example.co.uk>", "Carver & Sons - trial balance", d(2026, 5, 12, 10, 30, UK_BST), """\
Dear Fiona,

I have been engaged by Gareth Carver to prepare the year-end accounts for Carver & Sons
Plumbing Ltd. Could you please send me a trial balance and the aged debtors report as at
31 March, together with read-only access to Xero?

Kind regards,

Mike Hartley FCA
Hartley & Co Chartered Accountants
""", "unknown_sender", "", "the client's accountant, not a contact of the agreement", client="")

mail("en-painter", "Margaret Pike <margaret.pike@btinternet.example.com>", "Painting", d(2026, 3, 9, 15, 12), """\
Hello Dave

Helen at the Rosewood gave me your email. I live two doors down and my front room and
kitchen need doing, could you come round and give me a price? Any day after three is fine.

Margaret Pike
""", "unknown_sender", "", "a neighbour, not a contact of the agreement", client="")

mail("en-web", "Anna Koval <anna@lotuslanestudio.example.com>", "Workshop page on the Bright Fern site", d(2026, 3, 4, 16, 18), """\
Hi Owen,

I teach the monthly sound bath at Bright Fern and Priya mentioned you're building their new
site. Could you add a page for my workshops with a link to my own booking page? I can send
the text and photos this week.

Warmly,
Anna
""", "unknown_sender", "", "a visiting teacher from another domain, not a contact", client="")



# ---------------------------------------------------------------------------------------------
# Second pass: more mails per agreement, written later in the same threads
# ---------------------------------------------------------------------------------------------
mail("en-admin", MARK, "Heads-up: Rosa", d(2026, 5, 15, 16, 2, US_EAST_DST), """\
Hi Lena,

Quick heads-up: we've hired a part-time bookkeeper, Rosa Delgado, who starts on Monday. She'll
also take over the Pearson and Lyle invoices from now on, so that's off the table for you
entirely. Dana's thrilled.

Have a good weekend,
Mark
""", "no_request", "", "news containing 'also'; invoicing explicitly not for the VA")

mail("en-admin", DANA, "Two things for May", d(2026, 5, 4, 8, 30, US_EAST_DST), """\
Good morning Lena,

This month I need two expense reports instead of one: the usual one for the firm, and a
separate one for the Henley engagement, because Henley reimburses us directly and wants its
own report with receipts attached.

Separately, we are thinking about a small base in Austin. Could you research three or four
coworking spaces near downtown and put together a comparison of prices and day-pass options?

Many thanks,
Dana
""", "out_of_scope", "quantity;new_work", "two expense reports in one month; coworking research matches no deliverable",
     alt_html="""\
<html><body><p>Good morning Lena,</p>
<p>This month I need <b>two</b> expense reports instead of one: the usual one for the firm, and a
separate one for the Henley engagement, because Henley reimburses us directly and wants its
own report with receipts attached.</p>
<p>Separately, we are thinking about a small base in Austin. Could you research three or four
coworking spaces near downtown and put together a comparison of prices and day-pass options?</p>
<p>Many thanks,<br>Dana</p></body></html>
""")

mail("en-books", SUE, "last week's jobs", d(2026, 4, 20, 9, 48, UK_BST), """\
Hi Fiona,

The lads never brought last week's job sheets back to the office. All I've got is the photos
they posted in the WhatsApp group, 17 jobs or so. It would be a huge help if you could go
through the group and write them up into proper job sheets, then raise the invoices from
those as normal.

I'll add you to the group now.

Sue
""", "out_of_scope", "client_duty", "writing up job sheets is the client's job; raising the invoices is in scope")

mail("en-books", GARETH, "flat rate?", d(2026, 6, 18, 20, 37, UK_BST), """\
Fiona, just thinking ahead. If we went onto the VAT flat rate scheme next year would your
quarterly fee change much? Not doing anything yet, just mulling it over with Sue.

G
""", "no_request", "", "hypothetical about next year, question for information")

mail("en-painter", TOM, "room 3 coats", d(2026, 3, 4, 17, 20), """\
Dave

Helen reckons room 3 wants three coats, the old red keeps grinning through on the chimney
breast wall. And while you're at it can you skim over the damp patch in the corner by the
window before you paint? It's only the size of a dinner plate.

Cheers
Tom
""", "out_of_scope", "quantity;excluded", "three coats beyond two; skimming a damp patch is plastering and damp repair")

mail("en-painter", HELEN, "Re: The attic room", d(2026, 2, 27, 10, 15), """\
Dear Dave,

Thank you for pricing the attic room so quickly. Having slept on it, we will leave it until
next winter; the bookings for April are lighter than we'd hoped. Please carry on with room 3 as
planned.

Kind regards,
Helen

From: Helen Ashworth
Sent: 24 February 2026 20:05
To: Dave Hollis
Subject: The attic room

Tom and I have been talking, and since you are here anyway we would like the little attic room
done as well, as a fourth room.
""", "no_request", "", "withdraws the attic room quoted below; carrying on as planned asks for nothing new", reply_to="The attic room")

mail("en-social", KATE, "Easter flyer", d(2026, 3, 11, 11, 5), """\
Hi Jess,

You've got such a good eye. Would you design an A5 flyer for the Easter pre-orders that we
can put on the counter and in the window, and get 200 of them printed at the place on Leith
Walk? I'll send you the prices and collection dates by Friday.

Kate
""", "out_of_scope", "new_work", "print flyer design and printing is not social media management")

mail("en-social", OLLIE, "We're in the paper!", d(2026, 3, 19, 13, 14), """\
Jess, the Evening News put us in their best bakeries in Edinburgh piece today! Kate's
already framed it. No need to post about it though, she wants to share it herself from her
own account on Saturday.

Ollie
""", "no_request", "", "news; explicitly no post wanted")

mail("en-web", PRIYA, "Photos and Google", d(2026, 2, 24, 21, 50), """\
Hi Owen,

Our photographer let us down, so I still don't have decent pictures of the studio. Could you
find some stock photos that look like us, warm wood, plants, not too glossy? And I've read
we need a plugin to rank on Google for "yoga Leith". Can you put that in and set it up?

Priya
""", "out_of_scope", "client_duty;excluded", "photos are the client's to provide; SEO is excluded")

mail("en-web", PRIYA, "Re: Launch checklist", d(2026, 3, 9, 9, 40), """\
Hi Owen,

The hosting login is in the email I sent last Tuesday, and I've added you as an admin on the
domain. Please go ahead and launch on Friday the 13th as planned. Fingers crossed for no
bad luck!

Priya

On Sun, 8 Mar 2026 at 19:20, Owen Pryce <owen@prycestudio.example.co.uk> wrote:
> Hi Priya, everything is ready for launch on 13 March. I still need access to the hosting
> account and the domain. Could you send those?
""", "in_scope", "", "launch on the agreed date", reply_to="Launch checklist")


if __name__ == "__main__":
    main()
