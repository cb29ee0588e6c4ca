"""Per-article results kept in the analysis store between runs (``keeping.KeptArticles``).

Corpus-wide analyses (linking, the timeline's events) are recomputed whenever an article changes; what
each article alone gives is kept by article, under what its file was, so that one article added to a
big folder is the only one read again:

- ``StoreKeptArticles``: an entry per article, valid while the article's key (its fingerprint, or the
  hash of its text for what depends on the text alone) is the one it was stored under;
- ``StoreKeptMentions``: detected names. Detection depends on other articles only through a few answers
  of the corpus's counts (``entities/usage.py``), which an entry carries and detection checks; the counts
  are kept with the articles they cover. An edited or deleted article cannot be taken out of the kept
  counts, so then they are made again from every article (the cheaper pass).
"""

from __future__ import annotations

import pickle
from collections import Counter

from .store import Store

MENTIONS = "entity_mentions"
DATES = "dates"


class StoreKeptArticles:
    """Entries of ``analysis`` at ``version``; ``keys``: article id -> what its entry must have been
    stored under to hold now. ``detach()`` before the analysis runs in another process, which must not
    touch this one's database connection: what it reads is read first, and it writes through a
    connection of its own, as soon as each analysis is done with what it keeps (so a big folder's entries
    are not held through the rest of the pass)."""

    def __init__(self, store: Store, analysis: str, version: str, keys: dict[str, str]):
        self.store = store
        self.analysis = analysis
        self.version = version
        self.keys = keys
        self._rows: list[tuple[str, str, bytes]] = []
        self._kept: dict[str, tuple[str, bytes]] | None = None
        self._detached = False
        self._own: Store | None = None

    def detach(self) -> None:
        self._kept = self.store.get_articles(self.analysis, self.version)
        self._detached = True

    def _writer(self) -> Store:
        if not self._detached:
            return self.store
        if self._own is None:
            self._own = Store(self.store.path)
        return self._own

    def articles(self, documents: list) -> dict[str, bytes]:
        kept = self._kept if self._kept is not None else self.store.get_articles(self.analysis, self.version)
        self._kept = None
        out = {}
        for d in documents:
            got = kept.get(d.id)
            if got is not None and got[0] == self.keys.get(d.id):
                out[d.id] = got[1]
        return out

    def put(self, doc_id: str, entry: bytes) -> None:
        self._rows.append((doc_id, self.keys.get(doc_id, "-"), entry))

    def done(self, documents: list) -> None:
        rows, self._rows = self._rows, []
        store = self._writer()
        store.put_articles(self.analysis, self.version, rows, keep={d.id for d in documents})
        del rows
        self._done_more(store, documents)
        if self._own is not None:
            self._own.close()
            self._own = None

    def _done_more(self, store: Store, documents: list) -> None:
        """What else a keeper files once every article has its entry."""


class StoreKeptMentions(StoreKeptArticles):
    """``entities.kept.KeptMentions``; ``hashes``: article id -> hash of its text now. The counts are the
    corpus row of the same analysis."""

    def __init__(self, store: Store, version: str, hashes: dict[str, str]):
        super().__init__(store, MENTIONS, version, hashes)
        self._counts: tuple[Counter, Counter] | None = None
        self._counts_row: bytes | None = None

    def detach(self) -> None:
        super().detach()
        self._counts_row = self.store.get_corpus(self.analysis, self.version, "-")

    def counts(self, documents: list) -> tuple[Counter, Counter, set[str]] | None:
        data = self._counts_row if self._detached else self.store.get_corpus(self.analysis, self.version, "-")
        self._counts_row = None
        if data is None:
            return None
        try:
            covered, lower, strong = pickle.loads(data)
        except Exception:  # written by a release that kept them otherwise: made again
            return None
        hashes = self.keys
        if any(hashes.get(doc) != h for doc, h in covered.items()):
            return None  # an article counted is gone or changed: its words cannot be taken out
        return lower, strong, set(covered)

    def put_counts(self, lower: Counter, strong: Counter) -> None:
        self._counts = (lower, strong)

    def _done_more(self, store: Store, documents: list) -> None:
        if self._counts is not None:
            covered = {d.id: self.keys.get(d.id, "-") for d in documents}
            lower, strong = self._counts
            self._counts = None
            store.put_corpus(self.analysis, self.version, "-",
                             pickle.dumps((covered, lower, strong), protocol=pickle.HIGHEST_PROTOCOL))
