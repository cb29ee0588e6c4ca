"""Entity corrections from the Entities tab: merge, rename, retype, split, ignore, undo.

Each goes to the corrections file and is applied at once; the pane shows the corrected list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widget import Widget

if TYPE_CHECKING:
    from ...core.entities.corrections import Correction
    from ...core.entities.model import Entity


def _c():
    """reader.core.entities.corrections, imported on the first correction rather than at start."""
    from ...core.entities import corrections

    return corrections


class CorrectionsMixin(Widget):
    """The Entities tab's corrections. The pane provides ``entities``, ``index``, ``selected``,
    ``_entities_ready``, ``_refill`` and ``_show_selected``; list this after the pane's real base."""

    def _correct(self, correction: Correction, done: str) -> None:
        if self.entities is None or self.entities.corrections_path is None:
            return
        try:
            _c().CorrectionStore(self.entities.corrections_path).append(correction)
        except (_c().CorrectionsError, OSError) as exc:
            self.app.notify(str(exc), title="Correction not saved", severity="error", timeout=10)
            return
        self._reload()
        self.app.notify(done, title="Entities", markup=False)  # names come from the articles

    def _reload(self) -> None:
        fresh = _c().reapply_corrections(self.entities)
        if self.index is not None:
            self.index.entities = fresh  # the Index serves the corrected list from now on
            # the comparison names entities by the ids of the old list: compared again when next asked
            self.index.__dict__.pop("compare", None)
        self._only = None
        if self.only and self.index is not None:
            self._compare(self.index)
        self._entities_ready(fresh)

    def _need_selection(self) -> Entity | None:
        if self.selected is None:
            self.app.notify("select an entity first", severity="warning")
        return self.selected

    def action_merge(self) -> None:
        e = self._need_selection()
        if e is None or self.entities is None:
            return
        from ..screens.entity_picker import PickerScreen

        choices = [(o.id, f"{o.name} · {o.type.lower()} · {len(o.mentions)}") for o in self.entities.entities
                   if o.id != e.id]

        def chosen(target: str | None) -> None:
            if target:
                into = self.entities.get(target)
                self._correct(_c().Correction("merge", e.id, {"into": target}), f"merged {e.name} into {into.name if into else target}")
                self.selected = self.entities.get(target)
                self._refill()
                self._show_selected()

        self.app.push_screen(PickerScreen(f"Merge “{e.name}” into…", choices), chosen)

    def action_rename(self) -> None:
        e = self._need_selection()
        if e is None:
            return
        from ..screens.entity_picker import TextPromptScreen

        def chosen(name: str | None) -> None:
            if name and name != e.name:
                self._correct(_c().Correction("rename", e.id, {"name": name}), f"renamed to {name}")

        self.app.push_screen(TextPromptScreen(f"Rename “{e.name}” to", e.name), chosen)

    def action_retype(self) -> None:
        e = self._need_selection()
        if e is None:
            return
        from ..screens.entity_picker import PickerScreen

        choices = [(t, label) for t, label in (("PERSON", "person"), ("PLACE", "place"), ("ORG", "organisation"))
                   if t != e.type]

        def chosen(typ: str | None) -> None:
            if typ:
                self._correct(_c().Correction("retype", e.id, {"type": typ}), f"{e.name} is now {typ.lower()}")

        self.app.push_screen(PickerScreen(f"“{e.name}” is a…", choices), chosen)

    def action_split(self) -> None:
        e = self._need_selection()
        if e is None:
            return
        if len(e.aliases) < 2:
            self.app.notify(f"{e.name} has one spelling only; retype or rename it instead", severity="warning")
            return
        from ..screens.entity_picker import PickerScreen

        counts = {a: sum(1 for m in e.mentions if m.text == a) for a in e.aliases}
        choices = [(a, f"{a} · {counts[a]}") for a in e.aliases]

        def chosen(surface: str | None) -> None:
            if surface:
                self._correct(_c().Correction("split", e.id, {"surface": surface}), f"“{surface}” is now an entity of its own")

        self.app.push_screen(PickerScreen(f"Split which spelling off “{e.name}”?", choices), chosen)

    def action_ignore(self) -> None:
        e = self._need_selection()
        if e is None:
            return
        self.selected = None
        self._correct(_c().Correction("ignore", e.id), f"{e.name} hidden (u undoes)")

    def action_undo(self) -> None:
        if self.entities is None or self.entities.corrections_path is None:
            return
        try:
            undone = _c().CorrectionStore(self.entities.corrections_path).undo_last()
        except (_c().CorrectionsError, OSError) as exc:
            self.app.notify(str(exc), title="Nothing undone", severity="error", timeout=10)
            return
        if undone is None:
            self.app.notify("no correction to undo", severity="warning")
            return
        self._reload()
        self.app.notify(f"undone: {undone.describe()}", title="Entities")
