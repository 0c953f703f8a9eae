"""The client's copy of the agreement, "What we agreed": printed by `scope letter`, put into Drafts
once per agreement version by `--draft`, in the agreement's language, every line from the
agreement; after an edit or an accepted change the next letter says what changed."""

from __future__ import annotations

import email
import re
import shutil
from email import policy
from pathlib import Path

import pytest
from click.testing import CliRunner

from scopewatch.cli import cli
from scopewatch.draft.letter import render_letter
from scopewatch.resources import examples_dir
from scopewatch.workspace import open_workspace

CONFIG = """\
database = "sqlite:///scopewatch.db"

[[mailbox]]
name = "work"
maildir = "mailbox"

[va]
name = "Sanne Visser"
address = "sanne@sannevirtueel.example"
"""


@pytest.fixture
def ws(tmp_path) -> Path:
    root = tmp_path / "va"
    shutil.copytree(examples_dir() / "scopes", root / "scopes")
    for sub in ("cur", "new", "tmp"):
        (root / "mailbox" / sub).mkdir(parents=True)
    (root / "scopewatch.toml").write_text(CONFIG, encoding="utf-8")
    for path in root.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return root


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def drafts(root: Path) -> list[email.message.EmailMessage]:
    folder = root / "mailbox" / ".Drafts" / "cur"
    return [email.message_from_bytes(p.read_bytes(), policy=policy.default) for p in sorted(folder.iterdir())] \
        if folder.is_dir() else []


def test_the_letter_says_what_was_agreed_in_english_and_in_dutch():
    ws = open_workspace(examples_dir())
    en = render_letter(ws.agreements["hughes-house"], va_name="Sanne Visser", va_address="sanne@va.example",
                       template_dirs=ws.template_dirs())
    assert en.to == "claire.hughes@hughesfamily.example" and en.language == "en"
    assert en.subject == "What we agreed: Repaint living room and hallway at 14 Elm Road"
    text = en.text
    for line in ["What I deliver:", "- Living room walls and ceiling (by 20 February 2026)",
                 "- Two coats on every wall and ceiling (2 coats in total)",
                 "What you supply or do:", "- Paint in the chosen colours, ordered by Claire",
                 "Not included:", "- Stripping or hanging wallpaper",
                 "When the work counts as done: Claire walks through each room with us when it is finished.",
                 "Extra requests:", "My rate is £280.00 per day.", "- Sooner than the agreed date: £140.00 extra",
                 "Period: 2 February 2026 to 13 March 2026."]:
        assert line in text, line
    assert "None" not in text and "What changed" not in text
    nl = render_letter(ws.agreements["devries-social"], va_name="Sanne Visser", va_address="sanne@va.example",
                       template_dirs=ws.template_dirs())
    assert nl.subject == "Wat we hebben afgesproken: Social media beheer eerste kwartaal"
    for line in ["Hoi,", "Wat ik lever:", "- Instagram-posts met foto en tekst (3 per week, elke donderdag)",
                 "Wat jij aanlevert of doet:", "Niet inbegrepen:", "- Website en webshop",
                 "Mijn tarief is €\xa045,00 per uur.", "Periode: 5 januari 2026 tot en met 31 maart 2026."]:
        assert line in nl.text, line
    formal = render_letter(ws.agreements["devries-social"], va_name="Sanne", va_address="sanne@va.example",
                           template_dirs=ws.template_dirs(), register="u")
    assert "Wat u aanlevert of doet:" in formal.text and formal.text.startswith("Beste,")


def test_every_item_of_every_bundled_agreement_is_in_its_letter():
    ws = open_workspace(examples_dir())
    for agreement in ws.agreements.values():
        text = render_letter(agreement, va_name="S", va_address="s@va.example", template_dirs=ws.template_dirs()).text
        for item in (*agreement.deliverables, *agreement.exclusions, *agreement.client_provides):
            assert item.wording in text, (agreement.client_id, item.id)


def test_scope_letter_prints_and_draft_lands_once_then_says_what_changed(ws):
    res = run("scope", "letter", "hughes-house", "-w", str(ws))
    assert res.exit_code == 0, res.output
    assert res.output.startswith("To: claire.hughes@hughesfamily.example\nSubject: What we agreed:")
    assert drafts(ws) == []  # printing puts nothing anywhere

    res = run("scope", "letter", "hughes-house", "--draft", "-w", str(ws))
    assert res.exit_code == 0 and "saved in work/Drafts" in res.output, res.output
    res = run("scope", "letter", "hughes-house", "--draft", "-w", str(ws))
    assert res.exit_code == 0 and "no second copy made" in res.output, res.output
    letters = drafts(ws)
    assert len(letters) == 1
    first = letters[0]
    assert first["To"] == "claire.hughes@hughesfamily.example" and "Sanne Visser" in first["From"]
    assert "What I deliver:" in first.get_body(("plain",)).get_content()

    # An edit: a limit changes, an exclusion goes, a rate rises; then an accepted change.
    path = ws / "scopes" / "hughes-house.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("limit: {count: 2, per: project, unit: coat}", "limit: {count: 3, per: project, unit: coat}")
    text = text.replace("rate: {amount: 280, currency: GBP, per: day}", "rate: {amount: 300, currency: GBP, per: day}")
    text = text.replace("  - id: wallpaper\n    description: Stripping or hanging wallpaper\n    terms: [wallpaper]\n\n", "")
    text += "\namendments:\n  - id: shed\n    date: 2026-02-15\n    description: Paint the garden shed\n    terms: [shed]\n"
    path.write_text(text, encoding="utf-8")
    res = run("scope", "letter", "hughes-house", "--draft", "-w", str(ws))
    assert res.exit_code == 0 and "it says what changed since the last letter (4 changes)" in res.output, res.output
    letters = drafts(ws)
    assert len(letters) == 2
    second = next(m for m in letters if m["Message-ID"] != first["Message-ID"])
    body = second.get_body(("plain",)).get_content()
    assert second["Subject"].strip().startswith("What we agreed (updated):")
    assert "What changed since my letter of" in body
    for line in ["- Two coats on every wall and ceiling: now 3 coats in total (was 2 coats in total)",
                 "- Added on 15 February 2026: Paint the garden shed",
                 '- No longer on the "not included" list: Stripping or hanging wallpaper',
                 "- Rate: now £300.00 per day (was £280.00 per day)"]:
        assert line in body, body


def test_the_ledger_keeps_the_letter_when_no_mailbox_is_configured(ws):
    (ws / "scopewatch.toml").write_text(CONFIG.split("[[mailbox]]")[0] + "[va]" + CONFIG.split("[va]")[1],
                                        encoding="utf-8")
    res = run("scope", "letter", "devries-social", "--draft", "-w", str(ws))
    assert res.exit_code == 0 and "kept in scopewatch" in res.output, res.output
    from scopewatch.store import letters
    from scopewatch.store.ledger import Ledger

    ledger = Ledger.open(f"sqlite:///{ws / 'scopewatch.db'}")
    try:
        stored = letters.letters(ledger, "devries-social")
        assert len(stored) == 1 and stored[0].folder is None and stored[0].language == "nl"
        assert len(letters.versions(ledger, "devries-social")) == 1
    finally:
        ledger.close()


def test_a_client_with_only_a_domain_gets_a_clear_error(ws):
    path = ws / "scopes" / "devries-social.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"\n  - anna@bakkerijdevries.example[^\n]*", "", text), encoding="utf-8")
    res = run("scope", "letter", "devries-social", "-w", str(ws))
    assert res.exit_code != 0 and "Traceback" not in res.output
    assert "add the client's own address to contacts" in res.output
    res = run("scope", "letter", "nobody", "-w", str(ws))
    assert res.exit_code != 0 and "no agreement for client 'nobody'" in res.output


def test_the_checklist_is_in_the_letter_but_nothing_is_said_twice(ws):
    """Ticked kinds of work join the lists (included, the client's part, not included, agree on
    first), except where an item written out already says the same."""
    path = ws / "scopes" / "devries-social.yaml"
    path.write_text(path.read_text(encoding="utf-8")
                    + "checklist:\n  paid-ads: excluded\n  seo: excluded\n  photography: client\n  blog: ask\n"
                      "  social-media.stories: included\n  content-calendar: included\n", encoding="utf-8")
    res = run("scope", "letter", "devries-social", "-w", str(ws))
    assert res.exit_code == 0, res.output
    text = res.output
    not_included = text.split("Niet inbegrepen:\n")[1].split("\n\n")[0].splitlines()
    assert not_included == ["- Website en webshop", "- Betaalde advertenties en campagnes",
                            "- Vindbaarheid in Google (SEO)"]
    assert "- Fotografie\n" in text.split("Wat jij aanlevert of doet:")[1]
    assert "Telkens eerst overleggen: blogartikelen." in text
    assert "- Ook inbegrepen: contentplanning" in text  # stories: the Instagram item's terms say it already
