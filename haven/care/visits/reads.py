"""Reads about a looked-after child's statutory visits: each visit with the
placement it was made at (derived from the placement history on the visit's
day, so a corrected move moves it too), and when the next is due (from the
timescale engine)."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from haven.care import episodes
from haven.care.models import Placement
from haven.care.selectors import Care
from haven.care.visits import timeline
from haven.casework.models import CaseNote
from haven.people.models import Person
from haven.timescales import selectors as timescales

# The regimes that fall due at a placement (keyed on it), and the request for
# an extra visit (keyed on the child).
AT_PLACEMENT = (
    "LAC-VISIT-1",
    "LAC-VISIT-Y1",
    "LAC-VISIT-LT",
    "LAC-VISIT-OTHER",
    "LAC-VISIT-LTFP",
)
REQUESTED = "LAC-VISIT-REQ"


@dataclass(frozen=True)
class VisitAt:
    """A statutory visit, and the placement the child lived in that day (None
    if they were not looked after then)."""

    note: CaseNote
    placement: Placement | None


def placement_visited(cares: list[Care], day: dt.date) -> Placement | None:
    """The placement the child lived in on the day of a visit."""
    for care in cares:
        stay = episodes.placement_on(care.history, day)
        if stay is not None:
            return next(p for p in care.placements if p.pk == stay.pk)
    return None


def visits_of(person: Person, cares: list[Care]) -> list[VisitAt]:
    """The child's statutory visits in which they were seen, newest first, each
    with the placement it was made at (`cares`: selectors.care_of(person))."""
    return [
        VisitAt(note, placement_visited(cares, timezone.localdate(note.occurred_at)))
        for note in reversed(timeline.statutory_visits(person))
    ]


@dataclass(frozen=True)
class NextVisit:
    rule_id: str
    due_on: dt.date


def next_visit(
    person: Person, placement: Placement | None, record_ids: list[int]
) -> NextVisit | None:
    """The child's next statutory visit, as the engine holds it: the earliest
    due under the regime at their placement or an extra visit asked for. (The
    obligations due now read once for the page, not a query a rule.)"""
    obligations = timescales.due_for_page(record_ids)
    due = []
    if placement is not None:
        for rule_id in AT_PLACEMENT:
            day = timescales.next_due_in(obligations, person.pk, rule_id, placement.pk)
            if day is not None:
                due.append(NextVisit(rule_id, day))
    asked = timescales.next_due_in(obligations, person.pk, REQUESTED, person.pk)
    if asked is not None:
        due.append(NextVisit(REQUESTED, asked))
    return min(due, key=lambda n: (n.due_on, n.rule_id)) if due else None
