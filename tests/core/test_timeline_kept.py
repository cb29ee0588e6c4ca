"""Each article's resolved dates are kept in the store: after one article is added only it is read."""

from __future__ import annotations

from reader.config import parse
from reader.core.dates import timeline as timeline_mod
from reader.core.index import Index
from reader.core.loader import LoadOptions, load_paths

ARTICLES = {
    "a1.txt": "date 2024-03-04\nThe council met on Monday and will vote next Friday.\n",
    "a2.txt": "date 2024-03-05\nTalks began last week; a deal is expected by the end of the month.\n",
    "a3.txt": "Ostrava, March 6 (Wire) -- The strike ended on Tuesday after three days.\n",
}


def events(folder, cache=True) -> list[dict]:
    cfg = None if cache else parse("load:\n  cache: false\n")
    ix = Index(load_paths([str(folder)], LoadOptions(cache=cache)), cfg)
    return [e.to_json() for e in ix.timeline.events]


def test_only_a_new_or_changed_article_is_resolved_again(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    events(folder)
    resolved: list[str] = []
    real = timeline_mod._resolve_all

    def spy(doc):
        resolved.append(doc.id)
        return real(doc)
    monkeypatch.setattr(timeline_mod, "_resolve_all", spy)
    assert events(folder) == events(folder, cache=False)
    resolved.clear()
    (folder / "a4.txt").write_text("date 2024-03-09\nThe line reopens on Saturday.\n", encoding="utf-8")
    warm = events(folder)
    assert resolved == ["a4"]
    assert warm == events(folder, cache=False)
    resolved.clear()
    (folder / "a1.txt").write_text("date 2024-03-11\nThe council met on Monday.\n", encoding="utf-8")
    (folder / "a2.txt").unlink()
    warm = events(folder)
    assert resolved == ["a1"]
    assert warm == events(folder, cache=False)
