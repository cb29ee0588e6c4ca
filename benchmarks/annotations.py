#!/usr/bin/env python3
"""Annotations: save/load time of a large file, and re-anchoring after the articles change.

Usage: benchmarks/annotations.py [--docs N | PATH] [--notes N] [--jsonl FILE]

Makes N annotations on random sentences of the corpus and measures: the first
save (every entry dumped), opening the file (parse + anchor every annotation
against unchanged texts; then again with the JSON copy the app keeps of a
large file), one more add (the app's cost per annotation with N
in the file), then re-anchoring after edits: text inserted at the top of a
quarter of the articles (expect "moved"), a word replaced inside 10% of the
passages (expect "fuzzy"), 5% of the passages deleted (expect "orphan"). For
each kind it counts how many got the expected status and, for moved/fuzzy,
the right text. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._corpus import corpus_from_args, emit, rss_mb  # noqa: E402

INSERTED = "Editor's note: this article was updated after publication to add new reporting.\n\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", help="a corpus folder (default: generate one)")
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--notes", type=int, default=10000, help="annotations to make (default 10000)")
    ap.add_argument("--jsonl", help="JSONL texts to generate the corpus from")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    corpus_dir, _ = corpus_from_args(a.path, a.docs, a.jsonl)

    from reader.core.annotations import AnnotationStore
    from reader.core.document import Document
    from reader.core.loader import LoadOptions, load_paths

    rng = random.Random(a.seed)
    t = time.perf_counter()
    corpus = load_paths([str(corpus_dir)], LoadOptions())
    load_corpus_s = time.perf_counter() - t
    docs = corpus.documents

    # N annotations on distinct sentences, spread over the articles.
    picks: dict[str, list] = {}
    # Sentences that occur once in their article: the generated corpus repeats some,
    # and for a repeated one "deleted" or "edited" has no single right answer (the
    # other copy is a correct "moved").
    candidates = [(d, s) for d in rng.sample(docs, min(len(docs), a.notes)) for s in d.sentences
                  if s.end - s.start > 40 and d.text.count(d.text[s.start:s.end]) == 1]
    rng.shuffle(candidates)
    for d, s in candidates[: a.notes]:
        picks.setdefault(d.id, []).append(s)

    folder = Path(tempfile.mkdtemp(prefix="reader-bench-notes-"))
    os.environ["XDG_CACHE_HOME"] = str(folder / "cache")  # the JSON copy goes there, not in the user's cache
    notes = folder / "annotations.yaml"
    store = AnnotationStore.open(notes, docs)
    by_id = {d.id: d for d in docs}
    made = []
    for doc_id, spans in picks.items():
        for s in spans:
            made.append(store.add(by_id[doc_id], s.start, s.end, tags=[rng.choice(["claim", "quote", "numbers", "🔥"])],
                                  note=f"checked against source {rng.randrange(1000)}", save=False))
    t = time.perf_counter()
    result = store.save()
    first_save_s = time.perf_counter() - t
    assert result.ok, result.message

    t = time.perf_counter()
    reopened = AnnotationStore.open(notes, docs)  # the YAML itself
    open_s = time.perf_counter() - t
    AnnotationStore.open(notes, docs, use_cache=True)  # writes the JSON copy the app keeps of a large file
    t = time.perf_counter()
    AnnotationStore.open(notes, docs, use_cache=True)
    open_cached_s = time.perf_counter() - t
    assert len(reopened.all()) == len(made), (len(reopened.all()), len(made), reopened.problem, reopened.warnings[:3])
    assert all(x.status == "anchored" for x in reopened.all())

    some = made[0]
    t = time.perf_counter()
    reopened.add(by_id[some.doc], some.selector.start, some.selector.end, tags=["again"])
    add_one_s = time.perf_counter() - t
    assert reopened.last_save.ok

    # --- change the articles under the annotations -----------------------
    doc_ids = list(picks)
    rng.shuffle(doc_ids)
    q = len(doc_ids) // 4
    moved_docs = set(doc_ids[:q])  # only an insertion at the top: every passage moves
    rest = [x for x in made if x.doc not in moved_docs]
    rng.shuffle(rest)
    n_fuzzy, n_orphan = len(made) // 10, len(made) // 20
    fuzzy, orphan = rest[:n_fuzzy], rest[n_fuzzy : n_fuzzy + n_orphan]
    edits: dict[str, list[tuple[int, int, str]]] = {}
    replacement: dict[str, str] = {}
    for x in fuzzy:
        words = [(i, w) for i, w in enumerate(x.exact.split(" ")) if len(w) > 3 and w.isalpha()]
        if not words:
            continue
        i, w = rng.choice(words[1:-1] or words)
        new_word = w[::-1].lower() if w[::-1].lower() != w else w + "x"
        parts = x.exact.split(" ")
        parts[i] = new_word
        replacement[x.id] = " ".join(parts)
        edits.setdefault(x.doc, []).append((x.selector.start, x.selector.end, replacement[x.id]))
    for x in orphan:
        edits.setdefault(x.doc, []).append((x.selector.start, x.selector.end, ""))
    changed = []
    for d in docs:
        text = d.text
        for s, e, new in sorted(edits.get(d.id, []), reverse=True):
            text = text[:s] + new + text[e:]
        if d.id in moved_docs:
            text = INSERTED + text
        changed.append(Document(d.id, d.path, text))
    changed_by_id = {d.id: d for d in changed}

    t = time.perf_counter()
    after = AnnotationStore.open(notes, changed)
    reanchor_s = time.perf_counter() - t

    def ok_moved(x) -> bool:
        y = after.get(x.id)
        return y.status == "moved" and changed_by_id[y.doc].text[y.start : y.end] == x.exact

    def ok_fuzzy(x) -> bool:
        y = after.get(x.id)
        return y.status == "fuzzy" and changed_by_id[y.doc].text[y.start : y.end] == replacement[x.id]

    moved_set = [x for x in made if x.doc in moved_docs]
    fuzzy_set = [x for x in fuzzy if x.id in replacement]
    counts: dict[str, int] = {}
    for x in after.all():
        counts[x.status] = counts.get(x.status, 0) + 1
    file_bytes = notes.stat().st_size
    shutil.rmtree(folder, ignore_errors=True)
    emit({
        "n_docs": len(docs),
        "n_annotations": len(made),
        "file_bytes": file_bytes,
        "corpus_load_seconds": round(load_corpus_s, 3),
        "first_save_seconds": round(first_save_s, 3),
        "open_seconds": round(open_s, 3),
        "open_with_json_copy_seconds": round(open_cached_s, 3),
        "add_one_with_file_full_seconds": round(add_one_s, 3),
        "reanchor_after_edits_seconds": round(reanchor_s, 3),
        "statuses_after_edits": counts,
        "moved_expected": len(moved_set),
        "moved_exact_text": sum(ok_moved(x) for x in moved_set),
        "fuzzy_expected": len(fuzzy_set),
        "fuzzy_exact_text": sum(ok_fuzzy(x) for x in fuzzy_set),
        "fuzzy_status": sum(after.get(x.id).status == "fuzzy" for x in fuzzy_set),
        "orphan_expected": len(orphan),
        "orphan_status": sum(after.get(x.id).status == "orphan" for x in orphan),
        "rss_mb": rss_mb(),
    })


if __name__ == "__main__":
    main()
