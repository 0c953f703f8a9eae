"""Change-request reply drafts: the words the client reads, the numbers, the threading headers,
and that hostile client text cannot reach a header or HTML."""

from __future__ import annotations

import email
import re
from dataclasses import replace
from datetime import date, datetime, timezone
from decimal import Decimal
from email import policy
from email.utils import parsedate_to_datetime

import pytest

from scopewatch import resources
from scopewatch.agreement.model import Agreement, Estimate, Limit, Period, Rate, ScopeItem
from scopewatch.detect.findings import CATEGORIES, Finding
from scopewatch.draft.render import (
    DraftFinding,
    draft_bytes,
    dutch_register,
    render_change_request,
    reply_subject,
    words_before_quote,
)
from scopewatch.draft.templating import make_environment, pick_template, render
from scopewatch.errors import ConfigError, MessageError, TemplateError
from scopewatch.parse.message import ParsedMessage

SHIPPED = [resources.templates_dir()]
BANNED = ("sorry", "i'm afraid", "i am afraid", "unfortunately", "helaas", "excuses", "het spijt me")
MAIL_DATE = datetime(2026, 2, 3, 10, 14, tzinfo=timezone.utc)
NOW = datetime(2026, 2, 3, 12, 0, tzinfo=timezone.utc)

DESCRIPTIONS = {
    "en": {
        "posts": "Three Instagram posts with photo and caption",
        "report": "Monthly analytics report",
        "ads": "Paid advertising management",
        "photos": "Product photos for every post",
    },
    "nl": {
        "posts": "Instagram-posts met foto en tekst",
        "report": "Maandelijks analyserapport",
        "ads": "Betaalde advertenties beheren",
        "photos": "Productfoto's voor elke post",
    },
}
EVIDENCE = {
    "en": {
        "new_work": "Could you also set up a newsletter for our regular customers?",
        "excluded": "Can you run a paid Facebook ads campaign for the opening?",
        "quantity": "Could you post two extra Instagram posts this week?",
        "deadline": "Can you send the monthly report by tomorrow morning?",
        "client_duty": "Could you take the product photos yourself this time?",
    },
    "nl": {
        "new_work": "Kun je ook een nieuwsbrief opzetten voor onze vaste klanten?",
        "excluded": "Kun je een betaalde Facebook-campagne draaien voor de opening?",
        "quantity": "Kun je deze week twee extra Instagram-posts plaatsen?",
        "deadline": "Kun je het maandrapport morgenochtend al sturen?",
        "client_duty": "Kun je deze keer zelf de productfoto's maken?",
    },
}
CLAUSE_OF = {"new_work": None, "excluded": "ads", "quantity": "posts", "deadline": "report", "client_duty": "photos"}


def make_agreement(lang: str = "en", *, rate: Rate | None = Rate(Decimal("45")), estimate_hours=2.0,
                   item_hours=None, end=date(2026, 3, 31), item_days=None, item_price=None, estimates=None,
                   client_text=None) -> Agreement:
    d = DESCRIPTIONS[lang]
    client_text = client_text or {}
    return Agreement(
        client_id="devries",
        client="Bakkerij de Vries",
        contacts=("anna@bakkerij.example",),
        deliverables=(
            ScopeItem("posts", "deliverable", d["posts"], ("post",), limit=Limit(3, "week"), due="every Thursday",
                      estimate_hours=item_hours, estimate_days=item_days, price=item_price),
            ScopeItem("report", "deliverable", d["report"], ("report",), due="first Monday of the month"),
        ),
        exclusions=(ScopeItem("ads", "exclusion", d["ads"], ("ads",), client_text=client_text.get("ads")),),
        client_provides=(ScopeItem("photos", "client_provides", d["photos"], ("photo",)),),
        language=lang,
        period=Period(date(2026, 1, 5), end),
        rate=rate,
        estimate_hours=estimate_hours,
        estimates=estimates or {},
    )


def make_finding(category: str, lang: str = "en", evidence: str | None = None, clause: str | None = "auto",
                 start: int = 0) -> Finding:
    item = CLAUSE_OF[category] if clause == "auto" else clause
    ev = evidence or EVIDENCE[lang][category]
    return Finding(
        verdict="out_of_scope", category=category, evidence=ev, start=start, end=start + len(ev),
        rules=["ask-can-you"], scope_item=item,
        scope_item_description=DESCRIPTIONS[lang].get(item) if item else None, confidence=0.9,
    )


def make_message(lang: str = "en", *, new_text: str | None = None, subject: str = "Opening next week",
                 sender_name: str = "Anna de Vries", sender: str = "anna@bakkerij.example",
                 message_id: str | None = "<m1@bakkerij.example>", references=("<m0@bakkerij.example>",),
                 body_text: str | None = None) -> ParsedMessage:
    text = new_text if new_text is not None else ("Hoi Mila, " if lang == "nl" else "Hi Mila, ") + "x"
    return ParsedMessage(
        message_id=message_id, sender=sender, sender_name=sender_name, to=("mila@va.example",), cc=(),
        subject=subject, date=MAIL_DATE, in_reply_to=references[-1] if references else None,
        references=tuple(references), language=lang, new_text=text,
        body_text=body_text if body_text is not None else text + "\n\nAnna\n> earlier mail",
        is_reply=bool(references),
    )


def mail_with(findings, lang: str = "en", **kw) -> ParsedMessage:
    """The client's mail as it would be: the request sentences are its text (the reply quotes them)."""
    greeting = "Hoi Mila," if lang == "nl" else "Hi Mila,"
    sentences = " ".join(dict.fromkeys(df.finding.evidence for df in findings))
    return make_message(lang, new_text=f"{greeting}\n\n{sentences}\n\nAnna", **kw)


def draft_for(category="new_work", lang="en", *, agreement=None, message=None, findings=None, dirs=SHIPPED, **kw):
    agreement = agreement or make_agreement(lang)
    findings = findings or [DraftFinding(41, make_finding(category, lang))]
    if message is not None:
        # The request sentences are in the mail the reply answers (it quotes them).
        missing = [df.finding.evidence for df in findings if df.finding.evidence not in message.new_text]
        if missing:
            extra = " ".join(dict.fromkeys(missing))
            message = replace(message, new_text=f"{message.new_text}\n\n{extra}",
                              body_text=f"{message.body_text}\n\n{extra}")
    return render_change_request(
        agreement, findings, message or mail_with(findings, lang), va_name="Mila Jansen",
        va_address="mila@va.example", template_dirs=dirs, now=NOW, **kw,
    )


def own_words(draft) -> str:
    """The reply without the client's quoted sentences, so only our own questions count."""
    text = draft.reply
    for lang in EVIDENCE.values():
        for ev in lang.values():
            text = text.replace(ev, "")
    return text


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("category", CATEGORIES)
def test_reply_per_language_and_category(lang, category):
    draft = draft_for(category, lang)
    text = draft.reply
    assert draft.language == lang
    assert f'"{EVIDENCE[lang][category]}"' in text  # the client's own sentence is named
    clause = CLAUSE_OF[category]
    if clause:
        assert f'"{DESCRIPTIONS[lang][clause]}"' in text  # the agreement clause, quoted
    else:
        assert f'"{DESCRIPTIONS[lang]["posts"]}"' in text  # new work: what *was* agreed
    flat = text.replace("\xa0", " ")
    if category != "deadline":
        # 2 h (agreement default) x EUR 45 = EUR 90, formatted per language
        money = "€ 90,00" if lang == "nl" else "€90.00"
        rate = "€ 45,00" if lang == "nl" else "€45.00"
        assert money in flat and rate in flat
        assert ("2 uur" if lang == "nl" else "2 hours") in flat
        assert draft.amount == Decimal("90.00")
    # numbered options, ONE question at the end
    options = 2 if category in ("deadline", "client_duty") else 3
    assert re.search(r"^1\. .*\n2\. .*" + (r"\n3\. " if options == 3 else ""), text, re.M)
    if category in ("new_work", "excluded"):
        assert ("31 maart 2026" if lang == "nl" else "31 March 2026") in text
    mine = own_words(draft)
    assert mine.count("?") == 1
    paragraphs = [p for p in text.strip().split("\n\n") if p.strip()]
    assert paragraphs[-2].strip().endswith("?")  # the question, then only the sign-off
    assert paragraphs[-1].strip().endswith("Mila Jansen")
    lowered = text.lower()
    assert not [b for b in BANNED if b in lowered]
    assert words_before_quote(draft) < 150


@pytest.mark.parametrize("lang,expected", [
    ("en", {"excluded": "not included", "quantity": "(3 per week)", "deadline": "We agreed first Monday of the month",
            "client_duty": "is your part", "new_work": "new work"}),
    ("nl", {"excluded": "niet inbegrepen", "quantity": "(3 per week)", "deadline": "We spraken first Monday of the month af",
            "client_duty": "jouw deel", "new_work": "nieuw werk"}),
])
def test_each_category_says_why_it_is_outside(lang, expected):
    for category, phrase in expected.items():
        assert phrase in draft_for(category, lang).reply, category


def test_each_category_offers_what_makes_sense():
    rush = make_agreement(estimates={"deadline": Estimate(price=Decimal("60"))})
    d = draft_for("deadline", agreement=rush).reply
    assert "1. I get it done by tomorrow morning, with a rush surcharge: €60.00 (fixed price)" in d
    assert "2. We keep to the agreed date, first Monday of the month, at no extra cost." in d
    assert "extra work" not in d and "after our current period" not in d  # not offered as later work
    nl = draft_for("deadline", "nl", agreement=make_agreement("nl", estimates={"deadline": Estimate(price=Decimal("60"))}))
    assert "met een spoedtoeslag: € 60,00 (vaste prijs)" in nl.reply.replace("\xa0", " ")
    # without a rush price nothing is invented
    assert "rush surcharge: I will quote it as soon as you say so" in draft_for("deadline").reply
    q = draft_for("quantity").reply
    assert "1. I do the extra as well: about 2 hours × €45.00 = €90.00" in q
    assert "2. It counts towards next week's allowance instead." in q
    duty = draft_for("client_duty").reply
    assert "1. You take care of it, as agreed, and I carry on with the agreed work." in duty
    assert "2. I take it on as extra work: about 2 hours" in duty


def test_openings_answer_the_mail_and_vary():
    sorry = make_message("en", new_text="Sorry, I forgot to order the paint. Could you pick it up?")
    assert draft_for("client_duty", message=sorry).reply.split("\n\n")[1] in (
        "No problem at all, these things happen.", "No worries, thanks for letting me know.",
        "Not to worry, and thanks for telling me straight away.")
    urgent = make_message("en", new_text="This is urgent: can you do it by Friday?")
    assert "timing matters" in draft_for("deadline", message=urgent).reply or "pressing" in draft_for("deadline", message=urgent).reply
    thanks = make_message("nl", new_text="Bedankt voor de mooie posts! Kun je ook een nieuwsbrief maken?")
    assert draft_for("new_work", "nl", message=thanks).reply.split("\n\n")[1] in (
        "Dank je, fijn dat het goed loopt.", "Wat fijn om te horen, dank je wel.")
    firsts = {draft_for("new_work", message=make_message("en", message_id=f"<m{i}@x.example>")).reply.split("\n\n")[1]
              for i in range(12)}
    assert len(firsts) >= 2  # not the same line for every client
    assert "thinking ahead" not in " ".join(firsts)


def test_client_text_is_what_the_client_reads():
    agreement = make_agreement(client_text={"ads": "paid advertising"})
    d = draft_for("excluded", agreement=agreement).reply
    assert '"paid advertising"' in d and DESCRIPTIONS["en"]["ads"] not in d


def test_dutch_register_follows_the_client():
    formal = make_message("nl", new_text="Geachte mevrouw Jansen, kunt u ook een nieuwsbrief maken? Met vriendelijke groet")
    informal = make_message("nl", new_text="Hoi Mila! Kun jij ook een nieuwsbrief maken? Groetjes")
    assert dutch_register(formal.new_text) == "u" and dutch_register(informal.new_text) == "je"
    u = draft_for("client_duty", "nl", message=formal).reply
    je = draft_for("client_duty", "nl", message=informal).reply
    u_words, je_words = set(re.findall(r"\w+", u.lower())), set(re.findall(r"\w+", own_words_text(je).lower()))
    assert {"u", "uw"} <= u_words
    assert not {"je", "jij", "jouw"} & set(re.findall(r"\w+", own_words_text(u).lower()))
    assert "Welke optie heeft uw voorkeur?" in u and "uw deel" in u and u.startswith("Beste Anna de Vries,")
    assert {"je", "jouw"} <= je_words and not {"u", "uw"} & je_words
    assert "Welke optie heeft jouw voorkeur?" in je and je.startswith("Hoi Anna,")


def own_words_text(text: str) -> str:
    for ev in EVIDENCE["nl"].values():
        text = text.replace(ev, "")
    return text


def test_estimate_prefers_clause_then_agreement_then_workspace_default():
    # the clause's own estimate wins
    d = draft_for("quantity", agreement=make_agreement(item_hours=1.5))
    assert d.estimate_hours == 1.5 and d.amount == Decimal("67.50") and "1.5 hours × €45.00 = €67.50" in d.reply
    # no agreement default: the workspace default is used
    d = draft_for("new_work", agreement=make_agreement(estimate_hours=None), default_estimate_hours=3)
    assert d.estimate_hours == 3 and d.amount == Decimal("135.00")
    nl = draft_for("quantity", "nl", agreement=make_agreement("nl", item_hours=1.5))
    assert "1,5 uur × € 45,00 = € 67,50" in nl.reply.replace("\xa0", " ")


def test_no_estimate_means_no_invented_number():
    for lang, phrase in (("en", "an estimate follows"), ("nl", "een inschatting volgt")):
        d = draft_for("new_work", lang, agreement=make_agreement(lang, estimate_hours=None))
        assert d.estimate_hours is None and d.amount is None
        assert phrase in d.reply
        assert not re.search(r"\d+([.,]\d+)? (hours?|uur)", d.reply)
        assert "=" not in d.reply


def test_day_rate_and_fixed_prices_give_totals():
    day = make_agreement(rate=Rate(Decimal("400"), per="day"))
    d = draft_for("new_work", agreement=day)
    assert d.amount == Decimal("100.00")  # 2 hours at 8 hours a day
    assert "about 0.25 days × €400.00 = €100.00" in d.reply
    days = make_agreement(rate=Rate(Decimal("280"), "GBP", per="day"), item_days=1)
    d = draft_for("quantity", agreement=days)
    assert "about 1 day × £280.00 = £280.00" in d.reply and d.amount == Decimal("280.00")
    fixed = make_agreement(item_price=Decimal("150"))
    findings = [DraftFinding(1, make_finding("quantity", start=0)), DraftFinding(2, make_finding("new_work", start=80))]
    d = draft_for(findings=findings, agreement=fixed)
    assert "€150.00 (fixed price)" in d.reply and "about 2 hours × €45.00 = €90.00" in d.reply
    assert "Together that comes to €240.00." in d.reply and d.amount == Decimal("240.00")
    nl = draft_for(lang="nl", findings=[DraftFinding(1, make_finding("quantity", "nl", start=0)),
                                        DraftFinding(2, make_finding("new_work", "nl", start=80))],
                   agreement=make_agreement("nl", item_price=Decimal("150")))
    assert "Samen is dat € 240,00." in nl.reply.replace("\xa0", " ")


def test_without_period_end_the_later_option_is_the_next_period():
    d = draft_for("excluded", agreement=make_agreement(end=None))
    assert "I plan it in our next period." in d.reply


def test_one_draft_covers_several_requests():
    findings = [
        DraftFinding(41, make_finding("new_work", start=0)),
        DraftFinding(42, make_finding("excluded", start=80)),
        DraftFinding(43, make_finding("quantity", start=160)),
    ]
    d = draft_for(findings=findings, agreement=make_agreement(item_hours=1))
    assert d.finding_ids == [41, 42, 43]
    assert d.estimate_hours == 5.0 and d.amount == Decimal("225.00")  # 2 + 2 + 1 hours
    assert "A few of the things you asked for fall outside our agreement:" in d.reply
    for category in ("new_work", "excluded", "quantity"):
        assert f'- "{EVIDENCE["en"][category]}"' in d.reply  # one line per request, the sentence whole
    assert 'our agreement leaves out ("Paid advertising management")' in d.reply
    assert 'goes beyond what we agreed, "Three Instagram posts with photo and caption" (3 per week)' in d.reply
    assert "Together that comes to €225.00." in d.reply
    assert not re.search(r'": (new work|not included|nieuw werk)', d.reply)  # no category labels
    assert words_before_quote(d) < 230
    assert [line for line in d.reply.splitlines() if line.rstrip().endswith("?")] == [
        "Which of these would you like me to go ahead with (I start once you OK it in writing), and which shall we leave for now?"]


def test_several_dutch_requests_stay_short_and_formal():
    findings = [DraftFinding(i, make_finding(c, "nl", start=i * 80)) for i, c in enumerate(CATEGORIES)]
    formal = make_message("nl", new_text="Geachte mevrouw, kunt u het volgende regelen?")
    d = draft_for(lang="nl", findings=findings, message=formal)
    assert d.finding_ids == [0, 1, 2, 3, 4]
    assert "Een paar dingen die u vroeg vallen buiten onze afspraak:" in d.reply
    assert d.reply.count("\n- ") == 5 and "uw deel" in d.reply
    assert not re.search(r'": (nieuw werk|niet inbegrepen)', d.reply)
    assert words_before_quote(d) < 330


def test_in_scope_findings_are_not_drafted():
    ok = Finding("in_scope", None, "Can you post on Thursday?", 0, 10, [], "posts", "x", 0.9)
    with pytest.raises(MessageError):
        draft_for(findings=[DraftFinding(1, ok)])


@pytest.mark.parametrize("subject,expected", [
    ("Opening next week", "Re: Opening next week"),
    ("Re: Opening", "Re: Opening"),
    ("RE: Re: re: Opening", "Re: Opening"),
    ("Antw: RE: Nieuwsbrief", "Re: Nieuwsbrief"),
    ("AW: Antwoord: Nieuwsbrief", "Re: Nieuwsbrief"),
    ("Re[2]: Opening", "Re: Opening"),
    ("Fwd: Opening", "Re: Fwd: Opening"),
    ("", "Re:"),
    ("Regarding the opening", "Re: Regarding the opening"),
])
def test_subject_is_normalised(subject, expected):
    assert reply_subject(subject) == expected


def test_threading_and_addressing_headers():
    msg = make_message(references=("<root@b.example>", "<m0@bakkerij.example>"))
    d = draft_for("excluded", message=msg)
    parsed = email.message_from_bytes(draft_bytes(d), policy=policy.default)
    assert parsed["To"] == "Anna de Vries <anna@bakkerij.example>"
    assert parsed["From"] == "Mila Jansen <mila@va.example>"
    assert parsed["Subject"] == "Re: Opening next week"
    assert parsed["In-Reply-To"] == "<m1@bakkerij.example>"
    assert parsed["References"].split() == ["<root@b.example>", "<m0@bakkerij.example>", "<m1@bakkerij.example>"]
    assert parsed["Message-ID"] == d.message_id and d.message_id.endswith("@va.example>")
    assert parsedate_to_datetime(parsed["Date"]) == NOW
    assert parsed.get_content().replace("\r\n", "\n") == d.text
    # a second draft gets a fresh Message-ID
    assert draft_for("excluded", message=msg).message_id != d.message_id


def test_the_original_is_quoted_below_the_reply():
    body = "Hi Mila,\nCould you also set up a newsletter?\n\n> On Monday you wrote:\n> the plan"
    en = draft_for("new_work", message=make_message(body_text=body))
    assert en.text.startswith(en.reply)
    quote = en.text[len(en.reply):]
    assert "On 3 February 2026 at 10:14, Anna de Vries wrote:\n> Hi Mila,\n> Could you also set up a newsletter?\n>\n>> On Monday" in quote
    nl = draft_for("new_work", "nl", message=make_message("nl", body_text=body))
    assert "Op 3 februari 2026 om 10:14 schreef Anna de Vries:\n> Hi Mila," in nl.text


def test_draft_bytes_are_crlf_and_7bit_safe():
    raw = draft_bytes(draft_for("quantity", "nl"))
    assert b"\r\n" in raw and not re.search(rb"(?<!\r)\n", raw)
    assert all(b < 128 for b in raw)  # quoted-printable body, encoded headers: safe for any server


def test_hostile_client_text_cannot_add_headers():
    msg = make_message(
        subject="Hi\r\nBcc: evil@x.example\r\n\r\n<script>alert(1)</script>",
        sender_name='Evil "Boss"\r\nBcc: evil@x.example',
        message_id="<m1@b.example>\r\nBcc: evil@x.example",
        references=("<ok@b.example>", "not an id\nCc: evil@x.example"),
    )
    finding = make_finding("new_work", evidence='<script>alert("x")</script> Could you also build a shop?')
    d = draft_for(message=msg, findings=[DraftFinding(1, finding)])
    raw = draft_bytes(d)
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert parsed["Bcc"] is None and parsed["Cc"] is None
    assert [a.addr_spec for a in parsed["To"].addresses] == ["anna@bakkerij.example"]
    assert parsed["To"].addresses[0].display_name == 'Evil "Boss" Bcc: evil@x.example'
    assert "\n" not in parsed["Subject"] and parsed["Subject"].startswith("Re: Hi Bcc: evil@x.example")
    assert parsed["In-Reply-To"] is None  # not a usable message id: left out rather than passed on
    assert parsed["References"] == "<ok@b.example>"
    headers = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    assert not re.search(r"^(Bcc|Cc):", headers, re.M | re.I)
    # plain text only: nothing to escape, and no HTML part a client's <script> could live in
    assert d.html is None and parsed.get_content_type() == "text/plain"


def test_bidi_and_control_characters_are_stripped_from_headers():
    msg = make_message(subject="Invoice\u202e fdp.exe\x00\x07 now", sender_name="Anna\u2028Bcc: x@y.example")
    parsed = email.message_from_bytes(draft_bytes(draft_for(message=msg)), policy=policy.default)
    assert parsed["Subject"] == "Re: Invoice fdp.exe now"
    assert parsed["To"].addresses[0].display_name == "Anna Bcc: x@y.example"


def test_unusable_addresses_are_clear_errors():
    with pytest.raises(MessageError, match="no usable sender"):
        draft_for(message=make_message(sender=""))
    with pytest.raises(ConfigError, match="VA's address"):
        render_change_request(make_agreement(), [DraftFinding(1, make_finding("excluded"))], make_message(),
                              va_name="Mila", va_address="not an address", template_dirs=SHIPPED)


def test_user_template_overrides_the_shipped_one(tmp_path):
    (tmp_path / "change_request.en.txt.j2").write_text(
        "Dear {{ client_first_name }}, extra work: {{ amount_text }}. Shall I go ahead?\n{{ va_name }}\n",
        encoding="utf-8",
    )
    d = draft_for("excluded", dirs=[tmp_path, *SHIPPED])
    assert d.reply == "Dear Anna, extra work: €90.00. Shall I go ahead?\nMila Jansen"
    # languages the user did not override still come from the shipped folder
    assert "Welke optie" in draft_for("excluded", "nl", dirs=[tmp_path, *SHIPPED]).reply


def test_strict_undefined_catches_a_misspelled_name(tmp_path):
    (tmp_path / "change_request.en.txt.j2").write_text("Hi {{ client_frist_name }}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="client_frist_name"):
        draft_for("excluded", dirs=[tmp_path, *SHIPPED])


def test_broken_or_missing_templates_are_one_line_errors(tmp_path):
    (tmp_path / "change_request.en.txt.j2").write_text("Hi {% if %}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"change_request\.en\.txt\.j2:1"):
        draft_for("excluded", dirs=[tmp_path])
    with pytest.raises(TemplateError, match="no template named"):
        draft_for("excluded", "nl", dirs=[tmp_path])


def test_html_templates_are_autoescaped(tmp_path):
    (tmp_path / "note.html.j2").write_text("<p>{{ evidence }}</p>", encoding="utf-8")
    (tmp_path / "note.txt.j2").write_text("{{ evidence }}", encoding="utf-8")
    env = make_environment([tmp_path])
    hostile = '<script>alert("x")</script>'
    assert render(pick_template(env, ["note.html.j2"]), {"evidence": hostile}) == \
        "<p>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</p>"
    assert render(pick_template(env, ["note.txt.j2"]), {"evidence": hostile}) == hostile


def test_five_english_requests_in_one_mail_are_one_short_list():
    findings = [DraftFinding(i, make_finding(c, "en", start=i * 80)) for i, c in enumerate(CATEGORIES)]
    d = draft_for(findings=findings)
    assert d.reply.count("\n- ") == 5 and "is your part" in d.reply
    # one line per request, about 40 words each at most, around the opening and the one question
    assert words_before_quote(d) < 60 + 5 * 45


def test_the_quote_header_shows_the_vas_local_time():
    from datetime import timedelta
    from datetime import timezone as tzone

    sent = datetime(2026, 2, 3, 7, 55, tzinfo=tzone(timedelta(hours=1)))  # 07:55 +0100
    found = [DraftFinding(1, make_finding("new_work", "nl"))]
    msg = mail_with(found, "nl")
    msg.date = sent
    d = render_change_request(make_agreement("nl"), found, msg,
                              va_name="Mila Jansen", va_address="mila@va.example", template_dirs=SHIPPED,
                              timezone_name="Europe/Amsterdam")
    assert "Op 3 februari 2026 om 07:55 schreef Anna de Vries:" in d.text
    utc = render_change_request(make_agreement("nl"), found, msg,
                                va_name="Mila Jansen", va_address="mila@va.example", template_dirs=SHIPPED)
    assert "Op 3 februari 2026 om 06:55 schreef Anna de Vries:" in utc.text  # no timezone set: UTC


def test_two_sentences_asking_one_sooner_date_are_one_request_priced_once():
    from scopewatch.draft.wording import asked_when

    assert asked_when("the first viewing is for Saturday the 28th. Could you have it done by Friday 27 February?", "en") \
        == "by Friday 27 February"
    assert asked_when("Kun je het maandrapport morgenochtend al sturen?", "nl") == "morgenochtend"
    rush = make_agreement(estimates={"deadline": Estimate(price=Decimal("60"))})
    a = make_finding("deadline", evidence="We have a board meeting on Monday 2 March.", start=0)
    b = make_finding("deadline", evidence="Could you send the monthly report by Friday 27 February?", start=50)
    d = draft_for(findings=[DraftFinding(1, a), DraftFinding(2, b)], agreement=rush)
    assert "A few of the things" not in d.reply  # one request, asked in two sentences
    assert "1. I get it done by Friday 27 February, with a rush surcharge: €60.00 (fixed price)" in d.reply
    assert d.amount == Decimal("60.00")


def test_a_list_without_estimates_still_reads_as_sentences():
    findings = [DraftFinding(1, make_finding("quantity", start=0)), DraftFinding(2, make_finding("excluded", start=80))]
    d = draft_for(findings=findings, agreement=make_agreement(estimate_hours=None))
    assert "an estimate for the extra follows, or it counts towards next week's allowance" in d.reply
    assert "I can do it as extra work, and an estimate follows." in d.reply
    assert "be an estimate" not in d.reply and "Together" not in d.reply
