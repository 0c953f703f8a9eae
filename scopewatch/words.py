"""The language knowledge detection reads, as data: number words, months, periods, determiners and
the other small word lists in `rules/<language>/words.yaml` (and language-neutral ones in
`rules/words.yaml`), checked and loaded once per process. A new language is a new words file."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from scopewatch import resources
from scopewatch.errors import Problem, RuleError

WORDS_FILE = "words.yaml"  # the rule loader skips files of this name
PERIODS = ("day", "week", "month", "quarter", "year")
MEASURES = ("minute", "hour", "word", "page", "post")

# What each key holds. "words": a list of lower-case words or phrases; "regex": a list of regular
# expressions (alternatives of one pattern); "numbers"/"months"/"periods": a word -> value map.
SCHEMA: dict[str, tuple[str, str]] = {
    "numbers": ("numbers", "number words and their value ('three: 3'), read as counts"),
    "ordinals": ("numbers", "ordinal words and their value ('third: 3'), read as 'number N of'"),
    "months": ("months", "month names and abbreviations with their number (1-12)"),
    "periods": ("periods", "words for a period of a limit ('monthly: month'): week, month, quarter or year"),
    "frequencies": ("periods", "words that say how often ('monthly: month', 'every week: week'), for 'monthly instead of quarterly'"),
    "measures": ("measures", "measured units and their spellings ('mins: minute', 'woorden: word'): minute, hour, word, page, post"),
    "daily": ("words", "phrases that mean every day ('every day', 'dagelijks')"),
    "all_of": ("words", "words before a number that take all of them ('all three', 'alle drie')"),
    "not_a_count_after": ("words", "a number followed by one of these is a date, time or amount, not a count"),
    "not_a_count_before": ("words", "a number after one of these is a date, name or amount, not a count"),
    "plain_before": ("words", "words that may stand before a term without making it another thing ('the room')"),
    "other": ("words", "words that make a term another one of its kind ('the other room')"),
    "subordinators": ("words", "words that open a subordinate clause after the request ('when', 'zodra')"),
    "prepositions": ("words", "prepositions: a work word after one is context, not the thing asked for"),
    "subjects": ("words", "words right before a verb ('you', 'to'): a term after them is used as a verb"),
    "adverbs": ("words", "adverbs that may stand between a subject and its verb ('also', 'even')"),
    "anaphora": ("words", "words that point back to an earlier sentence ('it', 'those', 'alle drie')"),
    "deadline_words": ("words", "words before a day that ask for it by then ('by', 'uiterlijk', 'al op')"),
    "weekdays": ("words", "names of the days of the week, Monday first"),
    "day_parts": ("words", "parts of a day written onto a weekday ('vrijdagmiddag'), still that day"),
    "instead_of": ("words", "words before the day or frequency that is replaced ('instead of', 'in plaats van')"),
    "on_top": ("words", "phrases that put an extra one on top of the period's ('this week', 'naast de gewone')"),
    "day_articles": ("words", "articles before a day number ('the 18th')"),
    "day_suffixes": ("words", "ordinal endings of a day number ('18th', '18de')"),
    "month_of": ("words", "a word between a day and its month ('18th of March')"),
    "not_a_day_after": ("regex", "after a number: it is a time, amount or count, not a day ('12:00', '3 pages')"),
    "time_units": ("words", "units of time: a limit in these counts time, not things a client names"),
    "verb_prefixes": ("words", "verb prefixes: a long word starting with one and ending in -en is a verb, not a compound"),
    "self_does": ("regex", "the client says she does it herself ('I will write', 'ik ga ... maken')"),
    "auto_reply_subject": ("regex", "the start of an automatic reply's subject ('Out of office')"),
    "auto_reply_body": ("regex", "an automatic reply's opening words ('I am out of the office until')"),
    "learned_work_words": ("words", "words spaCy counts as function words that still name work, kept when "
                                    "learning a request's work words ('call', 'move')"),
}


MAP_KINDS = ("numbers", "months", "periods", "measures")


@dataclass(frozen=True)
class LanguageWords:
    """The word lists of one language (with the language-neutral ones added), or of all at once."""

    language: str
    numbers: dict[str, int]
    ordinals: dict[str, int]
    months: dict[str, int]
    periods: dict[str, str]
    frequencies: dict[str, str]
    measures: dict[str, str]
    lists: dict[str, frozenset[str]]
    ordered: dict[str, tuple[str, ...]]  # the same lists in file order, for building patterns
    regexes: dict[str, tuple[str, ...]]

    def __getattr__(self, name: str) -> frozenset[str]:
        try:
            return self.__dict__["lists"][name]
        except KeyError:
            raise AttributeError(name) from None


def phrase_pattern(phrases) -> str:
    """An alternation of phrases, longest first, a space matching any run of white space.
    Of no phrases: a pattern that never matches."""
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True)) or "(?!)"


def regex_pattern(regexes) -> str:
    """An alternation of regular expressions; of none, a pattern that never matches."""
    return "|".join(f"(?:{r})" for r in regexes) or "(?!)"


def _read(path: Path, problems: list[Problem]) -> tuple[dict, dict[str, int]]:
    text = path.read_text(encoding="utf-8")
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(str(path), "", f"not valid YAML: {getattr(exc, 'problem', exc)}",
                                mark.line + 1 if mark is not None else None))
        return {}, {}
    finally:
        loader.dispose()
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        problems.append(Problem(str(path), "", "expected a mapping of word lists (numbers:, months:, ...)", 1))
        return {}, {}
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return data, lines


def _check(path: Path, data: dict, lines: dict[str, int], problems: list[Problem]) -> dict[str, Any]:
    """The valid entries of one words file; every problem found is added to `problems`."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        key = str(key)
        line = lines.get(key)

        def bad(msg: str) -> None:
            problems.append(Problem(str(path), key, msg, line))

        if key not in SCHEMA:
            close = difflib.get_close_matches(key, SCHEMA, n=1)
            bad("unknown key" + (f"; did you mean '{close[0]}'?" if close else f"; allowed: {', '.join(SCHEMA)}"))
            continue
        kind = SCHEMA[key][0]
        if kind in ("words", "regex"):
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                bad("expected a list of " + ("words or phrases" if kind == "words" else "regular expressions"))
                continue
            if kind == "words":
                upper = [v for v in value if v != v.lower()]
                if upper:
                    bad(f"write words in lower case: {', '.join(upper[:3])}")
                    continue
                out[key] = [" ".join(v.split()) for v in value]
            else:
                failed = False
                for v in value:
                    try:
                        re.compile(v)
                    except re.error as exc:
                        bad(f"invalid regular expression {v!r}: {exc}")
                        failed = True
                if not failed:
                    out[key] = list(value)
            continue
        if not isinstance(value, dict) or not value:
            bad("expected a mapping of word: value")
            continue
        entries: dict[str, Any] = {}
        for word, v in value.items():
            word = str(word)
            if word != word.lower():
                bad(f"write words in lower case: {word}")
            elif kind == "numbers" and (isinstance(v, bool) or not isinstance(v, int) or v < 0):
                bad(f"{word}: expected a whole number, got {v!r}")
            elif kind == "months" and (isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 12):
                bad(f"{word}: expected a month number 1-12, got {v!r}")
            elif kind == "periods" and v not in PERIODS:
                bad(f"{word}: '{v}' is not one of {', '.join(PERIODS)}")
            elif kind == "measures" and v not in MEASURES:
                bad(f"{word}: '{v}' is not one of {', '.join(MEASURES)}")
            else:
                entries[word] = v
        out[key] = entries
    return out


def words_files(folder: Path) -> dict[str, Path]:
    """Words files by language: rules/<language>/words.yaml, and rules/words.yaml as 'any'."""
    found = {p.parent.name: p for p in sorted(folder.glob(f"*/{WORDS_FILE}"))}
    if (folder / WORDS_FILE).is_file():
        found["any"] = folder / WORDS_FILE
    return found


def lint_words(folder: Path) -> tuple[dict[str, dict[str, Any]], list[Problem]]:
    """Every words file of a rules folder, checked: the entries by language and the problems."""
    problems: list[Problem] = []
    by_language: dict[str, dict[str, Any]] = {}
    for language, path in words_files(Path(folder)).items():
        data, lines = _read(path, problems)
        by_language[language] = _check(path, data, lines, problems)
    return by_language, problems


def _combine(language: str, parts: list[dict[str, Any]]) -> LanguageWords:
    maps: dict[str, dict] = {k: {} for k, (kind, _) in SCHEMA.items() if kind in MAP_KINDS}
    ordered: dict[str, list[str]] = {k: [] for k, (kind, _) in SCHEMA.items() if kind == "words"}
    regexes: dict[str, list[str]] = {k: [] for k, (kind, _) in SCHEMA.items() if kind == "regex"}
    for part in parts:
        for key, value in part.items():
            if key in maps:
                for word, v in value.items():
                    maps[key].setdefault(word, v)
            elif key in ordered:
                ordered[key].extend(w for w in value if w not in ordered[key])
            else:
                regexes[key].extend(value)
    return LanguageWords(
        language=language,
        numbers=maps["numbers"], ordinals=maps["ordinals"], months=maps["months"], periods=maps["periods"],
        frequencies=maps["frequencies"], measures=maps["measures"],
        lists={k: frozenset(v) for k, v in ordered.items()},
        ordered={k: tuple(v) for k, v in ordered.items()},
        regexes={k: tuple(v) for k, v in regexes.items()},
    )


class Lexicon:
    """The word lists of every language of a rules folder."""

    def __init__(self, by_language: dict[str, dict[str, Any]]):
        neutral = by_language.get("any", {})
        self._raw = {lang: data for lang, data in by_language.items() if lang != "any"}
        self._languages = {lang: _combine(lang, [data, neutral]) for lang, data in self._raw.items()}
        # Mail mixes languages ("kun je de invoice sturen"): some checks read every language's words.
        self.every = _combine("any", [*self._raw.values(), neutral])

    def __getitem__(self, language: str) -> LanguageWords:
        return self._languages[language]

    def __contains__(self, language: str) -> bool:
        return language in self._languages

    @property
    def languages(self) -> list[str]:
        return sorted(self._languages)


def load_lexicon(folder: Path) -> Lexicon:
    """The lexicon of one rules folder; raises RuleError listing every problem."""
    by_language, problems = lint_words(folder)
    if problems:
        raise RuleError(problems)
    return Lexicon(by_language)


@cache
def lexicon() -> Lexicon:
    """The shipped lexicon, read once per process."""
    return load_lexicon(resources.rules_dir())


@cache
def _frequency_pattern() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{phrase_pattern(lexicon().every.frequencies)})(?!\w)", re.IGNORECASE)


def frequency_in(text: str) -> str | None:
    """The period a text says something happens in ("Quarterly VAT return" -> quarter)."""
    m = _frequency_pattern().search(text or "")
    return lexicon().every.frequencies[" ".join(m.group(0).lower().split())] if m else None
