"""The user's keys: every binding is named and explained, the config's `keys:` remaps
them with a warning for what cannot be applied, and the README's table is made from them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from reader import config
from reader.tui.app import ReaderApp
from reader.tui.keys import bindings_by_id, check_keymap, keys_table, places
from reader.tui.screens.finder import FinderScreen
from reader.tui.screens.help import HelpScreen

from .helpers import wait_for, wait_loaded

ROOT = Path(__file__).resolve().parents[2]


def test_every_binding_has_an_id_and_a_tooltip_and_ids_are_unique():
    seen: dict[str, str] = {}
    for place in places():
        for b in place.owner.__dict__["BINDINGS"]:
            where = f"{place.owner.__module__}.{place.owner.__name__} {b.key!r}"
            assert b.id, f"{where} has no id: the config's keys: could not remap it"
            assert b.tooltip, f"{where} has no tooltip: the help screen and README would say only {b.description!r}"
            assert seen.setdefault(b.id, where) == where, f"id {b.id!r} is used by {seen[b.id]} and {where}"
    assert {"find", "quit", "entity-next", "select-start", "timeline-close", "finder-close"} <= set(seen)


def test_the_default_keys_do_not_clash():
    every_default = {bid: b.key for bid, (_place, b) in bindings_by_id().items()}
    applied, warnings = check_keymap(every_default)
    assert warnings == [] and set(applied) == set(every_default)


def test_readme_keys_table_is_generated_from_the_bindings():
    spec = importlib.util.spec_from_file_location("readme_keys", ROOT / "scripts" / "readme_keys.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == script.with_table(readme, keys_table()), "run scripts/readme_keys.py"


def test_a_remap_is_applied_with_textual_key_names():
    applied, warnings = check_keymap({"find": "f, ctrl+f", "help": "?"})
    assert warnings == [] and applied == {"find": "f,ctrl+f", "help": "question_mark"}


def test_an_unknown_id_is_a_warning_naming_it_with_a_suggestion():
    applied, warnings = check_keymap({"fnd": "f", "quit": "x"}, "my.yaml")
    assert applied == {"quit": "x"}
    assert warnings == ["my.yaml: unknown key binding id 'keys.fnd' (did you mean 'find'?) ignored"]


def test_a_value_that_is_not_keys_is_a_warning():
    applied, warnings = check_keymap({"quit": "", "help": " , "})
    assert applied == {} and len(warnings) == 2 and "'keys.quit'" in warnings[0] and "'keys.help'" in warnings[1]


def test_two_actions_on_one_key_in_one_place_is_a_warning_and_both_keep_their_keys():
    applied, warnings = check_keymap({"find": "t", "quit": "ctrl+x"})
    assert applied == {"quit": "ctrl+x"}  # t is the timeline's key, anywhere
    assert len(warnings) == 1 and "'find' and 'timeline'" in warnings[0] and "'t'" in warnings[0]
    # two remaps onto one key in the Entities tab
    applied, warnings = check_keymap({"entity-sort": "z", "entity-scope": "z"})
    assert applied == {} and "'entity-sort' and 'entity-scope'" in warnings[0] and "Entities tab" in warnings[0]
    # a key taken from one action and given to another is no clash
    applied, warnings = check_keymap({"entity-sort": "a", "entity-scope": "z"})
    assert warnings == [] and applied == {"entity-sort": "a", "entity-scope": "z"}
    # the same key in two places is no clash: the focused pane's key wins there
    assert check_keymap({"entity-filter": "v"})[1] == []


def test_config_keys_section(tmp_path):
    cfg = config.parse('keys:\n  find: "F,ctrl+f"\n  quit: 3\n')
    assert cfg.keymap == {"find": "F,ctrl+f"}
    assert len(cfg.warnings) == 1 and "'keys.quit'" in cfg.warnings[0]
    assert config.parse("keys:\n").keymap == {} and config.Config().keymap == {}


async def test_a_remapped_key_opens_the_finder_and_shows_in_footer_and_help(seeds_dir):
    cfg = config.parse('keys:\n  find: "F,ctrl+f"\n  fnd: x\n')
    app = ReaderApp([str(seeds_dir)], config=cfg)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot, app)
        app.article_view.focus()
        await pilot.pause()
        assert any("'keys.fnd'" in n.message for n in app._notifications)
        footer_keys = {k.action: k.key_display for k in app.query_one(Footer).query(FooterKey)}
        assert footer_keys["open_finder"] == "F"
        await pilot.press("slash")  # no longer the finder's key
        await pilot.pause()
        assert not isinstance(app.screen, FinderScreen)
        await pilot.press("F")
        await wait_for(pilot, lambda: isinstance(app.screen, FinderScreen), what="the finder on F")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, FinderScreen), what="the finder to close")
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), what="the help screen")
        find = [b for b in dict(app.screen.groups)["App"] if b.action == "open_finder"]
        assert len(find) == 1 and set(find[0].key.split(",")) == {"F", "ctrl+f"}
