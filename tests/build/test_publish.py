"""Swapping a checked build into place at once (the whole publish of a site: tests/demo/build/test_publish.py)."""

from __future__ import annotations

from helpcenter import publish as publish_module
from helpcenter.publish import exchange, swap_into_place


def test_exchange_swaps_two_folders_at_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a/which").write_text("a")
    (tmp_path / "b/which").write_text("b")
    assert exchange(tmp_path / "a", tmp_path / "b") is True  # Linux: renameat2(RENAME_EXCHANGE)
    assert (tmp_path / "a/which").read_text() == "b" and (tmp_path / "b/which").read_text() == "a"


def test_swap_without_exchange_falls_back_to_renames(tmp_path, monkeypatch):
    monkeypatch.setattr(publish_module, "exchange", lambda first, second: False)
    (tmp_path / "work/new").mkdir(parents=True)
    (tmp_path / "work/new/page").write_text("new")
    (tmp_path / "site").mkdir()
    (tmp_path / "site/page").write_text("old")
    swap_into_place(tmp_path / "work/new", tmp_path / "site")
    assert (tmp_path / "site/page").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "work"]  # the previous site waits in the work folder, deleted by publish
    assert (tmp_path / "work/old/page").read_text() == "old"


