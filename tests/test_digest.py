"""The VA's digest: what it says per client, what it leaves out, and that client text is escaped."""

from __future__ import annotations

import email
import re
from datetime import datetime, timezone
from decimal import Decimal
from email import policy

import pytest

from scopewatch import resources
from scopewatch.digest.model import ClientDigest, Digest, DigestItem, LimitUse, is_empty
from scopewatch.digest.render import build_digest_message, compose_digest, digest_subject, render_digest
from scopewatch.errors import ConfigError, TemplateError

SHIPPED = [resources.templates_dir()]
WHEN = datetime(2026, 2, 3, 10, 14, tzinfo=timezone.utc)


def item(fid, evidence, category="new_work", clause=None, description=None, confidence=0.9, subject="Plans",
         sender="anna@bakkerij.example", draft_ready=False):
    return DigestItem(fid, evidence, category, clause, description, confidence, subject, sender, WHEN, draft_ready,
                      ["ask-can-you"])


def sample() -> Digest:
    return Digest(
        generated_at=datetime(2026, 2, 3, 18, 0, tzinfo=timezone.utc),
        since=datetime(2026, 2, 2, 18, 0, tzinfo=timezone.utc),
        va_name="Mila Jansen",
        clients=[
            ClientDigest(
                "devries", "Bakkerij de Vries",
                flagged=[
                    item(41, "Could you also set up a newsletter?", draft_ready=True, confidence=0.92),
                    item(42, "Can you post two extra posts this week?", "quantity", "instagram-posts",
                         "Three Instagram posts a week", 0.88),
                ],
                checks=[item(43, "Maybe have a look at the website some time?", confidence=0.41)],
                in_scope_count=12,
                totals={"new_work": 3, "quantity": 2, "excluded": 1},
                limits=[LimitUse("instagram-posts", "Instagram posts", 5, 3, "week")],
                extra_value=Decimal("315.00"),
                unconfirmed_value=Decimal("90.00"),
            ),
            ClientDigest(
                "northwind", "Northwind Consulting",
                flagged=[item(44, "Could you run our LinkedIn ads next month?", "excluded", "paid-ads",
                              "Paid advertising management", 0.95, sender="tom@northwind.example",
                              draft_ready=True)],
                in_scope_count=1, totals={"excluded": 1},
                limits=[LimitUse("blog-posts", "Blog posts", 2, 4, "month")],
            ),
            ClientDigest("quiet", "Quiet Client Ltd", in_scope_count=7, totals={"new_work": 9}),
        ],
    )


def section(text: str, start: str, end: str | None) -> str:
    head = text.index(start)
    tail = text.index(end, head) if end else len(text)
    return text[head:tail]


def test_text_digest_groups_per_client_with_actions():
    text, _ = render_digest(sample(), SHIPPED)
    devries = section(text, "=== Bakkerij de Vries (devries) ===", "=== Northwind")
    northwind = section(text, "=== Northwind Consulting (northwind) ===", None)
    assert "Since 2 Feb 2026 18:00: 3 requests outside the agreed scope, 1 to check." in text
    # each flagged request: the sentence, category, clause, confidence, draft state, exact commands
    assert '"Could you also set up a newsletter?"' in devries
    assert "#41  new work  (92% sure)" in devries and "Agreement: no clause covers this" in devries
    assert 'Agreement: instagram-posts: "Three Instagram posts a week"' in devries
    assert "#42  more than agreed  (88% sure)" in devries
    assert "scopewatch confirm 41" in devries and 'scopewatch dismiss 41 --reason "..."' in devries
    assert "scopewatch draft 41 --print" in devries
    first = section(devries, "#41", "#42")
    second = section(devries, "#42", "Please check")
    assert "Reply draft: ready in Drafts" in first and "Reply draft: not made yet" in second
    # running totals, limits and the value of extra work
    assert "In scope: 12 requests handled as agreed." in devries
    assert "Out of scope so far: new work 3, more than agreed 2, excluded by the agreement 1." in devries
    assert "Instagram posts this week: 5 of 3 (over the limit)" in devries
    assert "Extra work at the agreed rate (confirmed): €315.00" in devries
    assert "Not confirmed yet, not counted: €90.00" in devries  # the unsure apart, never in the total
    assert "#44  excluded by the agreement  (95% sure)" in northwind
    assert "Blog posts this month: 2 of 4" in northwind and "over the limit" not in northwind
    assert "Extra work" not in northwind  # no rate, no invented value
    assert "In scope: 1 request handled as agreed." in northwind


def test_low_confidence_checks_stand_apart_from_flags():
    text, html = render_digest(sample(), SHIPPED)
    devries = section(text, "=== Bakkerij de Vries", "=== Northwind")
    flagged = section(devries, "Outside scope (2):", "Please check")
    checks = section(devries, "Please check, low confidence (1):", "In scope:")
    assert "#43" not in flagged and "#41" in flagged and "#42" in flagged
    assert "#43  new work  (41% sure)" in checks and "scopewatch confirm 43" in checks
    assert "#41" not in checks
    assert html.index("Please check (low confidence) (1)") < html.index("#43")
    assert html.index("#42") < html.index("Please check (low confidence)")


def test_clients_without_news_are_left_out():
    text, html = render_digest(sample(), SHIPPED)
    assert "Quiet Client" not in text and "Quiet Client" not in html


def test_empty_digest_is_not_sent():
    quiet = Digest(datetime.now(timezone.utc), None, "Mila", [ClientDigest("quiet", "Quiet", in_scope_count=4)])
    assert is_empty(quiet) and is_empty(Digest(datetime.now(timezone.utc), None, "Mila", []))
    assert compose_digest(quiet, SHIPPED, to="mila@va.example", from_="scopewatch@va.example") is None
    assert not is_empty(sample())
    only_checks = Digest(datetime.now(timezone.utc), None, "Mila",
                         [ClientDigest("c", "C", checks=[item(1, "Maybe a logo?", confidence=0.3)])])
    assert not is_empty(only_checks)


def test_subject_counts_flags_and_checks():
    assert digest_subject(sample()) == "scopewatch: 3 requests outside scope for 2 clients (1 to check)"
    assert digest_subject(sample(), "nl") == "scopewatch: 3 verzoeken buiten de afspraak bij 2 klanten (1 te controleren)"


def test_dutch_digest():
    text, html = render_digest(sample(), SHIPPED, language="nl")
    assert "Scope-overzicht voor Mila Jansen, 3 februari 2026" in text
    assert "#42  meer dan afgesproken  (88% zeker)" in text
    assert "Instagram posts deze week: 5 van 3 (boven de limiet)" in text
    assert "Extra werk tegen het afgesproken tarief (bevestigd): € 315,00" in text.replace("\xa0", " ")
    assert "scopewatch confirm 41" in text  # commands are the same in every language
    assert 'lang="nl"' in html and "Graag controleren" in html and "€ 315,00" in html.replace("\xa0", " ")


def test_html_escapes_client_text_everywhere():
    hostile = Digest(
        datetime(2026, 2, 3, tzinfo=timezone.utc), None, "Mila <b>Jansen</b>",
        [ClientDigest(
            "evil", 'Evil <img src=x onerror="alert(1)"> Ltd',
            flagged=[item(7, '<script>alert("x")</script> could you?', "excluded", "ads",
                          "Ads & <i>promo</i>", subject="</td></tr><script>steal()</script>",
                          sender='"><svg onload=alert(1)>@x.example')],
        )],
    )
    _, html = render_digest(hostile, SHIPPED)
    for raw in ("<script", "<img", "<svg", "<i>", "<b>", "</td></tr><script>"):
        assert raw not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; could you?" in html
    assert "Ads &amp; &lt;i&gt;promo&lt;/i&gt;" in html
    assert "Evil &lt;img src=x onerror=&#34;alert(1)&#34;&gt; Ltd" in html


def test_html_is_mail_client_friendly():
    _, html = render_digest(sample(), SHIPPED)
    assert "<style" not in html  # many mail clients drop <style>: inline styles only
    assert "max-width:600px" in html and 'name="viewport"' in html
    assert 'role="presentation"' in html and "<table" in html
    assert "scopewatch dismiss 41 --reason &#34;...&#34;" in html


def test_digest_message_is_multipart_alternative():
    msg = compose_digest(sample(), SHIPPED, to="Mila <mila@va.example>", from_="scopewatch <sw@va.example>")
    parsed = email.message_from_bytes(msg.as_bytes(policy=policy.SMTP), policy=policy.default)
    assert parsed.get_content_type() == "multipart/alternative"
    parts = [p.get_content_type() for p in parsed.iter_parts()]
    assert parts == ["text/plain", "text/html"]
    assert "scopewatch confirm 41" in parsed.get_body(("plain",)).get_content()
    assert "<table" in parsed.get_body(("html",)).get_content()
    assert parsed["Subject"] == "scopewatch: 3 requests outside scope for 2 clients (1 to check)"
    assert parsed["Auto-Submitted"] == "auto-generated" and parsed["Message-ID"].endswith("@va.example>")


def test_digest_headers_refuse_injection_and_bad_addresses():
    msg = build_digest_message("t", "<p>h</p>", to="mila@va.example", from_="sw@va.example",
                               subject="Digest\r\nBcc: evil@x.example")
    raw = msg.as_bytes(policy=policy.SMTP)
    assert not re.search(rb"^Bcc:", raw, re.M) and msg["Subject"] == "Digest Bcc: evil@x.example"
    with pytest.raises(ConfigError):
        build_digest_message("t", "h", to="", from_="sw@va.example", subject="s")


def test_user_digest_template_overrides_and_strict_names(tmp_path):
    (tmp_path / "digest.txt.j2").write_text(
        "{% for c in clients %}{{ c.name }}: {{ c.flagged|length }}\n{% endfor %}", encoding="utf-8")
    text, html = render_digest(sample(), [tmp_path, *SHIPPED])
    assert text == "Bakkerij de Vries: 2\nNorthwind Consulting: 1\n"
    assert "<table" in html  # the HTML still comes from the shipped folder
    (tmp_path / "digest.txt.j2").write_text("{{ client_count }}", encoding="utf-8")
    with pytest.raises(TemplateError, match="client_count"):
        render_digest(sample(), [tmp_path, *SHIPPED])


def by_status() -> Digest:
    def at(fid, status, draft_ready=False, **kw):
        i = item(fid, f"Request number {fid}?", draft_ready=draft_ready)
        i.status = status
        for k, v in kw.items():
            setattr(i, k, v)
        return i

    return Digest(
        generated_at=WHEN, since=None, va_name="Mila Jansen",
        clients=[ClientDigest(
            "devries", "Bakkerij de Vries",
            flagged=[at(51, "new"), at(52, "confirmed"), at(53, "drafted", True), at(54, "sent", True)],
            answers=[at(55, "sent", True, offer="accept", offer_phrase="Prima,\n doe maar!"),
                     at(56, "sent", True, offer="decline", offer_phrase="Laat maar")],
        )],
    )


def block(text: str, fid: int) -> str:
    start = text.index(f"#{fid} ")
    rest = text[start + 1:]
    nxt = min([rest.index(m) for m in ("\n  #", "\n\n") if m in rest] or [len(rest)])
    return text[start:start + 1 + nxt]


def test_each_request_offers_the_next_step_its_status_allows():
    text, html = render_digest(by_status(), SHIPPED)
    new, confirmed, drafted, sent = (block(text, n) for n in (51, 52, 53, 54))
    assert "Confirm:   scopewatch confirm 51" in new and "scopewatch dismiss 51" in new and "scopewatch draft 51 --print" in new
    for done in (confirmed, drafted, sent):
        assert "scopewatch confirm" not in done and "scopewatch dismiss" not in done
    assert "Send:      scopewatch send 52" in confirmed and "Draft it:  scopewatch draft 52" in confirmed
    assert "Send:      scopewatch send 53" in drafted and "Edit:      in your mail program's Drafts folder" in drafted
    assert "waiting for the client's answer" in sent and "scopewatch send" not in sent and "Reply draft" not in sent
    yes, no = block(text, 55), block(text, 56)
    assert 'Client\'s answer: yes ("Prima, doe maar!")' in yes
    assert yes.index("scopewatch accept 55") < yes.index("scopewatch decline 55")
    assert "Client's answer: no" in no and no.index("scopewatch decline 56") < no.index("scopewatch accept 56")
    assert "The client answered your change request (2)" in text
    assert "2 client answers to record" in text and "4 requests outside the agreed scope" in text
    # The HTML shows the same steps, no confirm button for what is confirmed already.
    assert html.count("scopewatch confirm ") == 1 and "scopewatch send 52" in html and "scopewatch accept 55" in html
    assert "waiting for the client&#39;s answer" in html or "waiting for the client's answer" in html
    assert digest_subject(by_status()) == "scopewatch: 4 requests outside scope and 2 client answers to record for 1 client"


def test_dutch_next_steps():
    text, html = render_digest(by_status(), SHIPPED, language="nl")
    assert "Versturen:     scopewatch send 52" in block(text, 52)
    assert "Aanpassen:     in de map Concepten" in block(text, 53)
    assert "wacht op het antwoord van de klant" in block(text, 54)
    assert 'Antwoord van de klant: ja ("Prima, doe maar!")' in block(text, 55)
    assert "Akkoord:" in block(text, 55) and "Niet akkoord:" in block(text, 56)
    assert "De klant antwoordde" in html and "Versturen" in html
    assert digest_subject(by_status(), "nl") == (
        "scopewatch: 4 verzoeken buiten de afspraak en 2 antwoorden van klanten te verwerken bij 1 klant")


def test_requests_only_waiting_for_the_client_do_not_make_a_digest():
    waiting = item(60, "Request?", draft_ready=True)
    waiting.status = "sent"
    d = Digest(WHEN, None, "Mila", [ClientDigest("c", "C", flagged=[waiting])])
    assert is_empty(d)
    assert compose_digest(d, SHIPPED, to="mila@va.example", from_="mila@va.example") is None


def test_times_are_local_to_the_digest_timezone():
    d = sample()
    d.timezone = "Europe/Amsterdam"  # UTC+1 in February
    text, html = render_digest(d, SHIPPED)
    assert "Since 2 Feb 2026 19:00:" in text
    assert "3 Feb 2026 11:14" in text and "10:14" not in text  # the mail's date, 10:14 UTC
    assert "3 Feb 2026 11:14" in html
    d.timezone = "UTC"
    assert "3 Feb 2026 10:14" in render_digest(d, SHIPPED)[0]


def test_a_silent_service_is_the_first_thing_the_digest_says():
    from scopewatch.digest.model import Silence

    quiet = Digest(generated_at=WHEN, since=None, va_name="Mila", timezone="Europe/Amsterdam",
                   silent=[Silence("work", "INBOX", datetime(2026, 2, 1, 6, 30, tzinfo=timezone.utc)),
                           Silence("work", "Clients", datetime(2026, 1, 31, 22, 0, tzinfo=timezone.utc),
                                   datetime(2026, 2, 1, 8, 0, tzinfo=timezone.utc))])
    assert not is_empty(quiet)  # nothing to decide, but the VA must hear that nothing was read
    text, html = render_digest(quiet, SHIPPED)
    assert ("!! The service is silent: scopewatch has not read work/INBOX since 1 Feb 2026 07:30. "
            "Is it running? (`scopewatch status` says why)") in text
    assert "scopewatch was silent on work/Clients from 31 Jan 2026 23:00 to 1 Feb 2026 09:00" in text
    assert "has not read work/INBOX since 1 Feb 2026 07:30" in html
    nl, _ = render_digest(quiet, SHIPPED, language="nl")
    assert "scopewatch is stil: work/INBOX is sinds 1 feb 2026 07:30 niet gelezen" in nl
    msg = compose_digest(quiet, SHIPPED, to="mila@example.com", from_="mila@example.com")
    assert msg is not None
