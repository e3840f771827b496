"""Panels of the home page that the apps above the core contribute.

The home page is where a user lands; what matters most to them (a social
worker's caseload) belongs to apps the core cannot import. An app declares a
panel in its plugin.py:

    home_panel("caseload", "casework/_caseload_panel.html", order=10)(panel)

where `panel(request)` returns the panel's context, or None to leave it out
(a role without a caseload). The page shows each in order, above the rest.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

Context = dict[str, Any]
Source = Callable[[HttpRequest], Context | None]


@dataclass(frozen=True)
class Panel:
    key: str
    template: str
    order: int
    source: Source


@dataclass(frozen=True)
class Shown:
    template: str
    context: Context


PANELS: dict[str, Panel] = {}


def home_panel(key: str, template: str, *, order: int) -> Callable[[Source], Source]:
    def register(source: Source) -> Source:
        if key in PANELS:
            raise ImproperlyConfigured(f"The home panel {key!r} is declared twice")
        PANELS[key] = Panel(key, template, order, source)
        return source

    return register


def panels_for(request: HttpRequest) -> list[Shown]:
    shown = []
    for panel in sorted(PANELS.values(), key=lambda p: (p.order, p.key)):
        context = panel.source(request)
        if context is not None:
            shown.append(Shown(panel.template, context))
    return shown
