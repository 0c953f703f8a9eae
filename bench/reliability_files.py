"""Breaks 3-7 of the second reliability probe (bench/reliability.py runs them): agreements that are
broken, odd files or too big after aliases; invisible characters; a slow workspace rule; a sender
named in the display name. Each runs the command line as a process and prints what a VA would see."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.test_service_support import EXAMPLES, REPO, workspace

CLAIRE = "Claire Hughes <claire.hughes@hughesfamily.example>"
ASK = "Could you also paint the spare bedroom?"


def mail(text: str, sender: str = CLAIRE, *, html: bool = False, tag: str = "m") -> bytes:
    kind = "text/html" if html else "text/plain"
    return (f"From: {sender}\nTo: dave@collinsdecorating.example\nSubject: one more thing\n"
            f"Message-ID: <{tag}.{time.time_ns()}@bench.example>\nMIME-Version: 1.0\n"
            f"Content-Type: {kind}; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nHi Dave,\n\n{text}\n\nClaire\n").encode()


def scopewatch(*args: str, timeout: float = 300, stdin: bytes | None = None) -> tuple[int | None, str, float]:
    started = time.monotonic()
    try:
        proc = subprocess.run([sys.executable, "-m", "scopewatch", *args], cwd=REPO, capture_output=True,
                              timeout=timeout, input=stdin)
    except subprocess.TimeoutExpired as exc:
        return None, ((exc.stdout or b"") + (exc.stderr or b"")).decode(errors="replace"), time.monotonic() - started
    return proc.returncode, (proc.stdout + proc.stderr).decode(errors="replace"), time.monotonic() - started


def verdicts(out: str) -> list[dict]:
    docs = []
    for line in out.splitlines():
        if line.startswith("{"):
            try:
                docs.append(json.loads(line))
            except ValueError:
                pass
    return docs


def maildir_workspace(tmp: Path) -> Path:
    root = workspace(tmp)
    shutil.copytree(EXAMPLES / "mailbox", root / "mailbox")
    (root / "scopewatch.toml").write_text('maildir = "mailbox"\n')
    return root


# --- 3. one client's broken agreement ---------------------------------------------------------------

def isolation(tmp: Path) -> None:
    root = maildir_workspace(tmp / "broken")
    (root / "scopes" / "zz-broken.yaml").write_text("client: [unclosed\ncontacts: x\n")
    code, out, _ = scopewatch("scan", "--json", "-w", str(root), timeout=300)
    processed = next((d.get("processed") for d in verdicts(out)), None)
    print(f"  `scan` with one broken agreement of four: exit {code}, messages processed: {processed}")
    claire = tmp / "claire.eml"
    claire.write_bytes(mail(ASK))
    code, out, _ = scopewatch("check", "--json", "-w", str(root), str(claire))
    got = verdicts(out)
    print(f"  `check` of another client's mail: exit {code}, verdict {got[0]['verdict'] if got else out.strip()[-200:]!r}")
    code, out, _ = scopewatch("status", "--json", "-w", str(root))
    print(f"  `status`: exit {code}, names the broken file: {'zz-broken.yaml' in out}")
    page_code = _web_after_breaking(tmp / "web")
    print(f"  `web` after an agreement broke while it ran: GET / -> {page_code}")
    for odd in ("directory", "dangling link", "fifo"):
        root = maildir_workspace(tmp / odd.replace(" ", "-"))
        scopewatch("scan", "-w", str(root), timeout=300)  # the ledger files Claire's mail under her client
        target = root / "scopes" / "hughes-house.yaml"
        target.unlink()
        if odd == "directory":
            target.mkdir()
        elif odd == "dangling link":
            target.symlink_to(root / "scopes" / "gone.yaml")
        else:
            os.mkfifo(target)
        raw = mail(ASK, tag=odd.replace(" ", "-"))
        (root / "mailbox" / "new" / f"{time.time_ns()}.odd").write_bytes(raw)
        code, out, _ = scopewatch("scan", "--json", "-w", str(root), timeout=120)
        mid = raw.split(b"Message-ID: ", 1)[1].split(b"\n", 1)[0].decode()
        from sqlalchemy import create_engine, text  # noqa: PLC0415

        engine = create_engine(f"sqlite:///{root / 'scopewatch.db'}")
        with engine.connect() as conn:
            row = conn.execute(text("select verdict, error from message where message_id = :m"), {"m": mid}).first()
        engine.dispose()
        lint_code, lint_out, _ = scopewatch("scope", "lint", "-w", str(root), timeout=60)
        print(f"  hughes-house.yaml as a {odd}: `scan` exit {code}, that client's new mail -> "
              f"{(row[0] if row else None)!r}" + (f" ({row[1][:90]}...)" if row and row[1] else "")
              + f"; `scope lint` exit {lint_code}, names it: {'hughes-house' in lint_out}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _web_after_breaking(tmp: Path) -> int | str:
    root = workspace(tmp)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "scopewatch", "web", "-w", str(root), "--port", str(port)],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.1)
        (root / "scopes" / "zz-broken.yaml").write_text("client: [unclosed\n")
        try:
            return urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).status
        except urllib.error.HTTPError as exc:
            return exc.code
        except OSError as exc:
            return f"unreachable ({exc})"
    finally:
        proc.terminate()
        proc.wait(10)


# --- 4. agreement limits after aliases --------------------------------------------------------------

def _agreement(items: str, contact: str = "boss@aliased.example") -> str:
    return (f"client: Aliased Ltd\ncontacts: [{contact}]\nlanguage: en\n"
            f"rate: {{amount: 50, currency: EUR, per: hour}}\ndeliverables:\n{items}")


def limits(tmp: Path) -> None:
    root = workspace(tmp / "alias")
    words = ("Paint the walls and ceilings of the living room, hallway and stairs; " * 300)[:20_000]
    items = [f"  - id: item0\n    description: &d \"{words}\"\n    terms: [thing0]\n"]
    items += [f"  - id: item{n}\n    description: *d\n    terms: [thing{n}]\n" for n in range(1, 500)]
    path = root / "scopes" / "aliased.yaml"
    path.write_text(_agreement("".join(items)))
    code, out, seconds = scopewatch("scope", "lint", "-w", str(root), timeout=300)
    print(f"  20 KB description aliased in 500 items ({path.stat().st_size / 1000:.0f} KB file): `scope lint` "
          f"{'exit ' + str(code) if code is not None else 'killed'} after {seconds:.1f} s; {_last(out)}")
    one = tmp / "aliased.eml"
    one.write_bytes(mail("Could you also paint the shed?", "Boss <boss@aliased.example>"))
    code, out, seconds = scopewatch("check", "--json", "-w", str(root), str(one), timeout=300)
    got = verdicts(out)
    print(f"  `check` of that client's mail: {'exit ' + str(code) if code is not None else 'killed'} after "
          f"{seconds:.1f} s, verdict {got[0]['verdict'] if got else None!r}")
    root = workspace(tmp / "huge")
    big = " ".join(f"word{n % 997}" for n in range(400_000))[:1_900_000]
    (root / "scopes" / "huge.yaml").write_text(_agreement(f"  - id: big\n    description: \"{big}\"\n    terms: [big]\n"))
    code, out, seconds = scopewatch("scope", "lint", "-w", str(root), timeout=300)
    tb = out.count("\n") if "Traceback" in out else 0
    print(f"  one 1.9 MB description: `scope lint` exit {code} after {seconds:.1f} s, "
          f"{'a ' + str(tb) + '-line traceback' if tb else 'no traceback'}; {_last(out)}")
    code, out, seconds = scopewatch("check", "--json", "-w", str(root), str(one), timeout=300)
    got = verdicts(out)
    print(f"  that client's mail: exit {code}, verdict {got[0]['verdict'] if got else None!r}"
          + (f" ({got[0].get('error')[:120]})" if got and got[0].get("error") else ""))


def _last(out: str) -> str:
    lines = [ln for ln in out.strip().splitlines() if ln.strip()]
    return (lines[-1][:160] if lines else "").strip()


# --- 5. invisible characters ------------------------------------------------------------------------

VARIANTS = {
    "as written": ASK,
    "no-break spaces": ASK.replace(" ", "\u00a0"),
    "&nbsp; in HTML": "<p>" + ASK.replace(" ", "&nbsp;") + "</p>",
    "U+202F": ASK.replace(" ", "\u202f"),
    "zero-width space in a word": ASK.replace("Could", "Co\u200buld").replace("also", "al\u200bso"),
    "BOM": "\ufeff" + ASK.replace("you", "\ufeffyou"),
    "LRM": ASK.replace("Could", "Co\u200euld").replace(" also", " \u200ealso"),
    "RLO": ASK.replace("spare", "\u202espare").replace("?", "\u202c?"),
}


def invisible(tmp: Path) -> None:
    tmp.mkdir(parents=True, exist_ok=True)
    files = []
    for n, (name, text) in enumerate(VARIANTS.items()):
        path = tmp / f"{n}.eml"
        path.write_bytes(mail(text, html=name.startswith("&nbsp;"), tag=f"v{n}"))
        files.append(path)
    code, out, _ = scopewatch("check", "--json", "-w", str(EXAMPLES), *map(str, files))
    got = verdicts(out)
    flagged = 0
    for name, doc in zip(VARIANTS, got):
        flagged += doc["verdict"] == "out_of_scope"
        print(f"  {name:28} -> {doc['verdict']}")
    print(f"  flagged {flagged} of {len(VARIANTS)}")
    code, out, _ = scopewatch("check", "-w", str(EXAMPLES), str(files[-1]))
    print(f"  `check` prints the RLO raw: {chr(0x202e) in out}")
    root = workspace(tmp / "ws")
    (root / "mailbox" / "new").mkdir(parents=True)
    (root / "mailbox" / "cur").mkdir()
    (root / "mailbox" / "tmp").mkdir()
    (root / "mailbox" / "new" / "1.rlo").write_bytes(files[-1].read_bytes())
    (root / "scopewatch.toml").write_text('maildir = "mailbox"\n')
    scopewatch("scan", "-w", str(root))
    code, out, _ = scopewatch("flags", "--json", "-w", str(root))
    ids = [d["id"] for d in verdicts(out) if "id" in d]
    if ids:
        code, out, _ = scopewatch("show", "-w", str(root), str(ids[0]))
        print(f"  `show` prints the RLO raw: {chr(0x202e) in out}")
    else:
        print("  `show`: the RLO mail made no finding to show")


# --- 6. a slow workspace rule -----------------------------------------------------------------------

SLOW_RULE = r"""
- id: MY_WORDS_AT_END
  description: a run of words at the end of a sentence
  language: any
  role: ask
  score: 1.0
  pattern: {regex: '(\w+\s?){1,16}$'}
  examples:
    match: ["Could you do it"]
"""


def slow_rule(tmp: Path) -> None:
    root = workspace(tmp)
    (root / "rules").mkdir()
    (root / "rules" / "mine.yaml").write_text(SLOW_RULE)
    code, out, seconds = scopewatch("rules", "lint", "-w", str(root), timeout=600)
    print(f"  `rules lint` with (\\w+\\s?){{1,16}}$: exit {code} after {seconds:.0f} s; {_last(out)}")
    mails = sorted((EXAMPLES / "mailbox" / "cur").iterdir())[:12]
    code, out, seconds = scopewatch("check", "--json", "-w", str(root), *map(str, mails), timeout=600)
    got = verdicts(out)
    errors = [d for d in got if d["verdict"] == "error"]
    named = max((d["error"].split(" ran past")[0].count(",") + 1 for d in errors if "rule" in (d.get("error") or "")), default=0)
    print(f"  ordinary sample mails: {len(errors)} of {len(got)} error verdicts; the message names {named} rule(s)"
          + (f": {errors[0]['error'][:160]}" if errors else ""))
    kept = sum(1 for d in got if d["verdict"] in ("out_of_scope", "in_scope", "no_request"))
    print(f"  judged as usual: {kept} of {len(got)}")


# --- 7. the sender ----------------------------------------------------------------------------------

def sender(tmp: Path) -> None:
    tmp.mkdir(parents=True, exist_ok=True)
    spoof = tmp / "spoof.eml"
    spoof.write_bytes(mail("Kun je ook de website aanpassen?", "anna@bakkerijdevries.example <stranger@evil.example>"))
    code, out, _ = scopewatch("check", "--json", "-w", str(EXAMPLES), str(spoof))
    got = verdicts(out)
    doc = got[0] if got else {}
    print(f"  From: anna@bakkerijdevries.example <stranger@evil.example> -> client {doc.get('client')!r}, "
          f"sender {doc.get('sender')!r}, verdict {doc.get('verdict')!r}")
    root = workspace(tmp / "ws")
    path = root / "scopes" / "devries-social.yaml"
    path.write_text(path.read_text().replace("- anna@bakkerijdevries.example", "- \u0430nna@bakkerijdevries.example\n  - claire@hughesfamily\u0435xample.example"))
    code, out, _ = scopewatch("scope", "lint", "-w", str(root))
    warned = sum(1 for ln in out.splitlines() if "look" in ln.lower() or "script" in ln.lower())
    print(f"  contacts with Cyrillic look-alikes: `scope lint` exit {code}, {warned} warning(s) about them")
