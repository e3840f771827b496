"""Sections of the person page that other apps contribute.

The person register sits below the apps that do the work, so it cannot import
them. An app that has something to show on a person's page (what is due for
them, their plans, their placements) declares a section in its plugin.py:

    person_section("due", "timescales/_person_due.html", order=10)(due_for)

where `due_for(person, user, record_ids)` returns the section's context, or None
to leave the section out. The page renders each in order.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from haven.core.models import User
from haven.people.models import Person

Context = dict[str, Any]
Source = Callable[[Person, User, list[int]], Context | None]


@dataclass(frozen=True)
class Section:
    key: str
    template: str
    order: int
    source: Source


@dataclass(frozen=True)
class Shown:
    template: str
    context: Context


SECTIONS: dict[str, Section] = {}


def person_section(
    key: str, template: str, *, order: int
) -> Callable[[Source], Source]:
    def register(source: Source) -> Source:
        if key in SECTIONS:
            raise ImproperlyConfigured(f"The person section {key!r} is declared twice")
        SECTIONS[key] = Section(key, template, order, source)
        return source

    return register


def sections_for(person: Person, user: User, record_ids: list[int]) -> list[Shown]:
    """The contributed sections to show on this person's page, in order."""
    shown = []
    for section in sorted(SECTIONS.values(), key=lambda s: (s.order, s.key)):
        context = section.source(person, user, record_ids)
        if context is not None:
            shown.append(Shown(section.template, context))
    return shown
