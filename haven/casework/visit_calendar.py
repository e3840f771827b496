"""The visits calendar: the statutory visits due and the visits planned, week
by week, for one worker or for their team.

The visits due are the obligations of the visiting timescales as the engine
holds them (CP-VISIT, CIN-VISIT and the LAC-VISIT regimes), read through the
same work source My work reads; nothing here counts a due date. The planned
visits are haven.casework.planning's.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils import timezone

from haven.casework.codes import NoteKind
from haven.casework.models import CaseNote, PlannedVisit
from haven.core import among, clock, few
from haven.core.models import User
from haven.core.work import WorkItem, access_filtered
from haven.timescales.queue import obligations_of

WEEKS_SHOWN = 4
# How far back a planned visit not made is still listed as overdue.
LOOK_BACK = dt.timedelta(weeks=4)
# The rules whose obligations are visits to the child (the catalogue's ids).
VISIT_RULES = ("CP-VISIT", "CIN-VISIT")
VISIT_RULE_PREFIXES = ("LAC-VISIT",)


def is_visit_rule(rule_id: str) -> bool:
    return rule_id in VISIT_RULES or rule_id.startswith(VISIT_RULE_PREFIXES)


@dataclass(frozen=True)
class Entry:
    """One line of the calendar: a visit due, or a visit planned."""

    on: dt.date
    person_id: int
    person_name: str
    worker: str
    what: str
    planned: PlannedVisit | None = None
    rule_id: str = ""
    # A planned visit whose day has passed with no visit note for the child
    # that day: the plan was not carried out, or not recorded.
    not_made: bool = False


@dataclass
class Week:
    starts: dt.date
    entries: list[Entry] = field(default_factory=list)

    @property
    def ends(self) -> dt.date:
        return self.starts + dt.timedelta(days=6)

    @property
    def slug(self) -> str:
        return self.starts.isoformat()


@dataclass
class Calendar:
    weeks: list[Week]
    overdue: list[Entry]
    first: dt.date
    workers: list[User]


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def calendar_for(
    workers: Sequence[User], *, reader: User, first: dt.date, today: dt.date
) -> Calendar:
    """The weeks from `first` (a Monday): visits due to the workers' children
    and visits the workers plan to make; with visits overdue today when the
    calendar starts this week."""
    last = first + dt.timedelta(weeks=WEEKS_SHOWN)
    names = {w.pk: str(w) for w in workers}
    due = [
        item
        for item in obligations_of(workers)
        if is_visit_rule(item.rule_id) and item.due_on is not None
    ]
    due = access_filtered(reader, due)
    entries = [_due_entry(item, names) for item in due]
    entries += _planned(workers, reader, min(first, today - LOOK_BACK), last, today)
    weeks = [Week(first + dt.timedelta(weeks=n)) for n in range(WEEKS_SHOWN)]
    overdue = []
    for entry in sorted(entries, key=lambda e: (e.on, e.person_name, e.what)):
        if first <= entry.on < last:
            weeks[(entry.on - first).days // 7].entries.append(entry)
        elif _overdue(entry, today) and first <= today < last:
            overdue.append(entry)
    return Calendar(weeks, overdue, first, list(workers))


def _overdue(entry: Entry, today: dt.date) -> bool:
    return entry.on < today and (entry.planned is None or entry.not_made)


def _due_entry(item: WorkItem, names: dict[int, str]) -> Entry:
    assert item.due_on is not None and item.person_id is not None
    return Entry(
        on=item.due_on,
        person_id=item.person_id,
        person_name=item.person_name,
        worker=names.get(item.worker_id, ""),
        what=item.title,
        rule_id=item.rule_id,
    )


def _planned(
    workers: Sequence[User],
    reader: User,
    first: dt.date,
    last: dt.date,
    today: dt.date,
) -> list[Entry]:
    planned = list(
        PlannedVisit.objects.filter(
            visitor__in=workers,
            planned_for__gte=first,
            planned_for__lt=last,
            cancelled_at__isnull=True,
        ).select_related("person", "visitor")
    )
    openable = among.openable_among(reader, {p.person_id for p in planned}).openable
    planned = [p for p in planned if p.person_id in openable]
    made = _visited_days([p for p in planned if p.planned_for < today])
    return [
        Entry(
            on=p.planned_for,
            person_id=p.person_id,
            person_name=p.person.full_name,
            worker=str(p.visitor),
            what="Visit planned" + (f": {p.purpose}" if p.purpose else ""),
            planned=p,
            not_made=p.planned_for < today and (p.person_id, p.planned_for) not in made,
        )
        for p in planned
    ]


def _visited_days(passed: list[PlannedVisit]) -> set[tuple[int, dt.date]]:
    """The (child, day) pairs among these passed plans on which a visit note
    was recorded for the child, by anyone."""
    if not passed:
        return set()
    notes = CaseNote.objects.filter(
        person_id__in={p.person_id for p in passed},
        kind=NoteKind.VISIT,
        occurred_at__gte=clock.start_of(min(p.planned_for for p in passed)),
        occurred_at__lt=clock.start_of(max(p.planned_for for p in passed))
        + dt.timedelta(days=1),
    ).values_list("person_id", "occurred_at")
    return {(person, timezone.localtime(at).date()) for person, at in notes}


def planned_for_child(person_ids: list[int], today: dt.date) -> list[PlannedVisit]:
    """The child's visits planned from today, soonest first."""
    return few.objects(
        "casework.planned_for_child",
        PlannedVisit,
        person_ids,
        lambda ids, day, _now: PlannedVisit.objects.filter(
            person_id__in=ids, planned_for__gte=day, cancelled_at__isnull=True
        ).select_related("visitor"),
        today,
    )
