"""What the apps above casework know about each child on a caseload.

Casework sits below the apps that hold a child's legal context (children in
need, child protection, looked after, early help) and where a looked-after
child is placed, so it cannot import them. Each declares what it knows in its
plugin.py, the way person flags are declared:

    caseload_facts("care", order=30)(looked_after_facts)

where `looked_after_facts(person_ids, today)` returns `Facts` for those of the
ids it knows about, in a fixed number of queries however many ids it is given:
the caseload's query count must not grow with the caseload.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Legal:
    """One legal context a child is in: "Looked after", "Child protection plan"."""

    words: str
    order: int  # the column sorts by the first context's order
    since: dt.date | None = None
    # Shown only when the child is in no other context: an open children in
    # need episode says nothing more of a child on a plan or looked after.
    background: bool = False


@dataclass
class Facts:
    """What one source knows, by child id."""

    legal: dict[int, list[Legal]] = field(default_factory=dict)
    # Where the child is placed, in words; it is shown instead of their home
    # address (a looked-after child's whereabouts is their placement).
    placed: dict[int, str] = field(default_factory=dict)


Source = Callable[[set[int], dt.date], Facts]


@dataclass(frozen=True)
class FactSource:
    key: str
    order: int
    source: Source


FACT_SOURCES: dict[str, FactSource] = {}


def caseload_facts(key: str, *, order: int) -> Callable[[Source], Source]:
    def register(source: Source) -> Source:
        if key in FACT_SOURCES:
            raise ImproperlyConfigured(f"The caseload facts {key!r} are declared twice")
        FACT_SOURCES[key] = FactSource(key, order, source)
        return source

    return register


def facts_for(person_ids: set[int], today: dt.date) -> Facts:
    """Every source's facts about these children, merged: legal contexts in
    order, and the first source's placement where two know one."""
    merged = Facts()
    if not person_ids:
        return merged
    for entry in sorted(FACT_SOURCES.values(), key=lambda s: (s.order, s.key)):
        found = entry.source(person_ids, today)
        for pk, contexts in found.legal.items():
            merged.legal.setdefault(pk, []).extend(contexts)
        for pk, words in found.placed.items():
            merged.placed.setdefault(pk, words)
    for pk, contexts in merged.legal.items():
        foreground = [c for c in contexts if not c.background]
        merged.legal[pk] = sorted(foreground or contexts, key=lambda c: c.order)
    return merged
