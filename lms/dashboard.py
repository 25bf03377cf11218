"""The panels of a person's start page ("my page"). ``lms`` imports none of the
other apps: each registers its panels in ``AppConfig.ready()``, as it registers its
navigation entries. A panel is shown to the users its predicate admits; its
``build(user)`` is a selector of the owning app (a fixed number of queries) and
returns the panel's template context, or ``None`` when it has nothing to say.

A panel may also name the person's next step (``next_step(user)``, one or two cheap
queries): the signed-in home page leads with the first one, in panel order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class NextStep:
    """One thing to do now: what it is, where to do it, how many are waiting."""

    label: str
    url: str
    count: int = 0


@dataclass(frozen=True)
class Panel:
    key: str
    template: str
    allowed: Callable[[object], bool]
    build: Callable[[object], dict | None]
    order: int = 50
    next_step: Callable[[object], NextStep | None] | None = None


@dataclass(frozen=True)
class ShownPanel:
    key: str
    template: str
    context: dict

    @property
    def dom_id(self) -> str:
        """The panel's id on the page ("panel-mentorship-apprentice"), for links."""
        return "panel-" + self.key.replace(".", "-").replace("_", "-")


_panels: dict[str, Panel] = {}


def register(panel: Panel) -> None:
    _panels[panel.key] = panel


def panels_for(user) -> list[Panel]:
    return sorted(
        (p for p in _panels.values() if p.allowed(user)), key=lambda p: p.order
    )


def build_for(user) -> list[ShownPanel]:
    """The panels this person sees, each with its context (empty ones left out)."""
    shown = []
    for panel in panels_for(user):
        context = panel.build(user)
        if context is not None:
            shown.append(ShownPanel(panel.key, panel.template, context))
    return shown


def next_step_for(user) -> NextStep | None:
    """The first panel's next step, in panel order; None when nothing waits."""
    for panel in panels_for(user):
        if panel.next_step is None:
            continue
        step = panel.next_step(user)
        if step is not None:
            return step
    return None
