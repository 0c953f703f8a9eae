"""The scope checklist as the VA answers it once (`checklist: {seo: excluded}`) and the judge honours
it, tested at the level of agreement + mail in -> verdict out, so it keeps holding however detection
works inside: a kind of work marked excluded is `excluded` with the checklist line as the clause,
the client's part is `client_duty`, "ask me first" is a check, included is in scope. Also: a
counted size per piece (`each: 6 profiles`), and lint warnings a VA would act on."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from scopewatch.agreement.load import lint_agreements, load_agreement_file
from scopewatch.cli import cli
from scopewatch.detect.checker import Checker
from scopewatch.errors import AgreementError
from scopewatch.workspace import open_workspace

DATA = Path(__file__).parent / "data" / "checklist"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(open_workspace(DATA))


def mail(sender: str, text: str, subject: str = "Quick question") -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "va@example.org"
    msg["Subject"] = subject
    msg["Message-ID"] = f"<{abs(hash(text))}@client.example>"
    msg.set_content(text)
    return bytes(msg)


EVA, PETRA = "Eva <eva@bloomstudio.example>", "Petra <petra@vdberg.example>"

# (sender, mail text, verdict, category, clause, a check rather than a flag)
CASES = [
    # excluded -> excluded, with the checklist line as the clause
    (EVA, "Hi!\n\nCould you also run a Facebook ad campaign for the spring sale?\n\nEva", "out_of_scope", "excluded",
     "checklist:paid-ads", False),
    (PETRA, "Hoi,\n\nKun je een hotel in Gent boeken voor de beurs?\n\nPetra", "out_of_scope", "excluded",
     "checklist:travel", False),
    # client -> client_duty
    (EVA, "Could you take the product photos for the new range yourself?", "out_of_scope", "client_duty",
     "checklist:photography", False),
    (PETRA, "Wil je de boekhouding van maart overnemen?", "out_of_scope", "client_duty", "checklist:bookkeeping", False),
    # ask me first -> a check, never a flag or a pass
    (EVA, "Could you write our monthly newsletter too?", "out_of_scope", "new_work", "checklist:newsletter", True),
    (PETRA, "Kun je de nieuwjaarsborrel voor ons organiseren?", "out_of_scope", "new_work", "checklist:event-planning",
     True),
    # included -> in scope
    (EVA, "Could you make a few stories for Friday?", "in_scope", None, "checklist:social-media.stories", False),
    (PETRA, "Kun je de afspraak met Jansen verzetten naar donderdag?", "in_scope", None, "checklist:calendar", False),
]


@pytest.mark.parametrize("sender,text,verdict,category,clause,review", CASES)
def test_the_judge_honours_the_checklist(checker, sender, text, verdict, category, clause, review):
    out = checker.check_bytes(mail(sender, text))
    found = out.result.findings
    assert [(f.verdict, f.category, f.scope_item, f.review) for f in found] == [(verdict, category, clause, review)], found
    f = found[0]
    line = out.agreement.item(clause).line
    assert line is not None and f.scope_item_description == out.agreement.item(clause).description
    if verdict == "out_of_scope":
        assert out.result.verdict == "out_of_scope"


def test_a_checklist_line_is_a_clause_with_its_words_and_line(checker):
    ag = checker.workspace.agreements["bloom"]
    seo = ag.item("checklist:seo")
    assert (seo.kind, seo.description, seo.kinds) == ("exclusion", "search engine work (SEO)", ("seo",))
    assert seo.line == 20  # the line of `seo:` in the file
    assert ag.checklist_answer("newsletter") == "ask" and ag.checklist_answer("calendar") is None
    nl = checker.workspace.agreements["vdberg"]
    # A Dutch agreement reads its lines in Dutch (templates/agreements/checklist.yaml labels).
    assert nl.item("checklist:travel").description == "reizen boeken"
    assert nl.trade is None and ag.trade == "social-media"


def test_a_ticked_kind_reaches_the_change_request_in_the_clients_language(checker):
    from scopewatch.draft.render import DraftFinding, render_change_request
    from scopewatch.parse.parser import parse_message

    raw = mail(PETRA, "Hoi,\n\nKun je een hotel in Gent boeken voor de beurs?\n\nPetra")
    out = checker.check_bytes(raw)
    draft = render_change_request(out.agreement, [DraftFinding(1, out.result.findings[0])], parse_message(raw),
                                  va_name="Sanne", va_address="sanne@va.example",
                                  template_dirs=checker.workspace.template_dirs())
    assert '"reizen boeken"' in draft.reply and "niet inbegrepen" in draft.reply


BAD = [
    ("checklist:\n  sseo: excluded\n", "checklist.sseo: unknown kind of work 'sseo'; did you mean 'seo'?"),
    ("checklist:\n  seo: maybe\n", "checklist.seo: 'maybe' is not one of included, excluded, client, ask"),
    ("checklist:\n  seo: niet inbegrepen\n", "write excluded"),
    ("checklist:\n  seo: yes\n", "expected one of included, excluded, client, ask, got 'yes'"),
    ("checklist: [seo]\n", "checklist: expected a kind of work per line with its answer"),
    ("checklist:\n  seo: {text: SEO}\n", "checklist.seo.answer: required"),
    ("trade: House Painter\n", "trade: 'House Painter' is not a trade id"),
]


@pytest.mark.parametrize("extra,message", BAD)
def test_a_wrong_checklist_gets_a_clear_problem_at_its_line(tmp_path, extra, message):
    (tmp_path / "scopes").mkdir()
    path = tmp_path / "scopes" / "x.yaml"
    path.write_text("client: X\ncontacts: [a@x.example]\ndeliverables:\n  - id: d\n    description: D\n"
                    "    terms: [d]\n" + extra, encoding="utf-8")
    with pytest.raises(AgreementError) as info:
        load_agreement_file(path)
    assert message in str(info.value)
    assert "x.yaml:7" in str(info.value) or "x.yaml:8" in str(info.value)


def test_scope_show_prints_the_checklist():
    res = CliRunner().invoke(cli, ["scope", "show", "bloom", "--workspace", str(DATA)])
    assert res.exit_code == 0, res.output
    assert "Checklist (kinds of work answered once, trade social-media):" in res.output
    assert "paid advertising (paid-ads): not included  [line 16]" in res.output
    assert "newsletters (newsletter): ask me first" in res.output


def test_lint_warns_when_an_item_contradicts_the_checklist(tmp_path):
    (tmp_path / "scopes").mkdir()
    (tmp_path / "scopes" / "x.yaml").write_text(
        "client: X\ncontacts: [a@x.example]\ndeliverables:\n  - id: ads\n    description: Facebook ads\n"
        "    terms: [ads]\n    kinds: [paid-ads]\nchecklist:\n  paid-ads: excluded\n  seo: excluded\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["scope", "lint", "-w", str(tmp_path)])
    assert res.exit_code == 0, res.output
    warnings = [line for line in res.output.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1, res.output
    assert "x.yaml:9: checklist.paid-ads: the checklist says paid advertising is not included, but deliverables[0]" \
        in warnings[0] and "change one of them" in warnings[0]


# --- counted sizes -------------------------------------------------------------------------------


def test_a_counted_size_loads_and_a_request_over_it_is_found(checker):
    sourcing = checker.workspace.agreements["bloom"].item("sourcing")
    assert (sourcing.each.amount, sourcing.each.unit, sourcing.each.counted) == (6, "profiles", True)
    assert sourcing.limit.count == 2 and sourcing.limit.unit == "vacancies"
    shoots = checker.workspace.agreements["vdberg"].item("shoots")
    assert (shoots.each.amount, shoots.each.unit, shoots.each.size) == (30, "portretfoto's", "30 portretfoto's")
    for sender, text, asked in [(EVA, "Could you send me 8 profiles for the barista role?", "8 profiles"),
                                (PETRA, "Kun je van de shoot van vrijdag 40 foto's nabewerken?", "40 foto's")]:
        found = checker.check_bytes(mail(sender, text)).result.findings
        assert [(f.category, f.review) for f in found] == [("quantity", False)], found
        assert asked in found[0].explanation and "each" in found[0].explanation


@pytest.mark.parametrize("sender,text", [
    (EVA, "Could you send me five profiles for the barista role?"),  # 5 profiles: within 6 a vacancy, not over 2 a month
    (PETRA, "Kun je 20 portretfoto's van de shoot uitzoeken?"),
])
def test_within_a_counted_size_is_in_scope(checker, sender, text):
    found = checker.check_bytes(mail(sender, text)).result.findings
    assert [f.verdict for f in found] == ["in_scope"], found


@pytest.mark.parametrize("each", ["6 profiles", "max. 30 portretfoto's", "20 foto's", "3 referees"])
def test_agreements_as_vas_write_them_load(tmp_path, each):
    path = tmp_path / "x.yaml"
    path.write_text("client: X\ncontacts: [a@x.example]\ndeliverables:\n  - id: d\n    description: D\n"
                    f"    terms: [d]\n    limit: {{count: 2, per: month, each: \"{each}\"}}\n", encoding="utf-8")
    assert load_agreement_file(path).item("d").each.counted


def test_a_count_is_whole_and_names_what_it_counts(tmp_path):
    path = tmp_path / "x.yaml"
    for each, message in [("2.5 profiles", "a count is a whole number"), ("6", "say what is measured or counted")]:
        path.write_text("client: X\ncontacts: [a@x.example]\ndeliverables:\n  - id: d\n    description: D\n"
                        f"    terms: [d]\n    limit: {{count: 2, per: month, each: {each}}}\n", encoding="utf-8")
        with pytest.raises(AgreementError) as info:
            load_agreement_file(path)
        assert message in str(info.value)


# --- lint a VA acts on ---------------------------------------------------------------------------


def test_lint_warns_less_than_once_per_agreement_on_the_bundled_labelled_and_blind_agreements():
    """Warnings nobody acts on teach a VA to ignore them: on 23 agreements written as VAs write
    them, fewer than one warning per agreement (there were 48 before)."""
    from scopewatch.agreement.load import workspace_catalogue
    from scopewatch.scope_lint import warnings

    total, count = 0, 0
    for folder in (ROOT / "examples", ROOT / "tests" / "labelled", ROOT / "tests" / "blind"):
        agreements, problems = lint_agreements(folder / "scopes")
        assert problems == []
        catalogue, _ = workspace_catalogue(folder / "scopes")
        total += len(warnings(agreements.values(), catalogue))
        count += len(agreements)
    assert count == 23 and total < count


@pytest.mark.parametrize("description,warned", [
    ("Tax returns (her accountant does these)", True),
    ("Belastingaangifte (doet haar boekhouder)", True),
    ("TODO: agree the number of posts", True),
    ("Logo too?", True),
    ("Newsletter, ask Tom about the list", True),
    ("Reviews beantwoorden (Trustpilot en Google)", False),
    ("Proofreading (two rounds)", False),
    ("Check new orders daily; fix addresses", False),
    ("Welkomstmail voor nieuwe medewerkers (wie ze opvangt)", False),
])
def test_a_description_reads_as_a_note_only_when_it_is_one(tmp_path, description, warned):
    from scopewatch.agreement.wording import note_like

    path = tmp_path / "x.yaml"
    path.write_text(f"client: X\ncontacts: [a@x.example]\ndeliverables:\n  - id: d\n    description: \"{description}\"\n"
                    "    terms: [d]\n", encoding="utf-8")
    assert bool(note_like(load_agreement_file(path))) is warned


def test_an_item_written_out_wins_over_a_checklist_line(tmp_path):
    (tmp_path / "scopes").mkdir()
    (tmp_path / "scopes" / "x.yaml").write_text(
        "client: X\ncontacts: [a@x.example]\ndeliverables:\n  - id: ads\n    description: Facebook ads for the shop\n"
        "    terms: [campaign]\n    kinds: [paid-ads]\nchecklist:\n  paid-ads: excluded\n", encoding="utf-8")
    checker = Checker(open_workspace(tmp_path))
    found = checker.check_bytes(mail("a@x.example", "Could you also run a Facebook ad for the spring sale?")).result.findings
    assert [(f.verdict, f.scope_item) for f in found] == [("in_scope", "ads")], found


# --- the trades' starters ------------------------------------------------------------------------

TRADES = ["house-painter", "admin-va", "social-media", "web-design", "bookkeeping", "podcast-video"]


def test_every_trade_has_a_starter_in_both_languages_and_labels_for_its_kinds():
    from scopewatch.agreement.checklist import checklist_data
    from scopewatch.resources import templates_dir

    data = checklist_data([templates_dir()])
    catalogue = open_workspace(DATA).catalogue()
    assert sorted(data.trades) == sorted(TRADES)
    for trade in data.trades.values():
        assert set(trade.starters) == {"en", "nl"} and trade.names.get("en") and trade.names.get("nl")
        for kind in trade.kinds:
            assert kind in catalogue, (trade.id, kind)
            assert set(data.labels.get(kind, {})) >= {"en", "nl"}, kind


@pytest.mark.parametrize("trade", TRADES)
@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_filled_in_starter_is_a_clean_agreement(tmp_path, trade, language):
    """The client's name and address filled in, a starter lints with no problem and no warning,
    in its language, with its trade's checklist answered and a letter that says all of it."""
    from scopewatch.agreement.checklist import checklist_data, starter_text
    from scopewatch.agreement.edit import Document, apply_form, form_of
    from scopewatch.agreement.load import workspace_catalogue
    from scopewatch.draft.letter import render_letter
    from scopewatch.resources import templates_dir
    from scopewatch.scope_lint import warnings

    doc = Document(starter_text([templates_dir()], trade, language))
    form = form_of(doc)
    form.client, form.contacts = "Test Client", "client@test.example"
    apply_form(doc, form)
    (tmp_path / "scopes").mkdir()
    (tmp_path / "scopes" / "test.yaml").write_text(doc.text(), encoding="utf-8")
    agreements, problems = lint_agreements(tmp_path / "scopes")
    assert problems == []
    agreement = agreements["test"]
    assert agreement.language == language and agreement.trade == trade
    assert {line.kind for line in agreement.checklist} == set(checklist_data([templates_dir()]).trades[trade].kinds)
    catalogue, _ = workspace_catalogue(tmp_path / "scopes")
    assert warnings([agreement], catalogue) == []
    letter = render_letter(agreement, va_name="Sanne", va_address="sanne@va.example", template_dirs=[templates_dir()])
    for item in (*agreement.deliverables, *agreement.exclusions, *agreement.client_provides):
        assert item.wording in letter.text
    assert ("Wat ik lever:" if language == "nl" else "What I deliver:") in letter.text


def test_a_confirmed_ask_me_first_request_is_offered_as_new_work(checker):
    """Ask me first is the VA's own question, not a clause the client agreed to: confirmed, the
    change request offers it as new work beside what was agreed."""
    from scopewatch.draft.render import DraftFinding, render_change_request
    from scopewatch.parse.parser import parse_message

    raw = mail(EVA, "Hi,\n\nCould you write our monthly newsletter too?\n\nEva")
    out = checker.check_bytes(raw)
    draft = render_change_request(out.agreement, [DraftFinding(1, out.result.findings[0])], parse_message(raw),
                                  va_name="Sanne", va_address="sanne@va.example",
                                  template_dirs=checker.workspace.template_dirs())
    assert "newsletters" not in draft.reply.replace("newsletter too", "")
    assert "new work" in draft.reply and "Instagram posts with photo and caption" in draft.reply
