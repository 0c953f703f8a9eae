"""The agreement pages through Flask's test client (no browser): every lint message stands at the
field it is about, nothing invalid is saved, a file changed meanwhile is not overwritten, an
unchanged form writes nothing, the YAML page checks before it saves, and each save is recorded as
an agreement version in the ledger."""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from scopewatch.resources import examples_dir
from scopewatch.store import letters
from scopewatch.store.ledger import Ledger

CONFIG = """\
database = "sqlite:///scopewatch.db"

[[mailbox]]
name = "work"
maildir = "mailbox"

[va]
name = "Sanne Visser"
address = "sanne@sannevirtueel.example"
"""
BASE = "http://127.0.0.1:8465"


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


@pytest.fixture
def client(ws):
    from scopewatch.web.app import create_app

    app = create_app(ws, host="127.0.0.1")
    with app.test_client() as c:
        yield c
    app.extensions["scopewatch_close"]()


def _csrf(client, path: str) -> str:
    page = client.get(path, base_url=BASE).get_data(as_text=True)
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def _messages(page: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for field, text in re.findall(r'<p class="msg msg-\w+" data-field="([^"]*)">(.*?)</p>', page):
        out.setdefault(unescape(field), []).append(unescape(text))
    return out


def _form(client, path: str) -> dict[str, str]:
    """The form as the page shows it: every input's, textarea's and checked radio's value."""
    page = client.get(path, base_url=BASE).get_data(as_text=True)
    data = {}
    for name, value in re.findall(r'<input type="(?:text|date|hidden)" id="[^"]*" name="([^"]+)" value="([^"]*)"', page):
        data[unescape(name)] = unescape(value)
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page):
        data[unescape(name)] = unescape(value)
    for name, value in re.findall(r'<textarea id="[^"]*" name="([^"]+)" rows="\d+"[^>]*>(.*?)</textarea>', page, re.S):
        data[unescape(name)] = unescape(value)
    for name, value in re.findall(r'<input type="radio" name="([^"]+)" value="([^"]*)" checked>', page):
        data[unescape(name)] = unescape(value)
    for name, body in re.findall(r'<select id="[^"]*" name="([^"]+)">(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', body)
        data[unescape(name)] = unescape(chosen.group(1)) if chosen else ""
    return data


def test_every_problem_stands_at_its_field_and_nothing_is_saved(client, ws):
    csrf = _csrf(client, "/client/new")
    res = client.post("/client/new", base_url=BASE, data={
        "csrf": csrf, "action": "save", "client": "Studio Lente", "contacts": "anna at studiolente",
        "language": "en", "deliverables[0].description": "Instagram posts", "deliverables[0].terms": "post, posts",
        "deliverables[0].limit_count": "three", "deliverables[0].limit_per": "weekly", "deliverables[0].each": "lots",
        "rate.amount": "45,50", "rate.currency": "EURO", "rate.per": "hour", "checklist.sseo": "excluded",
        "exclusions[0].description": "", "client_provides[0].description": "",
    })
    page = res.get_data(as_text=True)
    assert res.status_code == 422
    found = _messages(page)
    assert "is not an e-mail address" in found["contacts"][0]
    assert "expected a whole number like 3" in found["deliverables[0].limit_count"][0]
    assert "'weekly' is not one of week, month" in found["deliverables[0].limit_per"][0]
    assert "expected a number and what it measures" in found["deliverables[0].each"][0]
    assert "write decimals with a dot: 45.50" in found["rate.amount"][0]
    assert "write EUR" in found["rate.currency"][0]
    assert "unknown kind of work 'sseo'; did you mean 'seo'?" in found["checklist.sseo"][0]
    assert "" not in found  # nothing left without its field
    assert "Nothing saved yet: 7 thing(s) to fix" in page
    assert not (ws / "scopes" / "studio-lente.yaml").exists()
    # What was typed stays in the form.
    assert 'value="three"' in page and "anna at studiolente" in page


def test_a_new_client_needs_a_free_file_name(client, ws):
    csrf = _csrf(client, "/client/new")
    data = {"csrf": csrf, "action": "save", "client": "Claire", "contacts": "claire@elsewhere.example",
            "deliverables[0].description": "Painting", "deliverables[0].terms": "paint", "language": "en"}
    for client_id, message in [("hughes-house", "scopes/hughes-house.yaml exists already"),
                               ("new", "The agreement is saved as scopes/NAME.yaml"),
                               ("Hughes House", "The agreement is saved as scopes/NAME.yaml")]:
        res = client.post("/client/new", base_url=BASE, data={**data, "client_id": client_id})
        assert res.status_code == 422
        assert message in _messages(res.get_data(as_text=True))["client_id"][0]
    res = client.post("/client/new", base_url=BASE, data={**data, "client_id": ""})
    assert res.status_code == 302 and res.headers["Location"].endswith("/client/claire/edit")
    assert (ws / "scopes" / "claire.yaml").is_file()


def test_the_edit_page_shows_warnings_at_their_fields(client, ws):
    path = ws / "scopes" / "hughes-house.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "description: Paint in the chosen colours, ordered by Claire",
        "description: Paint in the chosen colours (she orders it)"), encoding="utf-8")
    page = client.get("/client/hughes-house/edit", base_url=BASE).get_data(as_text=True)
    found = _messages(page)
    assert "reads as a note to yourself" in found["client_provides[0].description"][0]
    assert 'class="msg msg-warning"' in page


def test_saving_writes_only_what_changed_and_records_the_version(client, ws):
    path = ws / "scopes" / "devries-social.yaml"
    before = path.read_bytes()
    form = _form(client, "/client/devries-social/edit")
    res = client.post("/client/devries-social/edit", base_url=BASE, data={**form, "action": "save"})
    assert res.status_code == 302
    assert path.read_bytes() == before  # nothing changed, nothing written
    form["deliverables[0].limit_count"] = "4"
    res = client.post("/client/devries-social/edit", base_url=BASE, data={**form, "action": "save"})
    assert res.status_code == 302, res.get_data(as_text=True)[:2000]
    after = path.read_text(encoding="utf-8")
    changed = [line for line in after.splitlines() if line not in before.decode("utf-8").splitlines()]
    assert changed == ["    limit: {count: 4, per: week}               # week | month | quarter | year | project"] \
        or (len(changed) == 1 and "count: 4, per: week" in changed[0]), changed
    ledger = Ledger.open(f"sqlite:///{ws / 'scopewatch.db'}")
    try:
        assert len(letters.versions(ledger, "devries-social")) == 1
    finally:
        ledger.close()


def test_a_file_changed_meanwhile_is_not_overwritten(client, ws):
    path = ws / "scopes" / "devries-social.yaml"
    form = _form(client, "/client/devries-social/edit")
    path.write_text(path.read_text(encoding="utf-8") + "# added in my editor\n", encoding="utf-8")
    form["project"] = "Something else"
    res = client.post("/client/devries-social/edit", base_url=BASE, data={**form, "action": "save"})
    assert "The file changed since you opened this page" in res.get_data(as_text=True)
    assert path.read_text(encoding="utf-8").endswith("# added in my editor\n")
    assert "Something else" not in path.read_text(encoding="utf-8")


def test_add_another_keeps_what_was_typed(client):
    form = _form(client, "/client/hughes-house/edit")
    form["project"] = "Typed but not saved"
    res = client.post("/client/hughes-house/edit", base_url=BASE, data={**form, "action": "add:client_provides"})
    page = res.get_data(as_text=True)
    assert "Typed but not saved" in page and 'name="client_provides[2].description"' in page


def test_the_yaml_page_checks_before_it_saves(client, ws):
    path = ws / "scopes" / "northgate-admin.yaml"
    text = path.read_text(encoding="utf-8")
    csrf = _csrf(client, "/client/northgate-admin/yaml")
    page = client.get("/client/northgate-admin/yaml", base_url=BASE).get_data(as_text=True)
    base = re.search(r'name="base" value="([^"]+)"', page).group(1)
    bad = text.replace("per: week", "per: weekly", 1)
    res = client.post("/client/northgate-admin/yaml", base_url=BASE, data={"csrf": csrf, "base": base, "text": bad})
    assert res.status_code == 422 and "&#39;weekly&#39; is not one of" in res.get_data(as_text=True)
    assert path.read_text(encoding="utf-8") == text
    good = text.replace("# Executive", "# My own note\n# Executive", 1)
    res = client.post("/client/northgate-admin/yaml", base_url=BASE, data={"csrf": csrf, "base": base, "text": good})
    assert res.status_code == 302 and path.read_text(encoding="utf-8") == good


def test_a_broken_file_can_still_be_opened_and_fixed(client, ws):
    path = ws / "scopes" / "northgate-admin.yaml"
    path.write_text("client: [unclosed\n", encoding="utf-8")
    res = client.get("/client/northgate-admin/edit", base_url=BASE)
    assert res.status_code == 302 and res.headers["Location"].endswith("/client/northgate-admin/yaml")
    page = client.get("/client/northgate-admin/yaml", base_url=BASE).get_data(as_text=True)
    assert "invalid YAML" in page
    assert client.get("/client/hughes-house/edit", base_url=BASE).status_code == 200  # the others still open


def test_the_letter_page_without_the_vas_address_says_what_to_set(ws, client):
    (ws / "scopewatch.toml").write_text(CONFIG.replace('address = "sanne@sannevirtueel.example"\n', ""),
                                        encoding="utf-8")
    from scopewatch.web.app import create_app

    app = create_app(ws, host="127.0.0.1")
    try:
        page = app.test_client().get("/client/hughes-house/letter", base_url=BASE).get_data(as_text=True)
    finally:
        app.extensions["scopewatch_close"]()
    assert "Set [va] name and address in scopewatch.toml" in page


def test_every_agreement_in_the_repository_goes_through_the_form_unchanged():
    """Read into the page's form and written back without a change, each of the bundled, labelled,
    blind and test agreements comes out byte for byte as it was: comments, order, quoting, layout."""
    from scopewatch.agreement.edit import Document, apply_form, form_of

    repo = Path(__file__).resolve().parents[1]
    files = sorted([*repo.glob("examples/scopes/*.yaml"), *repo.glob("tests/labelled/scopes/*.yaml"),
                    *repo.glob("tests/blind/scopes/*.yaml"), *repo.glob("tests/data/*/scopes/*.y*ml")])
    assert len(files) >= 29
    for path in files:
        text = path.read_text(encoding="utf-8")
        doc = Document(text)
        apply_form(doc, form_of(doc))
        assert doc.text() == text, path
