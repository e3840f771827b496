"""The chair's queue as pages show it, and the chairs' workload their manager
(the IRO service manager) sees: each chair with their counts, opening onto
their queue. Built from the work source (chair_work.py) for every chair at
once, so the database is asked as often for six chairs as for one."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from haven.core import clock
from haven.core.models import User
from haven.core.work import WorkItem, access_filtered, with_flags
from haven.protection import chair_work
from haven.protection.permissions import may_chair_conferences
from haven.timescales.queue import team_members


@dataclass
class ChairQueue:
    chair: User
    due: list[WorkItem] = field(default_factory=list)
    minutes: list[WorkItem] = field(default_factory=list)
    overdue_reviews: list[WorkItem] = field(default_factory=list)
    # Items about children the reader may not open, by kind: counted, not named.
    hidden: dict[str, int] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.chair.get_full_name() or self.chair.get_username()

    @property
    def not_named(self) -> int:
        return sum(self.hidden.values())

    @property
    def counts(self) -> tuple[int, int, int]:
        """Conferences due, records to sign off, reviews overdue: all of them."""
        return (
            len(self.due) + self.hidden.get(chair_work.DUE, 0),
            len(self.minutes) + self.hidden.get(chair_work.MINUTES, 0),
            len(self.overdue_reviews) + self.hidden.get(chair_work.OVERDUE_REVIEW, 0),
        )

    def add(self, item: WorkItem, named: bool) -> None:
        if not named:
            self.hidden[item.kind] = self.hidden.get(item.kind, 0) + 1
        elif item.kind == chair_work.MINUTES:
            self.minutes.append(item)
        elif item.kind == chair_work.OVERDUE_REVIEW:
            self.overdue_reviews.append(item)
        else:
            self.due.append(item)


def queues(chairs: Sequence[User], reader: User) -> list[ChairQueue]:
    """Each chair's queue, soonest first, naming only the children the reader
    may open (the rest are counted)."""
    found = {chair.pk: ChairQueue(chair) for chair in chairs}
    items = with_flags(chair_work.conference_work(list(chairs)))
    named = {id(item) for item in access_filtered(reader, items)}
    for item in sorted(items, key=_soonest):
        found[item.worker_id].add(item, named=id(item) in named)
    return list(found.values())


def _soonest(item: WorkItem) -> tuple[bool, dt.date, str]:
    return (item.due_on is None, item.due_on or dt.date.max, item.title)


def chairs_managed_by(manager: User) -> list[User]:
    """The chairs in the teams the manager manages (with the manager's own
    roles read for all of them at once)."""
    return [w for w in team_members(manager) if may_chair_conferences(w)]


def unchaired() -> int:
    """Conferences due in the window for children no one has been named to
    chair yet: counted, never named (no chair's manager holds them)."""
    chaired = chair_work.chaired_by_anyone().values("person_id")
    return (
        chair_work.due_conferences(clock.today()).exclude(person_id__in=chaired).count()
    )
