"""The work catalogue (rules/catalogue/): its own examples, validation, user overrides, and how
agreement items link to it (written in `kinds:` or inferred), as `scope show` / `lint` show it."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from scopewatch import resources
from scopewatch.agreement.load import lint_agreements
from scopewatch.catalogue import lint_catalogue, load_catalogue
from scopewatch.cli import cli
from scopewatch.detect.nlp import Pipelines
from scopewatch.detect.links import AgreementKinds
from scopewatch.detect.work import WorkMatcher, asks_for, example_problems

EXAMPLES = resources.examples_dir()
CATALOGUE = load_catalogue([resources.rules_dir()])
PIPES = Pipelines()


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def matcher(lang: str) -> WorkMatcher:
    return WorkMatcher.get(PIPES.get(lang), CATALOGUE)


# --- the shipped catalogue --------------------------------------------------------------------


def test_catalogue_covers_the_common_trades_in_both_languages():
    assert len(CATALOGUE) >= 80
    for kind_id in ("calendar", "inbox", "travel.business", "travel.personal", "minutes", "expense-reports",
                    "personal", "research", "data-entry", "bookkeeping", "vat", "payroll", "credit-control",
                    "forecasts", "grants", "annual-accounts", "social-media.stories", "social-media.reels",
                    "social-media.community", "paid-ads", "newsletter", "photography", "photo-sourcing",
                    "copywriting", "web.pages", "web.revisions", "web.copy", "seo", "hosting", "webshop",
                    "logo-design", "audio-editing", "audio-editing.cleanup", "show-notes", "transcripts",
                    "cover-art", "clips", "guest-booking", "video-editing", "painting.walls", "painting.ceilings",
                    "painting.woodwork", "repairs", "materials", "clean-up", "event-planning", "ecommerce-admin",
                    "property-admin", "hr-admin", "translation", "gardening", "kitchen-fitting",
                    "bathroom-fitting", "practice-admin", "customer-support"):
        assert kind_id in CATALOGUE, kind_id
    for kind in CATALOGUE.kinds.values():
        assert kind.name and kind.description, kind.id
        assert set(kind.words) == {"en", "nl"}, f"{kind.id} lacks words in a language"


@pytest.mark.parametrize("kind_id", sorted(CATALOGUE.kinds))
def test_kind_examples(kind_id):
    """Every kind's match / no_match sentences, in each language, read as the kind says."""
    kind = CATALOGUE.kinds[kind_id]
    for lang in ("en", "nl"):
        assert kind.match_examples.get(lang), f"{kind_id} has no {lang} example"
        m = matcher(lang)
        for text in kind.match_examples[lang]:
            work = m.asked_in(text)
            assert asks_for(work, kind_id), f"{text!r} read as {work and work.kind.id}"
        for text in kind.no_match_examples.get(lang, ()):
            work = m.asked_in(text)
            assert not asks_for(work, kind_id), f"{text!r} read as {kind_id}"


def test_catalogue_is_compiled_once_per_language():
    nlp = PIPES.get("en")
    assert WorkMatcher.get(nlp, CATALOGUE) is WorkMatcher.get(nlp, CATALOGUE)
    assert load_catalogue([resources.rules_dir()]) is CATALOGUE


def test_request_rules_do_not_read_the_catalogue_folder():
    from scopewatch.detect.rules import lint_rules

    ruleset, problems = lint_rules([resources.rules_dir()])
    assert not problems
    assert not any(r.source.endswith(("admin.yaml", "trades.yaml")) for r in ruleset.rules.values())


# --- action and object over context -----------------------------------------------------------


@pytest.mark.parametrize("lang, text, kind_id, obj", [
    ("en", "Could you make thumbnails for each episode?", "cover-art", "thumbnails"),
    ("en", "Could you sit in on the board meeting and write up the notes?", "minutes", "notes"),
    ("en", "Please send Jansen a payment reminder.", "credit-control", "payment reminder"),
    ("en", "Could you cut the long pause after the intro?", "audio-editing", "pause"),
    ("nl", "Kun je in Exact kijken wie nog niet betaald heeft en ze een herinnering sturen?", "credit-control", None),
    ("nl", "Boek de tankbonnen voortaan op autokosten.", "bookkeeping", "tankbonnen"),
    ("nl", "Kun je voor elke aflevering een thumbnail maken?", "cover-art", "thumbnail"),
])
def test_the_thing_asked_for_outweighs_context(lang, text, kind_id, obj):
    work = matcher(lang).asked_in(text)
    assert work is not None and work.kind.id == kind_id, work and (work.kind.id, work.words)
    if obj:
        assert work.object == obj


def test_a_qualifier_refines_the_kind():
    work = matcher("en").asked_in("Could you book a hotel for our family holiday?")
    assert work.kind.id == "travel" and [k.id for k in work.narrower] == ["travel.personal"]


# --- validation and overrides ------------------------------------------------------------------


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_broken_kind_is_reported_with_a_hint(tmp_path):
    write(tmp_path / "catalogue" / "mine.yaml", """\
        kinds:
          - id: dog-walking
            name: dog walking
            descripton: walking the dogs
            en: {objects: [dog, dogs], actions: [walk]}
          - id: cat-sitting
            name: cat sitting
            description: feeding cats
            broader: [petcare]
            en: {objects: [cat, cats], actions: [feed]}
            examples:
              en: {match: [Could you feed the cats?]}
        """)
    _, problems = lint_catalogue([tmp_path / "catalogue"])
    text = "\n".join(str(p) for p in problems)
    assert "mine.yaml:2: dog-walking.descripton: unknown key; did you mean 'description'?" in text
    assert "dog-walking.examples.en.match: give at least one sentence" in text
    assert "mine.yaml:6: cat-sitting.broader: unknown kind 'petcare'" in text


def test_a_user_kind_overrides_and_disables_shipped_ones(tmp_path):
    write(tmp_path / "rules" / "catalogue" / "mine.yaml", """\
        kinds:
          - id: gardening
            disabled: true
          - id: dog-walking
            name: dog walking
            description: walking clients' dogs
            en: {objects: [dog, dogs], actions: [walk]}
            nl: {objects: [hond, honden], actions: [uitlaten]}
            examples:
              en: {match: [Could you walk the dogs on Friday?]}
              nl: {match: [Kun je vrijdag de honden uitlaten?]}
        """)
    cat = load_catalogue([resources.rules_dir(), tmp_path / "rules"])
    assert "gardening" not in cat and "dog-walking" in cat and "calendar" in cat
    assert not example_problems(cat, PIPES)
    result = run("rules", "lint", "--workspace", str(tmp_path))
    assert result.exit_code == 0, result.output


def test_rules_lint_reports_a_kind_example_that_fails(tmp_path):
    write(tmp_path / "rules" / "catalogue" / "mine.yaml", """\
        kinds:
          - id: dog-walking
            name: dog walking
            description: walking clients' dogs
            en: {objects: [dog, dogs], actions: [walk]}
            examples:
              en: {match: [Could you feed the cat?]}
        """)
    result = run("rules", "lint", "--workspace", str(tmp_path))
    assert result.exit_code == 2
    assert "dog-walking.examples.en.match: finds no kind of work: 'Could you feed the cat?'" in result.output


# --- agreement items linked to the catalogue -----------------------------------------------


AGREEMENT = """\
    client: Podcast Co
    contacts: [sam@podcast.example]
    deliverables:
      - id: editing
        description: Audio editing of each episode (cuts, levels)
        terms: [episode, edit]
      - id: diary
        description: Calendar management and meeting scheduling
        terms: [calendar]
      - id: trips
        description: Booking business travel
        terms: [trip]
    exclusions:
      - id: money
        description: Anything with invoices
        terms: [invoice]
        kinds: [{kinds}]
    client_provides:
      - id: stuff
        description: Zorgvuldig alles
        terms: [zorg]
    """


def agreement_ws(tmp_path: Path, kinds: str = "invoicing, credit-control") -> Path:
    write(tmp_path / "scopes" / "podcast.yaml", AGREEMENT.replace("{kinds}", kinds))
    return tmp_path


def test_unknown_kind_gets_did_you_mean(tmp_path):
    ws = agreement_ws(tmp_path, "invoicing, credit-controll")
    agreements, problems = lint_agreements(ws / "scopes")
    assert not agreements
    assert [p.field for p in problems] == ["exclusions[0].kinds[1]"]
    assert "unknown kind of work 'credit-controll'; did you mean 'credit-control'?" in problems[0].message
    assert problems[0].line == 17


def test_links_explicit_and_inferred(tmp_path):
    ws = agreement_ws(tmp_path)
    agreements, problems = lint_agreements(ws / "scopes")
    assert not problems
    agreement = agreements["podcast"]
    kinds = AgreementKinds(agreement, matcher("en"))
    assert kinds.links["money"].how == "explicit" and kinds.links["money"].kinds == ("invoicing", "credit-control")
    assert kinds.links["editing"].kinds == ("audio-editing",) and kinds.links["editing"].how == "inferred"
    assert kinds.links["diary"].kinds == ("calendar",)
    assert kinds.links["trips"].kinds == ("travel.business",)
    assert kinds.links["stuff"].how == "none"
    assert kinds.covering("calendar").item.id == "diary"
    assert kinds.covering("credit-control").item.id == "money"
    assert kinds.covering("cover-art") is None
    # personal travel is not the business travel agreed, so nothing covers it
    holiday = matcher("en").asked_in("Could you book a hotel for our family holiday?")
    assert kinds.decide(holiday) is None


def test_scope_show_prints_kinds_and_how_they_were_found(tmp_path):
    ws = agreement_ws(tmp_path)
    result = run("scope", "show", "--workspace", str(ws), "podcast")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "kinds:    audio-editing (inferred from" in out
    assert "invoicing, credit-control (as written in kinds:)" in out
    assert "none found: add kinds:" in out


def test_scope_lint_warns_about_a_deliverable_linked_to_nothing(tmp_path):
    """Only a deliverable: requests for agreed work in other words would be flagged as new work.
    An exclusion or client duty without a kind costs nothing, so it gets no warning."""
    ws = agreement_ws(tmp_path)
    result = run("scope", "lint", "--workspace", str(ws))
    assert result.exit_code == 0
    assert "links to no kind" not in result.output  # client_provides "stuff" links to nothing: no warning
    text = (ws / "scopes" / "podcast.yaml").read_text()
    write(ws / "scopes" / "podcast.yaml", text.replace(
        "deliverables:\n", "deliverables:\n  - id: ponds\n    description: Koi pond\n    terms: [koi]\n", 1))
    result = run("scope", "lint", "--workspace", str(ws))
    assert result.exit_code == 0, result.output
    assert "warning: " in result.output and "deliverables.ponds: links to no kind of work" in result.output
    assert "1 agreement checked, 0 problems" in result.output


def test_bundled_examples_link_every_item_and_show_kinds():
    result = run("scope", "lint", "--workspace", str(EXAMPLES))
    assert result.exit_code == 0 and "warning" not in result.output, result.output
    shown = run("scope", "show", "--workspace", str(EXAMPLES), "northgate-admin").output
    assert "travel.business (as written in kinds:)" in shown


def test_kinds_command_lists_and_filters():
    out = run("kinds", "--workspace", str(EXAMPLES), "travel").output.splitlines()
    assert [line.split()[0] for line in out] == ["travel", "travel.business", "travel.personal"]
