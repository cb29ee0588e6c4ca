"""The three-way merge rules, on plain entries."""

from __future__ import annotations

from reader.core.annotations.merge import later, merge


def e(ann_id: str, note: str = "", modified: str = "2024-01-01T10:00:00+00:00") -> dict:
    return {"id": ann_id, "note": note, "modified": modified}


def test_additions_on_both_sides_survive_in_file_order_then_ours():
    base = {"a": e("a")}
    disk = {"a": e("a"), "theirs": e("theirs")}
    out = merge(disk, base, {"mine": e("mine")}, [])
    assert list(out) == ["a", "theirs", "mine"]


def test_our_edit_of_an_entry_untouched_elsewhere_is_written():
    base = {"a": e("a", "old")}
    out = merge({"a": e("a", "old")}, base, {"a": e("a", "new", "2024-01-02T00:00:00+00:00")}, [])
    assert out["a"]["note"] == "new"


def test_both_edited_the_later_modified_wins_across_utc_offsets():
    base = {"a": e("a", "old")}
    theirs = e("a", "theirs", "2024-01-02T12:00:00+02:00")  # 10:00 UTC
    mine_earlier = e("a", "mine", "2024-01-02T09:30:00+00:00")
    mine_later = e("a", "mine", "2024-01-02T10:30:00+00:00")
    assert merge({"a": theirs}, base, {"a": mine_earlier}, [])["a"]["note"] == "theirs"
    assert merge({"a": theirs}, base, {"a": mine_later}, [])["a"]["note"] == "mine"


def test_delete_wins_only_over_an_unchanged_entry():
    base = {"a": e("a", "old"), "b": e("b")}
    out = merge({"a": e("a", "edited elsewhere"), "b": e("b")}, base, {}, ["a", "b"])
    assert list(out) == ["a"] and out["a"]["note"] == "edited elsewhere"


def test_delete_of_an_entry_already_gone_and_an_edit_of_one_deleted_elsewhere():
    base = {"a": e("a"), "b": e("b")}
    out = merge({}, base, {"b": e("b", "kept by my edit", "2024-01-03T00:00:00+00:00")}, ["a"])
    assert list(out) == ["b"]  # my edit brings back what another writer deleted: no work is lost


def test_later_falls_back_to_text_for_odd_timestamps():
    assert later("2024-01-02", "2024-01-01T23:00:00+00:00") is True  # naive vs aware: compared as text
    assert later("b", "a") and not later("a", "b")
