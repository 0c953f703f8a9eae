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
        prev = _msgid(m["num"] + "-prev", va[1])
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
"""


if __name__ == "__main__":
    sys.exit(main())
