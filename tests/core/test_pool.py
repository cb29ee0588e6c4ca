"""Work on every core: forked workers give the results one process would, in order."""

from __future__ import annotations

import os

import pytest

from reader.core import pool
from reader.core.quotes import build_quote_index
from reader.core.quotes import index as quote_index_module
from reader.core.quotes import matching as matching_module

from .forking import forking
from .quotes_fakes import doc

def squares_with_pid(a: int, b: int) -> list[tuple[int, int]]:
    return [(i * i, os.getpid()) for i in range(a, b)]


@forking
def test_results_come_back_in_order_from_other_processes(monkeypatch):
    monkeypatch.setenv("READER_WORKERS", "2")
    out = pool.map_ranges(squares_with_pid, 1000, min_items=10)
    assert [v for v, _ in out] == [i * i for i in range(1000)]
    assert os.getpid() not in {pid for _, pid in out}  # really done by the workers


def test_one_worker_means_no_fork(monkeypatch):
    monkeypatch.setenv("READER_WORKERS", "1")
    out = pool.map_ranges(squares_with_pid, 1000, min_items=10)
    assert {pid for _, pid in out} == {os.getpid()}


def test_too_few_items_stay_in_process(monkeypatch):
    monkeypatch.setenv("READER_WORKERS", "2")
    out = pool.map_ranges(squares_with_pid, 30, min_items=64)
    assert {pid for _, pid in out} == {os.getpid()}


def test_worker_count_reads_the_environment(monkeypatch):
    monkeypatch.setenv("READER_WORKERS", "3")
    assert pool.worker_count() == 3
    monkeypatch.setenv("READER_WORKERS", "0")
    assert pool.worker_count() == 1
    monkeypatch.setenv("READER_WORKERS", "many")
    assert pool.worker_count() >= 1
    monkeypatch.setenv("READER_WORKERS", "999")
    assert pool.worker_count() == pool.MAX_WORKERS


def fails_on_seven(a: int, b: int) -> list[int]:
    if a <= 7 < b:
        raise ValueError("item 7")
    return list(range(a, b))


@forking
def test_an_error_in_a_worker_is_raised_here(monkeypatch):
    monkeypatch.setenv("READER_WORKERS", "2")
    with pytest.raises(ValueError, match="item 7"):
        pool.map_ranges(fails_on_seven, 200, min_items=10)
    assert pool.map_ranges(squares_with_pid, 3, min_items=1)[2][0] == 4  # usable again afterwards


@forking
def test_work_right_after_other_work_is_on_every_core_too(monkeypatch):
    # the pool before leaves its handler threads in the kernel's list a moment after they are joined
    monkeypatch.setenv("READER_WORKERS", "2")
    for _ in range(10):
        out = pool.map_ranges(squares_with_pid, 200, min_items=10)
        assert os.getpid() not in {pid for _, pid in out}


@forking
def test_results_can_be_taken_one_at_a_time_as_ranges_come_back(monkeypatch):
    monkeypatch.setenv("READER_WORKERS", "2")
    it = pool.imap_ranges(squares_with_pid, 1000, min_items=10)
    first = next(it)
    assert first[0] == 0 and first[1] != os.getpid()
    assert [v for v, _ in it] == [i * i for i in range(1, 1000)]


@forking
def test_results_left_untaken_leave_the_pool_usable(monkeypatch):
    monkeypatch.setenv("READER_WORKERS", "2")
    it = pool.imap_ranges(squares_with_pid, 1000, min_items=10)
    assert next(it)[0] == 0
    it.close()  # the caller stopped early: the workers go, the next call forks its own
    out = pool.map_ranges(squares_with_pid, 500, min_items=10)
    assert [v for v, _ in out] == [i * i for i in range(500)]
    assert os.getpid() not in {pid for _, pid in out}
    with pytest.raises(ValueError, match="item 7"):
        list(pool.imap_ranges(fails_on_seven, 200, min_items=10))


def test_a_thread_running_keeps_the_work_in_process(monkeypatch):
    import threading

    monkeypatch.setenv("READER_WORKERS", "2")
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert not pool.can_fork()
        out = pool.map_ranges(squares_with_pid, 500, min_items=10)
        assert {pid for _, pid in out} == {os.getpid()}
    finally:
        stop.set()
        t.join()


SAID = [
    ("“We will rebuild every school that the flood destroyed,” the governor said on Monday.",
     "The governor promised that the state would rebuild every school that the flood destroyed."),
    ("“Twelve bridges are closed and 3,400 people have left their homes,” a police spokesman said.",
     "Police said 3,400 people had left their homes and twelve bridges were closed."),
    ("“The water is still rising,” the mayor said. “Stay away from the river.”",
     "The mayor warned that the water was still rising and told residents to stay away from the river."),
]


def flood_corpus(n: int):
    docs = []
    for i in range(n):
        quoted, reported = SAID[i % len(SAID)]
        text = quoted if i % 2 else reported + " " + quoted
        docs.append(doc(f"Report {i} from the valley. {text} Roads were closed near town {i}.", f"r{i:03d}"))
    return docs


def all_matches(qi) -> list:
    return [q.to_json() for q in qi.quotes]


def small_shares(monkeypatch, *modules) -> list[int]:
    """Shares of five items on two workers in ``modules``' map_ranges and imap_ranges; returns the
    sizes asked for."""
    monkeypatch.setenv("READER_WORKERS", "2")
    calls: list[int] = []

    def small(real):
        def shares(fn, n, **kw):
            calls.append(n)
            return real(fn, n, **{**kw, "min_items": 5})
        return shares
    for m in modules:
        for name in ("map_ranges", "imap_ranges"):
            if hasattr(m, name):
                monkeypatch.setattr(m, name, small(getattr(pool, name)))
    return calls


@forking
def test_quotations_found_and_matched_on_two_cores_are_those_of_one(monkeypatch):
    docs = flood_corpus(60)
    monkeypatch.setenv("READER_WORKERS", "1")
    serial = build_quote_index(docs, None)
    serial.match_all()
    expected = all_matches(serial)
    assert sum(len(q["matches"]) for q in expected) > 100  # a corpus with matches to get right

    calls = small_shares(monkeypatch, quote_index_module, matching_module)
    fresh = flood_corpus(60)  # not yet split into sentences: the workers split them
    parallel = build_quote_index(fresh, None)
    assert all(d._sentences is not None for d in fresh)
    parallel.match_all()
    # quotations found, passages indexed, matches computed: each on two cores
    assert calls == [len(fresh), len(fresh), len(parallel.quotes)]
    assert all_matches(parallel) == expected
    assert [d.sentences for d in fresh] == [d.sentences for d in docs]
    assert parallel.reverse_matches().keys() == serial.reverse_matches().keys()


@forking
def test_the_passages_freed_once_the_workers_have_them_change_no_match(monkeypatch):
    docs = flood_corpus(60)
    monkeypatch.setenv("READER_WORKERS", "1")
    serial = build_quote_index(docs, None)
    serial.match_all(release_passages=True)  # in one process: freed at the end
    assert serial._passages is None
    expected = all_matches(serial)
    small_shares(monkeypatch, quote_index_module)
    parallel = build_quote_index(flood_corpus(60), None)
    released: list[bool] = []
    real = parallel.drop_passages

    def drop():
        released.append(parallel._passages is not None)
        real()
    monkeypatch.setattr(parallel, "drop_passages", drop)
    parallel.match_all(release_passages=True)
    assert released == [True, False]  # freed as soon as the workers had their copy: nothing left at the end
    assert parallel._passages is None
    assert all_matches(parallel) == expected


def test_what_only_the_workers_read_may_be_freed_once_they_exist(monkeypatch):
    monkeypatch.setenv("READER_WORKERS", "1")
    told: list[int] = []
    assert list(pool.imap_ranges(squares_with_pid, 100, min_items=10, forked=lambda: told.append(1)))
    assert told == []  # done in this process: nothing to free early


def named_corpus(n: int):
    said = ["Governor Maria Okafor visited Lagos on Monday, her office said.",
            "The Red Cross sent two trucks to Abuja after Okafor asked for help.",
            "Mr Bello, 45, told the Lagos State Assembly that the bridge would reopen.",
            "In Kano the river rose again, and Bello said the Assembly would meet."]
    return [doc(f"{said[i % 4]} {said[(i + 1) % 4]} Town {i} was flooded.", f"n{i:03d}") for i in range(n)]


def raw_rows(mentions) -> list:
    return [(m.doc, m.start, m.end, m.text, m.key, list(m.votes.items()), m.role, m.qualifier, m.gaz, m.gazw,
             m.ntok) for m in mentions]


@forking
def test_names_detected_on_two_cores_are_those_of_one(monkeypatch):
    from reader.core.entities import detect

    monkeypatch.setenv("READER_WORKERS", "1")
    expected = raw_rows(detect.RuleExtractor().extract(named_corpus(40)))
    assert len({r[3] for r in expected}) >= 6  # a corpus with names to get right

    calls = small_shares(monkeypatch, detect)
    got = raw_rows(detect.RuleExtractor().extract(named_corpus(40)))
    assert calls == [40, 40]  # the corpus's words, then its names: each on two cores
    assert got == expected


@forking
def test_dates_resolved_on_two_cores_are_those_of_one(monkeypatch):
    import datetime

    from reader.core.dates import build_timeline
    from reader.core.dates import timeline as timeline_module
    from reader.core.entities import build_entity_index

    said = ["On Monday the council met; the bridge reopens on March 3, the mayor said last week.",
            "The strike, which began in the first quarter of 2023, ended on Friday, two days ago.",
            "Talks resume next month, and a vote is due by the end of the year, officials said."]
    docs = [doc(f"{said[i % 3]} {said[(i + 1) % 3]} Town {i} waited.", f"t{i:03d}") for i in range(40)]
    for i, d in enumerate(docs):
        d.date = datetime.date(2024, 1 + i % 12, 1 + i % 27)
    ents = build_entity_index(docs)
    monkeypatch.setenv("READER_WORKERS", "1")
    serial = build_timeline(docs, ents)
    expected = [e.to_json() for e in serial.events]
    assert sum(e["date"] is not None for e in expected) > 60  # dates to get right
    calls = small_shares(monkeypatch, timeline_module)
    parallel = build_timeline(docs, ents)
    assert calls == [40]
    assert [e.to_json() for e in parallel.events] == expected
    assert parallel.anchors == serial.anchors


@forking
def test_articles_split_into_sentences_on_two_cores_are_split_as_by_one(monkeypatch, tmp_path):
    from reader.core import loader
    from reader.core.document import Corpus

    for i in range(30):
        (tmp_path / f"a{i:02}.txt").write_text(f"date 2024-03-{i % 27 + 1:02}\nBridge {i} reopens\n\nThe mayor said "
                                               f"on Monday that bridge {i} would reopen. Mr. Holt agreed.\n\nU.S. "
                                               f"officials said so too. \"It is done,\" he said.\n", encoding="utf-8")
    monkeypatch.setenv("READER_WORKERS", "1")
    alone = loader.load_paths([str(tmp_path)], loader.LoadOptions())
    loader.segment_all(alone)
    calls = small_shares(monkeypatch, pool)
    both = loader.load_paths([str(tmp_path)], loader.LoadOptions())
    loader.segment_all(Corpus(documents=both.documents))
    assert [(d.paragraphs, d.sentences) for d in both.documents] == [(d.paragraphs, d.sentences)
                                                                       for d in alone.documents]
    assert calls == [30]  # split by the workers


def boom():
    raise ValueError("boom in the child")


@forking
def test_work_in_a_child_comes_back_from_another_process(monkeypatch):
    monkeypatch.setenv("READER_WORKERS", "2")
    pid, value = pool.in_child(lambda: (os.getpid(), {"rows": [1, 2, 3]}))
    assert pid != os.getpid() and value == {"rows": [1, 2, 3]}
    with pytest.raises(ValueError, match="boom in the child"):
        pool.in_child(boom)


@forking
def test_a_child_that_dies_leaves_the_work_to_this_process(monkeypatch):
    monkeypatch.setenv("READER_WORKERS", "2")
    parent = os.getpid()

    def work():
        if os.getpid() != parent:
            os._exit(3)  # killed, say, for want of memory
        return "done here"
    assert pool.in_child(work) == "done here"


@forking
def test_a_child_uses_every_core_itself(monkeypatch):
    monkeypatch.setenv("READER_WORKERS", "2")
    child, out = pool.in_child(lambda: (os.getpid(), pool.map_ranges(squares_with_pid, 200, min_items=10)))
    assert [v for v, _ in out] == [i * i for i in range(200)]
    assert not {pid for _, pid in out} & {os.getpid(), child}


def test_one_worker_keeps_work_for_a_child_in_process(monkeypatch):
    monkeypatch.setenv("READER_WORKERS", "1")
    assert pool.in_child(os.getpid) == os.getpid()
