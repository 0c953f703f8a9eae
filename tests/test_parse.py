"""The parse stage: headers, bodies, charsets, language and quote stripping as the VA would notice them."""

from __future__ import annotations

import base64
import hashlib
import quopri
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from scopewatch.errors import MessageError
from scopewatch.parse import detect_language, parse_message, strip_quotes

QUOTES = Path(__file__).resolve().parent / "data" / "quotes"


def mail(body: bytes | str = "Hello", headers: dict[str, str] | None = None, ctype: str = "text/plain; charset=utf-8",
         cte: str | None = None) -> bytes:
    base = {"From": "Anna Smith <anna@example.com>", "To": "va@example.org", "Subject": "Hello",
            "Date": "Tue, 03 Mar 2026 10:12:00 +0100", "Message-ID": "<m1@example.com>"}
    base.update(headers or {})
    head = [f"{k}: {v}" for k, v in base.items() if v is not None]
    head += ["MIME-Version: 1.0", f"Content-Type: {ctype}"]
    if cte:
        head.append(f"Content-Transfer-Encoding: {cte}")
    if isinstance(body, str):
        body = body.encode("utf-8")
    return ("\r\n".join(head) + "\r\n\r\n").encode("ascii") + body


# ---------------------------------------------------------------------------------------------- headers


def test_headers_are_decoded_and_addresses_bare_and_lower_cased():
    raw = mail(headers={
        "From": "=?utf-8?q?Ren=C3=A9e_de_Vries?= <Renee.DeVries@Example.NL>",
        "To": "VA <va@Example.org>, \"Doe, John\" <john@example.com>",
        "Cc": "=?iso-8859-1?q?Beno=EEt?= <benoit@example.fr>",
        "Subject": "=?utf-8?b?T2ZmZXJ0ZSB2b29yIGRlIHdlYnNpdGUg4oKsIDUwMA==?=",
        "Message-ID": "  <abc.123@mail.example.nl>  ",
        "In-Reply-To": "<parent@example.org> (comment)",
        "References": "<root@example.org>\r\n <parent@example.org>",
    })
    msg = parse_message(raw)
    assert msg.sender == "renee.devries@example.nl"
    assert msg.sender_name == "Renée de Vries"
    assert msg.to == ("va@example.org", "john@example.com")
    assert msg.cc == ("benoit@example.fr",)
    assert msg.subject == "Offerte voor de website € 500"
    assert msg.message_id == "<abc.123@mail.example.nl>"
    assert msg.in_reply_to == "<parent@example.org>"
    assert msg.references == ("<root@example.org>", "<parent@example.org>")
    assert msg.content_hash == hashlib.sha256(raw).hexdigest()


def test_encoded_display_name_with_a_comma_does_not_split_the_address():
    msg = parse_message(mail(headers={"From": "=?utf-8?q?Vries=2C_Ren=C3=A9e_de?= <renee@example.nl>"}))
    assert msg.sender == "renee@example.nl"
    assert msg.sender_name == "Vries, Renée de"


@pytest.mark.parametrize("header, name, address", [
    ("Anna Smith <Anna@Example.com>", "Anna Smith", "anna@example.com"),
    ('"Smith, Anna" <anna@example.com>', "Smith, Anna", "anna@example.com"),
    ("<anna@example.com>", "", "anna@example.com"),
    ("anna@example.com", "", "anna@example.com"),
    ("anna@example.com (Anna Smith)", "Anna Smith", "anna@example.com"),
    ('"Anna \\"AJ\\" Smith" <anna@example.com>', 'Anna "AJ" Smith', "anna@example.com"),
])
def test_from_header_forms(header, name, address):
    msg = parse_message(mail(headers={"From": header}))
    assert (msg.sender_name, msg.sender) == (name, address)


def test_raw_utf8_bytes_in_a_header_are_decoded():
    raw = mail().replace(b"Subject: Hello", "Subject: Offerte café".encode("utf-8"))
    assert parse_message(raw).subject == "Offerte café"


def test_date_is_aware_or_none():
    assert parse_message(mail()).date == datetime(2026, 3, 3, 10, 12, tzinfo=timezone(timedelta(hours=1)))
    assert parse_message(mail(headers={"Date": "Tue, 03 Mar 2026 10:12:00 -0000"})).date.tzinfo is not None
    bad = parse_message(mail(headers={"Date": "next tuesday, probably"}))
    assert bad.date is None
    assert "unreadable Date header" in bad.defects
    assert parse_message(mail(headers={"Date": None})).date is None


def test_unusable_from_gives_empty_sender_not_an_error():
    msg = parse_message(mail(headers={"From": "undisclosed-recipients:;"}))
    assert msg.sender == ""
    assert "unusable From header" in msg.defects


@pytest.mark.parametrize("subject", ["Re: logo", "RE: logo", "Antw: logo", "AW: logo", "Fw: logo", "Fwd: logo",
                                     "FW: logo", "Doorst: logo", "Re[2]: logo", "[clients] Re: logo", "re : logo"])
def test_reply_and_forward_subjects_mark_a_reply(subject):
    msg = parse_message(mail(headers={"Subject": subject}))
    assert msg.is_reply
    assert not msg.subject_is_new


@pytest.mark.parametrize("subject", ["Review of the logo", "Reminder: invoice", "Antwerpen trip", "Fwd logo idea"])
def test_first_messages_are_not_replies(subject):
    msg = parse_message(mail(headers={"Subject": subject}))
    assert not msg.is_reply
    assert msg.subject_is_new


def test_in_reply_to_alone_marks_a_reply():
    assert parse_message(mail(headers={"In-Reply-To": "<x@y>"})).is_reply


# ---------------------------------------------------------------------------------------------- bodies


def test_base64_body():
    body = base64.encodebytes("Kun je de prijslijst aanpassen? Één ding nog.".encode("utf-8"))
    msg = parse_message(mail(body, cte="base64"))
    assert msg.body_text == "Kun je de prijslijst aanpassen? Één ding nog."
    assert msg.language == "nl"


def test_quoted_printable_body():
    body = quopri.encodestring("Could you update the café menu page? It costs €5 now.".encode("utf-8"))
    msg = parse_message(mail(body, cte="quoted-printable"))
    assert msg.new_text == "Could you update the café menu page? It costs €5 now."


def test_unknown_declared_charset_falls_back_to_utf8():
    msg = parse_message(mail("Graag een extra pagina, één keer per week.", ctype="text/plain; charset=x-unknown"))
    assert msg.body_text == "Graag een extra pagina, één keer per week."
    assert any("unknown charset" in d for d in msg.defects)


def test_unknown_declared_charset_with_cp1252_bytes():
    body = "Kunt u het logo op de factuur zetten? Dank u, René".encode("cp1252")
    msg = parse_message(mail(body, ctype="text/plain; charset=x-unknown"))
    assert "René" in msg.body_text


def test_wrong_declared_charset_with_cp1252_bytes():
    body = "Could you add a “Contact” page – by Friday? Thanks, Zoë".encode("cp1252")
    msg = parse_message(mail(body, ctype="text/plain; charset=utf-8"))
    assert msg.body_text == "Could you add a “Contact” page – by Friday? Thanks, Zoë"
    assert any("declared charset" in d for d in msg.defects)


def test_latin1_label_on_utf8_text_reads_as_utf8():
    msg = parse_message(mail("Één offerte graag.", ctype="text/plain; charset=iso-8859-1"))
    assert msg.body_text == "Één offerte graag."


def test_format_flowed_soft_breaks_are_joined():
    body = ("Hi Anna,\r\n\r\nCould you have the hallway done by \r\nFriday 27 February instead of \r\n6 March?\r\n"
            "\r\n> Shall I start on \r\n> Monday?\r\n")
    msg = parse_message(mail(body, ctype="text/plain; charset=utf-8; format=flowed"))
    assert msg.new_text == "Hi Anna,\n\nCould you have the hallway done by Friday 27 February instead of 6 March?"
    assert "> Shall I start on Monday?" in msg.body_text
    fixed = parse_message(mail("Could you have the hallway done by \r\nFriday?\r\n"))
    assert fixed.new_text == "Could you have the hallway done by\nFriday?"  # fixed format keeps its line breaks


def test_format_flowed_delsp_removes_the_soft_space():
    msg = parse_message(mail("Kun je de fact \r\nuur sturen?\r\n", ctype="text/plain; charset=utf-8; format=flowed; delsp=yes"))
    assert msg.new_text == "Kun je de factuur sturen?"


def test_plain_text_is_preferred_over_html():
    raw = mail(ctype='multipart/alternative; boundary="b"', body=(
        "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlain words.\r\n"
        "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>HTML words.</p>\r\n--b--\r\n"))
    msg = parse_message(raw)
    assert msg.body_text == "Plain words."
    assert not msg.html_only


def test_text_attachment_is_not_the_body():
    raw = mail(ctype='multipart/mixed; boundary="b"', body=(
        "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease print the attached list.\r\n"
        "--b\r\nContent-Type: text/plain; name=list.txt\r\nContent-Disposition: attachment; filename=list.txt\r\n\r\n"
        "item 1\r\nitem 2\r\n--b--\r\n"))
    assert parse_message(raw).body_text == "Please print the attached list."


def test_html_only_mail_drops_gmail_quote_but_keeps_it_in_body_text():
    html = ("<html><body><div dir='ltr'><p>Hi Anna,</p><p>Could you add a <b>contact page</b>?<br>And a blog?</p>"
            "<div>Thanks,<br>Tom</div></div><div class='gmail_quote'><div class='gmail_attr'>On Tue, Mar 3, 2026 at "
            "10:12 AM Anna &lt;anna@x.com&gt; wrote:<br></div><blockquote class='gmail_quote'>The draft is ready."
            "</blockquote></div></body></html>")
    msg = parse_message(mail(html, ctype="text/html; charset=utf-8"))
    assert msg.html_only
    assert msg.new_text == "Hi Anna,\n\nCould you add a contact page?\nAnd a blog?"
    assert "> The draft is ready." in msg.body_text


def test_html_outlook_reply_drops_everything_from_the_reply_header():
    html = ("<html><body><div>Kun je de nieuwsbrief dinsdag versturen?</div><div>Groet, Jan</div>"
            "<hr><div id='divRplyFwdMsg'><b>Van:</b> Anna<br><b>Verzonden:</b> dinsdag<br><b>Onderwerp:</b> X</div>"
            "<div>Zal ik de nieuwsbrief versturen?</div></body></html>")
    msg = parse_message(mail(html, ctype="text/html; charset=utf-8"))
    assert msg.new_text == "Kun je de nieuwsbrief dinsdag versturen?"
    assert msg.language == "nl"


def test_new_text_keeps_a_ps_after_the_signature():
    msg = parse_message(mail("All fine.\n\nThanks,\nTom\n\nP.S. Can you also renew the domain?\n"))
    assert msg.new_text == "All fine.\n\nP.S. Can you also renew the domain?"


# ---------------------------------------------------------------------------------------------- bad input


def test_header_block_of_200_kb_parses():
    huge = "".join(f"X-Trace-{i}: {'x' * 60}\r\n" for i in range(3200))
    raw = mail("Please send the report.").replace(b"Subject: Hello\r\n", b"Subject: Hello\r\n" + huge.encode())
    assert len(raw) > 200_000
    msg = parse_message(raw)
    assert msg.sender == "anna@example.com"
    assert msg.new_text == "Please send the report."


def test_a_200_kb_single_header_is_truncated_not_fatal():
    raw = mail(headers={"Subject": "word " * 40_000})
    msg = parse_message(raw)
    assert "header truncated" in msg.defects
    assert len(msg.subject) <= 8_000


def test_garbage_before_headers_is_skipped():
    raw = b"HELO example.com\r\nMAIL FROM:<a@example.com>\r\nDATA\r\n" + mail("Could you call me back?")
    msg = parse_message(raw)
    assert msg.sender == "anna@example.com"
    assert msg.new_text == "Could you call me back?"
    assert "garbage before headers" in msg.defects


def test_obsolete_blank_before_colon_is_read():
    msg = parse_message(b"From : Anna <anna@example.com>\r\nSubject : Hi\r\n\r\nBody")
    assert (msg.sender, msg.subject) == ("anna@example.com", "Hi")


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty"),
    (b"   \r\n\r\n", "empty"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "binary"),
    (bytes(range(256)) * 20, "binary"),
    (b"Just some words someone typed into a file.\nNo headers here.\n", "no message headers"),
])
def test_not_email_raises_one_clear_line(raw, reason):
    with pytest.raises(MessageError) as info:
        parse_message(raw)
    text = str(info.value)
    assert reason in text
    assert "\n" not in text


def test_text_is_not_bytes():
    with pytest.raises(MessageError):
        parse_message("From: a@b\n\nhi")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------- language

ENGLISH = [
    "Can you add a page?",
    "Please send me the invoice.",
    "Could you book a table for Friday?",
    "Thanks, that looks great!",
    "Would it be possible to move the call to 3pm?",
    "I need the report by tomorrow.",
    "Update the pricing page please",
    "What time is the meeting?",
    "We're launching the new site next week and it's not ready yet.",
    "Hi Anna, quick one: can we get a new logo?",
    "Yes",
    "Make the banner blue",
    "Sounds good",
    "Website is down",
    "Last week's invoice",
]
DUTCH = [
    "Kun je een pagina toevoegen?",
    "Stuur mij de factuur even.",
    "Kunt u vrijdag een tafel reserveren?",
    "Bedankt, het ziet er goed uit!",
    "Zou het mogelijk zijn om het gesprek naar 15:00 te verplaatsen?",
    "Ik heb het rapport morgen nodig.",
    "Graag de prijzenpagina bijwerken",
    "Hoe laat is de vergadering?",
    "Volgende week lanceren we de nieuwe site en die is nog niet klaar.",
    "Hoi Anna, even snel: kunnen we een nieuw logo krijgen?",
    "Ja graag",
    "Maak de banner blauw",
    "Extra pagina toevoegen aub",
    "Prima",
    "Bel me even terug",
    "Lukt dat deze week?",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_is_detected(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", DUTCH)
def test_dutch_is_detected(text):
    assert detect_language(text) == "nl"


def test_language_comes_from_the_new_text_not_the_quote():
    body = ("Kun je de offerte nog een keer sturen?\n\nOn Tue, Mar 3, 2026 at 10:12 AM Anna <anna@x.com> wrote:\n"
            + "> This is the long English text of the earlier message with the quote in it.\n" * 20)
    assert parse_message(mail(body)).language == "nl"


def test_a_one_word_reply_takes_its_language_from_the_subject():
    assert parse_message(mail("OK", headers={"Subject": "Re: Offerte voor de nieuwe website"})).language == "nl"
    assert parse_message(mail("OK", headers={"Subject": "Re: Quote for the new website"})).language == "en"


def test_empty_text_defaults_to_english():
    assert detect_language("") == "en"


# ---------------------------------------------------------------------------------------------- quotes


def _normalize(text: str) -> str:
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


QUOTE_CASES = sorted(p for p in QUOTES.glob("*.txt") if not p.name.endswith(".expected.txt"))


def test_quote_set_covers_both_languages():
    names = [p.stem for p in QUOTE_CASES]
    assert len(names) >= 40
    assert sum(n.startswith("nl_") for n in names) >= len(names) // 2


@pytest.mark.parametrize("case", QUOTE_CASES, ids=lambda p: p.stem)
def test_quote_stripping(case):
    expected = case.with_name(case.stem + ".expected.txt").read_text(encoding="utf-8")
    assert _normalize(strip_quotes(case.read_text(encoding="utf-8"))) == _normalize(expected)


@pytest.mark.parametrize("case", QUOTE_CASES[:8], ids=lambda p: p.stem)
def test_quote_stripping_through_parse_message_with_crlf(case):
    body = case.read_text(encoding="utf-8").replace("\n", "\r\n")
    expected = case.with_name(case.stem + ".expected.txt").read_text(encoding="utf-8")
    assert _normalize(parse_message(mail(body)).new_text) == _normalize(expected)


def test_real_dutch_mailing_list_body(corpus_dir):
    body = (corpus_dir / "dutch" / "mail-parser-reply__email_nl_1_1.txt").read_text(encoding="utf-8")
    msg = parse_message(mail(body, headers={"Subject": "Riak-bucket legen"}))
    assert msg.new_text.startswith("Hallo allemaal,")
    assert msg.new_text.endswith("Ik gebruik momenteel de Java HTTP API.")
    assert "Maarten" not in msg.new_text and "riak-gebruikers" not in msg.new_text
    assert msg.language == "nl"


def test_real_dutch_outlook_reply_body(corpus_dir):
    body = (corpus_dir / "dutch" / "mail-parser-reply__email_nl_1_2.txt").read_text(encoding="utf-8")
    msg = parse_message(mail(body, headers={"Subject": "Antw: Google Apps Sync is bijgewerkt!"}))
    assert msg.new_text == "Outlook met een antwoord"
    assert msg.is_reply
    assert "Google Apps Sync Team" in msg.body_text


@pytest.mark.parametrize("signoff", ["Kind regards", "Best regards,", "Best,", "Thanks,", "Cheers", "Regards",
                                     "Met vriendelijke groet,", "Met vriendelijke groeten", "Vriendelijke groet",
                                     "Groetjes", "Groeten,", "Mvg", "Gr.", "Hartelijke groet,", "Groet,"])
def test_every_sign_off_ends_the_new_text(signoff):
    body = f"Kun je de banner aanpassen?\n\n{signoff}\nAnna Smith\nBright Desk | 06 1234 5678\n"
    assert strip_quotes(body) == "Kun je de banner aanpassen?"


@pytest.mark.parametrize("footer", ["Sent from my iPhone", "Verstuurd vanaf mijn iPhone",
                                    "Verzonden vanaf mijn Samsung Galaxy-smartphone.", "Get Outlook for iOS",
                                    "Outlook voor iOS downloaden", "Sent from my Android phone"])
def test_mobile_footers_end_the_new_text(footer):
    assert strip_quotes(f"Could you book the hotel?\n\n{footer}\n\nOld text\n") == "Could you book the hotel?"


def test_html_outlook_appendonsend_drops_the_quote_below_it():
    html = ("<html><body><div><div>Please send the invoice today.</div></div>"
            "<div id='appendonsend'></div><hr style='display:inline-block'>"
            "<div dir='ltr'><font><b>From:</b> Anna<br><b>Sent:</b> Tuesday<br><b>Subject:</b> Invoice</font></div>"
            "<div><div>Shall I send the invoice?</div></div></body></html>")
    msg = parse_message(mail(html, ctype="text/html; charset=utf-8"))
    assert msg.new_text == "Please send the invoice today."
    assert "Shall I send the invoice?" in msg.body_text


LABELLED = Path(__file__).resolve().parent / "labelled" / "mail"
_LEFTOVER_QUOTE = re.compile(r"^\s*>|\b(?:wrote|schreef|geschreven):\s*$|^\s*(?:From|Van|Sent|Verzonden):\s|"
                             r"^(?:Sent from my|Verstuurd vanaf mijn|Verzonden vanaf mijn)", re.MULTILINE)


def test_mails_written_by_others_keep_no_quotes_and_get_their_language():
    """The labelled mails (written by the detection team, not for this stripper) are an out-of-sample check."""
    files = sorted(LABELLED.glob("*/*/*.eml"))
    if not files:
        pytest.skip(f"no labelled mails under {LABELLED}")
    for path in files:
        msg = parse_message(path.read_bytes())
        folder_language = path.relative_to(LABELLED).parts[0]
        assert msg.language == folder_language, path
        assert not _LEFTOVER_QUOTE.search(msg.new_text), (path, msg.new_text)
        if msg.body_text.strip():
            # The sender's own first line always survives stripping unless the mail is only a footer.
            first = msg.body_text.strip().split("\n")[0]
            if not re.match(r"(?:Sent from|Verstuurd vanaf|On |Op )", first):
                assert msg.new_text.startswith(first), (path, msg.new_text)
