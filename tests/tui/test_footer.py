"""At 80 columns the footer shows the keys a reader cannot guess: the finder
and n, with the article's own keys, before it runs out of room."""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from reader.tui.app import ReaderApp

from .helpers import wait_for, wait_loaded


async def test_find_and_next_are_in_view_at_80_columns(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot, app)
        app.article_view.focus()
        footer = app.query_one(Footer)

        def visible(action: str) -> bool:
            keys = list(footer.query(FooterKey))
            # the palette key sits over the right end of the footer
            edge = min([k.region.x for k in keys if k.action == "command_palette"] or [footer.region.right])
            mine = [k for k in keys if k.action == action]
            return bool(mine) and all(0 < k.region.width and k.region.right <= edge for k in mine)

        await wait_for(pilot, lambda: visible("select_start"), what="the footer to show the article's keys")
        assert visible("open_finder") and visible("step(1)") and visible("help")


def _footer_actions(app) -> list[str]:
    return [k.action for k in app.query_one(Footer).query(FooterKey) if k.action != "command_palette"]


def _bound_actions(app) -> list[str]:
    return list(dict.fromkeys(b.action for _, b, _, _ in app.screen.active_bindings.values() if b.show))


async def test_the_footer_follows_the_focus_and_is_rebuilt_only_when_its_keys_change(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot, app)
        footer = app.query_one(Footer)
        await wait_for(pilot, lambda: _footer_actions(app) == _bound_actions(app), what="the article's keys")
        assert "select_start" in _footer_actions(app)
        opening = footer.rebuilds
        assert opening <= 3  # not once per focus change and mounted pane while the folder opened
        await pilot.press("tab")  # the list: the article's own keys leave the footer
        await wait_for(pilot, lambda: app.focused is not app.article_view, what="the focus to move")
        await wait_for(pilot, lambda: _footer_actions(app) == _bound_actions(app), what="the list's keys")
        assert "select_start" not in _footer_actions(app)
        rebuilds = footer.rebuilds
        app.refresh_bindings()  # the same keys: nothing is rebuilt
        await pilot.pause()
        await pilot.pause()
        assert footer.rebuilds == rebuilds
