"""What an article's own text says about it: a title line, and the newsroom
that wrote it when the article speaks of itself.

The source rule (README, "source"): a credit or caption (``© AP``, ``(AP)``,
``Photo: Reuters``) never names the outlet; a photo agency is not the author.
Each mention of a known outlet is read by the words around it:

- attribution, another outlet as the source of a claim: ``according to the
  BBC``, ``the BBC reported``, ``cited by``, ``TASS news agency``,
  ``broadcaster X``. An outlet named so is never the article's own.
- strong self-reference: ``an RT correspondent``, ``DW's reporter``, ``the
  BBC has learned``, ``X understands``, a wire dateline ``LONDON (Reuters) -``.
- weak self-reference: ``told DW``, ``speaking to the BBC``. The same words
  report what someone said to another outlet, so they count only when
  repeated, or when that outlet is the only one the article names so.

The article's own outlet is the one with a strong cue, or a weak cue that
counts; never one the article also attributes to (``told the BBC`` once and
``the BBC reported`` elsewhere: another outlet). Two outlets that qualify
alike: no source.
"""

from __future__ import annotations

import re

_TITLE_LIMIT = 100

# Photo credits and captions: never a title.
_CREDIT = re.compile(
    r"^\s*(?:©|\(c\)\s|copyright\b|image\s*:|photo\s*:|picture\s*:|credit\s*:|source\s*:|photograph\s*:)",
    re.IGNORECASE,
)

# Outlets, as written -> the name shown. Newsrooms any reader meets, not a
# list of who wrote a given corpus.
_OUTLETS = {
    "Associated Press": "AP", "AP": "AP", "Reuters": "Reuters", "Agence France-Presse": "AFP", "AFP": "AFP",
    "Deutsche Welle": "DW", "DW": "DW", "BBC": "BBC", "CNN": "CNN", "Al Jazeera": "Al Jazeera", "RT": "RT",
    "Sputnik": "Sputnik", "TASS": "TASS", "Interfax": "Interfax", "RIA Novosti": "RIA Novosti",
    "Xinhua": "Xinhua", "Bloomberg": "Bloomberg", "Kyodo": "Kyodo", "Yonhap": "Yonhap", "EFE": "EFE",
    "ANSA": "ANSA", "dpa": "dpa", "UPI": "UPI", "Anadolu": "Anadolu", "NPR": "NPR", "CBS": "CBS",
    "NBC": "NBC", "ABC": "ABC", "Fox News": "Fox News", "Sky News": "Sky News", "France 24": "France 24",
    "Euronews": "Euronews", "Radio Free Europe": "RFE/RL", "RFE/RL": "RFE/RL", "Voice of America": "VOA",
    "VOA": "VOA", "The Guardian": "The Guardian", "New York Times": "The New York Times",
    "Washington Post": "The Washington Post", "Wall Street Journal": "The Wall Street Journal",
    "Financial Times": "Financial Times", "Le Monde": "Le Monde", "Der Spiegel": "Der Spiegel",
    "Politico": "Politico", "Axios": "Axios", "Kommersant": "Kommersant", "Meduza": "Meduza",
}
_NAME = "|".join(re.escape(n) for n in sorted(_OUTLETS, key=len, reverse=True))
# A mention is not inside a longer word or name ("APEC", "DW/B"): the character after it is checked here,
# the one before by _mentions. A lookbehind here would be tried at every character of the text, before the
# names; without it the names' first letters are looked for first, four times as fast. No name has
# another name inside it after a space, a slash or a hyphen, so a candidate refused for the character
# before it hides no mention.
_MENTION = re.compile(rf"(?:{_NAME})(?![\w/-])")
_JOINED = re.compile(r"[\w/-]")  # a character that joins a name to the word before it

_POSS = r"(?:['’]s)?"
_ATTR_BEFORE = re.compile(
    r"(?:according\s+to|reported\s+by|cited\s+by|quoted\s+by|published\s+by|citing|cites|cited|via|"
    r"broadcaster|agency|newspaper|daily|outlet|channel|station|website|news\s+site)"
    r"\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?$",
    re.IGNORECASE,
)
_ATTR_AFTER = re.compile(
    rf"^{_POSS}\s+(?:reported|reports|report|reporting|said|says|quoted|quotes|cited|cites|wrote|writes|"
    r"published|broadcast|aired|news\s+agency|agency|newspaper|daily|broadcaster|television|TV|radio|channel|"
    r"website|outlet)\b"
    # "told the BBC's Today programme", "BBC Radio 4's Today show": a programme of another outlet
    r"|^(?:['’]s)?\s+(?:[A-Z0-9][\w'’-]*\s+){0,4}(?:programme|program|show|podcast)\b",
    re.IGNORECASE,
)
_SELF_AFTER = re.compile(
    rf"^{_POSS}\s+(?:correspondents?|reporters?|journalists?|crew|team|has\s+learned|has\s+learnt|understands|"
    r"has\s+seen|has\s+obtained|has\s+contacted|contacted|asked|spoke\s+to|interviewed|visited|was\s+told)\b",
    re.IGNORECASE,
)
_WEAK_BEFORE = re.compile(
    r"\b(?:told|telling|tells|spoke\s+to|speaking\s+to|talking\s+to|talked\s+to|in\s+comments\s+to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "ALMATY, Jan 7 (Reuters) -": the wire's own dateline at the top of the text.
_DATELINE = re.compile(r"\A\W*[A-Z][A-Za-z .,'-]{1,60}\((?P<x>[^()]{2,30})\)\s*[-–—]")


def make_title(text: str) -> str:
    """The first sentence that is not a photo credit or caption line."""
    from .segment import iter_sentences

    # A title comes from the opening lines; segmenting more would be wasted work.
    head = text[:600]
    cut = head.rfind("\n")
    if cut > 200:
        head = head[:cut]
    for span in iter_sentences(head):  # the title is the first sentence that will do: the rest are not cut
        s = " ".join(head[span.start:span.end].split())
        if not s or _CREDIT.match(s) or not any(c.isalpha() for c in s):
            continue
        return shorten(s, _TITLE_LIMIT)
    return ""


def shorten(s: str, limit: int) -> str:
    if len(s) <= limit:
        return s
    cut = s.rfind(" ", 0, limit)
    if cut < limit * 0.6:
        cut = limit
    return s[:cut].rstrip(" ,;:-–—") + "…"


def _reading(text: str, start: int, end: int) -> str | None:
    """How one mention speaks of its outlet: 'attribution', 'strong', 'weak' or None."""
    before = text[max(0, start - 40):start]
    after = text[end:end + 40]
    if _ATTR_BEFORE.search(before) or _ATTR_AFTER.match(after):
        return "attribution"
    if _SELF_AFTER.match(after):
        return "strong"
    if _WEAK_BEFORE.search(before):
        return "weak"
    return None


def _mentions(text: str):
    """The outlet names in ``text`` that stand as words of their own."""
    for m in _MENTION.finditer(text):
        if not (m.start() and _JOINED.match(text, m.start() - 1)):
            yield m


def find_source(text: str) -> str | None:
    """The outlet an article names as itself (the rule is in the module's doc), else None."""
    strong: dict[str, int] = {}
    weak: dict[str, int] = {}
    attributed: set[str] = set()
    m = _DATELINE.match(text[:200])
    if m and m.group("x") in _OUTLETS:
        strong[_OUTLETS[m.group("x")]] = 1
    for m in _mentions(text):
        name = _OUTLETS[m.group(0)]
        kind = _reading(text, m.start(), m.end())
        if kind == "attribution":
            attributed.add(name)
        elif kind == "strong":
            strong[name] = strong.get(name, 0) + 1
        elif kind == "weak":
            weak[name] = weak.get(name, 0) + 1
    scores: dict[str, int] = {}
    for name in set(strong) | set(weak):
        if name in attributed:
            continue
        s, w = strong.get(name, 0), weak.get(name, 0)
        if s or w >= 2 or set(weak) == {name}:
            scores[name] = 2 * s + w
    if not scores:
        return None
    best = max(scores.values())
    winners = [n for n, v in scores.items() if v == best]
    return winners[0] if len(winners) == 1 else None
