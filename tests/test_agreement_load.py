"""Loading scope agreements: valid files become Agreement dataclasses; every mistake a VA can make
in the YAML becomes the exact one-line problem they read (file:line, field path, fix)."""

from __future__ import annotations

import hashlib
import shutil
import textwrap
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from scopewatch.agreement.load import lint_agreements, load_agreement_file, load_agreements
from scopewatch.errors import AgreementError
from scopewatch.resources import examples_dir
from scopewatch.workspace import open_workspace

DATA = Path(__file__).resolve().parent / "data"

MINIMAL = """\
client: Acme
contacts: [jo@acme.example]
deliverables:
  - id: posts
    description: Posts
    terms: [post]
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def messages(problems, root: Path) -> list[str]:
    """Problems as the VA reads them, with the temporary folder cut off the file names."""
    return [str(p).replace(f"{root}/", "") for p in problems]


def lint_text(tmp_path: Path, text: str, name: str = "acme.yaml") -> list[str]:
    write(tmp_path / "scopes", name, text)
    agreements, problems = lint_agreements(tmp_path / "scopes")
    if problems:
        assert name.rsplit(".", 1)[0] not in agreements, "an agreement with problems must not be returned"
    return messages(problems, tmp_path)


# --- valid agreements -------------------------------------------------------------------------


def test_full_agreement_loads_into_the_dataclasses():
    path = DATA / "scopes_valid" / "devries-social.yaml"
    a = load_agreement_file(path)
    assert a.client_id == "devries-social"
    assert a.client == "Bakkerij de Vries"
    # Addresses are normalised to lower case, whatever case the VA typed.
    assert a.contacts == ("anna@bakkerijdevries.example", "@bakkerijdevries.example")
    assert a.language == "nl"
    assert a.project == "Social media beheer eerste kwartaal"
    assert a.goal == "Meer klanten in de winkel via Instagram"
    assert (a.period.start, a.period.end) == (date(2026, 1, 5), date(2026, 3, 31))
    assert a.rate.amount == Decimal("45.50") and isinstance(a.rate.amount, Decimal)
    assert str(a.rate.amount) == "45.50"  # the digits typed, not a float's approximation
    assert (a.rate.currency, a.rate.per) == ("EUR", "hour")
    assert a.estimate_hours == 2.0

    posts, report = a.deliverables
    assert posts.id == "instagram-posts" and posts.kind == "deliverable"
    assert posts.terms == ("instagram", "post", "posts", "story", "reel")
    assert (posts.limit.count, posts.limit.per, posts.limit.unit) == (3, "week", None)
    assert posts.due == "every Thursday"
    assert posts.estimate_hours == 1.0
    assert posts.line == 13
    assert report.limit.unit == "rapport" and report.due == "2026-02-01" and report.line == 19

    (website,) = a.exclusions
    assert (website.id, website.kind, website.line) == ("website", "exclusion", 25)
    (photos,) = a.client_provides
    assert (photos.kind, photos.terms, photos.due) == ("client_provides", ("foto", "foto's"), "uiterlijk vrijdag")
    assert a.acceptance.startswith("Posts gaan donderdag")
    assert a.change_policy.startswith("Extra werk")

    (amendment,) = a.amendments
    assert (amendment.id, amendment.date, amendment.finding, amendment.line) == (
        "linkedin-posts", date(2026, 2, 10), 41, 36,
    )
    # Accepted amendments count as agreed work for the detector.
    assert a.item("linkedin-posts").kind == "deliverable"
    assert [i.id for i in a.items()] == ["instagram-posts", "maandrapport", "linkedin-posts", "website", "photos"]


def test_source_fields_identify_the_file_and_its_version(tmp_path):
    path = DATA / "scopes_valid" / "devries-social.yaml"
    a = load_agreement_file(path)
    assert a.source_path == str(path)
    assert a.source_text == path.read_text(encoding="utf-8")
    assert a.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    # A one-character edit is a new agreement version.
    copy = tmp_path / "devries-social.yaml"
    copy.write_bytes(path.read_bytes().replace(b"count: 3", b"count: 4"))
    assert load_agreement_file(copy).content_hash != a.content_hash


def test_minimal_agreement_gets_defaults(tmp_path):
    a = load_agreement_file(write(tmp_path, "acme.yaml", MINIMAL))
    assert a.language == "en"
    assert a.rate is None and a.period.start is None and a.period.end is None
    assert a.exclusions == () and a.client_provides == () and a.amendments == ()


def test_rate_defaults_and_text_values_kept_as_typed(tmp_path):
    text = MINIMAL + "rate: {amount: 60}\nproject: 2026\nacceptance: yes\n"
    a = load_agreement_file(write(tmp_path, "acme.yaml", text))
    assert (a.rate.amount, a.rate.currency, a.rate.per) == (Decimal("60"), "EUR", "hour")
    # YAML would turn these into a number and `True`; the VA meant the text.
    assert a.project == "2026" and a.acceptance == "yes"


def test_utf8_bom_and_yml_extension_load(tmp_path):
    path = tmp_path / "scopes" / "bom-client.yml"
    path.parent.mkdir()
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.replace("Acme", "Café Noir").encode())
    agreements = load_agreements(tmp_path / "scopes")
    assert agreements["bom-client"].client == "Café Noir"


def test_folder_loads_yaml_and_yml_keyed_by_file_stem():
    agreements = load_agreements(DATA / "scopes_valid")
    assert sorted(agreements) == ["devries-social", "harbour-painting"]
    assert agreements["harbour-painting"].source_path.endswith("harbour-painting.yml")


def test_hidden_and_other_files_are_ignored(tmp_path):
    scopes = tmp_path / "scopes"
    write(scopes, "acme.yaml", MINIMAL)
    write(scopes, ".#acme.yaml", "not: [an agreement")
    write(scopes, "notes.txt", "client: nobody")
    assert sorted(load_agreements(scopes)) == ["acme"]


def test_a_folder_named_like_an_agreement_is_reported_not_skipped(tmp_path):
    scopes = tmp_path / "scopes"
    write(scopes, "acme.yaml", MINIMAL)
    (scopes / "old.yaml").mkdir()
    agreements, problems = lint_agreements(scopes)
    assert sorted(agreements) == ["acme"]
    assert [(Path(p.file).name, p.message) for p in problems] == [
        ("old.yaml", "is a folder, not an agreement file; move it out of scopes/ or rename it")]


def test_agreement_loads_through_the_workspace(tmp_path):
    shutil.copytree(DATA / "scopes_valid", tmp_path / "scopes")
    ws = open_workspace(tmp_path)
    assert sorted(ws.agreements) == ["devries-social", "harbour-painting"]
    assert ws.agreement_for_sender("Anna@BakkerijDeVries.example").client_id == "devries-social"
    assert ws.agreement_for_sender("bestelling@bakkerijdevries.example").client_id == "devries-social"
    assert ws.agreement_for_sender("tom@harbourlane.example").client_id == "harbour-painting"
    assert ws.agreement_for_sender("someone@else.example") is None


def test_a_broken_agreement_costs_its_own_client_only(tmp_path):
    shutil.copytree(DATA / "scopes_broken", tmp_path / "scopes")
    ws = open_workspace(tmp_path)
    assert sorted(ws.agreements) == ["harbour-painting"]
    broken = ws.broken["devries-social"]
    assert len(broken.problems) == 10 and broken.reason.endswith("(and 9 more problems)")
    # The contacts that could be read still tell that client's mail apart.
    assert ws.agreement_for_sender("anna@bakkerijdevries.example") is None
    assert ws.broken_for_sender("anna@bakkerijdevries.example") is broken


def test_bundled_sample_agreements_are_valid():
    scopes = examples_dir() / "scopes"
    if not scopes.is_dir():
        pytest.skip(f"no bundled sample agreements at {scopes}")
    agreements, problems = lint_agreements(scopes)
    assert [str(p) for p in problems] == []
    assert agreements


# --- one file, every mistake ------------------------------------------------------------------


def test_broken_file_lists_every_problem_with_line_and_field():
    agreements, problems = lint_agreements(DATA / "scopes_broken")
    f = str(DATA / "scopes_broken" / "devries-social.yaml")
    assert sorted(agreements) == ["harbour-painting"]  # the valid neighbour still loads
    assert [str(p) for p in problems] == [
        f"{f}:3: contacts: expected a list of e-mail addresses, got a string; "
        "write it as a list: contacts: [anna@bakkerijdevries.example]",
        f"{f}:5: period.end: the period ends (2026-01-05) before it starts (2026-03-31)",
        f"{f}:6: rate.amount: expected a number like 45 or 45.50, got a string; write decimals with a dot: 45.50",
        f"{f}:6: rate.per: 'hours' is not one of hour, day, project; did you mean 'hour'?",
        f"{f}:7: deliverable: unknown key; did you mean 'deliverables'?",
        f"{f}:13: deliverables[0].limit.per: 'weekly' is not one of week, month, quarter, year, project; "
        "did you mean 'week'?",
        f"{f}:14: deliverables[1].id: 'Maand Rapport' is not a valid id: use lowercase letters, digits, "
        "'-' and '_', e.g. 'maand-rapport'",
        f"{f}:16: deliverables[1].terms: is empty; the words the client uses for it, e.g. terms: [instagram, post]",
        f"{f}:18: exclusions[0].id: id 'instagram-posts' is already used by deliverables[0] (line 10); "
        "every id in an agreement must be unique",
        f"{f}:20: exclusions[0].terms: expected a list of words, got a string; "
        "write it as a list: terms: [website, webshop]",
    ]
    assert all(p.file == f for p in problems)
    by_field = {p.field: p for p in problems}
    assert by_field["deliverables[0].limit.per"].line == 13


def test_load_agreement_file_raises_with_all_problems():
    with pytest.raises(AgreementError) as info:
        load_agreement_file(DATA / "scopes_broken" / "devries-social.yaml")
    assert len(info.value.problems) == 10


def test_load_agreements_raises_on_any_problem():
    with pytest.raises(AgreementError) as info:
        load_agreements(DATA / "scopes_broken")
    assert "deliverables[0].limit.per: 'weekly' is not one of week, month, quarter, year, project" in str(info.value)


# --- cross-file checks ------------------------------------------------------------------------


def test_contact_claimed_by_two_clients_names_both_files():
    folder = DATA / "scopes_conflict"
    agreements, problems = lint_agreements(folder)
    social, website, hughes = (str(folder / n) for n in ("devries-social.yaml", "devries-website.yaml", "hughes.yaml"))
    assert [str(p) for p in problems] == [
        f"{website}:3: contacts[0]: '@bakkerijdevries.example' is also a contact of client 'devries-social' "
        f"({social}:4); an address or @domain can belong to one client only",
        f"{website}:4: contacts[1]: 'piet@bakkerijdevries.example' is also covered by "
        f"'@bakkerijdevries.example' of client 'devries-social' ({social}:4); "
        "an address or @domain can belong to one client only",
        f"{hughes}:2: contacts[0]: 'anna@bakkerijdevries.example' is also a contact of client "
        f"'devries-social' ({social}:3); an address or @domain can belong to one client only",
    ]
    assert sorted(agreements) == ["devries-social"]


def test_contact_clash_is_found_even_when_the_file_has_other_problems(tmp_path):
    scopes = tmp_path / "scopes"
    write(scopes, "a.yaml", MINIMAL)
    write(scopes, "b.yaml", MINIMAL.replace("Acme", "Bee").replace("post]", "post]\n    limit: 3"))
    assert messages(lint_agreements(scopes)[1], tmp_path) == [
        "scopes/b.yaml:2: contacts[0]: 'jo@acme.example' is also a contact of client 'a' "
        "(scopes/a.yaml:2); an address or @domain can belong to one client only",
        "scopes/b.yaml:7: deliverables[0].limit: expected a mapping like limit: {count: 3, per: week}, got a number",
    ]


def test_same_client_id_as_yaml_and_yml(tmp_path):
    scopes = tmp_path / "scopes"
    write(scopes, "acme.yaml", MINIMAL)
    write(scopes, "acme.yml", MINIMAL.replace("jo@", "ed@"))
    agreements, problems = lint_agreements(scopes)
    assert messages(problems, tmp_path) == [
        "scopes/acme.yml: client id 'acme' is already used by scopes/acme.yaml; "
        "keep one file per client (rename or remove one of them)"
    ]
    assert agreements["acme"].source_path.endswith("acme.yaml")


def test_missing_scopes_folder_is_a_problem_not_a_crash(tmp_path):
    agreements, problems = lint_agreements(tmp_path / "scopes")
    assert agreements == {}
    assert messages(problems, tmp_path) == [
        "scopes: the scopes folder does not exist; create it and put one agreement per client in it as CLIENT.yaml"
    ]
    with pytest.raises(AgreementError):
        load_agreements(tmp_path / "scopes")


def test_missing_file_raises_agreement_error(tmp_path):
    with pytest.raises(AgreementError, match="file does not exist"):
        load_agreement_file(tmp_path / "nobody.yaml")


def test_non_utf8_file_names_the_line(tmp_path):
    path = tmp_path / "scopes" / "acme.yaml"
    path.parent.mkdir()
    path.write_bytes(MINIMAL.replace("Posts", "Caf\xe9 posts").encode("latin-1"))
    assert messages(lint_agreements(path.parent)[1], tmp_path) == [
        "scopes/acme.yaml:5: not UTF-8 text (byte 0xe9); save the file as UTF-8 in your editor"
    ]


# --- details a hand-written file runs into ----------------------------------------------------


def test_yaml_merge_keys_reuse_an_item_and_written_keys_win(tmp_path):
    text = """\
    client: Acme
    contacts: [jo@acme.example, JO@acme.example]
    language: NL
    deliverables:
      - &post
        id: posts
        description: Posts
        terms: [post]
        limit: {count: 3, per: week}
      - <<: *post
        id: stories
        terms: [story]
    """
    a = load_agreement_file(write(tmp_path, "acme.yaml", text))
    assert a.language == "nl"
    assert a.contacts == ("jo@acme.example",)  # the same address twice is kept once
    posts, stories = a.deliverables
    assert (stories.id, stories.terms, stories.description, stories.limit) == (
        "stories", ("story",), "Posts", posts.limit,
    )
    assert stories.line == 10


def test_contact_clash_points_at_the_contact_as_written(tmp_path):
    scopes = tmp_path / "scopes"
    write(scopes, "a.yaml", MINIMAL)
    write(scopes, "b.yaml", MINIMAL.replace("[jo@acme.example]", "[jo, ed@bee.example, jo@acme.example]"))
    assert messages(lint_agreements(scopes)[1], tmp_path) == [
        "scopes/b.yaml:2: contacts[0]: 'jo' is not an e-mail address (name@domain.nl) or a @domain",
        "scopes/b.yaml:2: contacts[2]: 'jo@acme.example' is also a contact of client 'a' (scopes/a.yaml:2); "
        "an address or @domain can belong to one client only",
    ]
