"""Every file of the shared robustness corpus gives a ParsedMessage or a MessageError, nothing else."""

from __future__ import annotations

import traceback

from scopewatch.errors import MessageError
from scopewatch.parse import ParsedMessage, parse_message

NOT_MAIL = {"MANIFEST.csv", "PROFILE.csv"}


def test_every_robustness_file_parses_or_raises_message_error(corpus_dir):
    root = corpus_dir / "robustness"
    files = sorted(p for p in root.rglob("*")
                   if p.is_file() and p.name not in NOT_MAIL and "_licenses" not in p.relative_to(root).parts)
    assert len(files) >= 1039, f"expected the 1,039 corpus files under {root}, found {len(files)}"

    parsed: list[ParsedMessage] = []
    refused: dict[str, str] = {}
    crashed: list[str] = []
    for path in files:
        name = str(path.relative_to(root))
        try:
            parsed.append(parse_message(path.read_bytes()))
        except MessageError as exc:
            refused[name] = str(exc)
            assert "\n" not in str(exc), f"{name}: MessageError is not one line: {exc!r}"
        except Exception:  # noqa: BLE001 - the point of the test is to list every other exception
            crashed.append(f"{name}: {traceback.format_exc(limit=4)}")

    print(f"\n{len(files)} files: {len(parsed)} parsed, {len(refused)} refused with MessageError, "
          f"{len(crashed)} crashed")
    for name, reason in refused.items():
        print(f"  refused {name}: {reason}")
    assert not crashed, "unhandled exceptions:\n" + "\n".join(crashed)

    # The files that are not e-mail at all must be refused, not turned into empty messages.
    assert "spamscope_mail-parser/mail_outlook_1" in refused  # Outlook .msg (OLE binary)
    assert "mailgun_flanker/dkim/email.01" in refused  # empty file
    assert all(name in refused for name in map(str, (p.relative_to(root) for p in files))
               if name.startswith("tnef/raw/"))
    # Real mail must not be refused wholesale: the corpus is almost all e-mail.
    assert len(parsed) >= 0.95 * len(files)
    assert all(isinstance(m.body_text, str) and m.language in ("en", "nl") for m in parsed)
    assert all(m.date is None or m.date.tzinfo is not None for m in parsed)
