"""Work items: what a worker has to do next, gathered from every capability.

Each capability declares a source with `work_source` in its plugin.py: a function
that takes the workers whose work is wanted and returns their items. My work asks
for one worker, a manager's team view for every worker in the team, so a source
answers both with one query rather than one per worker.
"""

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from django.core.exceptions import ImproperlyConfigured

from haven.core import among
from haven.core.flags import Flag, flags_for
from haven.core.links import link
from haven.core.models import User


@dataclass(frozen=True)
class WorkItem:
    worker_id: int
    kind: str  # what sort of item, in words: "Statutory timescale", "Draft note"
    title: str  # what to do, in words: "Decide what happens next with the contact"
    url: str  # the page where it is done
    due_on: dt.date | None = None
    person_id: int | None = None
    person_name: str = ""
    source: str = ""  # where the duty comes from (the law, guidance or a manager)
    private: bool = False  # the worker's own (a draft): not on a manager's view
    rule_id: str = ""  # the timescale rule behind it, shown after its words
    flags: tuple[Flag, ...] = ()  # the child's flags (haven.core.flags)

    @property
    def person_url(self) -> str:
        return link("people:detail", self.person_id) if self.person_id else ""


WorkSource = Callable[[Sequence[User]], list[WorkItem]]
SOURCES: list[WorkSource] = []


def work_source(func: WorkSource) -> WorkSource:
    """Declare a source of work items (in an app's plugin.py). Sources are kept
    by name, not in the order the apps were found in, so items due the same day
    keep one order however the apps are listed."""
    if func in SOURCES:
        raise ImproperlyConfigured(
            f"The work source {func.__qualname__} is declared twice"
        )
    SOURCES.append(func)
    SOURCES.sort(key=lambda source: (source.__module__, source.__qualname__))
    return func


def items_for(workers: Sequence[User], viewer: User | None = None) -> list[WorkItem]:
    """Every source's items for these workers: soonest first, undated last.

    Given the viewer, items about children the viewer may not open are left out:
    a queue must not name a child whose record is restricted from its reader.
    """
    items = gathered(workers)
    if viewer is not None:
        items = access_filtered(viewer, items)
    return soonest_first(with_flags(items))


def gathered(workers: Sequence[User]) -> list[WorkItem]:
    """Every source's items for these workers, unflagged and unordered: for a
    page that shows only some of them (flag those with `with_flags`)."""
    return [item for source in SOURCES for item in source(workers)]


def soonest_first(items: list[WorkItem]) -> list[WorkItem]:
    """Soonest first, undated last (a stable order: ties keep their sources')."""
    return sorted(items, key=lambda i: (i.due_on is None, i.due_on or dt.date.max))


def with_flags(items: list[WorkItem]) -> list[WorkItem]:
    """The items, each with its child's flags (one query for each flag)."""
    return flagged([items])[0]


def flagged(lists: list[list[WorkItem]]) -> list[list[WorkItem]]:
    """Several lists of items, each item with its child's flags, read once for
    all of them (one query for each flag)."""
    found = flags_for(item.person_id for items in lists for item in items)
    return [
        [
            replace(item, flags=tuple(found[item.person_id]))
            if item.person_id in found
            else item
            for item in items
        ]
        for items in lists
    ]


def access_filtered(viewer: User, items: list[WorkItem]) -> list[WorkItem]:
    """The items about children the viewer may open, and those about no child."""
    ids = {i.person_id for i in items if i.person_id}
    openable = among.openable_among(viewer, ids).openable
    return [i for i in items if i.person_id is None or i.person_id in openable]
