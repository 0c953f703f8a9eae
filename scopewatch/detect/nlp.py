"""The spaCy pipelines: blank `en`/`nl` with a sentencizer, mail-aware line splitting and lookup
lemmas from spacy-lookups-data; a trained pipeline the user installed is an optional upgrade.

Nothing here downloads anything: blank pipelines need only the spacy and spacy-lookups-data wheels.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import threading

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from scopewatch.errors import ConfigError

SUPPORTED = ("en", "nl")
_SENT_END = {".", "!", "?", ":", ";", "…"}
_BULLETS = {"-", "*", "•", "–", "·", ">"}
# A line at least this long that ends without punctuation was most likely hard-wrapped by the
# mail client, so the sentence goes on on the next line.
_WRAPPED_LINE = 55


_LINE_BREAK = re.compile(r"(?<!\n)\n(?!\n)")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.):]\s")


def unwrap(text: str) -> str:
    """Replace the line breaks a mail client put inside a sentence by spaces, keeping every
    character offset: "we\nneed two more pages" must read as one phrase to the rules.

    A break stays where a line ends a sentence, the next line is a bullet or numbered item, or a
    short line (a greeting, a list entry, a phone one-liner) is followed by a capital."""
    if "\n" not in text:
        return text
    chars = list(text)
    for m in _LINE_BREAK.finditer(text):
        i = m.start()
        line = text[text.rfind("\n", 0, i) + 1 : i].rstrip()
        rest = text[i + 1 :].lstrip(" \t")
        nxt = rest[:1]
        ended = line[-1:] in _SENT_END
        item = nxt in _BULLETS or bool(_NUMBERED.match(rest))
        short = len(line) < _WRAPPED_LINE
        if ended or item or not line or (short and (nxt.isupper() or nxt.isdigit() or line.endswith(","))):
            continue
        chars[i] = " "
    return "".join(chars)


@Language.component("scopewatch_mail_lines")
def mail_lines(doc: Doc) -> Doc:
    """Start a sentence after every line break left by `unwrap` and at blank lines.

    Mail text is full of lines without final punctuation (greetings, lists, phone one-liners);
    the punctuation-only sentencizer would glue them into one long 'sentence'.
    """
    n = len(doc)
    # Sentence starts are changed in an array and set once: each `token.is_sent_start = True`
    # looks over the whole doc, which made a mail of many short lines quadratic.
    starts = doc.to_array("SENT_START")
    # Only the few whitespace tokens are looked at from Python; a loop over every token cost more
    # than the sentencizer itself on long mails.
    for i in doc.to_array("IS_SPACE").nonzero()[0]:
        i = int(i)
        if i + 1 < n and "\n" in doc[i].text:
            starts[i + 1] = 1
    # "- stuur de factuur", "2. Kan de site...": the item's first word starts a sentence of its own,
    # so rules that look at the start of a sentence see it; the marker is dropped as a sentence.
    for i in (starts == 1).nonzero()[0]:
        i = int(i)
        if i + 1 >= n:
            continue
        text = doc[i].text
        if text in _BULLETS:
            starts[i + 1] = 1
        elif text.isdigit() and len(text) <= 2 and i + 2 < n and doc[i + 1].text in (".", ")"):
            starts[i + 2] = 1
    doc.from_array([SENT_START], starts.reshape(-1, 1))
    return doc


@Language.component("scopewatch_lower_lemma")
def lower_lemma(doc: Doc) -> Doc:
    """Lower-case lemmas (the English lookup table keeps 'Website' as is) so terms match anywhere."""
    for tok in doc:
        lemma = tok.lemma_
        tok.lemma_ = lemma.lower() if lemma else tok.lower_
    return doc


def _add_rule_components(nlp: Language) -> Language:
    if "sentencizer" not in nlp.pipe_names and "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    if "parser" not in nlp.pipe_names:
        nlp.add_pipe("scopewatch_mail_lines", after="sentencizer" if "sentencizer" in nlp.pipe_names else None)
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("scopewatch_lower_lemma", last=True)
    else:
        lemma_table(nlp.lang)  # fail now, with a clear message, when spacy-lookups-data is missing
    return nlp


_TABLES: dict[str, dict[str, str]] = {}


def lemma_table(language: str) -> dict[str, str]:
    """spacy-lookups-data's lemma lookup table for a language, as a plain dict.

    Lemmas are only looked up for the few request sentences (running a lemmatizer over every token
    cost a tenth of the check time), and a plain dict takes about 45 MB for Dutch where spaCy's
    lookup Table took 75 MB."""
    table = _TABLES.get(language)
    if table is None:
        from importlib.resources import files

        path = files("spacy_lookups_data") / "data" / f"{language}_lemma_lookup.json.gz"
        with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            table = {k: v for k, v in json.load(fh).items() if k != v}
        _TABLES[language] = table
    return table


def lemmatize(nlp: Language, tokens) -> None:
    """Set lower-case lookup lemmas on these tokens (a request sentence, a term) only."""
    if "lemmatizer" in nlp.pipe_names:
        return  # a trained pipeline's lemmatizer has done it for the whole doc
    table = lemma_table(nlp.lang)
    for tok in tokens:
        if not tok.lemma:
            text = tok.text
            tok.lemma_ = (table.get(text) or table.get(tok.lower_) or text).lower()


def _split_hyphens(nlp: Language) -> None:
    """Split "LinkedIn-pagina" and "Instagram-post" at the hyphen, as the English tokenizer does,
    so terms and rules see both halves of a Dutch hyphenated compound."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Za-zÀ-ÿ0-9])-(?=[A-Za-zÀ-ÿ])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def blank_pipeline(language: str) -> Language:
    """A blank pipeline with rule components only: no model download, ~0.5 s to build."""
    if language not in SUPPORTED:
        raise ConfigError(f"language '{language}' is not supported; scopewatch knows {', '.join(SUPPORTED)}")
    nlp = spacy.blank(language)
    if language == "nl":
        _split_hyphens(nlp)
    nlp.add_pipe("sentencizer")
    try:
        return _add_rule_components(nlp)
    except Exception as exc:  # a missing spacy-lookups-data is an install problem, say so
        raise ConfigError(
            f"could not load the {language} lemma tables ({exc}); install them with `pip install spacy-lookups-data`"
        ) from exc


def trained_pipeline(name: str) -> Language:
    """A trained pipeline the user installed (e.g. en_core_web_sm): only the parts we use."""
    try:
        nlp = spacy.load(name, exclude=["ner", "textcat", "textcat_multilabel", "entity_linker"])
    except OSError as exc:
        raise ConfigError(
            f"spaCy pipeline '{name}' is not installed; remove the setting to use the built-in blank pipeline"
        ) from exc
    return _add_rule_components(nlp)


class Pipelines:
    """One pipeline per language, built on first use and shared by all checks in the process."""

    def __init__(self, models: dict[str, str] | None = None):
        # SCOPEWATCH_SPACY_MODEL_EN=en_core_web_sm lets a user opt into a trained pipeline.
        self.models = dict(models or {})
        for lang in SUPPORTED:
            env = os.environ.get(f"SCOPEWATCH_SPACY_MODEL_{lang.upper()}")
            if env and lang not in self.models:
                self.models[lang] = env
        self._nlp: dict[str, Language] = {}
        self._lock = threading.Lock()

    def get(self, language: str) -> Language:
        nlp = self._nlp.get(language)
        if nlp is None:
            with self._lock:
                nlp = self._nlp.get(language)
                if nlp is None:
                    name = self.models.get(language)
                    nlp = trained_pipeline(name) if name else blank_pipeline(language)
                    self._nlp[language] = nlp
        return nlp
