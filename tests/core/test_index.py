"""The Index: parts built once, on first use, from any thread."""

from __future__ import annotations

from tests.conftest import SEEDS


def test_index_parts_are_built_once_across_threads(monkeypatch):
    import threading
    import time

    import reader.core.index as index_mod
    from reader.core.index import Index
    from reader.core.loader import load_paths

    calls = []

    def slow_build(documents, corrections_path=None, **_):
        calls.append(1)
        time.sleep(0.2)
        return object()

    import reader.core.entities as entities_mod

    monkeypatch.setattr(entities_mod, "build_entity_index", slow_build)
    index = Index(load_paths([str(SEEDS)]))
    got = []
    threads = [threading.Thread(target=lambda: got.append(index.entities)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and len({id(x) for x in got}) == 1
    replacement = object()
    index.entities = replacement  # corrections publish a new list
    assert index.entities is replacement
    assert index_mod.Index.entities.__doc__.startswith("EntityIndex")
