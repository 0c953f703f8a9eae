"""Every validation rule of the agreement format, each with the exact line the VA reads:
file:line, the field path and how to fix it. One small YAML file per case."""

from __future__ import annotations

from pathlib import Path

import pytest

from scopewatch.agreement.load import lint_agreements, load_agreement_file
from scopewatch.errors import AgreementError

HEAD = """\
client: Acme
contacts: [jo@acme.example]
"""
ITEM = """\
deliverables:
  - id: posts
    description: Posts
    terms: [post]
"""
OK = HEAD + ITEM

# (case, file text, problems as printed by `scopewatch scope lint`, relative to scopes/)
CASES = [
    (
        'tab',
        """\
client: Acme
contacts:
\t- jo@acme.example
""",
        [
            'acme.yaml:3: invalid YAML (column 1): a tab is used for indenting; use spaces only',
        ],
    ),
    (
        'unquoted_domain',
        """\
client: Acme
contacts: [@acme.example]
""" + ITEM,
        [
            'acme.yaml:2: invalid YAML (column 12): a value starting with \'@\' must be in quotes, e.g. "@bakkerij.nl"',
        ],
    ),
    (
        'unclosed_quote',
        """\
client: 'Acme
contacts: [jo@acme.example]
""" + ITEM,
        [
            'acme.yaml:1: invalid YAML (column 9): a quote is opened but never closed',
        ],
    ),
    (
        'colon_in_text',
        OK + """\
goal: More sales: online
""",
        [
            "acme.yaml:7: invalid YAML (column 17): unexpected ':'; put text that contains ': ' in quotes, or check the indentation",
        ],
    ),
    (
        'unclosed_list',
        """\
client: Acme
contacts: [jo@acme.example
""" + ITEM,
        [
            "acme.yaml:2: invalid YAML (column 11): a [list] is not closed with ']' (or a comma is missing between items)",
        ],
    ),
    (
        'two_documents',
        OK + """\
---
client: Acme
contacts: [jo@acme.example]
deliverables:
  - id: posts
    description: Posts
    terms: [post]
""",
        [
            "acme.yaml:7: invalid YAML (column 1): a second YAML document ('---'); keep one agreement per file",
        ],
    ),
    (
        'bad_indent',
        """\
client: Acme
  contacts: [jo@acme.example]
""" + ITEM,
        [
            "acme.yaml:2: invalid YAML (column 11): unexpected ':'; put text that contains ': ' in quotes, or check the indentation",
        ],
    ),
    (
        'empty_file',
        "",
        [
            'acme.yaml:1: the file is empty; an agreement needs at least client:, contacts: and deliverables:',
        ],
    ),
    (
        'only_comments',
        """\
# nothing yet
""",
        [
            'acme.yaml:1: the file is empty; an agreement needs at least client:, contacts: and deliverables:',
        ],
    ),
    (
        'top_list',
        """\
- client: Acme
""",
        [
            'acme.yaml:1: expected the agreement as key: value lines (client:, contacts:, deliverables:, ...), got a list',
        ],
    ),
    (
        'top_string',
        """\
Acme agreement
""",
        [
            'acme.yaml:1: expected the agreement as key: value lines (client:, contacts:, deliverables:, ...), got a string',
        ],
    ),
    (
        'control_char',
        OK + """\
goal: a\x07b
""",
        [
            'acme.yaml:7: invalid YAML: an invisible control character (U+0007) that YAML does not allow; delete it (retyping the line helps)',
        ],
    ),
    (
        'missing_client',
        """\
contacts: [jo@acme.example]
""" + ITEM,
        [
            "acme.yaml:1: client: required: the client's display name, e.g. client: Bakkerij de Vries",
        ],
    ),
    (
        'empty_client',
        """\
client: ""
contacts: [jo@acme.example]
""" + ITEM,
        [
            "acme.yaml:1: client: is empty; the client's display name, e.g. client: Bakkerij de Vries",
        ],
    ),
    (
        'client_list',
        """\
client: [Acme]
contacts: [jo@acme.example]
""" + ITEM,
        [
            'acme.yaml:1: client: expected text, got a list',
        ],
    ),
    (
        'missing_contacts',
        """\
client: Acme
""" + ITEM,
        [
            "acme.yaml:1: contacts: required: list the client's addresses or @domains, e.g. contacts: [anna@bakkerij.nl]",
        ],
    ),
    (
        'empty_contacts',
        """\
client: Acme
contacts: []
""" + ITEM,
        [
            "acme.yaml:2: contacts: is empty; list the client's addresses or @domains, e.g. contacts: [anna@bakkerij.nl]",
        ],
    ),
    (
        'contacts_string',
        """\
client: Acme
contacts: jo@acme.example
""" + ITEM,
        [
            'acme.yaml:2: contacts: expected a list of e-mail addresses, got a string; write it as a list: contacts: [jo@acme.example]',
        ],
    ),
    (
        'contacts_domain_string',
        """\
client: Acme
contacts: '@acme.example'
""" + ITEM,
        [
            'acme.yaml:2: contacts: expected a list of e-mail addresses, got a string; write it as a list: contacts: ["@acme.example"]',
        ],
    ),
    (
        'contact_with_name',
        """\
client: Acme
contacts:
  - Jo Smith <jo@acme.example>
""" + ITEM,
        [
            "acme.yaml:3: contacts[0]: 'Jo Smith <jo@acme.example>' is not an e-mail address (name@domain.nl) or a @domain; write only the address: jo@acme.example",
        ],
    ),
    (
        'contact_bare_domain',
        """\
client: Acme
contacts:
  - acme.example
""" + ITEM,
        [
            'acme.yaml:3: contacts[0]: \'acme.example\' is not an e-mail address (name@domain.nl) or a @domain; for everyone at that domain write "@acme.example" (in quotes)',
        ],
    ),
    (
        'contact_wildcard',
        """\
client: Acme
contacts:
  - '*@acme.example'
""" + ITEM,
        [
            'acme.yaml:3: contacts[0]: \'*@acme.example\' is not an e-mail address (name@domain.nl) or a @domain; for everyone at that domain write "@acme.example" (in quotes)',
        ],
    ),
    (
        'contact_no_at',
        """\
client: Acme
contacts:
  - jo
  - jo@acme
""" + ITEM,
        [
            "acme.yaml:3: contacts[0]: 'jo' is not an e-mail address (name@domain.nl) or a @domain",
            "acme.yaml:4: contacts[1]: 'jo@acme' is not an e-mail address (name@domain.nl) or a @domain",
        ],
    ),
    (
        'missing_deliverables',
        HEAD,
        [
            'acme.yaml:1: deliverables: required: list the agreed work, at least one item with id, description and terms',
        ],
    ),
    (
        'empty_deliverables',
        HEAD + """\
deliverables: []
""",
        [
            'acme.yaml:3: deliverables: is empty: list the agreed work, at least one item with id, description and terms',
        ],
    ),
    (
        'deliverables_mapping',
        HEAD + """\
deliverables:
  id: posts
  description: Posts
  terms: [post]
""",
        [
            "acme.yaml:4: deliverables: expected a list of items (each starting with '- id: ...'), got a mapping (key: value pairs)",
        ],
    ),
    (
        'item_string',
        HEAD + """\
deliverables:
  - Instagram posts
""",
        [
            'acme.yaml:4: deliverables[0]: expected an item with id:, description: and terms:, got a string',
        ],
    ),
    (
        'item_missing_all',
        HEAD + """\
deliverables:
  - limit: {count: 3, per: week}
""",
        [
            'acme.yaml:4: deliverables[0].id: required: a short name in lowercase, e.g. id: instagram-posts',
            'acme.yaml:4: deliverables[0].description: required: a short description of the work',
            'acme.yaml:4: deliverables[0].terms: required: the words the client uses for it, e.g. terms: [instagram, post]',
        ],
    ),
    (
        'bad_id',
        HEAD + """\
deliverables:
  - id: Instagram Posts
    description: Posts
    terms: [post]
""",
        [
            "acme.yaml:4: deliverables[0].id: 'Instagram Posts' is not a valid id: use lowercase letters, digits, '-' and '_', e.g. 'instagram-posts'",
        ],
    ),
    (
        'terms_empty',
        HEAD + """\
deliverables:
  - id: posts
    description: Posts
    terms: []
""",
        [
            'acme.yaml:6: deliverables[0].terms: is empty; the words the client uses for it, e.g. terms: [instagram, post]',
        ],
    ),
    (
        'terms_string',
        HEAD + """\
deliverables:
  - id: posts
    description: Posts
    terms: post, story
""",
        [
            'acme.yaml:6: deliverables[0].terms: expected a list of words, got a string; write it as a list: terms: [post, story]',
        ],
    ),
    (
        'term_empty',
        HEAD + """\
deliverables:
  - id: posts
    description: Posts
    terms: [post, '', ~]
""",
        [
            'acme.yaml:6: deliverables[0].terms[1]: is empty; remove it or write the word',
            'acme.yaml:6: deliverables[0].terms[2]: is empty; remove it or write the word',
        ],
    ),
    (
        'dup_ids',
        OK + """\
exclusions:
  - id: posts
    description: Web
    terms: [web]
amendments:
  - id: posts
    date: 2026-02-10
    description: More
    terms: [more]
""",
        [
            "acme.yaml:8: exclusions[0].id: id 'posts' is already used by deliverables[0] (line 4); every id in an agreement must be unique",
            "acme.yaml:12: amendments[0].id: id 'posts' is already used by deliverables[0] (line 4); every id in an agreement must be unique",
        ],
    ),
    (
        'unknown_top',
        OK + """\
deliverable: []
notes: call on Fridays
""",
        [
            "acme.yaml:7: deliverable: unknown key; did you mean 'deliverables'?",
            'acme.yaml:8: notes: unknown key; expected one of client, contacts, language, project, goal, period, rate, estimate_hours, deliverables, exclusions, client_provides, acceptance, change_policy, amendments, estimates, trade, checklist',
        ],
    ),
    (
        'unknown_item_key',
        HEAD + """\
deliverables:
  - id: posts
    descripton: Posts
    terms: [post]
""",
        [
            "acme.yaml:5: deliverables[0].descripton: unknown key; did you mean 'description'?",
        ],
    ),
    (
        'misspelt_required_key_is_one_problem',
        HEAD + """\
deliverable:
  - id: posts
    description: Posts
    terms: [post]
""",
        [
            "acme.yaml:3: deliverable: unknown key; did you mean 'deliverables'?",
        ],
    ),
    (
        'unknown_limit_key',
        HEAD + """\
deliverables:
  - id: posts
    description: Posts
    terms: [post]
    limit:
      count: 3
      per: week
      units: post
      every: friday
""",
        [
            "acme.yaml:10: deliverables[0].limit.units: unknown key; did you mean 'unit'?",
            'acme.yaml:11: deliverables[0].limit.every: unknown key; expected one of count, per, unit, each',
        ],
    ),
    (
        'limit_in_exclusion',
        OK + """\
exclusions:
  - id: web
    description: Web
    terms: [web]
    limit: {count: 1, per: month}
    due: friday
""",
        [
            "acme.yaml:11: exclusions[0].limit: unknown key here; 'limit' is only used in deliverables",
            "acme.yaml:12: exclusions[0].due: unknown key here; 'due' is only used in deliverables and client_provides",
        ],
    ),
    (
        'duplicate_key',
        OK + """\
client: Acme BV
""",
        [
            'acme.yaml:7: client: key appears twice (first on line 1); keep one',
        ],
    ),
    (
        'language',
        OK + """\
language: de
""",
        [
            "acme.yaml:7: language: 'de' is not one of en, nl",
        ],
    ),
    (
        'language_upper',
        OK + """\
language: NL
""",
        [
        ],
    ),
    (
        'period_order',
        OK + """\
period: {start: 2026-03-31, end: 2026-01-05}
""",
        [
            'acme.yaml:7: period.end: the period ends (2026-01-05) before it starts (2026-03-31)',
        ],
    ),
    (
        'period_bad_dates',
        OK + """\
period: {start: 2026-02-30, end: 5 januari 2026}
""",
        [
            "acme.yaml:7: period.start: '2026-02-30' is not a valid date",
            "acme.yaml:7: period.end: expected a date written as YYYY-MM-DD like 2026-01-05, got '5 januari 2026'",
        ],
    ),
    (
        'period_string',
        OK + """\
period: Q1 2026
""",
        [
            'acme.yaml:7: period: expected a mapping like period: {start: 2026-01-05, end: 2026-03-31}, got a string',
        ],
    ),
    (
        'period_begin',
        OK + """\
period: {begin: 2026-01-05}
""",
        [
            'acme.yaml:7: period.begin: unknown key; expected one of start, end',
        ],
    ),
    (
        'rate_zero',
        OK + """\
rate: {amount: 0}
""",
        [
            'acme.yaml:7: rate.amount: must be more than 0, got 0',
        ],
    ),
    (
        'rate_negative',
        OK + """\
rate: {amount: -45}
""",
        [
            'acme.yaml:7: rate.amount: must be more than 0, got -45',
        ],
    ),
    (
        'rate_comma',
        OK + """\
rate: {amount: '45,50'}
""",
        [
            'acme.yaml:7: rate.amount: expected a number like 45 or 45.50, got a string; write decimals with a dot: 45.50',
        ],
    ),
    (
        'rate_euro_sign',
        OK + """\
rate: {amount: €45}
""",
        [
            'acme.yaml:7: rate.amount: expected a number like 45 or 45.50, got a string; write only the number (45) and put the currency in currency:',
        ],
    ),
    (
        'rate_number',
        OK + """\
rate: 45
""",
        [
            'acme.yaml:7: rate: expected a mapping like rate: {amount: 45, currency: EUR, per: hour}, got a number',
        ],
    ),
    (
        'rate_missing_amount',
        OK + """\
rate: {currency: EUR}
""",
        [
            'acme.yaml:7: rate.amount: required: the rate as a number, e.g. amount: 45',
        ],
    ),
    (
        'currency_word',
        OK + """\
rate: {amount: 45, currency: euro}
""",
        [
            "acme.yaml:7: rate.currency: 'euro' is not a 3-letter currency code like EUR, USD or GBP; write EUR",
        ],
    ),
    (
        'currency_typo',
        OK + """\
rate: {amount: 45, currency: EUO}
""",
        [
            "acme.yaml:7: rate.currency: 'EUO' is not an ISO currency code; did you mean 'EUR'?",
        ],
    ),
    (
        'currency_lower',
        OK + """\
rate: {amount: 45, curency: usd}
""",
        [
            "acme.yaml:7: rate.curency: unknown key; did you mean 'currency'?",
        ],
    ),
    (
        'rate_per',
        OK + """\
rate: {amount: 45, per: hours}
""",
        [
            "acme.yaml:7: rate.per: 'hours' is not one of hour, day, project; did you mean 'hour'?",
        ],
    ),
    (
        'limit_count_zero',
        OK + """\
    limit: {count: 0, per: week}
""",
        [
            'acme.yaml:7: deliverables[0].limit.count: must be more than 0, got 0',
        ],
    ),
    (
        'limit_count_fraction',
        OK + """\
    limit: {count: 2.5, per: week}
""",
        [
            "acme.yaml:7: deliverables[0].limit.count: expected a whole number like 3, got '2.5'",
        ],
    ),
    (
        'limit_count_text',
        OK + """\
    limit: {count: three, per: week}
""",
        [
            'acme.yaml:7: deliverables[0].limit.count: expected a whole number like 3, got a string',
        ],
    ),
    (
        'limit_count_bool',
        OK + """\
    limit: {count: yes, per: week}
""",
        [
            "acme.yaml:7: deliverables[0].limit.count: expected a whole number like 3, got 'yes' (a yes/no value; put it in quotes if you meant text)",
        ],
    ),
    (
        'limit_per',
        OK + """\
    limit: {count: 3, per: weekly}
""",
        [
            "acme.yaml:7: deliverables[0].limit.per: 'weekly' is not one of week, month, quarter, year, project; did you mean 'week'?",
        ],
    ),
    (
        'limit_missing',
        OK + """\
    limit: {unit: post}
""",
        [
            'acme.yaml:7: deliverables[0].limit.count: required: how many, e.g. count: 3',
            'acme.yaml:7: deliverables[0].limit.per: required: one of week, month, quarter, year, project',
        ],
    ),
    (
        'limit_string',
        OK + """\
    limit: 3 per week
""",
        [
            'acme.yaml:7: deliverables[0].limit: expected a mapping like limit: {count: 3, per: week}, got a string',
        ],
    ),
    (
        'estimate',
        OK + """\
estimate_hours: 0
""",
        [
            'acme.yaml:7: estimate_hours: must be more than 0, got 0',
        ],
    ),
    (
        'estimate_text',
        OK + """\
    estimate_hours: two
""",
        [
            'acme.yaml:7: deliverables[0].estimate_hours: expected a number like 2 or 1.5, got a string',
        ],
    ),
    (
        'amendment_no_date',
        OK + """\
amendments:
  - id: extra
    description: Extra
    terms: [extra]
    finding: 0
""",
        [
            'acme.yaml:8: amendments[0].date: required: the day the change was accepted, e.g. 2026-02-10',
            'acme.yaml:11: amendments[0].finding: must be more than 0, got 0',
        ],
    ),
    (
        'amendment_bad_date',
        OK + """\
amendments:
  - id: extra
    description: Extra
    terms: [extra]
    date: tomorrow
""",
        [
            "acme.yaml:11: amendments[0].date: expected a date written as YYYY-MM-DD like 2026-01-05, got 'tomorrow'",
        ],
    ),
    (
        'python_tag',
        OK + """\
goal: !!python/object/apply:os.system [ls]
""",
        [
            'acme.yaml:7: goal: expected text, got a list',
        ],
    ),
    (
        'bad_tag_date',
        OK + """\
period: {start: !!timestamp nope}
""",
        [
            "acme.yaml:7: period.start: 'nope' is not a valid date",
        ],
    ),
    (
        'unknown_key_nonstring',
        OK + """\
[a]: 1
""",
        [
            "acme.yaml:7: every key must be a plain word followed by ':'",
        ],
    ),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule(tmp_path: Path, text: str, expected: list[str]):
    scopes = tmp_path / "scopes"
    scopes.mkdir()
    path = scopes / "acme.yaml"
    path.write_text(text, encoding="utf-8")
    agreements, problems = lint_agreements(scopes)
    assert [str(p).replace(f"{scopes}/", "") for p in problems] == expected
    if expected:
        assert agreements == {}
        with pytest.raises(AgreementError) as info:
            load_agreement_file(path)
        assert len(info.value.problems) == len(expected)
    else:
        assert list(agreements) == ["acme"]


def _damaged_versions(text: str):
    """The valid fixture with one line missing, doubled, or with a YAML-special character typed
    at its start, middle and end: the slips a hand editor makes."""
    lines = text.splitlines(keepends=True)
    for i in range(len(lines)):
        yield "".join(lines[:i] + lines[i + 1:])
        yield "".join(lines[: i + 1] + lines[i:])
        for ch in (":", "- ", "'", "[", "{", "@", "*", "!", "\t", "\x00"):
            for pos in (0, len(lines[i]) // 2):
                damaged = lines[i][:pos] + ch + lines[i][pos:]
                yield "".join(lines[:i] + [damaged] + lines[i + 1:])


def test_damaged_files_give_one_line_problems_never_a_crash(tmp_path):
    source = (Path(__file__).resolve().parent / "data" / "scopes_valid" / "devries-social.yaml").read_text()
    scopes = tmp_path / "scopes"
    scopes.mkdir()
    path = scopes / "devries-social.yaml"
    checked = flagged = 0
    for text in _damaged_versions(source):
        path.write_text(text, encoding="utf-8")
        agreements, problems = lint_agreements(scopes)
        checked += 1
        flagged += bool(problems)
        assert bool(agreements) != bool(problems)
        for p in problems:
            assert p.file == str(path)
            assert "\n" not in str(p)
            assert p.line is None or 1 <= p.line <= text.count("\n") + 1
    # Most slips must be caught, not silently accepted (a '#' or '~' at a line end can be harmless).
    assert flagged > checked * 0.5
