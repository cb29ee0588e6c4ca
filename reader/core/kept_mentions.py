"""Each article's detected mentions, and the corpus's counts they were judged by, kept in the analysis store.

Linking is corpus-wide and recomputed whenever an article changes; detection is per article but for a
few answers of the corpus's counts (``entities/usage.py``). So an article's mentions are kept under its
text hash, with those answers, and the counts are kept with the articles they cover: one article added
to a big folder is read (both passes) alone, the counts are the kept ones plus its own, and every other
article is read again only if one of its answers changed. An edited or deleted article cannot be taken
out of the kept counts, so then the counts are made again from every article (the cheaper pass).
"""

from __future__ import annotations

import pickle
from collections import Counter

from .store import Store

MENTIONS = "entity_mentions"
COUNTS = MENTIONS  # the corpus row of the same analysis: its counts


class StoreKeptMentions:
    """``entities.kept.KeptMentions`` over a Store; ``hashes``: article id -> hash of its text now."""

    def __init__(self, store: Store, version: str, hashes: dict[str, str]):
        self.store = store
        self.version = version
        self.hashes = hashes
        self._rows: list[tuple[str, str, bytes]] = []
        self._counts: tuple[Counter, Counter] | None = None

    def articles(self, documents: list) -> dict[str, bytes]:
        kept = self.store.get_articles(MENTIONS, self.version)
        out = {}
        for d in documents:
            got = kept.get(d.id)
            if got is not None and got[0] == self.hashes.get(d.id):
                out[d.id] = got[1]
        return out

    def counts(self, documents: list) -> tuple[Counter, Counter, set[str]] | None:
        data = self.store.get_corpus(COUNTS, self.version, "-")
        if data is None:
            return None
        try:
            covered, lower, strong = pickle.loads(data)
        except Exception:  # written by a release that kept them otherwise: made again
            return None
        hashes = self.hashes
        if any(hashes.get(doc) != h for doc, h in covered.items()):
            return None  # an article counted is gone or changed: its words cannot be taken out
        return lower, strong, set(covered)

    def put_counts(self, lower: Counter, strong: Counter) -> None:
        self._counts = (lower, strong)

    def put(self, doc_id: str, entry: bytes) -> None:
        self._rows.append((doc_id, self.hashes.get(doc_id, "-"), entry))

    def done(self, documents: list) -> None:
        rows, self._rows = self._rows, []
        self.store.put_articles(MENTIONS, self.version, rows, keep={d.id for d in documents})
        if self._counts is not None:
            covered = {d.id: self.hashes.get(d.id, "-") for d in documents}
            lower, strong = self._counts
            self._counts = None
            self.store.put_corpus(COUNTS, self.version, "-",
                                  pickle.dumps((covered, lower, strong), protocol=pickle.HIGHEST_PROTOCOL))
