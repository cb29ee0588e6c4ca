"""The app's own entries in the command palette (ctrl+p)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Iterable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape
from textual.app import SystemCommand

from ..core.loader import sort_key
from .reflow import sanitize

if TYPE_CHECKING:
    from textual.screen import Screen

    from .host import ReaderHost


def literal(text: str) -> Content:
    """Article text for the palette: the palette reads a plain string as markup, so
    ``[bold]x[/]`` in a title would be styled (rule 3: article text is data)."""
    return Content(text)


def literal_highlight(matcher: Matcher, text: str) -> Content:
    """``matcher.highlight`` without reading ``text`` as markup."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ArticlesProvider(Provider):
    """Open an article by its title, source, date or id."""

    def _docs(self):
        index = getattr(self.app, "index", None)
        return sorted(index.documents, key=sort_key) if index else []

    async def discover(self) -> Hits:
        for doc in self._docs()[:30]:
            yield DiscoveryHit(
                literal(f"Open: {sanitize(doc.title)}"),
                partial(self.app.open_document, doc.id),
                help=escape(sanitize(f"{doc.date_iso or 'no date'} · {doc.source or '—'} · {doc.id}")),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for doc in self._docs():
            label = f"Open: {sanitize(doc.title)} ({doc.date_iso or 'no date'}, {doc.source or '—'})"
            score = max(matcher.match(label), matcher.match(f"Open: {doc.id}"))
            if score > 0:
                yield Hit(score, literal_highlight(matcher, label), partial(self.app.open_document, doc.id),
                          help=escape(sanitize(str(doc.path))))


def app_commands(app: "ReaderHost", screen: "Screen") -> Iterable[SystemCommand]:
    """Commands that act on the app; the palette lists them with Textual's own."""
    yield SystemCommand("Toggle sidebar", "Show or hide the sidebar (s)", app.action_toggle_sidebar)
    yield SystemCommand("Toggle article list", "Show or hide the article list (l)", app.action_toggle_list)
    yield SystemCommand("Toggle reflow", "Join hard-wrapped lines, or show the file's own lines (r)", app.action_toggle_reflow)
    yield SystemCommand("Next article", "Open the next article in the list (])", partial(app.action_step_article, 1))
    yield SystemCommand("Previous article", "Open the previous article in the list ([)", partial(app.action_step_article, -1))
    yield SystemCommand("Find", "Find passages by a few remembered words, typos and all (/ or ctrl+f)", app.action_open_finder)
    yield SystemCommand("Help", "Every key of the app and its panes (?)", app.action_help)
    yield SystemCommand("Timeline", "What happened when, across the articles (t)", app.action_timeline)
    yield SystemCommand("Compare", "Where the articles agree, where they differ, what only one says (c)",
                        app.action_compare)
    yield SystemCommand("Side by side", "Read another article beside this one, or close it again (|)",
                        app.action_side_by_side)
    yield SystemCommand("Add articles…", "Add articles from links, feeds or saved pages (A)", app.action_add_articles)
    yield SystemCommand("Facts: show", "The Facts tab: date, source, counts and load notes of the article",
                        partial(app.show_sidebar_tab, "tab-facts"))
    yield SystemCommand("Dates: show", "The Dates tab: the article's time expressions and their dates",
                        partial(app.show_sidebar_tab, "tab-dates", "#dates-list"))
    from .widgets.entities_pane import palette_commands as entity_commands

    yield from entity_commands(app)
    from .widgets.notes_pane import palette_commands as notes_commands

    yield from notes_commands(app)
    from .widgets.quotes_pane import palette_commands as quote_commands

    yield from quote_commands(app)
    if app.index is not None and (app.index.corpus.errors or app.index.corpus.warnings):
        yield SystemCommand("Load problems", "Files and links that could not be loaded or added, and warnings",
                            app.action_show_problems)
