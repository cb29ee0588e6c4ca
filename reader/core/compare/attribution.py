"""Who an article says a figure comes from: a quotation's speaker, "according to X", "citing X",
"X said". An entity id when the words name a known entity, else the words themselves."""

from __future__ import annotations

import re
from typing import Any

from ..document import Document, Span

_CITING = re.compile(r"\b(?:citing|quoting)\s+", re.IGNORECASE)
_ACCORDING = re.compile(r"\b(?:according to|as reported by|reported by)\s+", re.IGNORECASE)
_SAID_VERB = (r"(?:said|says|say|told|reported|reports|announced|stated|confirmed|estimated|"
              r"estimates|put the (?:number|figure|toll) at)\b")
_SAID_BEFORE = re.compile(r"([^,;:“”\"()\n]{2,80}?)\s+" + _SAID_VERB)
# The first speech verb with white space before it: no match of _SAID_BEFORE begins more than 80
# characters before that white space, so the (costly) search starts there.
_SAID_VERB_AFTER_SPACE = re.compile(r"(\s+)" + _SAID_VERB)
_SAID_AFTER = re.compile(r"[,\"”’]\s*(?:said|says|according to)\s+([^,.;:“”\"()\n]{2,80})")
_STOP_AT = re.compile(r"\s*(?:[,.;:()“”\"]|\b(?:citing|quoting|which|who|that|on|in|as|after|when|while)\b)")
_LEAD = re.compile(r"^(?:the|a|an|and|but|also|however)\s+", re.IGNORECASE)
PRONOUNS = frozenset("he she they it we i you this that these those there".split())
MAX_WORDS = 8


class Attributor:
    """Attribution of the figures of one article; one lookup per sentence."""

    def __init__(self, doc: Document, entity_index: Any | None = None, quote_index: Any | None = None):
        self.doc = doc
        self.entities = entity_index
        self.quotes = quote_index
        self._cache: dict[int, tuple[str | None, str | None]] = {}
        self._mentions_cache: list | None = None

    def at(self, sentence: Span, offset: int) -> tuple[str | None, str | None, str | None]:
        """``(attribution, words, quote_id)`` for a figure at ``offset`` in ``sentence``."""
        q = self._quote_at(offset)
        if q is not None and (q.speaker_entity or q.speaker_text):
            words = q.speaker_text or q.speaker
            if q.speaker_entity or (words and words.lower() not in PRONOUNS):
                return q.speaker_entity or words, words, q.id
        key = sentence.start
        if key not in self._cache:
            self._cache[key] = self._sentence(sentence)
        attribution, words = self._cache[key]
        return attribution, words, q.id if q is not None else None

    def _mentions(self) -> list:
        if self._mentions_cache is None:
            try:
                self._mentions_cache = list(self.entities.mentions_in(self.doc.id))
            except Exception:
                self._mentions_cache = []
        return self._mentions_cache

    def _quote_at(self, offset: int):
        if self.quotes is None:
            return None
        try:
            q = self.quotes.at(self.doc.id, offset)
        except Exception:
            return None
        while q is not None and (q.short or q.nested_in):  # a scare quote inside a sentence says nothing of who
            q = self.quotes.get(q.nested_in) if q.nested_in else None
        return q

    def _sentence(self, sentence: Span) -> tuple[str | None, str | None]:
        text = self.doc.text
        s_text = text[sentence.start:sentence.end]
        for rx in (_CITING, _ACCORDING):
            m = rx.search(s_text)
            if m:
                a = sentence.start + m.end()
                stop = _STOP_AT.search(text, a, sentence.end)
                b = stop.start() if stop and stop.start() > a else sentence.end
                found = self._name(a, b, last=False)
                if found[1]:
                    return found
        v = _SAID_VERB_AFTER_SPACE.search(s_text)
        m = _SAID_BEFORE.search(s_text, max(0, v.start() - 80)) if v else None
        if m:
            return self._name(sentence.start + m.start(1), sentence.start + m.end(1), last=True)
        m = _SAID_AFTER.search(s_text)
        if m:
            return self._name(sentence.start + m.start(1), sentence.start + m.end(1), last=False)
        return None, None

    def _name(self, a: int, b: int, last: bool) -> tuple[str | None, str | None]:
        """The entity named in ``text[a:b]`` (organisations and people before places; the one nearest
        the speech verb), else the words when they are a short noun phrase, not a pronoun."""
        text = self.doc.text
        words = _LEAD.sub("", " ".join(text[a:b].split())).strip(" ’'\"")
        if not words or words.lower() in PRONOUNS:
            return None, None
        if self.entities is not None:
            pairs = [(m, e) for m, e in self._mentions() if m.start < b and a < m.end]
            if pairs:
                ranked = sorted(pairs, key=lambda p: (p[1].type == "PLACE", -p[0].start if last else p[0].start))
                return ranked[0][1].id, words if len(words.split()) <= MAX_WORDS else ranked[0][0].text
        if len(words.split()) > MAX_WORDS or not any(c.isalpha() for c in words):
            return None, None
        if self.entities is not None:
            try:  # "the interior ministry" in lower case: not a mention, but the entity's name
                e = self.entities.resolve(words, self.doc.id, a)
            except Exception:
                e = None
            if e is not None:
                return e.id, words
        return words, words
