"""Re-anchoring: find a stored passage again in the article's current text.

Tried in order of confidence, first hit wins:

1. ``anchored``: the quote is still at the stored offsets.
2. ``moved``: the quote occurs elsewhere; a single occurrence of a long quote
   is taken as is; several (or a short quote) are told apart by how much of
   the stored prefix/suffix surrounds each, then by distance to the old position.
3. ``fuzzy``: the quote was edited; prefix+quote+suffix is aligned with
   rapidfuzz near the old position and the quote's part of the alignment must
   still look like the quote (both scores over a threshold).
4. ``orphan``: nothing good enough, or the article is gone. The annotation is
   kept with its stored text; it is never dropped.
"""

from __future__ import annotations

from .model import ANCHORED, FUZZY, MOVED, ORPHAN, Anchor, Selector

# Alignment of prefix+quote+suffix (0-100) under which the passage is "not found".
CONTEXT_CUTOFF = 70.0
# Similarity of the found passage to the stored quote under which it is rejected:
# below this the text says something else, and pointing at it would mislead.
QUOTE_CUTOFF = 75.0
# How far around the old position the fuzzy search looks first (chars), and the
# article size under which it then falls back to the whole text.
WINDOW = 3000
WHOLE_TEXT_LIMIT = 400_000
# When a quote occurs several times, the winner must share at least this much
# context with the stored one (and a quarter of it, so that a shared "said "
# is not enough); otherwise a common phrase would re-anchor to the wrong place
# after its sentence was deleted.
MIN_CONTEXT_EVIDENCE = 4
MAX_OCCURRENCES = 10_000
# A quote at least this long is its own evidence when it occurs once; a
# shorter one ("the talks", a name) must also keep some of its context.
SELF_EVIDENT = 24


def anchor(sel: Selector, text: str | None) -> Anchor:
    """Where ``sel`` is in ``text`` now (``text`` None: the article is gone)."""
    if text is None or not sel.exact:
        return Anchor(ORPHAN)
    s, e = sel.start, sel.end
    if e <= len(text) and text[s:e] == sel.exact:
        return Anchor(ANCHORED, s, e)
    found = _by_quote(sel, text)
    if found is not None:
        return found
    return _fuzzy(sel, text)


def occurrences(text: str, quote: str, limit: int = MAX_OCCURRENCES) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of ``quote``."""
    out: list[int] = []
    i = text.find(quote)
    while i != -1 and len(out) < limit:
        out.append(i)
        i = text.find(quote, i + 1)
    return out


def _context_score(sel: Selector, text: str, start: int) -> int:
    """Characters of stored context that still surround an occurrence at ``start``."""
    end = start + len(sel.exact)
    before = text[max(0, start - len(sel.prefix)) : start]
    after = text[end : end + len(sel.suffix)]
    n = 0
    for a, b in zip(reversed(before), reversed(sel.prefix)):
        if a != b:
            break
        n += 1
    m = 0
    for a, b in zip(after, sel.suffix):
        if a != b:
            break
        m += 1
    return n + m


def _by_quote(sel: Selector, text: str) -> Anchor | None:
    hits = occurrences(text, sel.exact)
    if not hits:
        return None
    if len(hits) == 1 and len(sel.exact) >= SELF_EVIDENT:
        h = hits[0]
        return Anchor(MOVED, h, h + len(sel.exact))
    best = max(hits, key=lambda h: (_context_score(sel, text, h), -abs(h - sel.start)))
    needed = max(MIN_CONTEXT_EVIDENCE, (len(sel.prefix) + len(sel.suffix)) // 4)
    if _context_score(sel, text, best) < needed and (sel.prefix or sel.suffix):
        return None
    return Anchor(MOVED, best, best + len(sel.exact))


def _fuzzy(sel: Selector, text: str) -> Anchor:
    from rapidfuzz import fuzz  # a runtime dependency; imported here to keep `import reader` light
    from rapidfuzz.distance import Levenshtein

    needle = sel.prefix + sel.exact + sel.suffix
    center = min(sel.start, len(text))
    span = max(WINDOW, 4 * len(needle))
    lo, hi = max(0, center - span), min(len(text), center + len(sel.exact) + span)
    al = fuzz.partial_ratio_alignment(needle, text[lo:hi], score_cutoff=CONTEXT_CUTOFF)
    if al is None and (lo > 0 or hi < len(text)) and len(text) <= WHOLE_TEXT_LIMIT:
        lo, hi = 0, len(text)
        al = fuzz.partial_ratio_alignment(needle, text, score_cutoff=CONTEXT_CUTOFF)
    if al is None:
        return Anchor(ORPHAN)
    # The alignment covers prefix+quote+suffix, but rapidfuzz reports a window
    # as long as the needle, so an edit that changed the length clips it: widen
    # it, align the needle globally with that region and carry the quote's two
    # boundaries across the edit script.
    pad = 16 + len(needle) // 4
    r_lo = max(0, lo + al.dest_start - pad)
    r_hi = min(len(text), lo + al.dest_end + pad)
    region = text[r_lo:r_hi]
    ops = Levenshtein.opcodes(needle, region)
    s = r_lo + _map(ops, len(sel.prefix), prefer_end=True)
    e = r_lo + _map(ops, len(sel.prefix) + len(sel.exact), prefer_end=False)
    s, e = _snap(text, s, e, sel.exact)
    if e <= s:
        return Anchor(ORPHAN)
    score = fuzz.ratio(sel.exact, text[s:e])
    if score < QUOTE_CUTOFF:
        return Anchor(ORPHAN)
    return Anchor(FUZZY, s, e, round(min(score, al.score), 1))


def _map(ops, pos: int, prefer_end: bool) -> int:
    """Where source offset ``pos`` lands in the destination of an edit script.

    At a boundary that touches inserted text, ``prefer_end`` puts the start of
    the quote after the insertion (it belongs to what came before) and the
    end before it."""
    for tag, i1, i2, j1, j2 in ops:
        if tag == "insert":
            continue
        if i1 <= pos < i2 or (pos == i2 and not prefer_end):
            if tag == "equal":
                return j1 + (pos - i1)
            if tag == "replace":
                return j1 + round((pos - i1) * (j2 - j1) / max(1, i2 - i1))
            return j1  # delete: the source chars are gone
    return ops[-1].dest_end if ops else 0


def _snap(text: str, s: int, e: int, exact: str) -> tuple[int, int]:
    """Grow a fuzzy span to whole words where the quote starts/ends with a word,
    and drop edge whitespace the quote does not have."""
    if exact[:1].isalnum():
        k = 0
        while s > 0 and text[s - 1].isalnum() and k < 24:
            s, k = s - 1, k + 1
    if exact[-1:].isalnum():
        k = 0
        while e < len(text) and text[e].isalnum() and k < 24:
            e, k = e + 1, k + 1
    if not exact[:1].isspace():
        while s < e and text[s].isspace():
            s += 1
    if not exact[-1:].isspace():
        while e > s and text[e - 1].isspace():
            e -= 1
    return s, e
