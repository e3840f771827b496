"""Sections of the person page that other apps contribute.

The person register sits below the apps that do the work, so it cannot import
them. An app that has something to show on a person's page (what is due for
them, their plans, their placements) declares a section in its plugin.py:

    person_section("due", "timescales/_person_due.html", order=10)(due_for)

where `due_for(person, user, record_ids)` returns the section's context, or None
to leave the section out. The page renders each in order.

Several sections read the same things (a looked-after child's periods of care,
what is due for them): each reads them through `read_once`, so the page reads
them once and the sections share them.
"""

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.exceptions import ImproperlyConfigured

from haven.core import access
from haven.core.caseroles import CaseRole
from haven.core.flags import Flag, flags_of_records
from haven.core.models import User
from haven.core.selectors import current_allocations
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

T = TypeVar("T")

# What the sections of the page being made have read, by key; None outside one.
_READS: ContextVar[dict[Hashable, Any] | None] = ContextVar("page_reads", default=None)


def read_once(key: Hashable, read: Callable[[], T]) -> T:
    """What `read` returns: read once while a person page's sections are made
    and shared between them (`key` names it, with the person); read afresh
    anywhere else, so a service never sees what a page read before a write."""
    reads = _READS.get()
    if reads is None:
        return read()
    if key not in reads:
        reads[key] = read()
    value: T = reads[key]
    return value


@contextmanager
def page_reads() -> Iterator[None]:
    """A person page being made: `read_once` shares what it reads until the
    block ends (the page's own reads, its sections' and its template's). A
    block inside another shares the outer one's."""
    if _READS.get() is not None:
        yield
        return
    reading = _READS.set({})
    try:
        yield
    finally:
        _READS.reset(reading)


def person_section(
    key: str, template: str, *, order: int
) -> Callable[[Source], Source]:
    def register(source: Source) -> Source:
        if key in SECTIONS:
            raise ImproperlyConfigured(f"The person section {key!r} is declared twice")
        SECTIONS[key] = Section(key, template, order, source)
        return source

    return register


def may_change(user: User, person: Person) -> bool:
    """access.may_change, asked once for all the sections of the page."""
    return read_once(
        ("access.may_change", user.pk, person.pk),
        lambda: access.may_change(user, person),
    )


def why_may_open(user: User, person: Person) -> str | None:
    """access.why_user_may_open, asked once for all the sections of the page."""
    return read_once(
        ("access.why", user.pk, person.pk),
        lambda: access.why_user_may_open(user, person),
    )


def allocation_of(person: Person, role: str = CaseRole.SOCIAL_WORKER) -> Any:
    """core.selectors.current_allocation, every role read once for the page."""
    held = read_once(
        ("core.current_allocations", person.pk), lambda: current_allocations(person)
    )
    return held.get(role)


def flags_of(record_ids: list[int], topic: str | None = None) -> list[Flag]:
    """core.flags.flags_of_records (those of one topic, if given: as
    topic_flags), read once for the identity bar and the sections."""
    every = read_once(
        ("core.flags", tuple(record_ids)), lambda: flags_of_records(record_ids)
    )
    return [flag for flag in every if topic is None or flag.topic == topic]


def opened(user: User, person: Person, facts: access.RecordFacts) -> None:
    """What the page's own access check read (access.open_record_facts), for
    `may_change` and `why_may_open` to answer from, inside `page_reads`."""
    reads = _READS.get()
    if reads is not None:
        reads[("access.may_change", user.pk, person.pk)] = facts.lasting_access
        reads[("access.why", user.pk, person.pk)] = facts.why()


def sections_for(person: Person, user: User, record_ids: list[int]) -> list[Shown]:
    """The contributed sections to show on this person's page, in order."""
    shown = []
    with page_reads():
        for section in sorted(SECTIONS.values(), key=lambda s: (s.order, s.key)):
            context = section.source(person, user, record_ids)
            if context is not None:
                shown.append(Shown(section.template, context))
    return shown
