"""What a reply quotes and how it names things to the client: the client's own words as whole
sentences (never cut mid-sentence), each clause as the client should read it (not "written by
Mark" to Mark), and the moment the client asked for (not the one a side remark names)."""

from __future__ import annotations

import re

# Abbreviations that end in a full stop without ending the sentence.
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:co|inc|ltd|mr|mrs|ms|dr|st|vs|etc|e\.g|i\.e|approx|no|nr|bijv|o\.a|m\.b\.t|t\.a\.v|ca|incl|excl|"
    r"mevr|dhr|jl|a\.s|z\.s\.m)\.)$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9À-Ý])")
# After an abbreviation, these words still start a new sentence ("Brook & Co. Could you ...").
_STARTERS = re.compile(
    r"(?:could|can|would|will|please|i|we|do|did|is|are|also|and|but|kun|kan|zou|wil|wilt|graag|ik|we|wij|"
    r"ook|en|maar|mag|moet)\b", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """The text's sentences, whitespace made single; "Brook & Co. Could you" stays apart only
    where a sentence really ends."""
    flat = " ".join((text or "").split())
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(flat):
        head = flat[start:m.start()]
        last = head.rsplit(" ", 1)[-1] if " " in head else head
        if _ABBREVIATIONS.search(last) and not _STARTERS.match(flat[m.end():]):
            continue
        out.append(head.strip())
        start = m.end()
    tail = flat[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


def complete(evidence: str, text: str, max_extra_words: int = 40) -> str:
    """The request sentence as the client wrote it to its end: a sentence that goes on after a
    colon or a line break ("Can you book four trips for me next month:\nLeeds on the 3rd, ... the
    24th?") is taken up to its full stop or question mark, within its paragraph."""
    flat_ev = " ".join((evidence or "").split())
    if not flat_ev:
        return flat_ev
    words = [re.escape(w) for w in flat_ev.split(" ")]
    m = re.search(r"\s+".join(words), text or "")
    if m is None:
        return flat_ev
    # Back to where the sentence starts ("Also, could the button ..." quoted from "Also").
    head = (text or "")[:m.start()]
    start = max(head.rfind(c) for c in (".", "!", "?", "…", "\n\n", ":\n"))
    lead = head[start + 1:] if start >= 0 else head
    lead = re.sub(r"^\s*(?:[-*•–—]|\d+[.)])\s+", "", lead.lstrip("\n"))
    if re.search(r"(?:^|\n)[ \t]*(?:[-*•–—]|\d+[.)])\s*$", head):
        lead = ""  # the request is a list item of its own
    if lead.strip() and len(lead.split()) <= 25 and not re.search(r"\n[ \t]*(?:[-*•–—]|\d+[.)])\s", lead) \
            and not re.match(r"\s*(?:hi|hoi|hello|hallo|dear|beste)\b[^,\n]{0,40},\s*$", lead, re.IGNORECASE):
        flat_ev = " ".join((lead + " " + flat_ev).split())
    if flat_ev.rstrip("\"'”’)")[-1:] in ".!?…":
        return flat_ev
    rest = (text or "")[m.end():]
    if re.match(r"[ \t]*(?:\n[ \t]*\n|$)", rest):
        return flat_ev  # its paragraph ends here: whole as it is
    paragraph = re.split(r"\n[ \t]*\n", rest, maxsplit=1)[0]
    end = re.match(r"[^.!?…]*[.!?…]", paragraph)
    if end is None or len(end.group(0).split()) > max_extra_words:
        return flat_ev
    return " ".join((flat_ev + end.group(0)).split())


def whole_sentences(evidence: str, max_words: int) -> str:
    """The client's request to quote: all of it when short enough, else its questions (the ask),
    else its last sentence; always whole sentences, never a cut one."""
    parts = sentences(evidence)
    if not parts:
        return " ".join((evidence or "").split())
    if sum(len(p.split()) for p in parts) <= max_words:
        return " ".join(parts)
    questions = [p for p in parts if p.rstrip("\"'”’)").endswith("?")]
    if questions and sum(len(p.split()) for p in questions) <= max_words:
        return " ".join(questions)
    asks = questions or parts
    return min(asks[-1:] or parts[-1:], key=len)


# --- the clause as the client reads it ----------------------------------------------------------------

_BY = (r"(?:(?:written|made|prepared|supplied|provided|sent|delivered|done|booked|chosen|ordered|bought|"
       r"arranged|organised|organized|taken|geschreven|gemaakt|voorbereid|aangeleverd|geleverd|gestuurd|"
       r"gedaan|gekozen|besteld|gekocht|geregeld|georganiseerd|genomen)\s+)?(?:by|door|van)\s+")
_THIRD_PERSON = {"en": ("the client", "client"), "nl": ("de klant", "klant", "de opdrachtgever", "opdrachtgever")}
# How the reply says "you" after a preposition and "your", per language and Dutch register.
_YOU = {("en", None): ("you", "your"), ("nl", "je"): ("je", "je"), ("nl", "u"): ("u", "uw"), ("nl", None): ("je", "je")}
_TO = {"en": r"(?:to|for|with|from)", "nl": r"(?:aan|voor|met|naar)"}


def for_client(text: str, names: list[str], language: str, register: str | None = None) -> str | None:
    """The clause as the client reads it, the client not named as someone else: ", written by Mark"
    and "(Mark)" go, "for Dana's inbox" becomes "for your inbox", "sends enquiries to Priya" becomes
    "to you"; the same for "the client" / "de klant". None when the name is still there after that
    ("Contracten ondertekent Marieke zelf"): then the reply does not quote the clause."""
    out = text or ""
    you, your = _YOU.get((language, register), _YOU.get((language, None), ("you", "your")))
    whos = [n for n in dict.fromkeys(names) if n and len(n) > 1] + list(_THIRD_PERSON.get(language, ()))
    for who in sorted(whos, key=len, reverse=True):
        name = re.escape(who)
        out = re.sub(rf"\s*[,;:–-]?\s*{_BY}{name}\b", "", out, flags=re.IGNORECASE)
        out = re.sub(rf"\s*\([^()]*\b{name}\b[^()]*\)", "", out, flags=re.IGNORECASE)
        out = re.sub(rf"\b{name}(?:'s|’s|s)\s+", your + " ", out, flags=re.IGNORECASE if " " in who else 0)
        out = re.sub(rf"\b({_TO.get(language, _TO['en'])})\s+{name}\b", rf"\1 {you}", out, flags=re.IGNORECASE)
    out = re.sub(r"\s+([,.;:])", r"\1", out).strip(" ,;:-–")
    if not out:
        return text
    first_names = [n for n in names if n and " " not in n and len(n) > 2]
    if any(re.search(rf"\b{re.escape(n)}\b", out) for n in first_names) or any(
            re.search(rf"\b{re.escape(t)}\b", out, re.IGNORECASE) for t in _THIRD_PERSON.get(language, ())):
        return None
    return out


def names_of(sender_name: str) -> list[str]:
    """The words the client goes by: the whole display name and its first name."""
    from scopewatch.draft.render import first_name, header_safe

    full = header_safe(sender_name, limit=120).strip("\"' ")
    if "@" in full:
        return []
    return [n for n in (full, first_name(sender_name)) if n]
