"""Every draft true, sentence by sentence: the draft checker (tests/draft_checker.py) catches each
fault a client would notice, and every reply the demo and the labelled corpora produce passes it
(all categories, both languages, several requests per mail). The suite's other drafts are checked
as they are rendered (tests/conftest.py)."""

from __future__ import annotations

import csv
from datetime import datetime, timezone
from pathlib import Path

import pytest

from scopewatch import resources
from scopewatch.detect.findings import Finding
from scopewatch.draft.render import DraftFinding, render_change_request
from scopewatch.parse.message import ParsedMessage
from scopewatch.workspace import open_workspace
from tests.draft_checker import check, check_draft

REPO = Path(__file__).resolve().parents[1]
SAMPLE = resources.examples_dir()


@pytest.fixture(scope="module")
def sample():
    return open_workspace(SAMPLE).agreements


def mail(text: str, *, language: str = "en", name: str = "Mark Jensen", when=datetime(2026, 1, 27, 17, 12)) -> ParsedMessage:
    return ParsedMessage(message_id="<m1@client.example>", sender="mark@northgate-advisory.example", sender_name=name,
                         to=(), cc=(), subject="Re", date=when.replace(tzinfo=timezone.utc), in_reply_to=None,
                         references=(), language=language, new_text=text, body_text=text, is_reply=False)


def finding(evidence: str, category: str, item: str | None, agreement) -> Finding:
    clause = agreement.item(item) if item else None
    return Finding("out_of_scope", category, evidence, 0, len(evidence), ["T"], item,
                   clause.description if clause else None, 0.9, scope_item_kind=clause.kind if clause else None)


def rules(faults) -> set[str]:
    return {f.rule for f in faults}


# --- the checker catches each fault -----------------------------------------------------------------

def test_a_unit_that_does_not_agree_with_its_number(sample):
    a = sample["hughes-house"]
    m = mail("Could you put a third coat on that wall next week?", name="Claire Hughes")
    f = finding(m.new_text, "quantity", "coats", a)
    bad = ('Hi Claire,\n\nGood to hear from you.\n\nYou asked: "Could you put a third coat on that wall next week?" '
           'We agreed on "Two coats on every wall and ceiling" (2 coat in total), and this goes beyond that.')
    assert "unit" in rules(check(bad, agreement=a, findings=[f], mail=m, language="en", recipient="Claire Hughes"))
    good = bad.replace("2 coat in total", "2 coats in total")
    assert "unit" not in rules(check(good, agreement=a, findings=[f], mail=m, language="en", recipient="Claire Hughes"))
    trips = 'We agreed on "Booking trains, flights and hotels for business trips" (2 trip per month).'
    t = finding("Can you book four trips for me next month:", "quantity", "travel", sample["northgate-admin"])
    assert "unit" in rules(check("Hi Mark,\n\nThanks.\n\n" + trips, agreement=sample["northgate-admin"], findings=[t],
                                 mail=mail(t.evidence), language="en", recipient="Mark Jensen"))


def test_a_quote_cut_mid_sentence(sample):
    a = sample["northgate-admin"]
    text = ("Two clients still haven't paid their December invoices, Hartwell and Brook & Co. Could you chase them "
            "and send each a payment reminder from my account? The amounts are in Xero.")
    m = mail(text)
    f = finding(text[:text.index(" The amounts")], "excluded", "bookkeeping", a)
    cut = ('Hi Mark,\n\nThanks for getting in touch.\n\nYou asked: "Two clients still haven\'t paid their December '
           'invoices, Hartwell and Brook & Co. Could you chase them and send each a payment reminder from …"')
    assert "cut-quote" in rules(check(cut, agreement=a, findings=[f], mail=m, language="en", recipient="Mark Jensen"))
    inside = 'Hi Mark,\n\nThanks.\n\nYou asked: "send each a payment reminder from my account?"'
    assert "cut-quote" in rules(check(inside, agreement=a, findings=[f], mail=m, language="en", recipient="Mark Jensen"))
    whole = 'Hi Mark,\n\nThanks.\n\nYou asked: "Could you chase them and send each a payment reminder from my account?"'
    assert not check(whole, agreement=a, findings=[f], mail=m, language="en", recipient="Mark Jensen")


def test_a_date_the_client_did_not_ask_for_and_an_agreed_date_that_is_the_period_end(sample):
    a = sample["northgate-admin"]
    text = "Could you work this Saturday to clear it before I'm back on Monday?"
    m, f = mail(text), finding(text, "deadline", "inbox", a)
    monday = ('Hi Mark,\n\nThanks for your message.\n\nYou asked: "' + text + '" We agreed the end of our period, '
              '31 March 2026 for "Daily inbox triage and replies to routine mail".\n\nHere are your options:\n'
              '1. I get it done on Monday, with a rush surcharge: I will quote it as soon as you say so.\n'
              '2. We keep to the agreed date, the end of our period, 31 March 2026, at no extra cost.')
    faults = check(monday, agreement=a, findings=[f], mail=m, language="en", recipient="Mark Jensen")
    dates = [x for x in faults if x.rule == "date"]
    assert any("'Monday'" in x.why for x in dates) and any("31 March 2026" in x.why for x in dates), faults
    saturday = monday.replace("I get it done on Monday", "I get it done this Saturday").replace(
        " We agreed the end of our period, 31 March 2026 for", " That is sooner than our planning for").replace(
        "the agreed date, the end of our period, 31 March 2026", "our planning")
    assert not check(saturday, agreement=a, findings=[f], mail=m, language="en", recipient="Mark Jensen")


def test_after_the_period_for_a_request_tied_to_a_date(sample):
    a = sample["northgate-admin"]
    text = "Mark asked me to pass this on: could you order flowers for his wife's birthday on Friday?"
    m, f = mail(text, name="Priya Shah"), finding(text, "excluded", "personal", a)
    reply = ('Hi Priya,\n\nThanks for your message.\n\nYou asked: "' + text + '" Our agreement lists "Personal errands '
             'and family matters" as not included.\n\nHere are your options:\n1. I do it as extra work.\n'
             '2. I plan it after our current period ends on 31 March 2026.\n3. We leave it for now.')
    assert "after-period" in rules(check(reply, agreement=a, findings=[f], mail=m, language="en", recipient="Priya Shah"))


def test_this_friday_is_sooner_than_next_monday(sample):
    a = sample["northgate-admin"]
    tuesday = datetime(2026, 1, 27, 9, 0)
    sooner = finding("Could you send this week's summary on Thursday instead of Friday?", "deadline", "weekly-summary", a)
    reply = ('Hi Mark,\n\nThanks.\n\nYou asked: "' + sooner.evidence + '" We agreed every Friday by 16:00 for '
             '"Friday summary of open items and next week\'s diary".\n\n1. I get it done on Thursday, with a rush '
             'surcharge, sooner than every Friday.\n2. We keep to the agreed date, every Friday by 16:00.')
    assert "order" not in rules(check(reply, agreement=a, findings=[sooner], mail=mail(sooner.evidence, when=tuesday),
                                      language="en", recipient="Mark Jensen"))
    later = finding("Could you send the summary next Thursday instead of Friday?", "deadline", "weekly-summary", a)
    wrong = reply.replace(sooner.evidence, later.evidence).replace("on Thursday", "next Thursday")
    assert "order" in rules(check(wrong, agreement=a, findings=[later], mail=mail(later.evidence, when=tuesday),
                                  language="en", recipient="Mark Jensen"))


def test_an_english_reply_quoting_dutch_clauses_and_a_sentence_in_dutch(sample):
    a = sample["devries-social"]
    text = "Could you also make a newsletter for our regular customers?"
    m, f = mail(text, name="Anna de Vries"), finding(text, "new_work", None, a)
    reply = ('Hi Anna,\n\nThanks for your message.\n\nYou asked: "' + text + '" That is new work: our agreement covers '
             '"Instagram-posts met foto en tekst". Dit is nieuw werk voor de bakkerij.')
    faults = check(reply, agreement=a, findings=[f], mail=m, language="en", recipient="Anna de Vries")
    assert "language" in rules(faults), faults


def test_an_opening_that_thanks_a_stressed_client_for_good_news(sample):
    a = sample["devries-social"]
    text = ("Het is hier een gekkenhuis met alle bestellingen voor Valentijn. Kun jij de foto's van de taartjes maken "
            "als je woensdag langskomt?\n\nAlvast bedankt!")
    m = mail(text, language="nl", name="Anna de Vries")
    f = finding("Kun jij de foto's van de taartjes maken als je woensdag langskomt?", "client_duty", "photos", a)
    reply = 'Hoi Anna,\n\nWat fijn om te horen, dank je wel.\n\nJe vroeg: "' + f.evidence + '"'
    assert "tone" in rules(check(reply, agreement=a, findings=[f], mail=m, language="nl", recipient="Anna de Vries"))
    calm = reply.replace("Wat fijn om te horen, dank je wel.", "Dat klinkt als een drukke week, dus ik houd het kort.")
    assert "tone" not in rules(check(calm, agreement=a, findings=[f], mail=m, language="nl", recipient="Anna de Vries"))
    sorry = reply.replace("Wat fijn om te horen, dank je wel.", "Geen probleem, dat kan gebeuren.")
    assert "tone" in rules(check(sorry, agreement=a, findings=[f], mail=m, language="nl", recipient="Anna de Vries"))


def test_the_client_addressed_as_someone_else(sample):
    a = sample["northgate-admin"]
    text = "Could you write the agenda for Monday's board meeting?"
    m, f = mail(text), finding(text, "client_duty", "agendas", a)
    reply = ('Hi Mark,\n\nThanks.\n\nYou asked: "' + text + '" In our agreement, "Meeting agendas and preparation '
             'notes, written by Mark" is yours to supply.')
    assert "addressee" in rules(check(reply, agreement=a, findings=[f], mail=m, language="en", recipient="Mark Jensen"))
    fixed = reply.replace(", written by Mark", "")
    assert "addressee" not in rules(check(fixed, agreement=a, findings=[f], mail=m, language="en", recipient="Mark Jensen"))


# --- every reply the demo and the corpora produce passes ---------------------------------------------

def _render_all(ws, outcomes):
    """Each out-of-scope mail's reply, rendered as the service does (all its out-of-scope requests)."""
    out = []
    for n, o in enumerate(outcomes):
        if o.result.verdict != "out_of_scope" or o.agreement is None or not o.parsed.sender:
            continue
        found = [f for f in o.result.findings if f.verdict == "out_of_scope"]
        draft = render_change_request(o.agreement, [DraftFinding(n * 100 + i, f) for i, f in enumerate(found)],
                                      o.parsed, va_name="Sanne Visser", va_address="sanne@va.example",
                                      template_dirs=ws.template_dirs())
        out.append((o, found, draft))
    return out


def _faults(rendered) -> list[str]:
    bad = []
    for o, found, draft in rendered:
        for fault in check_draft(draft, o.agreement, found, o.parsed):
            bad.append(f"{o.result.source}: {fault}\n{draft.reply}\n")
    return bad


def _coverage(rendered) -> tuple[set, set, int]:
    cats = {(d.language, f.category) for _o, found, d in rendered for f in found}
    langs = {d.language for _o, _f, d in rendered}
    several = sum(1 for _o, found, _d in rendered if len({f.scope_item for f in found} | {f.evidence for f in found}) > 2)
    return cats, langs, several


def test_every_reply_of_the_sample_passes_the_checker():
    from scopewatch.detect.checker import Checker

    ws = open_workspace(SAMPLE)
    mails = sorted(p for sub in ("cur", "new") for p in (SAMPLE / "mailbox" / sub).iterdir() if p.is_file())
    rendered = _render_all(ws, Checker(ws).check_many([(p.name, p.read_bytes()) for p in mails]))
    assert len(rendered) >= 19
    assert _faults(rendered) == []
    cats, langs, _several = _coverage(rendered)
    assert langs == {"en", "nl"}
    assert {c for _l, c in cats} == {"new_work", "excluded", "quantity", "deadline", "client_duty"}


def _corpus(root: Path, scopes: Path, mail_dir: Path):
    from scopewatch.detect.checker import Checker

    ws = open_workspace(root) if (root / "scopes").is_dir() and scopes == root / "scopes" else None
    if ws is None:
        import shutil
        import tempfile

        tmp = Path(tempfile.mkdtemp(prefix="scopewatch-corpus-"))
        shutil.copytree(scopes, tmp / "scopes")
        ws = open_workspace(tmp)
    files = sorted(p for p in mail_dir.rglob("*.eml"))
    return ws, Checker(ws).check_many([(str(p.relative_to(mail_dir)), p.read_bytes()) for p in files])


@pytest.mark.parametrize("corpus", ["labelled", "blind"])
def test_every_reply_of_a_labelled_corpus_passes_the_checker(corpus):
    """The labelled corpora (ten and more agreements of several trades, English and Dutch): every
    mail the detector flags gets a reply, and every reply passes, whatever detection got right."""
    root = REPO / "tests" / corpus
    ws, outcomes = _corpus(root, root / "scopes", root / "mail")
    rendered = _render_all(ws, outcomes)
    bad = _faults(rendered)
    assert not bad, f"{len(bad)} faults in {len(rendered)} replies:\n" + "\n".join(bad[:20])
    cats, langs, several = _coverage(rendered)
    assert langs == {"en", "nl"} and several >= 3
    assert {c for l, c in cats if l == "en"} >= {"new_work", "excluded", "quantity", "deadline"}
    assert {c for l, c in cats if l == "nl"} >= {"new_work", "excluded", "quantity", "deadline"}


WEEKLY = """\
client: Harbour Books
contacts: [ops@harbourbooks.example]
language: en
period: {start: 2026-01-05, end: 2026-06-30}
rate: {amount: 40, currency: GBP, per: hour}
deliverables:
  - id: report
    description: Weekly sales report
    terms: [report, sales report]
    limit: {count: 1, per: week}
    due: every Monday
"""


@pytest.mark.parametrize("sentence, verdict", [
    # This week's report on Friday comes before the Monday after this week: sooner, a deadline question.
    ("Could you send this week's report on Friday instead of Monday?", "out_of_scope"),
    ("Could you send the report this Friday instead of Monday?", "out_of_scope"),
    # A day later in the same week than agreed, or next week's: later, never a flag.
    ("Could you send the report next Tuesday instead of Monday?", "in_scope"),
])
def test_this_friday_comes_before_the_next_monday(tmp_path, sentence, verdict):
    from scopewatch.detect.checker import Checker

    (tmp_path / "scopes").mkdir()
    (tmp_path / "scopes" / "harbour.yaml").write_text(WEEKLY, encoding="utf-8")
    raw = (f"From: Ops <ops@harbourbooks.example>\nTo: va@example.com\nSubject: Report\n"
           f"Date: Tue, 27 Jan 2026 09:00:00 +0000\nMessage-ID: <r1@harbourbooks.example>\n\nHi,\n\n{sentence}\n\nOps\n").encode()
    [out] = Checker(open_workspace(tmp_path)).check_many([("m", raw)])
    assert out.result.verdict == verdict, [f.explanation for f in out.result.findings]
    if verdict == "out_of_scope":
        [f] = [f for f in out.result.findings if f.verdict == "out_of_scope"]
        assert f.category == "deadline" and "later" not in f.explanation
