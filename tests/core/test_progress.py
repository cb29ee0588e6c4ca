"""reader.core.progress: the analyses say how far they have got, to the thread that asked."""

from __future__ import annotations

import threading

from reader.core.dates import build_timeline
from reader.core.entities import build_entity_index
from reader.core.loader import load_paths, segment_all
from reader.core.progress import counted, report, reporting
from reader.core.quotes import build_quote_index


def test_nobody_listening_costs_nothing():
    items = [1, 2, 3]
    assert counted("x", items) is items  # the very list: no wrapper, no report
    report("x", 1, 3)  # no callback: nothing happens


def test_start_steps_and_end_are_reported():
    heard = []
    with reporting(lambda *a: heard.append(a)):
        assert list(counted("entities", range(1000), 1000)) == list(range(1000))
    assert heard[0] == ("entities", 0, 1000) and heard[-1] == ("entities", 1000, 1000)
    dones = [d for _, d, _ in heard]
    assert dones == sorted(dones) and 90 <= len(heard) <= 110  # about every hundredth, not every item


def test_a_generator_is_counted_when_its_length_is_unknown():
    heard = []
    with reporting(lambda *a: heard.append(a)):
        assert sum(counted("dates", (i for i in range(5)))) == 10
    assert heard[0] == ("dates", 0, 5) and heard[-1] == ("dates", 5, 5)


def test_the_callback_is_the_threads_own_and_restored_after_the_block():
    heard, other = [], []

    def elsewhere():
        list(counted("quotations", [1, 2]))  # another thread, no callback of its own
        report("quotations", 2, 2)

    with reporting(lambda *a: heard.append(a)):
        with reporting(lambda *a: other.append(a)):
            report("inner", 1, 1)
        t = threading.Thread(target=elsewhere)
        t.start()
        t.join()
        report("outer", 1, 1)
    report("after", 1, 1)
    assert other == [("inner", 1, 1)] and heard == [("outer", 1, 1)]


def _corpus(tmp_path, n=12):
    for i in range(n):
        (tmp_path / f"a{i:02}.txt").write_text(
            f"date 2024-03-{i + 1:02}\n\nMayor Jane Holt said on Monday that the bridge in Dunmore would reopen. "
            f'"We will finish it by June," Holt said. Engineers from Acme Corp agreed.\n', encoding="utf-8")
    return load_paths([tmp_path]).documents


def test_each_analysis_counts_its_articles(tmp_path):
    docs = _corpus(tmp_path)
    heard: dict[str, list[tuple[int, int]]] = {}
    with reporting(lambda name, done, total: heard.setdefault(name, []).append((done, total))):
        entities = build_entity_index(docs)
        build_quote_index(docs, entities)
        build_timeline(docs, entities)
        segment_all(load_paths([tmp_path]))
    for name in ("entity words", "entities", "quotations", "dates", "sentences"):
        assert heard[name][0] == (0, len(docs)) and heard[name][-1] == (len(docs), len(docs)), name
