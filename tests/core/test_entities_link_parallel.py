"""Attaching bare names to fuller ones on every core gives the entities one process gives."""

from __future__ import annotations

from pathlib import Path

from reader.core.entities import build_entity_index
from reader.core.entities import link as link_module
from reader.core.loader import LoadOptions, load_paths

from .test_pool import forking

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _entities(docs):
    return [(e.id, e.name, e.type, e.aliases, sorted(e.roles), [(m.doc, m.start, m.end) for m in e.mentions])
            for e in build_entity_index(docs).entities]


@forking
def test_the_forms_attached_by_workers_are_the_ones_attached_in_one_process(tmp_path, monkeypatch):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    # copies with other people of the seeds' surnames, so that bare names have several to choose from
    swaps = [("Tokayev", "Tokayeva"), ("Masimov", "Masimova"), ("Kassym-Jomart", "Aigerim")]
    for i in range(12):
        text = texts[i % len(texts)]
        if i % 3 == 1:
            for a, b in swaps[: 1 + i % len(swaps)]:
                text = text.replace(a, b, 1)
        (tmp_path / f"a{i:02}.txt").write_text(text, encoding="utf-8")
    docs = load_paths([str(tmp_path)], LoadOptions()).documents
    monkeypatch.setenv("READER_WORKERS", "1")
    alone = _entities(docs)
    monkeypatch.setenv("READER_WORKERS", "2")
    monkeypatch.setattr(link_module, "ATTACH_SHARE", 1)  # every form a share of its own
    forked: list[int] = []
    real = link_module.imap_ranges

    def counting(fn, n, **kw):
        from reader.core.pool import can_fork

        forked.append(can_fork())
        return real(fn, n, **kw)

    monkeypatch.setattr(link_module, "imap_ranges", counting)
    assert _entities(docs) == alone
    assert forked == [True]
