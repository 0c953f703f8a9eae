"""Build the English labelled e-mail corpus (tests/labelled/mail/en/) and labels-en.csv from the
hand-written mail texts in this file.

The texts are written one by one; this script only wraps them into RFC 5322 files: headers,
quoted history in Gmail/Outlook/"Original Message" style, HTML-only bodies, charsets and
transfer encodings. Run: .venv/bin/python tests/labelled/build_en.py
"""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import quopri
import re
import sys
from datetime import datetime
from email.header import Header
from email.utils import format_datetime, formataddr, parseaddr
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAIL_DIR = HERE / "mail" / "en"
LABELS = HERE / "labels-en.csv"

# The freelancer on the receiving end of each agreement's mail.
VA = {
    "en-social": ("Sam Hollis", "sam@hollisva.example.org"),
    "en-admin": ("Jordan Reyes", "jordan@reyesassist.example.org"),
    "en-web": ("Ellie Marsh", "ellie@marshstudio.example.org"),
    "en-books": ("Ruth Okafor", "ruth@okaforbooks.example.org"),
    "en-painter": ("Dave Pritchard", "dave@pritcharddecorating.example.org"),
}
VERDICTS = {"out_of_scope", "in_scope", "no_request", "unknown_sender"}
CATEGORIES = {"new_work", "excluded", "quantity", "deadline", "client_duty"}
CHARSETS = {"latin1": "iso-8859-1", "cp1252": "windows-1252"}


def _msgid(seed: str, addr: str) -> str:
    h = hashlib.sha1(seed.encode()).hexdigest()
    domain = addr.rpartition("@")[2]
    if int(h[0], 16) % 3 == 0:
        return f"<CA+{h[:10].upper()}{h[10:22]}@mail.gmail.com>"
    if int(h[0], 16) % 3 == 1:
        return (f"<{h[:8].upper()}-{h[8:12].upper()}-{h[12:16].upper()}-{h[16:20].upper()}-"
                f"{h[20:32].upper()}@{domain}>")
    return f"<{h[:16]}.{h[16:24]}@{domain}>"


def _when(text: str) -> datetime:
    return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M %z")


def _addr_header(name: str, addr: str) -> str:
    try:
        name.encode("ascii")
        return formataddr((name, addr))
    except UnicodeEncodeError:
        return f"{Header(name, 'utf-8').encode()} <{addr}>"


def _quote(style: str, body: str, author: tuple[str, str], to: tuple[str, str],
           when: datetime, subject: str) -> str:
    """Render earlier mail below the new text the way common clients do."""
    if style == "gmail":
        day = when.strftime("%a, %-d %b %Y at %H:%M")
        head = f"On {day}, {author[0]} <{author[1]}> wrote:"
        lines = [(">" + ln if ln.startswith(">") else "> " + ln) if ln else ">" for ln in body.splitlines()]
        return head + "\n" + "\n".join(lines)
    if style == "apple":
        day = when.strftime("%-d %b %Y, at %H:%M")
        head = f"On {day}, {author[0]} <{author[1]}> wrote:"
        lines = ["> " + ln if ln else ">" for ln in body.splitlines()]
        return head + "\n\n" + "\n".join(lines)
    sent = when.strftime("%A, %B %-d, %Y %-I:%M %p")
    block = (f"From: {author[0]} <{author[1]}>\nSent: {sent}\nTo: {to[0]} <{to[1]}>\n"
             f"Subject: {subject}\n\n{body}")
    if style == "outlook":
        return "________________________________\n" + block
    if style == "original":
        return "-----Original Message-----\n" + block
    raise ValueError(f"unknown quote style {style!r}")


def _to_html(text: str, quote_html: str | None) -> str:
    parts = []
    for para in re.split(r"\n\s*\n", text.strip("\n")):
        lines = [html.escape(ln) for ln in para.splitlines()]
        parts.append("<p>" + "<br>\n".join(lines) + "</p>")
    body = "\n".join(parts)
    if quote_html:
        body += "\n" + quote_html
    return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            '</head>\n<body style="font-family: Calibri, Arial, sans-serif; font-size: 11pt">\n'
            f"<div>{body}</div>\n</body></html>\n")


def parse_blocks(data: str) -> list[dict]:
    mails = []
    for chunk in re.split(r"^### ", data, flags=re.M)[1:]:
        head_line, rest = chunk.split("\n", 1)
        num, split, client, verdict, cats = head_line.split()
        headers, _, body = rest.partition("\n--\n")
        m = {"num": num, "split": split, "client": "" if client == "-" else client,
             "verdict": verdict, "categories": [] if cats == "-" else cats.split(";")}
        for ln in headers.splitlines():
            if ln.strip():
                k, _, v = ln.partition(":")
                m[k.strip()] = v.strip()
        body, _, quoted = body.partition("\n>>>\n")
        m["body"] = body.strip("\n") + "\n"
        m["quoted"] = quoted.strip("\n") if quoted else ""
        mails.append(m)
    return mails


def render(m: dict) -> bytes:
    name, addr = parseaddr(m["from"])
    va = VA[m.get("va") or m["client"]]
    when = _when(m["date"])
    opts = set(m.get("opts", "").split())
    subject = m.get("subject", "")
    text = m["body"]
    if "iphone" in opts:
        text = text.rstrip("\n") + "\n\nSent from my iPhone\n"
    if "android" in opts:
        text = text.rstrip("\n") + "\n\nSent from my Galaxy\n"
    headers = [("From", _addr_header(name, addr)), ("To", _addr_header(*va))]
    quote_text = quote_html = None
    if m.get("reply"):
        style, qdate = m["reply"].split(None, 1)
        if len(qdate.split()) == 2:  # same time zone as the reply itself
            qdate += " " + m["date"].split()[-1]
        qwhen = _when(qdate)
        if not subject.lower().startswith(("re:", "re ")):
            subject = "Re: " + subject
        # A reply to one's own earlier mail points at that mail, not at the freelancer's.
        prev = _msgid(m["num"] + "-prev", addr if m.get("quote_from") == "client" else va[1])
        refs = prev
        if m.get("thread"):
            refs = _msgid(m["num"] + "-root", addr) + " " + prev
        headers += [("In-Reply-To", prev), ("References", refs)]
        if style != "none" and m["quoted"]:
            author = (name, addr) if m.get("quote_from") == "client" else va
            recipient = va if m.get("quote_from") == "client" else (name, addr)
            bare = subject[4:] if subject.lower().startswith("re: ") else subject
            if "html" in opts:
                qlines = "<br>\n".join(html.escape(ln) for ln in m["quoted"].splitlines())
                day = qwhen.strftime("%a, %-d %b %Y at %H:%M")
                quote_html = (f"<div>On {day}, {html.escape(author[0])} &lt;{author[1]}&gt; wrote:</div>\n"
                              f'<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;'
                              f'padding-left:1ex">{qlines}</blockquote>')
            else:
                quote_text = _quote(style, m["quoted"], author, recipient, qwhen, bare)
    if quote_text:
        text = text.rstrip("\n") + "\n\n" + quote_text + "\n"
    headers += [("Subject", subject if subject.isascii() else Header(subject, "utf-8").encode()),
                ("Date", format_datetime(when)),
                ("Message-ID", _msgid(m["num"], addr)),
                ("MIME-Version", "1.0")]
    charset = CHARSETS.get(next((o for o in opts if o in CHARSETS), ""), "utf-8")
    if "html" in opts:
        subtype, payload = "html", _to_html(text, quote_html)
        if charset != "utf-8":
            payload = payload.replace("charset=utf-8", f"charset={charset}")
    else:
        subtype, payload = "plain", text
    raw = payload.encode(charset)
    if "qp" in opts:
        cte, raw = "quoted-printable", quopri.encodestring(raw.replace(b"\n", b"\r\n")).replace(b"\r\n", b"\n")
    elif "b64" in opts:
        cte, raw = "base64", base64.encodebytes(raw)
    elif raw.isascii():
        cte = "7bit"
    else:
        cte = "8bit"
    headers += [("Content-Type", f'text/{subtype}; charset="{charset}"'
                 + ("; format=flowed" if subtype == "plain" and "flowed" in opts else "")),
                ("Content-Transfer-Encoding", cte)]
    head = "".join(f"{k}: {v}\n" for k, v in headers)
    return head.encode("ascii") + b"\n" + raw


def check(m: dict) -> None:
    if m["verdict"] not in VERDICTS:
        raise SystemExit(f"{m['num']}: bad verdict {m['verdict']}")
    bad = set(m["categories"]) - CATEGORIES
    if bad or (m["verdict"] == "out_of_scope") != bool(m["categories"]):
        raise SystemExit(f"{m['num']}: categories {m['categories']} do not fit {m['verdict']}")
    if (m["verdict"] == "unknown_sender") != (m["client"] == ""):
        raise SystemExit(f"{m['num']}: client must be empty exactly for unknown_sender")
    if m["split"] not in ("dev", "holdout"):
        raise SystemExit(f"{m['num']}: bad split {m['split']}")


def main() -> int:
    # DATA (the hand-written mails) is defined at the end of this file.
    mails = parse_blocks(DATA)
    seen = set()
    rows = []
    for m in mails:
        check(m)
        if m["num"] in seen:
            raise SystemExit(f"duplicate number {m['num']}")
        seen.add(m["num"])
        out = MAIL_DIR / m["split"] / f"{m['num']}.eml"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(render(m))
        rows.append({"file": f"en/{m['split']}/{m['num']}.eml", "client": m["client"],
                     "verdict": m["verdict"], "categories": ";".join(m["categories"]),
                     "note": m.get("note", "")})
    rows.sort(key=lambda r: r["file"])
    with LABELS.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["file", "client", "verdict", "categories", "note"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} mails and {LABELS.name}")
    return verify()


def verify() -> int:
    """Re-read what was written: every file parses, has one label row, names a real agreement."""
    import yaml
    from collections import Counter
    from email import policy
    from email.parser import BytesParser

    scopes = {}
    for path in sorted((HERE / "scopes").glob("en-*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in ("client", "contacts", "language", "period", "rate", "deliverables",
                    "exclusions", "client_provides"):
            if key not in doc:
                raise SystemExit(f"{path.name}: missing {key}")
        if not 2 <= len(doc["deliverables"]) <= 5 or not any("limit" in d for d in doc["deliverables"]):
            raise SystemExit(f"{path.name}: needs 2-5 deliverables, one with a limit")
        if not 1 <= len(doc["exclusions"]) <= 4 or not 1 <= len(doc["client_provides"]) <= 3:
            raise SystemExit(f"{path.name}: needs 1-4 exclusions and 1-3 client_provides")
        scopes[path.stem] = [c.lower() for c in doc["contacts"]]
    with LABELS.open(encoding="utf-8") as fh:
        rows = {r["file"]: r for r in csv.DictReader(fh)}
    files = {f"en/{p.parent.name}/{p.name}": p for p in MAIL_DIR.glob("*/*.eml")}
    if set(rows) != set(files):
        raise SystemExit(f"label rows and files differ: {sorted(set(rows) ^ set(files))}")
    verdicts, cats = Counter(), Counter()
    for name, path in sorted(files.items()):
        msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
        body = msg.get_body(preferencelist=("plain", "html")).get_content()
        if msg.defects or not msg["Message-ID"] or not msg["Date"] or body is None:
            raise SystemExit(f"{name}: does not parse cleanly ({msg.defects})")
        row = rows[name]
        sender = msg["From"].addresses[0].addr_spec.lower()
        known = [c for c, contacts in scopes.items()
                 if sender in contacts or "@" + sender.rpartition("@")[2] in contacts]
        if row["verdict"] == "unknown_sender":
            if known:
                raise SystemExit(f"{name}: labelled unknown_sender but {sender} is a contact of {known}")
        elif known != [row["client"]]:
            raise SystemExit(f"{name}: sender {sender} does not belong to {row['client']}")
        verdicts[(name.split("/")[1], row["verdict"])] += 1
        for c in filter(None, row["categories"].split(";")):
            cats[(name.split("/")[1], c)] += 1
    for split in ("dev", "holdout"):
        print(split, dict(sorted((v, n) for (s, v), n in verdicts.items() if s == split)),
              dict(sorted((c, n) for (s, c), n in cats.items() if s == split)))
    return 0



# One block per mail: "### NUMBER SPLIT CLIENT VERDICT CATEGORIES", header lines
# (note, from, subject, date, opts, reply STYLE DATE, quote_from, va), "--", the new text, and
# optionally ">>>" followed by the earlier mail that the reply quotes.
DATA = r"""
### 0003 dev en-social out_of_scope quantity
note: six posts for Valentine's week where three a week are agreed
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: Valentine's week - going big!
date: 2026-02-02 08:41 +0000
--
Morning Sam,

Valentine's is our busiest week of the year so I'd like to go all out on Instagram. Can we do six posts the week of the 9th instead of the normal three? One a day Monday to Saturday, counting down to the 14th. I'll get you the heart cookie photos by Thursday as usual.

Thanks!
Kate

--
Kate Morrow
Maple & Thistle Bakery
Cakes | Bread | Celebration orders | Wholesale
14 Bridge Street, Hexham
### 0001 dev en-social out_of_scope excluded
note: asks to boost a post with paid budget (paid ads excluded)
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: Mother's Day
date: 2026-03-02 13:05 +0000
--
Hi Sam,

I was wondering whether we could put a bit of money behind the Mother's Day afternoon tea post once it's up? Maybe £50 to boost it to people within 10 miles of Hexham. Jess at the florist says it got her loads of bookings last year.

Let me know what you think.

Kate
### 0002 dev en-social in_scope -
note: approves March calendar and asks to swap one planned post; quoted history holds an old TikTok request already declined
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: March content calendar
date: 2026-02-24 19:47 +0000
reply: gmail 2026-02-23 16:10
--
Fair enough on TikTok, let's leave it.

The March calendar looks great. Just one thing - please swap the Wednesday 11th post for the sourdough carousel instead of the brownies, the brownies are off the menu that week. Otherwise go ahead and schedule it all.

K x
>>>
Hi Kate,

Here's the March content calendar for your approval (attached). Twelve feed posts, three a week, plus the stories.

About TikTok: it isn't part of our current agreement, so I'd need to quote for it separately. Happy to do that if you'd like.

Best,
Sam

> On 20 Feb 2026, Kate Morrow wrote:
> Also could you set up a TikTok for us and post the same videos there?
### 0004 dev en-social no_request -
note: question about receipt of photos and news that also contains "also"
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: photos
date: 2026-01-15 21:12 +0000
opts: iphone
--
Hiya did you get the photos I sent on WhatsApp? Not sure they went through, signal in the bakehouse is rubbish. I also put the new price list in the Dropbox folder.
### 0010 dev en-social out_of_scope client_duty
note: asks the VA to come and take the product photos herself (client provides photos)
from: Ben Morrow <ben@mapleandthistle.example.com>
subject: New spring range
date: 2026-03-09 10:22 +0000
--
Hi Sam,

Ben here (Kate's other half). Kate's off with the flu this week so I'm picking things up. We've got the new spring range out on Thursday - lemon drizzle, rhubarb tarts, the little carrot cakes.

Honestly neither of us has had time to photograph any of it. Could you pop over to the shop on Wednesday afternoon and take the pictures yourself? You've got a better eye than me anyway. There's parking round the back.

Cheers,
Ben
### 0017 dev en-social out_of_scope new_work
note: request only in a P.S. - start a TikTok account, a platform not in the agreement
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: January report
date: 2026-02-04 12:30 +0000
reply: none 2026-02-03 09:00
--
Thanks Sam, really pleased with the numbers - 212 new followers is more than we got all of last year!

Talk soon,
Kate

P.S. my niece says nobody her age is on Instagram anymore... would you be able to start a TikTok for us and put the bread-shaping videos on there?
### 0020 dev en-social no_request -
note: out-of-office auto reply
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: Out of office: Re: stories for this week
date: 2026-01-26 07:00 +0000
reply: none 2026-01-26 06:58
--
Thank you for your email. I'm away from the bakery until Monday 2 February with limited access to email. For orders please call the shop on 01434 600 123 or email ben@mapleandthistle.example.com.

Kate Morrow
Maple & Thistle Bakery
### 0021 dev en-social in_scope -
note: reply to a review and add a story about today's bake, both covered
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: review + pistachio buns
date: 2026-02-18 11:04 +0000
opts: html
--
Hi Sam,

Someone left a lovely review on Facebook about the gluten-free loaf (Margaret something). Could you reply to her and say thank you from all of us?

And please put a story up today about the pistachio buns, they've come out beautifully. Photo attached.

Kate
### 0023 dev en-social out_of_scope deadline
note: wants the April calendar by this Friday instead of the agreed 25th
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: april calendar early?
date: 2026-03-10 17:55 +0000
opts: android
--
can u send me the april content calendar by friday this week instead of the 25th? off to my sisters for 2 wks from the 20th
### 0026 dev - unknown_sender -
va: en-social
note: sender is not a contact of any agreement (a café owner asking for the same service)
from: Lucy Tennant <lucy.tennant@gmail.com>
subject: Instagram help?
date: 2026-02-11 14:40 +0000
--
Hello Sam,

Kate at Maple & Thistle gave me your email, I hope that's ok. I run a small café in Corbridge and our Instagram is a bit of a disaster. Could you do three posts a week for us like you do for her? And maybe sort out our Facebook page too.

Many thanks,
Lucy Tennant
The Corner Cup
### 0030 dev en-social out_of_scope excluded;new_work
note: in-scope post plus updating the website (excluded) and designing a printed flyer (new work)
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: Open day 21 March
date: 2026-02-26 09:15 +0000
opts: qp
--
Hi Sam,

Big news - we're doing an open day on Saturday 21 March with free tastings and a cake decorating demo for kids. Please put a post about it in the calendar for the week before.

While you're at it, could you change the opening hours on the website for that day (we open at 8 instead of 9)? And one more thing, would you be able to design a flyer we can print and hand out at the market? Nothing fancy, A5.

Thanks so much,
Kate

Kate Morrow
Maple & Thistle Bakery · Hexham
### 0033 dev en-admin out_of_scope excluded
note: personal errands - anniversary dinner reservation and a gift for her husband
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: Favor
date: 2026-01-21 18:32 -0500
--
Jordan,

Our anniversary is on the 30th and I have completely dropped the ball. Could you book a table for two somewhere nice downtown for 7:30 that evening, and order a gift for Tom? He's been talking about a good pair of binoculars for birding, budget around $300. Have it shipped to the house.

Thank you - you're a lifesaver.

Dana

Dana Whitfield
Principal, Whitfield Advisory LLC
Strategy | Operations | Interim Leadership
(612) 555-0142
### 0035 dev en-admin in_scope -
note: schedule a call and book a flight and hotel for one trip; quoted Outlook history only
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: Hargreaves / Chicago
date: 2026-01-12 08:05 -0500
reply: outlook 2026-01-09 16:44
--
Hi Jordan,

Two things for this week:

1. Please set up a 45-minute call with Paul Hargreaves for Wednesday or Thursday afternoon. He's on Eastern time.
2. I need to be in Chicago for the Lakeshore kickoff on Feb 3. Book me a flight out the evening of the 2nd and back on the 4th, and a hotel near the Loop. Aisle seat please.

Thanks,
Dana
>>>
Hi Dana,

Your week is set. I moved the Friday 1:1 with Mark to 10am and declined the vendor webinar as you asked.

Have a good weekend,
Jordan
### 0036 dev en-admin out_of_scope quantity
note: three trips to book in March, agreement covers two trips a month
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: March travel
date: 2026-02-16 07:48 -0500
--
Jordan - March is going to be brutal. I need three trips booked:

- Denver, March 4-5 (Ridgeline board meeting)
- Austin, March 11-13 (conference, hotel near the convention center)
- Boston, March 24-25 (client workshop)

Usual preferences. Can you get all three sorted this week so the fares don't go up?

D.
### 0037 dev en-admin out_of_scope client_duty;deadline
note: asks the VA to build the board slides (client provides decks) and to work tonight to have them ready
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: Board deck for Thursday
date: 2026-02-24 16:20 -0500
--
Jordan,

I'm underwater with the Ridgeline deliverable. Could you put together the slides for Thursday's board meeting? Use last quarter's deck as a starting point, update the numbers from the dashboard, and add a section on the hiring plan.

I know it's late but I'd need it tonight so I can review it on the flight tomorrow morning.

Dana
### 0042 dev en-admin no_request -
note: thanks and news; "also" only reports something Dana did herself
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: Re: Denver hotel
date: 2026-03-06 10:12 -0500
reply: gmail 2026-03-03 14:02
--
Thanks for sorting the Denver hotel, the room was perfect. I also sent the receipts from the trip through Expensify this morning, so they should be there for the March report.

Dana
>>>
Hi Dana,

You're booked at the Crawford for March 4-5, confirmation number is in your calendar invite. Could you send me the taxi receipts when you're back?

Jordan
### 0043 dev en-admin out_of_scope excluded;deadline
note: Mark asks for client invoices to be sent (bookkeeping/invoicing excluded) and today by end of day, base64 body
from: Mark Feld <mark@whitfieldadvisory.example.com>
subject: January invoices
date: 2026-02-02 11:37 -0500
opts: b64
--
Hi Jordan,

Our bookkeeper left on Friday and the January invoices haven't gone out. Could you make up the invoices in QuickBooks for our four retainer clients and email them out? Amounts are the same as December.

They really need to go out today, so if it means staying late tonight please do, we'll cover it.

Thanks,
Mark Feld
Operations, Whitfield Advisory
### 0044 dev en-admin no_request -
note: question for information only (is the flight confirmed)
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: Austin flight?
date: 2026-03-09 06:51 -0500
opts: iphone
--
Is the Austin flight on Wednesday confirmed? Didn't see it in my calendar yet.
### 0045 dev en-admin out_of_scope new_work
note: venue research and RSVP list for a client event, no such deliverable; HTML only
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: Spring client event
date: 2026-02-05 13:14 -0500
opts: html
--
Hi Jordan,

We're thinking of hosting a small client appreciation evening in late April, around 40 people. It would be great if you could research three or four venues in Minneapolis (private room, drinks and appetizers, under $5k), and build an RSVP list from our client contacts.

No rush, anytime in the next two weeks is fine.

Best,
Dana
### 0046 dev en-admin in_scope -
note: subject-only request to move a meeting, empty body apart from the phone footer
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: pls move my 2pm w Rob to thurs
date: 2026-01-27 12:09 -0500
opts: iphone
--

### 0049 dev en-admin out_of_scope deadline
note: January expense report wanted by tomorrow, agreement says by the 5th of the next month
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: Expenses
date: 2026-01-27 15:30 -0500
--
Hi Jordan,

I know the expense report isn't due until the 5th, but our accountant wants January's numbers early this year. Could you have the January expense report submitted by tomorrow morning? All the receipts should already be in Expensify.

Thanks,
Dana
### 0050 dev en-admin no_request -
note: withdrawal of an earlier booking request (no need to book Boston after all)
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: Re: March travel
date: 2026-03-17 09:02 -0500
reply: original 2026-03-16 11:20
--
Jordan,

No need to book the Boston hotel after all - the client moved the workshop to Zoom. Sorry for the back and forth.

Dana
>>>
Hi Dana,

Quick check before I book: for Boston on the 24th, do you want the same hotel as last time (Revere) or somewhere closer to the client's office in Back Bay?

Thanks,
Jordan
### 0052 dev en-web out_of_scope excluded
note: asks for a logo refresh while the site is built (branding excluded)
from: Priya Shah <priya@brightfernyoga.example.com>
subject: Re: Homepage mockup
date: 2026-01-28 20:14 +0000
reply: gmail 2026-01-28 11:02
--
Hi Ellie,

Love the homepage! The layout is exactly what I had in mind.

Seeing it all together though, our logo looks really dated next to your design. Could you freshen up the logo while you're at it? Maybe keep the fern but make it more modern and simple.

Priya
>>>
Hi Priya,

Please find the homepage mockup attached. Let me know your thoughts, and remember this counts toward your first round of revisions when you send your feedback.

Best,
Ellie
### 0053 dev en-web out_of_scope quantity
note: explicitly a third round of changes where two revision rounds are agreed; windows-1252 with accents
from: Priya Shah <priya@brightfernyoga.example.com>
subject: Round 3 of changes (sorry!)
date: 2026-02-17 09:33 +0000
opts: cp1252
--
Hi Ellie,

I know we've already had our two rounds of revisions, but could we do a third round of changes? I showed the designs to our teachers at the café after class and they had some good points:

– the Classes page should list the levels (beginner, intermediate, all levels) more clearly
– the timetable colours are a bit too close together
– could the "Book a trial class" button be bigger on mobile?

Merci beaucoup et désolée!
Priya
### 0058 dev en-web out_of_scope client_duty
note: asks the designer to write the About page text, which the client provides; Outlook quote
from: Priya Shah <priya@brightfernyoga.example.com>
subject: RE: Copy for the pages
date: 2026-01-29 22:48 +0000
reply: outlook 2026-01-26 10:15
--
Hi Ellie,

Apologies, I've been swamped with the January rush. I've got the Classes and Timetable text done (attached) but I'm really struggling with the About page. Would you mind writing it for me? You know the vibe we're going for, and you can use the bios from our old site.

Thanks so much,
Priya
>>>
Hi Priya,

Just a friendly reminder that the final copy for all five pages is due this Friday 30 January so I can start the build next week.

Kind regards,
Ellie Marsh
Marsh Studio
### 0061 dev en-web in_scope -
note: first round of feedback on the mockups, covered by the two revision rounds; quoted-printable
from: Priya Shah <priya@brightfernyoga.example.com>
subject: Feedback on mockups (round 1)
date: 2026-02-03 12:26 +0000
opts: qp
--
Hi Ellie,

Here's our feedback on the mockups, this is our first round:

Home - can the header photo be a bit less tall so the "Classes this week" section shows without scrolling? And please swap the dark green for the lighter sage we talked about.

Timetable - please make Saturday and Sunday stand out, that's when most new people come.

Contact - the map is great, keep it.

Everything else looks lovely. Thank you!

Priya Shah
Founder, Bright Fern Yoga
### 0062 dev en-web no_request -
note: thanks plus a hypothetical about a later online shop ("maybe next year")
from: Priya Shah <priya@brightfernyoga.example.com>
subject: Thank you!
date: 2026-03-16 18:03 +0000
--
Ellie,

The site is live and we've already had six trial class sign-ups through the form. Thank you so much for all your patience with me!

Maybe next year, once we've got our own mats and clothing line sorted, we could talk about adding a little online shop. No rush at all, just planting the seed.

Warmly,
Priya
### 0063 dev en-web out_of_scope excluded
note: polite indirect ask for class booking with payments (booking system/e-commerce excluded)
from: Olivia Grant <olivia@brightfernyoga.example.com>
subject: Booking on the new site?
date: 2026-02-09 10:41 +0000
--
Hi Ellie,

I'm Olivia, I manage the front desk at Bright Fern. Priya said I should talk to you directly about the timetable.

It would be lovely if people could book and pay for their class straight from the timetable page on the new site, instead of phoning us. At the moment I spend half my morning on the phone! Is that something you could add?

Best wishes,
Olivia
### 0067 dev en-web out_of_scope quantity;new_work
note: a sixth page when five are agreed, plus a blog section (not in the agreement)
from: Priya Shah <priya@brightfernyoga.example.com>
subject: teacher training page
date: 2026-02-12 07:20 +0000
opts: iphone
--
hi ellie, quick one - we've just confirmed our teacher training course for September so we need a sixth page for it on top of the five. also could we have a blog section where i can write about retreats etc? thanks!! p
### 0077 dev en-web no_request -
note: news only; signature lists services (yoga, pilates, teacher training) which are not requests
from: Priya Shah <priya@brightfernyoga.example.com>
subject: Photos uploaded
date: 2026-01-23 14:55 +0000
--
Hi Ellie,

Just to let you know the photos from Saturday's shoot are in the shared Google Drive folder now, 48 of them. Our photographer also included a few of the studio at sunset which came out really well.

Have a lovely weekend,
Priya

--
Priya Shah | Founder
Bright Fern Yoga
Vinyasa | Yin | Pilates | Private sessions | Teacher training | Retreats
22 Mill Lane, Totnes TQ9 5HG
### 0078 dev en-web out_of_scope deadline
note: wants the launch moved earlier than 13 March for an open day
from: Priya Shah <priya@brightfernyoga.example.com>
subject: Launch date
date: 2026-02-10 16:37 +0000
--
Hi Ellie,

Bit of a curveball: we've booked an open day for Saturday 28 February and it would be amazing to have the new site live for it. Could we launch on the 27th instead of 13 March? I'll make sure everything I owe you arrives this week.

Thanks,
Priya
### 0079 dev - unknown_sender -
va: en-web
note: enquiry from a studio that has no agreement
from: Marcus Bell <marcus@lotusmovement.example.com>
subject: Website quote
date: 2026-03-04 11:19 +0000
--
Hi Ellie,

I saw the new Bright Fern site and I love it. We're a small movement studio in Exeter and we need something similar, maybe a bit bigger with an online shop for workshops. Could you send me a quote?

Best,
Marcus Bell
Lotus Movement
### 0080 dev en-web in_scope -
note: asks for the contact form to send enquiries to Priya and a mobile check, both covered; HTML only
from: Priya Shah <priya@brightfernyoga.example.com>
subject: Contact page
date: 2026-03-03 09:08 +0000
opts: html
--
Morning Ellie,

Please set up the contact form so the enquiries come to me at priya@brightfernyoga.example.com rather than the hello@ address, nobody checks that one.

And could you double check the contact page on mobile? On my phone the "send" button sits half off the screen.

Thank you!
Priya
### 0084 dev en-books out_of_scope excluded
note: payslips and PAYE for a new apprentice (payroll excluded)
from: Gareth Carver <gareth@carverplumbing.example.com>
subject: New lad starting
date: 2026-01-19 07:12 +0000
--
Morning Ruth,

We've taken on an apprentice, Liam, starts Monday 26th. £7.55 an hour, 37.5 hours a week. Can you sort his payslips each month and do whatever needs doing with HMRC for his tax and NI? His P45 is in the post apparently.

Cheers
Gareth
### 0085 dev en-books in_scope -
note: raise six sales invoices from job sheets, well within 40 a month
from: Lynne Carver <lynne@carverplumbing.example.com>
subject: Invoices to go out
date: 2026-02-06 15:45 +0000
--
Hi Ruth,

Please could you raise invoices for the following jobs, job sheets attached:

Mrs Patel, 12 Oakfield Rd - boiler service - £95
Hexley Lettings - 3 Church View - replace cylinder - £1,240 + materials
Mr & Mrs Dunn - bathroom refit stage 1 - £2,800
St Anne's Primary - leak under sink - £140
Hexley Lettings - 9 Church View - radiator valves - £210
Mr Okoye - emergency callout Sunday - £180

Thanks,
Lynne

Lynne Carver
Office Manager
Carver & Sons Plumbing Ltd
Gas Safe registered | Boilers | Bathrooms | Emergency callouts
### 0086 dev en-books out_of_scope client_duty
note: asks the bookkeeper to upload the receipts to Dext (client uploads receipts); lower-case with typos
from: Gareth Carver <gareth@carverplumbing.example.com>
subject: reciepts
date: 2026-02-04 21:37 +0000
opts: android
--
ruth ive got a carrier bag full of reciepts from jan in the van, havent had a chance to scan them. could you do the dext uploading for me if i drop the bag round tomorow? sorry
### 0090 dev en-books out_of_scope excluded;deadline
note: chase an overdue customer (credit control excluded) and file the December-quarter VAT return this week instead of by 7 February
from: Gareth Carver <gareth@carverplumbing.example.com>
subject: Couple of things
date: 2026-01-12 12:50 +0000
--
Hi Ruth,

Two things.

Hexley Lettings still haven't paid the November invoice (£1,860). Can you give them a ring and chase it? You're better at that than me.

And I want the VAT return for Oct-Dec filed by Friday this week rather than leaving it till February, I'm away skiing from the 19th and want it off my mind.

Gareth
### 0091 dev en-books no_request -
note: news that VAT and the bookkeeper's invoice were paid; "also" trap; windows-1252 with pound sign and dashes
from: Lynne Carver <lynne@carverplumbing.example.com>
subject: Paid
date: 2026-02-05 10:20 +0000
opts: cp1252
--
Hi Ruth,

Just to say we've paid HMRC the VAT – £4,312.60 went out this morning. I also paid your January invoice (£385) so we're all square.

Lynne
### 0092 dev en-books out_of_scope quantity;client_duty
note: 55 invoices this month with 40 a month agreed, and asks the bookkeeper to write the job sheets from his diary (client provides job sheets)
from: Gareth Carver <gareth@carverplumbing.example.com>
subject: March invoices
date: 2026-03-30 17:02 +0100
--
Ruth,

March has been mental with the burst pipes. We've got about 55 invoices to go out for this month. I know that's more than our usual but they all need doing before the 31st.

Problem is half the lads haven't filled in their job sheets. Can you go through my diary (I'll share the Google calendar) and fill in the job sheets from that? It's got the addresses and what we did.

Gareth
### 0097 dev en-books no_request -
note: withdrawal - no longer needs the credit note
from: Lynne Carver <lynne@carverplumbing.example.com>
subject: Re: Credit note for Hughes
date: 2026-03-11 09:18 +0000
reply: gmail 2026-03-10 15:30
--
Hi Ruth,

Forget the credit note for Mr Hughes - he's paid the invoice in full after all, Gareth sorted it with him on the phone.

Thanks,
Lynne
>>>
Hi Lynne,

I'll raise a credit note of £60 for Mr Hughes as discussed and send it over with the revised invoice later today.

Ruth
### 0098 dev en-books in_scope -
note: asks for the February P&L when ready; quoted history contains an old self-assessment request that was declined
from: Gareth Carver <gareth@carverplumbing.example.com>
subject: Re: Self assessment
date: 2026-03-04 08:40 +0000
reply: gmail 2026-01-15 11:05
--
No worries, my accountant did it in the end.

Can you send me the February P&L when it's ready? Want to see how bad the van repairs hit us.

G
>>>
Hi Gareth,

Personal tax returns are outside what we agreed, so I'd suggest asking your accountant. If you'd like me to quote for it next year, just let me know.

Best,
Ruth

> On 14 Jan 2026, Gareth Carver wrote:
> Can you do my self assessment as well? It's due on the 31st.
### 0099 dev en-books out_of_scope excluded;new_work
note: year-end accounts (excluded) and a letter for a mortgage application (no deliverable); HTML only
from: Gareth Carver <gareth@carverplumbing.example.com>
subject: Year end + mortgage
date: 2026-03-19 19:26 +0000
opts: html
--
Hi Ruth,

Our year end is 31 March. Can you do the year-end accounts this time instead of the accountant? He charged us a fortune last year.

Also, the wife and I are remortgaging and the bank wants a letter confirming my income from the business for the last two years. Could you write that for us on your letterhead?

Thanks,
Gareth
### 0101 dev en-books in_scope -
note: subject-only request to reconcile January now the bank feed is back
from: Gareth Carver <gareth@carverplumbing.example.com>
subject: bank feed working again, can you reconcile jan
date: 2026-02-02 06:58 +0000
--

### 0103 dev en-painter out_of_scope new_work
note: the classic "can you also do the other room" - the breakfast room is not one of guest rooms 1-3
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: Breakfast room
date: 2026-02-19 16:48 +0000
--
Hi Dave,

Room 1 looks fabulous, thank you! Tom can't stop going in and admiring it.

Now that it's done the breakfast room looks really tired next to it. Could you also do the breakfast room while you're here? Same colour as the hallway would be fine.

Helen
### 0104 dev en-painter out_of_scope excluded
note: front door and outside window frames (exterior excluded)
from: Tom Ashworth <tom@rosewoodguesthouse.example.com>
subject: front door
date: 2026-03-05 12:15 +0000
opts: iphone
--
Dave, any chance you could give the front door and the window frames at the front a lick of paint before you go? They're peeling and it's the first thing guests see. Weather's meant to be dry next week.

Tom
### 0109 dev en-painter out_of_scope client_duty
note: asks the painter to collect the paint and to move the furniture out (both client duties)
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: Room 2 on Monday
date: 2026-02-20 20:05 +0000
--
Hi Dave,

Bit of a pickle for Monday. Tom's away at his mum's and I can't lift the beds on my own with my back. Would you mind moving the beds and the wardrobe out of room 2 into room 4 when you get here?

And one more thing, could you pick up the paint for room 2 from the Brewers trade counter on your way in? It's ordered under Ashworth and paid for.

Thanks so much,
Helen
### 0118 dev en-painter out_of_scope deadline
note: asks for Saturday work to finish room 3 faster before a booking
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: Room 3 - weekend?
date: 2026-03-04 10:27 +0000
--
Dave,

We've just had a last-minute booking for room 3 for next Monday, a couple for a wedding. Could you come in on Saturday to get it finished faster? I know the agreement was weekdays only but it would really help us out.

Helen
### 0119 dev en-painter in_scope -
note: colour choices plus skirting in satinwood ("also"), all covered by rooms and woodwork
from: Tom Ashworth <tom@rosewoodguesthouse.example.com>
subject: Colours for room 1
date: 2026-02-01 19:40 +0000
--
Evening Dave,

Helen and I have finally agreed (!) - room 1 walls in Dimity, ceiling in plain white. Please also do the skirting and the door frame in the white satinwood, the old gloss has gone yellow.

Paint is in the shed, we picked it up on Saturday.

See you Monday at 8,
Tom
### 0122 dev en-painter no_request -
note: news only (room cleared, where the key is)
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: Room 2 ready
date: 2026-02-22 21:14 +0000
opts: iphone
--
Room 2 is all cleared, Tom got back early and did the beds. Key is under the blue pot by the back door in case we're at the cash and carry when you arrive.
### 0125 dev en-painter no_request -
note: withdrawal - ceiling of room 3 no longer needed
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: Re: Room 3
date: 2026-03-02 08:03 +0000
reply: apple 2026-03-01 18:22
--
Morning Dave,

No need to do the ceiling in room 3 after all, we had a proper look in daylight and it's fine. Just the walls.

Helen
>>>
Hi Helen,

Starting room 3 on Tuesday. The ceiling has some old water marks, I'll put a stain block on them first before the two coats.

Dave
### 0126 dev en-painter out_of_scope quantity
note: a third coat on the hallway where two coats are agreed
from: Tom Ashworth <tom@rosewoodguesthouse.example.com>
subject: Hallway
date: 2026-03-10 17:33 +0000
--
Hi Dave,

Hallway is looking much better but the old red is still showing through by the front door, especially in the afternoon light. Could you put a third coat on the hallway walls to be sure?

Cheers,
Tom
### 0128 dev en-painter out_of_scope excluded;new_work
note: wallpaper a feature wall (excluded) and paint the radiators (no deliverable); HTML only
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: Room 2 ideas
date: 2026-02-16 13:50 +0000
opts: html
--
Hi Dave,

I've been looking at Pinterest far too much. For room 2 I'd love a feature wall behind the bed with that botanical wallpaper from Graham & Brown - could you hang it for us? I'll order the rolls.

Oh and could you paint the radiators in room 2 to match the walls? The white ones look a bit clinical.

Thanks,
Helen

Rosewood Guest House
Bed & Breakfast | Afternoon teas | Private dining
### 0129 dev en-painter in_scope -
note: go-ahead to fill cracks on the landing (prep is covered); the quoted message contains an old request for the shed that must not count
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: RE: Landing
date: 2026-03-09 07:55 +0000
reply: original 2026-03-06 17:10
--
Hi Dave,

Yes please go ahead and fill the cracks on the landing before you paint, better to do it properly.

Kind regards,
Helen
>>>
Hi Helen,

The landing has a few hairline cracks along the ceiling line. I'd fill and sand them before the first coat, it'll add an hour or so. Shall I go ahead?

About the shed you mentioned last week: that's outside work, which we left out of the agreement, so I'll price it separately if you still want it.

Dave

> Could you also do the shed while you're here? - Helen, 27 Feb
### 0135 dev en-painter no_request -
note: question for information about start time and the smell of the paint; latin-1 with accents
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: Tomorrow
date: 2026-02-01 18:20 +0000
opts: latin1
--
Hi Dave,

What time will you start tomorrow? We have a French couple (Amélie and Loïc) checking out of room 1 at 10, so I wondered whether you'd be starting with the hallway or waiting till they've gone.

Also, will the paint smell bother the guests in the café downstairs?

Helen
### 0005 holdout en-social out_of_scope quantity;excluded
note: two posts on top of the usual three for Pancake Day week, and wants the pancake post boosted with paid budget
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: Pancake Day!!
date: 2026-02-09 07:52 +0000
--
Sam!

Pancake Day is next Tuesday (17th) and we're doing sweet and savoury crêpes to take away. I'd love two extra posts that week on top of the usual three - one on the Monday as a teaser and one on the day itself with the menu.

Can we also boost the Tuesday one so it reaches people who don't follow us yet? Happy to spend £30-40.

Kate
### 0006 holdout en-social in_scope -
note: five stories planned for the week, exactly the agreed weekly maximum
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: stories next week
date: 2026-01-23 16:18 +0000
--
Hi Sam,

Here's what I'd like for stories next week, one a day:

Mon - sourdough coming out of the oven (video in the folder)
Tue - meet the team: Ellen on the front counter
Wed - the new oat milk flat white
Thu - behind the scenes icing the birthday cakes
Fri - weekend opening hours reminder

Thanks!
Kate
### 0007 holdout en-social no_request -
note: question for information only (when a post goes out)
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: croissant post
date: 2026-03-12 12:40 +0000
opts: iphone
--
When's the almond croissant post going out? Someone asked at the till
### 0008 holdout en-social out_of_scope client_duty;deadline
note: asks the VA to source stock photos (client provides photos) and to post tonight instead of the agreed morning slot
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: Cupcake post
date: 2026-01-29 17:26 +0000
--
Hi Sam,

Disaster - our camera card got wiped and we've lost all this week's cupcake photos. Can you find some nice stock photos of cupcakes online that look a bit like ours and use those instead?

And could you get the post up tonight rather than waiting till Friday morning? We've got a big order collection tomorrow and I want people to see it before then.

Sorry for the drama!
Kate
### 0009 holdout en-social out_of_scope new_work
note: LinkedIn and Pinterest accounts, neither is in the agreement (not an exclusion either)
from: Ben Morrow <ben@mapleandthistle.example.com>
subject: Wholesale side
date: 2026-02-13 11:11 +0000
--
Hi Sam,

We're trying to grow the wholesale side (cafés, farm shops, a couple of delis). Kate thinks Instagram is more for the shop customers. Could you set up a LinkedIn company page for us and post there once a week to reach café owners? And Pinterest for the wedding cakes, if you think that's worth doing.

Thanks,
Ben Morrow
Wholesale & Operations
Maple & Thistle Bakery
### 0011 holdout en-social no_request -
note: thanks plus a hypothetical about a newsletter "maybe in the summer"
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: Re: February report
date: 2026-03-03 20:31 +0000
reply: gmail 2026-03-02 10:05
--
This is brilliant, thank you! Really interesting that the reels do so much better than the photos.

Maybe in the summer we could think about a little newsletter for the regulars, but not now, we've got enough on with Easter.

Kate
>>>
Hi Kate,

Attached is the February report. Reach is up 34% on January, and the three reels were the best performing posts of the month. You gained 156 followers.

Best,
Sam
### 0012 holdout en-social in_scope -
note: answer wedding-cake DMs and a feed post on Friday, both covered; HTML only
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: Wedding enquiries
date: 2026-02-25 09:47 +0000
opts: html
--
Hi Sam,

We've had a flurry of DMs about wedding cakes since the Valentine's posts. Could you reply to them all and ask them to email us at orders@ with their date and number of guests? We can't do tastings through Instagram!

Also please make Friday's post the gluten-free range, Ellen has the photos on her phone and will send them today.

Thank you,
Kate
### 0013 holdout en-social out_of_scope excluded
note: asks the VA to send the mailing-list newsletter (newsletter excluded); windows-1252 accents
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: Easter newsletter
date: 2026-03-16 14:02 +0000
opts: cp1252
--
Hi Sam,

Please send out an Easter newsletter to our Mailchimp list this week. Hot cross buns, the simnel cake, and the new crème brûlée tarts (£3.20 each). Pre-orders close on Wednesday 1st April.

You can use the same photos as on Instagram.

Kate
### 0014 holdout en-social out_of_scope client_duty
note: asks the VA to decide the Easter offers and prices herself (client supplies offer details); Outlook quote
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: RE: Easter offers?
date: 2026-03-11 22:05 +0000
reply: outlook 2026-03-10 09:30
--
Sam, honestly I haven't had a second to think about it. Can you just decide what the Easter offers should be and put some prices on them? You've seen what sells. Anything reasonable is fine by me.

K
>>>
Hi Kate,

To plan the Easter posts I'll need the details of your Easter offers (products, prices, and order deadline) by this Friday. Could you send them over?

Thanks,
Sam
### 0015 holdout en-social no_request -
note: news only; the signature lists services and an Instagram handle
from: Ellen Price <ellen@mapleandthistle.example.com>
subject: New sign is up
date: 2026-01-20 10:35 +0000
--
Hi Sam,

Kate asked me to tell you the new shop sign went up this morning and it looks great. She'll send you pics later in the week with the rest of the photos.

Ellen

Ellen Price | Front of house
Maple & Thistle Bakery
Bread · Cakes · Celebration orders · Wholesale · Instagram @mapleandthistle
### 0016 holdout en-social out_of_scope quantity
note: a second report this month on top of the monthly one (one report a month agreed)
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: half term numbers
date: 2026-02-23 08:59 +0000
--
Morning Sam,

We tried the kids' decorate-your-own-cookie thing over half term and it was packed. Could you do me a separate report just for half-term week, on top of the usual monthly one? I want to show my business adviser what the Instagram posts did for footfall.

Cheers
Kate
### 0018 holdout en-social in_scope -
note: subject-only request for a Friday feed post (a normal posting day)
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: can you post the hot cross buns on friday
date: 2026-03-23 19:20 +0000
opts: iphone
--

### 0019 holdout - unknown_sender -
va: en-social
note: a flour supplier that is not a contact of any agreement asks to be tagged
from: Harriet Lowe <harriet@stonegroundmills.example.net>
subject: Tagging us?
date: 2026-02-17 15:26 +0000
--
Dear Sam,

We supply the stoneground flour to Maple & Thistle and we love the bread posts you make for them. Would you be able to tag @stonegroundmills in the sourdough posts going forward? We'd happily share them.

Kind regards,
Harriet Lowe
Marketing, Stoneground Mills
### 0022 holdout en-social out_of_scope deadline;new_work
note: May calendar wanted tomorrow (agreed by the 25th) plus a sales deck for wholesale customers
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: May + wholesale deck
date: 2026-03-26 13:13 +0000
--
Hi Sam,

Two things.

1) Could I have the May content calendar tomorrow? I know it's not due till late April but I want to plan the bakes around it this weekend.

2) Ben's pitching to the garden centre café chain next week. Would you put together a short presentation about us, 8 or 10 slides with the best Instagram photos and some numbers?

Thank you!!
Kate
### 0024 holdout en-social no_request -
note: withdraws an earlier request; the quoted own mail holds the giveaway request that must not count; quoted-printable
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: Re: Easter giveaway
date: 2026-03-19 07:40 +0000
reply: gmail 2026-03-18 21:15
quote_from: client
opts: qp
--
Scrap the giveaway idea - the chocolatier pulled out, so there's nothing to give away. Sorry Sam! Normal posts that week.

Kate
>>>
Hi Sam, could you also do a giveaway post for Easter week with the chocolatier next door? Winner gets a hamper. — Kate
### 0025 holdout en-social out_of_scope client_duty;quantity
note: asks the VA to come and film the bread shaping herself (client provides videos) and wants eight stories in Easter week where five a week are agreed
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: easter week
date: 2026-03-24 18:44 +0000
opts: android
--
hi sam

easter week is going to be mad so a couple of asks. could you come in on tuesday morning and film a reel of us shaping the hot cross buns? we'll be too busy to hold a phone. and can we do 8 stories that week instead of 5, lots to show off

ta, kate
### 0136 holdout en-social no_request -
note: thanks and news; "also" only reports the client's own news
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: Re: January report
date: 2026-02-03 21:02 +0000
reply: none 2026-02-03 09:00
--
Thanks Sam! Read it on the bus home. Lovely to see the carrot cake reel did so well.

We've also hired a new Saturday girl, Mia, so you might see her popping up in the photos.

Kate
### 0137 holdout en-social in_scope -
note: reply to comments on the competition post and announce the winner in a regular feed post
from: Kate Morrow <kate@mapleandthistle.example.com>
subject: Cake competition winner
date: 2026-03-06 16:30 +0000
--
Hi Sam,

The kids' cake drawing competition closed today, we had 64 entries! The winner is Freya, age 7, with her unicorn cake.

Please reply to the comments on the competition post to say thank you to everyone who entered, and use Monday's post to announce Freya as the winner (her mum's happy for us to use her first name). Photo of the drawing is in the folder.

Kate
### 0027 holdout en-admin out_of_scope client_duty
note: asks the assistant to write talking points for an investor call (client provides talking points)
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: Thursday investor call
date: 2026-02-10 19:58 -0500
--
Jordan,

The Northgate call got moved up to Thursday at 9. I haven't prepared anything. Would you draft my talking points for it? Cover the Q4 results, the two new retainers, and why we're not raising prices this year. One page is plenty.

Thanks,
Dana
### 0028 holdout en-admin in_scope -
note: unsubscribe from webinar mail and set up a filter, both inbox management
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: inbox clean-up
date: 2026-01-07 08:30 -0500
--
Good morning Jordan,

Welcome aboard! First job: my inbox is drowning in webinar promotions and vendor newsletters. Please unsubscribe me from all of them, and set up a filter so anything from the Lakeshore team goes into its own folder and gets flagged.

Dana
### 0029 holdout en-admin no_request -
note: out-of-office auto reply from the client
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: Automatic reply: Weekly summary
date: 2026-02-16 06:00 -0500
reply: none 2026-02-16 05:59
--
I am out of the office on vacation February 16-20 with no access to email. For anything urgent please contact Mark Feld at mark@whitfieldadvisory.example.com.

Dana Whitfield
Principal, Whitfield Advisory LLC
### 0031 holdout en-admin out_of_scope quantity;deadline
note: a second expense report this month just for one project (one a month agreed), and wanted by Friday although due on the 5th
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: Lakeshore expenses
date: 2026-03-18 14:12 -0500
--
Hi Jordan,

Lakeshore reimburses travel separately, so this month I need two expense reports: the normal one, and a second one only for the Lakeshore trips (Chicago and Denver). Their finance team closes their books on the 20th, so could you have both submitted by this Friday rather than waiting until April 5th?

Thanks,
Dana
### 0032 holdout en-admin in_scope -
note: Mark asks to put the offsite in Dana's calendar and send the invites (calendar management)
from: Mark Feld <mark@whitfieldadvisory.example.com>
subject: Partner offsite
date: 2026-01-22 10:02 -0500
--
Hi Jordan,

Could you block April 9-10 in Dana's calendar for the partner offsite and send invites to the four of us (me, Dana, Lee, Aisha)? Location TBC, just put "Minneapolis" for now.

Thanks,
Mark
### 0034 holdout en-admin in_scope -
note: adds a rental car to an already booked trip ("too"); the quoted history contains an old personal request (dog sitter) that was already handled
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: Re: Denver itinerary
date: 2026-02-26 11:45 -0500
reply: gmail 2026-02-25 17:20
--
Itinerary looks great, thanks. Please add a rental car in Denver too, I'll drive up to Boulder on the 5th. Nothing fancy.

D
>>>
Hi Dana,

Here's your Denver itinerary for March 4-5: United 1184 out at 7:10am, Crawford Hotel two nights, return on the 5th at 6:40pm.

On the dog sitter: as we discussed, personal errands are outside what I do for you, so I've sent you the two numbers Mark recommended instead.

Jordan

> Could you also find someone to look after Biscuit while I'm in Denver?
### 0038 holdout en-admin no_request -
note: question for information, plus "also" about something she did herself
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: Hargreaves?
date: 2026-01-14 13:27 -0500
--
Did Paul Hargreaves ever accept the invite for Thursday? I also moved my dentist appointment myself, so you don't need to worry about that clash anymore.

Dana
### 0039 holdout en-admin out_of_scope excluded;new_work
note: a LinkedIn post (social media excluded) and an onboarding pack for a new hire (no deliverable); HTML only
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: Aisha starts Monday
date: 2026-03-05 12:03 -0500
opts: html
--
Hi Jordan,

Aisha Bello joins us on Monday as a senior consultant! A couple of things to get ready:

Could you write a LinkedIn post from the company page announcing her? Her bio is on the old proposal.

And I'd like a proper onboarding pack for her: a welcome letter, a checklist of the systems she needs access to, and a first-week schedule. We've never had one and it's about time.

Thanks,
Dana
### 0040 holdout en-admin in_scope -
note: request only in a P.S. - a train for one trip, covered by travel booking
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: Re: Weekly summary
date: 2026-01-30 17:40 -0500
reply: none 2026-01-30 16:00
--
Thanks for the summary, Jordan. Very clear as always.

Have a good weekend,
Dana

P.S. Please book me an Acela from Boston to New York on the morning of Feb 12, back the same evening. Business class if it's under $300.
### 0041 holdout en-admin no_request -
note: hypothetical about help with a book launch later in the year
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: Looking ahead
date: 2026-03-20 09:14 -0500
--
Jordan,

Just thinking out loud: my book comes out in October and I may want extra help around the launch (events, press, that kind of thing). Let's talk about it in the summer once I know more. Nothing to do now.

Dana
### 0047 holdout en-admin out_of_scope deadline
note: inbox work asked for on Saturday so she starts the week at zero (weekend work to go faster)
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: inbox zero by Monday??
date: 2026-02-12 18:22 -0500
opts: iphone
--
Back from vacation Monday and I have 900 unread. Any chance you could go through it over the weekend so it's sorted before I'm back? Saturday would be ideal.
### 0048 holdout - unknown_sender -
va: en-admin
note: the client writing from a personal address that is not in the agreement's contacts
from: Dana Whitfield <dwhitfield.home@gmail.com>
subject: from my personal account
date: 2026-03-01 10:31 -0600
--
Jordan, writing from my personal email because my laptop died. Please reschedule tomorrow's 9am with Lee to Tuesday and let him know.

Dana
### 0051 holdout en-admin out_of_scope client_duty;excluded
note: asks the assistant to get receipt copies from the restaurants (client provides receipts) and to arrange her dry cleaning pickup (personal)
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: receipts + dry cleaning
date: 2026-02-03 08:17 -0500
--
Jordan,

I lost the receipts from the Chicago client dinners. Could you call the restaurants (Gibsons and RPM) and get them to email you copies?

Also, while you're on the phone, can you arrange for the dry cleaner on Lake St to pick up from the house on Wednesday? They have the address.

Thanks
Dana
### 0054 holdout en-admin in_scope -
note: reschedule calls and send a Zoom link, calendar management; quoted-printable
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: Thursday
date: 2026-03-10 07:02 -0500
opts: qp
--
Morning Jordan,

I'm going to be on site at Ridgeline all day Thursday. Please reschedule the three calls I have that afternoon (Lee, Northgate, the recruiter) to early next week, and send Laura from Northgate the new Zoom link when it's set.

Thank you!
Dana

Dana Whitfield · Principal
Whitfield Advisory LLC · Minneapolis
### 0055 holdout en-admin out_of_scope new_work;quantity
note: three April trips where two a month are agreed, plus taking minutes at a meeting (no deliverable)
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: April
date: 2026-03-25 16:48 -0500
--
Jordan,

Planning ahead for April. Please book these three trips:

NYC April 6-7 (Northgate)
Denver April 14-15 (Ridgeline)
Seattle April 22-24 (conference, register me too)

I'd also like you to join the partners' meeting on Zoom on April 2 and take minutes. We keep forgetting what we decided.

Dana
### 0056 holdout en-admin no_request -
note: news only, explicitly nothing to do
from: Mark Feld <mark@whitfieldadvisory.example.com>
subject: FYI
date: 2026-03-13 15:50 -0500
--
Hi Jordan,

Heads up that I'm leaving Whitfield at the end of the month, my last day is March 31. Dana will tell you who takes over my bits. Nothing for you to do yet, just didn't want you to hear it second hand.

It's been great working with you.

Mark
### 0138 holdout en-admin no_request -
note: question for information only
from: Mark Feld <mark@whitfieldadvisory.example.com>
subject: Zoom licence
date: 2026-01-16 11:05 -0500
--
Jordan - did you get the login for the new Zoom licence I set up yesterday? Just checking it came through to you and not to the old admin address.

Mark
### 0139 holdout en-admin in_scope -
note: accept a meeting invite and block prep time before it, calendar management; HTML only
from: Dana Whitfield <dana@whitfieldadvisory.example.com>
subject: Lakeshore quarterly review
date: 2026-03-02 09:36 -0600
opts: html
--
Hi Jordan,

Lakeshore just sent an invite for their quarterly review on March 19 at 1pm. Please accept it for me and block two hours before it for prep, no calls in that slot.

Thanks,
Dana

Dana Whitfield
Principal | Whitfield Advisory LLC
### 0057 holdout en-web out_of_scope client_duty
note: asks the designer to find photos for the homepage (client provides images)
from: Priya Shah <priya@brightfernyoga.example.com>
subject: Homepage photos
date: 2026-02-02 13:44 +0000
--
Hi Ellie,

The photos from our shoot are lovely but none of them really work for the big homepage banner, they're all too busy. Could you find a couple of calm photos of people doing yoga outdoors for it? Stock is fine, as long as they don't look too cheesy.

Thanks,
Priya
### 0059 holdout en-web in_scope -
note: second round of feedback, within the two agreed rounds; HTML with a blockquote of the earlier mail
from: Priya Shah <priya@brightfernyoga.example.com>
subject: Re: Revised mockups
date: 2026-02-11 21:09 +0000
reply: gmail 2026-02-10 15:00
opts: html
--
Hi Ellie,

These are so much better. Our second (and hopefully last!) round of feedback:

- on the About page, please put the teachers in alphabetical order
- the footer text is a bit small on mobile
- can the trial class button be the sage colour instead of grey?

That's it, then we're good to go.

Priya
>>>
Hi Priya,

Attached are the revised mockups with your first round of feedback worked in. Once you've had a look, send me your second round of changes and I'll finalise the designs.

Ellie
### 0060 holdout en-web no_request -
note: question for information only (domain transfer status)
from: Priya Shah <priya@brightfernyoga.example.com>
subject: domain
date: 2026-03-09 08:15 +0000
opts: iphone
--
Did the domain transfer go through ok? Got an email from 123-reg this morning and wasn't sure if I had to click anything
### 0064 holdout en-web out_of_scope excluded;deadline
note: monthly plugin updates after launch (maintenance excluded) and weekend work to finish the timetable page sooner
from: Priya Shah <priya@brightfernyoga.example.com>
subject: After launch + timetable
date: 2026-02-26 17:30 +0000
--
Hi Ellie,

I'm a bit nervous about looking after WordPress myself. After we launch, could you keep the plugins updated and do a backup every month? I'd rather not break anything.

Also is there any way you could work on the timetable page this weekend? I'd love to see it finished before I go on the teacher retreat on Monday.

Priya
### 0065 holdout en-web out_of_scope new_work;client_duty
note: a newsletter sign-up pop-up (no deliverable, not an exclusion) and asks the designer to write its text (client provides copy)
from: Olivia Grant <olivia@brightfernyoga.example.com>
subject: Newsletter sign up
date: 2026-02-19 11:58 +0000
--
Hi Ellie,

Priya and I were talking about collecting emails. Would it be possible to have one of those pop-ups that asks people to sign up to our newsletter when they land on the site? And could you write the wording for it too? Something friendly, not salesy. You're much better with words than us!

Thanks so much,
Olivia
Studio Manager, Bright Fern Yoga
### 0066 holdout en-web in_scope -
note: imperative small changes to agreed pages (Instagram link in footer, address on contact page)
from: Priya Shah <priya@brightfernyoga.example.com>
subject: footer + address
date: 2026-03-05 10:22 +0000
--
Ellie,

Please add a link to our Instagram in the footer, and put the studio address and the "parking behind the Co-op" note on the contact page under the map.

Cheers,
Priya
### 0068 holdout en-web out_of_scope quantity
note: two more pages on top of the five agreed (seven in total)
from: Priya Shah <priya@brightfernyoga.example.com>
subject: Two more pages?
date: 2026-02-05 15:03 +0000
--
Hi Ellie,

I've been thinking about the site structure and I really think we need a Retreats page and a Pricing page as well. So seven pages instead of five. The retreats are a big part of our income now and people keep asking about prices on the phone.

What do you think?

Priya
### 0069 holdout en-web no_request -
note: thanks and news; "also" trap about texts she sent
from: Priya Shah <priya@brightfernyoga.example.com>
subject: Texts
date: 2026-01-30 23:12 +0000
--
Ellie, thank you for being so patient. I've finished the texts for all five pages and put them in the shared folder. I also included the new teacher bios that Olivia wrote. Now I'm going to bed!

Priya
### 0070 holdout en-web no_request -
note: hypothetical about SEO later in the year, explicitly no action now; base64 body
from: Priya Shah <priya@brightfernyoga.example.com>
subject: SEO at some point
date: 2026-03-18 12:00 +0000
opts: b64
--
Hi Ellie,

A friend who runs a Pilates studio in Bristol says SEO made a huge difference for her. I don't want to add anything to the project now, but in the autumn we might want to look at it properly and I'd love to hear if you know someone.

No action needed!
Priya
### 0071 holdout en-web in_scope -
note: books the one agreed training session
from: Priya Shah <priya@brightfernyoga.example.com>
subject: Training session
date: 2026-03-11 09:37 +0000
--
Hi Ellie,

Could we do the WordPress training on Tuesday 17th at 10am? Olivia will join as well since she'll be the one updating the timetable most weeks. The studio's free until 12.

Priya
### 0072 holdout en-web out_of_scope quantity;deadline
note: a second training session (one agreed) on a Sunday to fit the staff rota (weekend work)
from: Olivia Grant <olivia@brightfernyoga.example.com>
subject: Re: Training session
date: 2026-03-18 13:41 +0000
reply: gmail 2026-03-17 12:05
--
Hi Ellie,

Thanks for yesterday, it was really helpful. Our two weekend teachers missed it though. Could you run a second training session just for them? Sunday afternoon is the only time they're both free, say the 22nd?

Olivia
>>>
Hi Priya and Olivia,

Thanks for a great session this morning. As promised, here's the link to the short video guide for editing the timetable.

Ellie
### 0073 holdout en-web no_request -
note: withdraws an earlier idea; the quoted own mail asks for a gallery page which must not count
from: Priya Shah <priya@brightfernyoga.example.com>
subject: Re: gallery
date: 2026-02-07 09:55 +0000
reply: apple 2026-02-06 22:41
quote_from: client
--
Ellie, ignore last night's email. Scrap the gallery, let's keep it simple and stick to the five pages.

P
>>>
Hi Ellie, random thought at 11pm: could we add a gallery page with all the photos from the retreats? Priya
### 0074 holdout - unknown_sender -
va: en-web
note: a teacher from another studio, not a contact of any agreement
from: Sophie Lang <sophie@sophiemovesyoga.example.co.uk>
subject: My bio on the Bright Fern site
date: 2026-03-17 19:03 +0000
--
Hi Ellie,

I teach the Thursday evening Yin class at Bright Fern. Could you update my bio on the About page? I've just finished my 300-hour training. New text below.

"Sophie has taught yoga since 2019 and completed her 300-hour advanced training in 2026..."

Thanks,
Sophie
### 0075 holdout en-web out_of_scope client_duty;excluded
note: asks the designer to write the class descriptions (client provides copy); a printed open-day leaflet only in the P.S. (print design excluded)
from: Priya Shah <priya@brightfernyoga.example.com>
subject: Classes page
date: 2026-01-27 20:20 +0000
--
Hi Ellie,

I've got stuck on the Classes page. I can write about the teachers but describing the classes themselves is harder than I thought. Would you mind writing a short description for each class (Vinyasa, Yin, Hatha, Pilates, Prenatal)? Two or three sentences each.

Priya

PS we're printing leaflets for the open day - could you design one to match the new site?
### 0076 holdout en-web in_scope -
note: subject-only request to move the timetable link in the menu, a small change to an agreed page
from: Priya Shah <priya@brightfernyoga.example.com>
subject: Please move Timetable to first place in the menu
date: 2026-03-02 07:45 +0000
--

### 0081 holdout en-web no_request -
note: out-of-office from the studio manager
from: Olivia Grant <olivia@brightfernyoga.example.com>
subject: Out of Office: Re: Contact form test
date: 2026-03-12 10:10 +0000
reply: none 2026-03-12 10:09
--
Hi, thanks for your email! I'm on leave until Monday 16 March. For class bookings please call the studio on 01803 555 019, for anything else email Priya.

Olivia
### 0140 holdout en-web in_scope -
note: add a class to the timetable page during the build; latin-1 with accented names
from: Priya Shah <priya@brightfernyoga.example.com>
subject: One more class for the timetable
date: 2026-02-24 14:28 +0000
opts: latin1
--
Hi Ellie,

One more thing for the timetable: please add the new Sunday "Yin & Restore" class, 17:00-18:15, taught by Zoë Müller. She starts on 8 March.

Thank you!
Priya
### 0082 holdout en-books out_of_scope client_duty
note: asks the bookkeeper to get copies of missing supplier bills from the merchants (client provides bills)
from: Lynne Carver <lynne@carverplumbing.example.com>
subject: Missing bills
date: 2026-02-09 11:20 +0000
--
Hi Ruth,

I can't find the Travis Perkins and Screwfix bills for January anywhere, I think Gareth binned them with the van rubbish. Could you ring the branches and ask them to send you copies of the supplier bills directly? Our account numbers are on the statements.

Sorry!
Lynne
### 0083 holdout en-books in_scope -
note: correct the categorisation of transactions in Xero (bookkeeping)
from: Gareth Carver <gareth@carverplumbing.example.com>
subject: Amazon stuff
date: 2026-01-26 20:11 +0000
--
Ruth

Noticed in Xero the Amazon payments are going under office costs. Most of that is fittings and tools, so please categorise them as materials going forward and fix the ones already in there.

Gareth
### 0087 holdout en-books no_request -
note: question for information only (when the VAT return will be ready to review)
from: Gareth Carver <gareth@carverplumbing.example.com>
subject: VAT
date: 2026-01-28 07:30 +0000
opts: iphone
--
When will the Oct-Dec VAT return be ready for me to look over? Just so I know when to sit down with it.
### 0088 holdout en-books out_of_scope new_work
note: a quote template spreadsheet and a 12-month cash forecast for a loan application, neither is a deliverable; HTML only
from: Gareth Carver <gareth@carverplumbing.example.com>
subject: Bank loan for the new van
date: 2026-03-03 18:51 +0000
opts: html
--
Hi Ruth,

We're applying to the bank for a loan for a second van. They want a 12 month forecast of income and costs going forward. Can you put that together for us?

And while you're at it, I've been meaning to ask for ages - could you build us a spreadsheet for pricing up jobs, so the lads can give customers a quote on the spot?

Cheers,
Gareth
### 0089 holdout en-books out_of_scope excluded;quantity
note: workplace pension set-up (payroll excluded) and a weekly P&L in March where one a month is agreed
from: Gareth Carver <gareth@carverplumbing.example.com>
subject: Pension + weekly figures
date: 2026-02-27 12:34 +0000
--
Ruth,

Got a letter from The Pensions Regulator saying we need to put the lads in a workplace pension. Can you set that up and deal with it?

Also with the cash being tight I'd like a P&L every week through March, not just the monthly one. Every Monday would be good.

Thanks
Gareth
### 0093 holdout en-books no_request -
note: withdrawal - the job was cancelled, no invoice needed
from: Lynne Carver <lynne@carverplumbing.example.com>
subject: Dunn job
date: 2026-02-16 09:05 +0000
--
Morning Ruth,

No need to raise the stage 2 invoice for Mr & Mrs Dunn, they've cancelled the rest of the bathroom job. Gareth's not happy but there we go.

Lynne
### 0094 holdout en-books in_scope -
note: raise an invoice and a credit note (invoicing); the quoted message contains an old request to chase a debtor that was declined
from: Lynne Carver <lynne@carverplumbing.example.com>
subject: RE: Hexley Lettings
date: 2026-02-18 14:47 +0000
reply: original 2026-02-17 10:12
--
Hi Ruth,

Understood, Gareth will chase them himself.

In the meantime please raise the invoice for the St Anne's job (£140, job sheet in Dext) and a credit note for the duplicate Hexley invoice, INV-0412.

Thanks,
Lynne
>>>
Hi Lynne,

Chasing customers for payment isn't part of my work for you, so I'd ask Gareth to give Hexley a call. I've flagged the invoice in Xero as overdue so you can see it.

Ruth

> Can you chase Hexley Lettings again, they're now 60 days late?
### 0095 holdout en-books out_of_scope deadline;client_duty
note: February P&L wanted by the 6th instead of the 10th, and asks the bookkeeper to upload fuel receipts to Dext (client duty); latin-1 with pound signs
from: Gareth Carver <gareth@carverplumbing.example.com>
subject: Bank meeting
date: 2026-03-02 16:05 +0000
opts: latin1
--
Hi Ruth,

Meeting with the bank on Monday 9th about the van loan. Could I get the February P&L by Friday the 6th instead of the 10th so I can take it along?

The fuel receipts for February are all in my email as PDFs (about £640 worth). Can you save them off and upload them to Dext yourself? I'm flat out this week.

Cheers
Gareth
### 0096 holdout en-books out_of_scope excluded
note: ring round customers who owe money (credit control excluded); phone one-liner
from: Gareth Carver <gareth@carverplumbing.example.com>
subject: owed money
date: 2026-03-13 13:02 +0000
opts: iphone
--
can u ring round everyone who owes us over 30 days this week, cash is tight
### 0100 holdout en-books no_request -
note: news about an insurance payout so the bookkeeper is not surprised; no request
from: Gareth Carver <gareth@carverplumbing.example.com>
subject: Van nicked
date: 2026-01-09 08:48 +0000
--
Ruth

Just so you know, the Transit got nicked off the drive on Tuesday night. Police have been, insurance claim's in. If a big payment from Aviva shows up in the bank in the next few weeks that's what it is.

Gareth
### 0102 holdout en-books in_scope -
note: twelve job sheets to invoice and a card account to reconcile; base64 body
from: Lynne Carver <lynne@carverplumbing.example.com>
subject: Job sheets w/e 20 Feb
date: 2026-02-20 16:30 +0000
opts: b64
--
Hi Ruth,

Twelve job sheets attached for this week. Please invoice them all, the two Hexley ones can go on a single invoice as usual.

Could you also reconcile the Barclaycard account? The statement's come in and it's the first one since we switched cards.

Have a good weekend,
Lynne

Lynne Carver
Office Manager, Carver & Sons Plumbing Ltd
### 0105 holdout en-books out_of_scope new_work;deadline
note: filling in a loan application (no deliverable) and January books done over the weekend to have them sooner
from: Gareth Carver <gareth@carverplumbing.example.com>
subject: Loan application
date: 2026-02-05 21:16 +0000
--
Ruth,

Bank have sent the loan application form, it's 14 pages. Can you fill it in for me? You've got all the numbers.

They want January's figures in it, so could you do the January books this weekend instead of next week so we can send it Monday?

Gareth
### 0106 holdout - unknown_sender -
va: en-books
note: a supplier's accounts department, not a contact of any agreement
from: Accounts Receivable <accounts@hexleymerchants.example.net>
subject: Statement of account - Carver & Sons Plumbing
date: 2026-03-02 06:15 +0000
--
Dear Customer,

Please find attached your statement of account for February 2026. Our records show an overdue balance of £1,204.18. Please arrange payment at your earliest convenience or send us remittance details.

Hexley Builders Merchants Ltd
Accounts Receivable
### 0107 holdout en-books no_request -
note: hypothetical about adding payroll next year
from: Gareth Carver <gareth@carverplumbing.example.com>
subject: Re: January P&L
date: 2026-02-10 19:40 +0000
reply: none 2026-02-10 09:00
--
Cheers Ruth, better than I thought.

If we take on another two lads next year I might want to talk about you doing the payroll as well. We'll see how it goes.

G
### 0108 holdout en-books out_of_scope client_duty
note: asks the bookkeeper to save receipt photos from WhatsApp and upload them (client provides receipts); typos
from: Gareth Carver <gareth@carverplumbing.example.com>
subject: recipts on whatsapp
date: 2026-03-03 22:10 +0000
opts: android
--
ruth, ive been taking photos of all the recipts this month like you said but there all on the whatsapp group with the lads. can you go through the group and save them and put them in dext? ill add you to it
### 0110 holdout en-books out_of_scope quantity
note: monthly VAT returns instead of the agreed one a quarter
from: Gareth Carver <gareth@carverplumbing.example.com>
subject: Monthly VAT
date: 2026-01-20 10:05 +0000
--
Hi Ruth,

My mate reckons switching to monthly VAT returns helps when you get refunds, which we do with all the materials. From April can you do a VAT return every month instead of every quarter?

Gareth
### 0141 holdout en-books no_request -
note: news that receipts are uploaded; "also" trap
from: Lynne Carver <lynne@carverplumbing.example.com>
subject: Dext
date: 2026-03-02 15:10 +0000
--
Hi Ruth,

All the February receipts are in Dext now. I've also added the Screwfix ones that turned up in Gareth's coat pocket!

Lynne
### 0111 holdout en-painter out_of_scope new_work
note: another room - the downstairs toilet is not one of guest rooms 1-3
from: Tom Ashworth <tom@rosewoodguesthouse.example.com>
subject: Downstairs loo
date: 2026-02-25 13:20 +0000
--
Dave,

Whilst you're here with all the kit out, could you do the downstairs loo as well? It's tiny, one wall and a ceiling really. Same white as the ceilings upstairs.

Tom
### 0112 holdout en-painter in_scope -
note: swaps the order of two agreed rooms; Outlook quote
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: RE: Next week
date: 2026-02-26 19:12 +0000
reply: outlook 2026-02-26 16:40
--
Hi Dave,

Could you start with room 3 on Monday instead of room 2? Room 2 has guests until Wednesday now. Room 3 will be cleared on Sunday night.

Helen
>>>
Hi Helen,

Room 1 is finished. Next week I'll do room 2 Monday to Wednesday and start room 3 on Thursday, as planned.

Dave
### 0113 holdout en-painter no_request -
note: thanks and news; "also" is about what the client did
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: Thank you
date: 2026-02-13 17:05 +0000
--
Dave, room 1 is gorgeous. Our first guests in it tonight said it felt like a new hotel. I've also left the invoice money in an envelope on the hall table for the first week, as agreed.

Helen
### 0114 holdout en-painter out_of_scope quantity;client_duty
note: three coats in room 2 (two agreed) and asks the painter to order the paint (client buys paint)
from: Tom Ashworth <tom@rosewoodguesthouse.example.com>
subject: Room 2 colour
date: 2026-02-21 09:30 +0000
--
Hi Dave,

We've gone for Hague Blue in room 2 in the end (brave, I know). The man at the trade counter said a dark colour over the old magnolia will need three coats, so please plan on three.

Could you order the paint for us as well? You know how much you need better than we do. Just put it on your invoice.

Tom
### 0115 holdout en-painter out_of_scope deadline
note: evening work to finish the hallway sooner than planned
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: Hallway before Friday
date: 2026-03-09 12:02 +0000
--
Dave,

We've got a coach party of walkers arriving Friday and the hallway is the first thing they'll see. Would you be able to do a couple of evenings this week so it's finished by Thursday night? We'll feed you!

Helen
### 0116 holdout en-painter in_scope -
note: hallway doors, frames and stair skirting in satinwood "as well", all agreed woodwork; HTML only
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: Hallway woodwork
date: 2026-03-06 08:14 +0000
opts: html
--
Morning Dave,

Just confirming for the hallway: please do the doors and the door frames in the white satinwood as well, and the skirting all the way up the stairs to the landing.

Kind regards,
Helen Ashworth
Rosewood Guest House
### 0117 holdout en-painter no_request -
note: hypothetical about outside work next year
from: Tom Ashworth <tom@rosewoodguesthouse.example.com>
subject: Re: Final invoice
date: 2026-03-20 18:22 +0000
reply: none 2026-03-20 11:00
--
Thanks Dave, all paid. Really pleased with everything.

We might get you back next spring for the outside of the house if the budget stretches. We'll be in touch.

Tom
### 0120 holdout en-painter out_of_scope excluded;deadline
note: mould treatment and re-plastering (excluded) plus finishing a week earlier than agreed
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: Room 1 en suite + dates
date: 2026-02-04 14:41 +0000
--
Hi Dave,

Two things. There's a patch of black mould above the shower in the room 1 en suite and the plaster's crumbling there. Could you treat it and re-plaster that bit before you paint?

And we've just been told the inspector from the tourist board is coming on the 9th of March, so could you have everything finished by Friday 6th rather than the 13th?

Helen
### 0121 holdout - unknown_sender -
va: en-painter
note: the neighbour, not a contact of any agreement
from: Margaret Hale <margaret.hale@btinternet.com>
subject: Painting
date: 2026-03-11 10:50 +0000
--
Dear Mr Pritchard,

I run the B&B next door to Rosewood and Helen has shown me your work. Could you paint my dining room and the front bedroom when you've finished there? Please let me know when you could come and have a look.

Yours sincerely,
Margaret Hale
### 0123 holdout en-painter out_of_scope new_work;excluded
note: kitchen cupboards (no deliverable) and the garden benches (outside work excluded)
from: Tom Ashworth <tom@rosewoodguesthouse.example.com>
subject: couple of extras
date: 2026-03-12 16:00 +0000
--
Dave

Helen's put together a list of extras, sorry in advance:

1. the kitchen cupboard doors - can they be painted sage green? they're pine at the moment
2. the two benches in the garden, just a coat of something to freshen them up for the summer

Let us know a price.

Tom
### 0124 holdout en-painter no_request -
note: question for information only (drying time)
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: Beds back in?
date: 2026-02-11 15:33 +0000
opts: iphone
--
How long do we need to leave it before we can put the beds back in room 1? Want to air it properly before Friday's guests.
### 0127 holdout en-painter in_scope -
note: phone one-liner asking for a touch-up on the landing wall (landing is covered)
from: Tom Ashworth <tom@rosewoodguesthouse.example.com>
subject: scuff
date: 2026-03-16 09:44 +0000
opts: iphone
--
suitcase scuff on the landing wall by room 2, touch it up before you pack up pls
### 0130 holdout en-painter out_of_scope client_duty
note: asks the painter to empty room 3 and take the curtains down (client clears rooms); quoted-printable
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: Room 3 on Thursday
date: 2026-03-03 20:47 +0000
opts: qp
--
Hi Dave,

We're short-staffed this week – Tom's helping his brother move. Would you mind emptying room 3 yourself when you arrive on Thursday? Beds and bedside tables can go in room 2, and the curtains just need unhooking and folding.

Many thanks,
Helen
### 0131 holdout en-painter out_of_scope quantity
note: two extra coats on room 2's walls, four in total where two are agreed
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: Room 2 walls
date: 2026-02-27 11:15 +0000
--
Hi Dave,

I had a proper look at room 2 this morning in daylight and I can still see the old magnolia patches behind the blue. I think it needs another two coats on top of the two you've done. Four in all. Sorry, I know dark colours are a pain.

Helen
### 0132 holdout en-painter no_request -
note: withdrawal; the quoted own mail asks for the front door (exterior) and must not count
from: Tom Ashworth <tom@rosewoodguesthouse.example.com>
subject: Re: front door
date: 2026-03-06 08:01 +0000
reply: gmail 2026-03-05 21:40
quote_from: client
--
Ignore my email about the front door, Dave - my brother says he'll do it at Easter. Stick to the inside.

Tom
>>>
Dave, actually could you do the front door as well when you've done the hallway? Blue like the sign.
### 0133 holdout en-painter in_scope -
note: colour choice for room 3 and filling picture holes (room and prep covered); windows-1252 accents
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: Room 3 colour
date: 2026-03-01 10:05 +0000
opts: cp1252
--
Hi Dave,

For room 3 we've chosen "Café au Lait" for the walls – the tins are in the utility room. Please fill the holes where the old pictures were before you paint, there are quite a few above the bed.

Merci!
Helen
### 0134 holdout en-painter in_scope -
note: sand the flaky skirting in the hallway before painting (prep and woodwork covered)
from: Tom Ashworth <tom@rosewoodguesthouse.example.com>
subject: Skirting in the hall
date: 2026-03-07 10:12 +0000
--
Morning Dave,

The skirting boards in the hall are flaking badly near the kitchen door. Please give them a proper sand before you put the satinwood on, otherwise it'll just peel again.

Ta,
Tom
### 0142 holdout en-painter no_request -
note: thanks and news only
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: Lovely comments
date: 2026-03-18 20:30 +0000
--
Dave,

Just had to share - a guest in room 2 left a review saying the "stunning blue room" was the highlight of their stay. You've made our spring. Thank you!

Helen
### 0143 holdout en-painter in_scope -
note: hallway as planned plus the landing door frames, all covered
from: Helen Ashworth <helen@rosewoodguesthouse.example.com>
subject: Next week
date: 2026-03-05 17:48 +0000
opts: android
--
Hi Dave, please crack on with the hallway next week as planned, and do the door frames on the landing while you're up there. Colours as discussed. Helen
"""


if __name__ == "__main__":
    sys.exit(main())
