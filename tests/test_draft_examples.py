"""Drafts for every out-of-scope mail in the bundled sample workspace, from real detection output:
each reply is in the client's language, short, threaded, and names the clause it is about."""

from __future__ import annotations

import email
from email import policy

import pytest

from scopewatch import resources
from scopewatch.draft.render import DraftFinding, draft_bytes, render_change_request, words_before_quote

BANNED = ("sorry", "i'm afraid", "unfortunately", "helaas", "excuses", "het spijt me")


@pytest.fixture(scope="module")
def flagged():
    from scopewatch.detect.checker import Checker
    from scopewatch.workspace import open_workspace

    root = resources.examples_dir()
    ws = open_workspace(root)
    mails = sorted((root / "mailbox" / "cur").iterdir()) + sorted((root / "mailbox" / "new").iterdir())
    outcomes = Checker(ws).check_many([(p.name, p.read_bytes()) for p in mails if p.is_file()])
    out = [o for o in outcomes if o.result.verdict == "out_of_scope"]
    if not out:
        pytest.fail("the sample workspace should hold out-of-scope mail")
    return ws, out


def test_every_flagged_sample_mail_gets_a_good_reply(flagged):
    ws, outcomes = flagged
    languages = set()
    for n, out in enumerate(outcomes):
        findings = [DraftFinding(n * 10 + i, f) for i, f in enumerate(out.result.findings) if f.verdict == "out_of_scope"]
        d = render_change_request(out.agreement, findings, out.parsed, va_name="Mila Jansen",
                                  va_address="mila@va.example", template_dirs=ws.template_dirs())
        where = out.result.source
        languages.add(d.language)
        assert d.language == out.agreement.language, where  # one language per reply: the agreement's
        assert words_before_quote(d) < 150, where
        assert not [b for b in BANNED if b in d.reply.lower()], where
        assert d.reply.split("\n\n")[-2].strip().endswith("?"), where
        from scopewatch.draft.quoting import for_client, names_of

        # The clause as the client reads it: never naming the client as someone else.
        clauses = [for_client(f.finding.scope_item_description, names_of(out.parsed.sender_name), d.language)
                   for f in findings if f.finding.scope_item_description]
        clauses = [c for c in clauses if c]
        if clauses:
            assert any(f'"{c}"' in d.reply for c in clauses), where
        parsed = email.message_from_bytes(draft_bytes(d), policy=policy.default)
        assert parsed["To"].addresses[0].addr_spec == out.parsed.sender, where
        assert parsed["Subject"].startswith("Re: ") and not parsed["Subject"].lower().startswith("re: re:"), where
        if out.parsed.message_id:
            assert parsed["In-Reply-To"] == out.parsed.message_id, where
    assert languages == {"en", "nl"}
