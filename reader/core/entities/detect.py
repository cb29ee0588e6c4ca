"""Rule-based name detection: capitalised token runs, split and typed by cues.

No model and no network: a corpus is scanned with one regular expression for
capitalised tokens, neighbouring tokens are grouped into runs, and each run is
cut into pieces (titles, possessives, joiners, weekdays); ``cues.py`` gives each
piece weighted type votes. Linking the pieces into entities is ``link.py``'s
job; this module only says where names are and what each mention looks like.

The ``Extractor`` protocol is what a model-based backend would implement.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from typing import Iterable, Iterator, Protocol

from ..pool import imap_ranges
from ..progress import counted
from .capitals import headline_spans, sentence_initial
from .cues import context_vote, static_vote
from .gazetteer import Gazetteer, fold, gazetteer
from .kept import KeptMentions, answers_of, pack, rows_of
from .lexicon import GEO_PLURALS, NAME_PARTICLES, NEVER, ORG_HEADS, PLACE_FIRST, PLACE_HEADS, TITLE_QUALIFIERS, TITLES, WEEKDAYS_MONTHS
from .nicknames import nickname_spans, outside_nicknames, without_nickname
from .raw import UP, RawMention, Tok, gap, link_key
from .usage import CorpusUsage

__all__ = ["Extractor", "RawMention", "RuleExtractor", "link_key"]

# A capitalised token: "Tokayev", "Kassym-Jomart", "U.S.", "al-Assad", "O'Brien", "AT&T", or the
# tokenised "U . S ." of some corpora. A trailing dot is taken and judged later (abbreviation or full stop).
# A team named by a number ("88ers", "27ers") is a token too, though it has no capital.
TOKEN = re.compile(
    rf"(?<![\w'’\-&.])(?:{UP} \.(?: {UP} \.)+|(?:(?:al|el|ad|as|ash|ul)-|d['’])?{UP}(?:\w|[.'’\-&](?=\w))*\.?"
    r"|[1-9]\ders(?![\w\-]|['’]\w))"
)
# What may stand between two tokens of one name.
_GAP = re.compile(r" (?:(?:of the|of|for the|for|and|&|de la|van der|van den|von der|"
                  + "|".join(sorted(NAME_PARTICLES, key=len, reverse=True)) + r") )?")
SHARE = 500  # articles per worker below which a pass stays in one process
_LOWER_WORD = re.compile(r"(?<![\w'’\-])[a-z][a-z]+(?![\w'’\-])")
_ABBREV_TOKEN = re.compile(rf"^(?:{UP}\.)+$|^(?:{UP} \.)+$")
ABBREVIATIONS = frozenset("""mr mrs ms dr prof sr jr st mt ft gen lt col maj capt sgt cmdr adm brig cpl pvt gov sen
rep rev hon pres amb supt insp det fr atty calif fla mass conn penn ariz wash ore tex ill mich minn wis colo
inc corp co ltd bros jan feb mar apr jun jul aug sep sept oct nov dec""".split())
_POSSESSIVE = ("'s", "’s", "s'", "s’")


class Extractor(Protocol):
    """A detection backend: documents in, raw mentions out (offsets into each Document.text)."""

    def extract(self, documents: Iterable) -> list[RawMention]: ...


class RuleExtractor:
    """The default backend: capitalisation, cues and shipped gazetteers."""

    def __init__(self, gaz: Gazetteer | None = None):
        self.gaz = gaz or gazetteer()
        self._corpus = None
        self._templates: dict[tuple, list[tuple]] = {}

    # --- corpus statistics: which capitalised words are ordinary words here -----------
    def extract(self, documents: Iterable, kept: KeptMentions | None = None) -> list[RawMention]:
        """The raw mentions of ``documents`` in order. With ``kept``, an article whose mentions were
        stored is not read again while its text is the same and the corpus's counts still give every
        answer its mentions relied on (``usage.py``); what is found is handed to ``kept``."""
        docs = list(documents)
        stored = kept.articles(docs) if kept is not None else {}
        base = kept.counts(docs) if kept is not None else None
        lower, strong, counted_ids = base if base is not None else (Counter(), Counter(), set())
        fresh = [d for d in docs if d.id not in counted_ids] if counted_ids else docs
        # Both passes run on every core (reader.core.pool); the second needs the whole corpus's
        # counts, so the workers of each pass are forked once the one before has been merged.
        # Runs are kept between the passes as flat integer arrays (start, end, flags per token),
        # not as objects: at 10,000 articles objects would cost hundreds of megabytes.
        runs: dict[str, array] = {}
        for d, (flat, counts) in zip(fresh, imap_ranges(lambda a, b: self._words(fresh, a, b), len(fresh),
                                                        min_items=SHARE)):
            runs[d.id] = flat
            if counts is not None:
                lower.update(counts[0])
                strong.update(counts[1])
        usage = CorpusUsage(lower, strong, self.gaz.common)
        if kept is not None:
            kept.put_counts(lower, strong)
        answers = {i: answers_of(blob) for i, blob in stored.items()}
        todo = [d for d in docs if d.id not in answers or not usage.holds(answers[d.id])]
        del answers
        self._corpus = (todo, [runs.pop(d.id, None) for d in todo], usage)  # what the forked workers read
        runs.clear()
        found: dict[str, bytes] = {}
        try:
            for d, blob in zip(todo, imap_ranges(self._mentions, len(todo), min_items=SHARE)):
                found[d.id] = blob
                if kept is not None:
                    kept.put(d.id, blob)
        finally:
            self._corpus = None
            self._templates = {}
        if kept is not None:
            kept.done(docs)
        out: list[RawMention] = []
        shared: dict = {}  # equal strings and vote tables are stored once
        for d in docs:
            blob = found.pop(d.id, None) or stored.pop(d.id)
            text = d.text
            doc_id = d.id
            for a, b, key, votes, role, q, g, gw, nt in rows_of(blob):
                surface = text[a:b]
                vk = tuple(sorted(votes))
                table = shared.get(vk)
                if table is None:  # the first table seen keeps its order, as when made here
                    table = shared[vk] = dict(votes)
                out.append(RawMention(doc_id, a, b, shared.setdefault(surface, surface), key, table, role, q,
                                      g, gw, nt))
        return out

    def _words(self, docs: list, a: int, b: int) -> list[tuple[array, tuple[Counter, Counter] | None]]:
        """Pass 1 over ``docs[a:b]``: each article's runs, and with the last of them the range's counts
        of lower-case words and of strong capitalised tokens."""
        lower: Counter[str] = Counter()
        strong: Counter[str] = Counter()
        out: list = []
        for d in counted("entity words", docs[a:b]):
            text = d.text
            lower.update(_LOWER_WORD.findall(text))
            flat = self._runs(text)
            for i in range(0, len(flat), 3):
                if not flat[i + 2] & _WEAK:
                    strong[text[flat[i]:flat[i + 1]].rstrip(".")] += 1
            out.append((flat, None))
        if out:
            out[-1] = (out[-1][0], (lower, strong))
        return out

    def _mentions(self, a: int, b: int) -> list[bytes]:
        """Pass 2 over articles ``a:b``: each one's mentions as plain rows (start, end, key, votes as
        (type, weight) pairs, role, qualifier, gazetteer name and weight, tokens), packed with the
        answers of the corpus's counts they relied on (``pack``)."""
        docs, runs_by_doc, usage = self._corpus
        # A run's pieces depend only on its own text, where capitals are weak, the characters around
        # it and the counts' answers; names repeat, so most runs are cut once per corpus. Context votes
        # are per mention.
        cache = self._templates  # a worker's, kept from one share of the articles to its next
        out: list[bytes] = []
        for d, flat in counted("entities", zip(docs[a:b], runs_by_doc[a:b]), b - a):
            text = d.text
            doc_id = d.id
            if flat is None:  # its counts were kept, not its runs
                flat = self._runs(text)
            tables: dict[tuple, tuple] = {}  # one object per vote table
            rows: list[tuple] = []
            used: dict[tuple, bool] = {}
            for i, j in _run_bounds(flat):
                s0, e0 = flat[i], flat[j - 2]
                ck = (text[s0:e0], flat[i + 2:j:3].tobytes(), text[max(0, s0 - 2):s0], text[e0:e0 + 3],
                      _RULING_BODY.match(text, e0) is not None)
                got = cache.get(ck)
                if got is None:
                    run = [Tok(flat[k], flat[k + 1], text[flat[k]:flat[k + 1]], bool(flat[k + 2] & _WEAK))
                           for k in range(i, j, 3)]
                    tmp: list[RawMention] = []
                    asked: dict[tuple, bool] = {}
                    self._pieces(doc_id, text, run, usage, asked, tmp)
                    got = cache[ck] = ([(m.start - s0, m.end - s0, m.key, m.votes, m.role, m.qualifier, m.gaz,
                                         m.gazw, m.ntok) for m in tmp], tuple(asked.items()))
                tmpl, asked_here = got
                used.update(asked_here)
                for rs, re_, key, votes, role, q, g, gw, nt in tmpl:
                    m = RawMention(doc_id, s0 + rs, s0 + re_, "", key, dict(votes), role, q, g, gw, nt)
                    context_vote(self.gaz, m, text)
                    votes = tuple(m.votes.items())
                    rows.append((m.start, m.end, key, tables.setdefault(votes, votes), m.role, q, g, gw, nt))
            out.append(pack(tuple(used.items()), rows))
        return out

    # --- pass 1: tokens grouped into runs ----------------------------------------------
    def _runs(self, text: str) -> array:
        """Capitalised tokens as a flat array: start, end, flags (_WEAK, _NEW_RUN) per token."""
        weak_lines = headline_spans(text)
        flat = array("i")
        prev_end = -1
        prev_text = ""
        wl = 0
        for m, after_nickname in outside_nicknames(TOKEN.finditer(text), nickname_spans(text, self.gaz.given)):
            s, e = m.start(), m.end()
            tok = m.group()
            if after_nickname:  # 'Thomas "The Hammer" Varrone': one name
                flat.extend((s, e, flat[-1] & _WEAK))
                prev_end, prev_text = e, tok
                continue
            while wl < len(weak_lines) and weak_lines[wl][1] <= s:
                wl += 1
            in_headline = wl < len(weak_lines) and weak_lines[wl][0] <= s
            if prev_text and (_GAP.fullmatch(text, prev_end, s) and not _ends_sentence(prev_text) or (
                    text.startswith(" . ", prev_end) and prev_end + 3 == s and _is_abbrev(prev_text + "."))):
                flags = _WEAK if in_headline else 0
            else:
                flags = _NEW_RUN | (_WEAK if in_headline or sentence_initial(text, s) else 0)
            flat.extend((s, e, flags))
            prev_end, prev_text = e, tok
        return flat

    # --- pass 2: runs cut into pieces, each a mention with type votes --------------------
    def _pieces(self, doc: str, text: str, run: list[Tok], usage: CorpusUsage, used: dict,
                out: list[RawMention]) -> None:
        gaz = self.gaz
        # the trailing dot of a token is an abbreviation's or a full stop
        for t in run:
            if t.text.endswith(".") and not _is_abbrev(t.text):
                t.end -= 1
                t.text = t.text[:-1]
        # credits: "(AP)", "© Reuters"
        before = text[max(0, run[0].start - 2):run[0].start]
        if before.endswith("(") and text[run[-1].end:run[-1].end + 1] == ")" and len(run) <= 2:
            return
        if "©" in before:
            return
        # drop tokens that are no name: weekdays, months, "I", and weak ordinary words
        keep: list[Tok | None] = []
        for t in run:
            low = fold(t.text.rstrip("."))
            bare = low.replace("’", "'")
            for p in ("'s",):
                if bare.endswith(p):
                    bare = bare[:-2]
            if bare in WEEKDAYS_MONTHS or (bare in NEVER and not (bare in PLACE_FIRST and t is not run[-1])):
                keep.append(None)  # ("Mt" before a name is a mountain's, not Mountain Time)
                continue
            if "-" in t.text and t.text.rsplit("-", 1)[1][:1].islower():
                keep.append(None)  # "Russian-led", "English-language": a modifier, not a name
                continue
            if t.weak and not self._known(t.text) and low not in TITLES:
                word = t.text.rstrip(".")
                stem = bare.split("'", 1)[0]  # "They're" is "they"
                if stem in _FUNCTION_WORDS:
                    keep.append(None)
                    continue
                if usage.ordinary(word, stem, bare.endswith("ly"), used):
                    keep.append(None)
                    continue
            if (len(run) == 1 and not t.weak and bare in gaz.common and not self._known(t.text)
                    and usage.capitalised_noun(bare, t.text.rstrip("."), used)):
                keep.append(None)  # "Juror", "District": a capitalised common noun, by this corpus's usage
                continue
            if len(run) == 1 and (bare in ORG_HEADS or bare in PLACE_HEADS) and not self._known(t.text):
                # "Oblast", "Ministry" alone: a common noun written with a capital, unless it stands for
                # a fuller name of the corpus ("the Academy", "the Navy"); linking decides and drops it
                # when there is none
                if t.weak or bare not in ORG_HEADS:
                    keep.append(None)
                    continue
            keep.append(t)
        # split into segments at dropped tokens
        segs: list[list[Tok]] = []
        cur: list[Tok] = []
        for t in keep:
            if t is None:
                if cur:
                    segs.append(cur)
                cur = []
            else:
                cur.append(t)
        if cur:
            segs.append(cur)
        for seg in segs:
            self._segment(doc, text, seg, out)

    def _known(self, word: str) -> bool:
        g = self.gaz
        w = fold(word.rstrip("."))
        for p in ("'s", "’s"):
            if w.endswith(p):
                w = w[:-2]
        e = g.names.get(w)
        return (e is not None and e.weight >= 2) or (w in g.given and w not in g.given_words) or w in g.demonyms

    def _segment(self, doc: str, text: str, seg: list[Tok], out: list[RawMention]) -> None:
        role: str | None = None
        qualifier: str | None = None
        i = 0
        n = len(seg)
        pieces: list[tuple[list[Tok], str | None, str | None]] = []  # (tokens, role, qualifier)
        start_piece = 0
        while i < n:
            low = fold(seg[i].text.rstrip("."))
            # a known multi-word name wins over every split rule
            j = self._longest_known(text, seg, i)
            if j > i + 1 and j < n and self._team_after_place(text, seg, i, j):
                j += 1  # "Kansas City Chiefs": a known place and a plural noun are a team, one name
            elif j > i + 1 and j < n and self._org_after_place(text, seg, i, j):
                j = i  # "New York Police": a known place and an organisation's head make one name; read on
            if j > i + 1:
                if start_piece < i:
                    pieces.append((seg[start_piece:i], role, qualifier))
                    role = qualifier = None
                pieces.append((seg[i:j], role, qualifier))
                role = qualifier = None
                i = start_piece = j
                continue
            after_of = i > 0 and gap(text, seg[i - 1], seg[i]) in ("of", "of the", "for", "for the")
            if not after_of and i + 1 < n and (
                    low in TITLES or (low in TITLE_QUALIFIERS and fold(seg[i + 1].text.rstrip(".")) in TITLES)):
                # the tokens before a title qualify it ("Kazakhstan President X"): keep them as their own name
                if start_piece < i:
                    pieces.append((seg[start_piece:i], None, None))
                k = i
                while k < n and (fold(seg[k].text.rstrip(".")) in TITLES or fold(seg[k].text.rstrip(".")) in TITLE_QUALIFIERS):
                    k += 1
                # "Secretary of State Antony Blinken": "of X" belongs to the title when a name follows
                if k + 1 < n and gap(text, seg[k - 1], seg[k]) in ("of", "for"):
                    k += 1
                role = " ".join(fold(t.text.rstrip(".")) for t in seg[i:k])
                if k >= n:
                    # a bare title is no name; "Mayor of London": London after it is
                    return self._emit_pieces(doc, text, pieces, out)
                i = start_piece = k
                continue
            if i > start_piece and _is_possessive(seg[i - 1].text):
                # "Kazakhstan's Interior Ministry": the possessor and the possessed are two names
                pieces.append((seg[start_piece:i], role, qualifier))
                role = qualifier = None
                start_piece = i
            elif i > start_piece:
                g = gap(text, seg[i - 1], seg[i])
                if (g == "and" and not self._inside_of_name(text, seg[start_piece:i])) or (
                        g in ("of", "of the", "for", "for the") and not self._keeps_of(seg[start_piece:i])):
                    pieces.append((seg[start_piece:i], role, qualifier))
                    role = qualifier = None
                    start_piece = i
            i += 1
        if start_piece < n:
            pieces.append((seg[start_piece:], role, qualifier))
        self._emit_pieces(doc, text, [p for piece in pieces for p in self._split_at_given(text, piece)], out)

    def _split_at_given(self, text: str, piece):
        """ "Sixers Hire Maurice Cheeks", "Chargers Jamal Williams": a given name after a word that is
        not one starts the person's name."""
        toks, role, qualifier = piece
        g = self.gaz
        if len(toks) < 3 or fold(text[toks[0].start:toks[-1].end]) in g.names:
            return [piece]
        for k in range(1, len(toks) - 1):
            w, prev = fold(toks[k].text), fold(toks[k - 1].text)
            if (w in g.given and prev not in g.given and prev not in NAME_PARTICLES and len(prev) > 1
                    and gap(text, toks[k - 1], toks[k]) == "" and fold(toks[-1].text) not in ORG_HEADS
                    and fold(toks[-1].text) not in PLACE_HEADS
                    # "San Diego Chargers": the given name is inside a known name that starts the piece
                    and fold(text[toks[0].start:toks[k].end]) not in g.names):
                return [(toks[:k], None, qualifier), (toks[k:], role, None)]
        return [piece]

    def _team_after_place(self, text: str, seg: list[Tok], i: int, j: int) -> bool:
        """Whether ``seg[j]`` is a capitalised plural that makes the known place ``seg[i:j]`` a team's or
        a company's name ("New Orleans Saints"), not a geographic plural ("Cayman Islands")."""
        entry = self.gaz.names.get(fold(text[seg[i].start:seg[j - 1].end]))
        w = fold(seg[j].text.rstrip("."))
        return (entry is not None and entry.type == "PLACE" and gap(text, seg[j - 1], seg[j]) == ""
                and len(w) > 3 and w.endswith("s") and not w.endswith(("'s", "’s", "ss")) and w not in GEO_PLURALS
                and w not in PLACE_HEADS and w not in ORG_HEADS and self.gaz.names.get(w) is None)

    def _org_after_place(self, text: str, seg: list[Tok], i: int, j: int) -> bool:
        """Whether ``seg[j]`` is an organisation's head that makes the known place ``seg[i:j]`` part of its
        name ("New York Police", "New Bedford Council"), as a one-word place already is ("Cumbria Police")."""
        entry = self.gaz.names.get(fold(text[seg[i].start:seg[j - 1].end]))
        return (entry is not None and entry.type == "PLACE" and gap(text, seg[j - 1], seg[j]) == ""
                and fold(seg[j].text.rstrip(".")) in ORG_HEADS)

    def _inside_of_name(self, text: str, left: list[Tok]) -> bool:
        """ "Academy of Motion Picture Arts and Sciences": "and" after a head-of phrase stays inside."""
        for a, b in zip(left, left[1:]):
            if gap(text, a, b) in ("of", "for") and fold(a.text) in ORG_HEADS:
                return True
        return False

    def _keeps_of(self, left: list[Tok]) -> bool:
        """Whether "X of Y" is one name: when X ends with an organisation or place head."""
        w = fold(left[-1].text.rstrip("."))
        return w in ORG_HEADS or w in PLACE_HEADS or w in ("republic", "kingdom", "bank", "university", "house",
                                                           "city", "isle", "gulf", "sea", "bay", "cape", "lake")

    def _longest_known(self, text: str, seg: list[Tok], i: int) -> int:
        names = self.gaz.names
        best = i
        for j in range(min(len(seg), i + 6), i + 1, -1):
            surface = text[seg[i].start:seg[j - 1].end]
            if "\n" in surface:
                continue
            if fold(surface) in names:
                return j
        return best

    def _emit_pieces(self, doc: str, text: str, pieces, out: list[RawMention]) -> None:
        gaz = self.gaz
        prev_qual: str | None = None
        for toks, role, qualifier in pieces:
            # possessive: "Russia's" names Russia and qualifies what follows
            last = toks[-1]
            possessive = False
            for p in _POSSESSIVE:
                if last.text.endswith(p) and len(last.text) > 2:
                    last.end -= 2
                    last.text = last.text[:-2]
                    possessive = True
                    break
                if p == "'s" and text.startswith(" 's", last.end):  # tokenised "Reid 's"
                    possessive = True
            # demonym heading an organisation: "Russian Defense Ministry" (kept whole, qualified)
            first = fold(toks[0].text)
            dem = gaz.demonyms.get(first)
            if dem and len(toks) == 1:
                prev_qual = dem  # "Russian" alone is an adjective, a hint only
                continue
            if dem and len(toks) > 1:
                rest_head = fold(toks[-1].text)
                if rest_head in ORG_HEADS:
                    qualifier = dem
                else:
                    toks = toks[1:]  # "Kazakh Karim Masimov" -> the person
            start, end = toks[0].start, toks[-1].end
            if not possessive and (rule := self._ruling_body(text, toks)) is not None:
                toks = [*toks, rule]  # "the Bush administration": the government, not the man
                end, role = rule.end, None
            surface = text[start:end]
            if not surface or not surface[0].isalnum():  # a digit starts only a team's name ("88ers")
                continue
            key = link_key(without_nickname(surface) if len(toks) > 1 else surface)
            m = RawMention(doc, start, end, surface, key, role=role, ntok=len(toks))
            if qualifier or prev_qual:
                m.qualifier = qualifier or prev_qual
            static_vote(self.gaz, m, text, toks)
            if m.gaz is None and fold(surface) in gaz.demonyms:
                continue
            out.append(m)
            prev_qual = (m.gaz or surface) if possessive and m.votes.get("PLACE", 0) >= 2 else None

    def _ruling_body(self, text: str, toks: list[Tok]) -> Tok | None:
        """The lower-case "administration" after a leader's name ("the Bush administration", "the Assad
        regime", "the Harlan team"): an organisation named after the person, returned as the token that ends
        it. Not after a known place or organisation ("the Iraq government" names the country, "the Brazil
        team" is the country's) or an organisation's head."""
        m = _RULING_BODY.match(text, toks[-1].end)
        if m is None:
            return None
        entry = self.gaz.names.get(fold(text[toks[0].start:toks[-1].end]))
        head = fold(toks[-1].text)
        if (entry is not None and entry.type != "PERSON") or head in ORG_HEADS or head in PLACE_HEADS:
            return None
        return Tok(m.start(1), m.end(1), m.group(1), False)


_RULING_BODY = re.compile(r" (administration|government|cabinet|regime|team)\b(?![\-'’])")
_WEAK, _NEW_RUN = 1, 2
# Never a name where a capital proves nothing, whatever the corpus does with "A" or "It" elsewhere.
_FUNCTION_WORDS = frozenset("""a an the in on at of for to by with from and or but as if so this that these those
it its he she they we you i his her their our my your there here when while after before""".split())


def _run_bounds(flat: array) -> Iterator[tuple[int, int]]:
    """(first, past-last) indexes into ``flat`` of each run of tokens."""
    start = 0
    for i in range(3, len(flat), 3):
        if flat[i + 2] & _NEW_RUN:
            yield start, i
            start = i
    if len(flat):
        yield start, len(flat)


def _is_possessive(tok: str) -> bool:
    return len(tok) > 2 and tok.endswith(_POSSESSIVE)


def _is_abbrev(tok: str) -> bool:
    return bool(_ABBREV_TOKEN.match(tok)) or tok[:-1].lower() in ABBREVIATIONS or (len(tok) == 2)


def _ends_sentence(tok: str) -> bool:
    return tok.endswith(".") and not _is_abbrev(tok)
