"""The days a young person became an eligible child and a relevant child, as
the events the leaving care timescales read (CL-ELIG-ASSESS, CL-REL-ASSESS).

Becoming eligible or relevant happens with the days, not at a write: a child
looked after since 15 becomes eligible on their 16th birthday, with nobody
recording anything. So, like the visits' timeline (haven/care/visits/
timeline.py), the events are a projection of the records: `facts_for` reads
the day each status first began from the periods of care and the date of
birth (rules.py decides each day), and `sync` journals what differs from the
events standing. It runs at each write on a child's periods of care or legal
statuses (the listener below) and daily for everyone who may have crossed a
line overnight (`manage.py sync_care_leavers`). Each event is emitted once:
running it again changes nothing, and a corrected history corrects the
event's date or withdraws it.

Only the first time counts: the needs assessment is due once (CPPCR reg
42(1), CLR reg 5(2)(a)), not again on each return to care.

Journal events:
  care.became_eligible_child  {"child", "became_on"}
  care.became_relevant_child  {"child", "became_on", "pathway_plan"}
  care.leaver_status_withdrawn {"withdrawn"}
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q

from haven.care.leavers.rules import (
    ELIGIBLE,
    RELEVANT,
    THIRTEEN_WEEKS,
    Span,
    _days,
    birthday,
    standing,
)
from haven.care.leavers.status import looked_after_spans
from haven.care.models import PathwayPlan, PeriodOfCare
from haven.care.recording import occurred
from haven.core import clock, journal
from haven.core.models import JournalEvent, User
from haven.people.models import Person
from haven.people.selectors import records_of

BECAME_ELIGIBLE = "care.became_eligible_child"
BECAME_RELEVANT = "care.became_relevant_child"
WITHDRAWN = "care.leaver_status_withdrawn"
FACTS = (BECAME_ELIGIBLE, BECAME_RELEVANT)
KIND = {ELIGIBLE: BECAME_ELIGIBLE, RELEVANT: BECAME_RELEVANT}
CHANGED = "The young person's periods of care changed"

# The writes that can change when a status began: periods of care and legal
# statuses (and their corrections), a pathway plan (which a relevant child
# may already have), and a merge, which changes whose records are whose.
WATCHED = frozenset(
    {
        "care.period_of_care_started",
        "care.period_of_care_ended",
        "care.legal_status_changed",
        "care.legal_status_corrected",
        "care.pathway_plan_agreed",
        "people.merged_into",
        "people.record_merged_in",
        "people.unmerged",
        "people.record_unmerged",
    }
)


def _threshold(born: dt.date, spans: Sequence[Span]) -> dt.date | None:
    """The first day by which 13 weeks since the 14th birthday are counted
    (as rules.py counts them), before the 18th birthday; None if never."""
    low, high = birthday(born, 14), birthday(born, 18)
    if _days(spans, low, high) < THIRTEEN_WEEKS:
        return None
    while low < high:  # the count only grows with the day: halve the range
        middle = low + (high - low) // 2
        if _days(spans, birthday(born, 14), middle) >= THIRTEEN_WEEKS:
            high = middle
        else:
            low = middle + dt.timedelta(days=1)
    return low


def first_days(
    born: dt.date, spans: Iterable[Span], today: dt.date
) -> dict[str, dt.date]:
    """The first day, up to `today`, on which the young person was an eligible
    child and a relevant child, by kind. Each status can only begin on a day
    something changes: the 16th birthday, the day the 13 weeks are reached, the
    start of a span (eligible) or the day after one ends (relevant)."""
    spans = list(spans)
    reached = _threshold(born, spans)
    candidates = {
        ELIGIBLE: {birthday(born, 16), *(start for start, _ in spans)},
        RELEVANT: {end for _, end in spans if end is not None},
    }
    if reached is not None:
        candidates[ELIGIBLE].add(reached)
    found = {}
    for kind, days in candidates.items():
        for day in sorted(d for d in days if d <= today):
            if standing(born, spans, day).kind == kind:
                found[kind] = day
                break
    return found


@dataclass(frozen=True)
class Fact:
    type: str
    on: dt.date
    payload: dict[str, Any]


def _has_plan_on(person: Person, day: dt.date) -> bool:
    return PathwayPlan.objects.filter(
        person_id__in=records_of(person), agreed_on__lte=day
    ).exists()


def facts_for(person: Person, today: dt.date | None = None) -> list[Fact]:
    """The events the person's records give now (none without a birth date)."""
    if person.date_of_birth is None:
        return []
    days = first_days(
        person.date_of_birth, looked_after_spans(person), today or clock.today()
    )
    found = []
    for kind, day in days.items():
        payload: dict[str, Any] = {"child": person.pk, "became_on": day.isoformat()}
        if kind == RELEVANT:
            # CL-REL-ASSESS is for a relevant child without a pathway plan.
            payload["pathway_plan"] = _has_plan_on(person, day)
        found.append(Fact(KIND[kind], day, payload))
    return found


def _standing(person: Person) -> dict[str, JournalEvent]:
    events = list(
        JournalEvent.objects.filter(
            person_id=person.pk, type__in=(*FACTS, WITHDRAWN)
        ).order_by("sequence")
    )
    replaced = {e.corrects_id for e in events if e.corrects_id}
    return {e.type: e for e in events if e.type in FACTS and e.pk not in replaced}


def sync(person: Person, *, by: User | None, reason: str = CHANGED) -> int:
    """Journal what differs between the facts derived today and the events
    standing, inside the caller's transaction; how many events it appended."""
    if person.merged_into_id is not None:
        return 0
    wanted = {fact.type: fact for fact in facts_for(person)}
    standing_now = _standing(person)
    appended = 0
    with journal.as_one_step():
        for kind, fact in wanted.items():
            event = standing_now.pop(kind, None)
            at = occurred(fact.on)
            if event is not None and (event.occurred_at, event.payload) == (
                at,
                fact.payload,
            ):
                continue
            journal.append(
                person,
                kind,
                fact.payload,
                by=by,
                occurred_at=at,
                corrects=event,
                reason=reason if event is not None else "",
            )
            appended += 1
        for kind, event in standing_now.items():
            journal.append(
                person,
                WITHDRAWN,
                {"withdrawn": kind, "child": person.pk},
                by=by,
                occurred_at=event.occurred_at,
                corrects=event,
                reason=reason,
            )
            appended += 1
    return appended


def on_care_events(events: list[JournalEvent]) -> None:
    """The journal listener (once per step): a write on a child's periods of
    care, legal statuses or pathway plan brings their events up to date."""
    people = sorted({e.person_id for e in events if e.type in WATCHED})
    if not people:  # most steps: not even a query
        return
    # Under 16 today, nobody has become either yet: nothing to read.
    sixteen_ago = birthday(clock.today(), -16) + dt.timedelta(days=1)
    for person in Person.objects.filter(
        pk__in=people, merged_into__isnull=True, date_of_birth__lte=sixteen_ago
    ):
        actor = next(e.actor for e in events if e.person_id == person.pk)
        sync(person, by=actor)


def sync_all(*, everyone: bool = False) -> int:
    """The daily job: sync everyone aged 16 or 17 today who was ever looked
    after (or, with `everyone`, all ever looked after), each in their own
    transaction; how many events it appended."""
    today = clock.today()
    looked_after = PeriodOfCare.objects.values("person_id")
    # A merged record's care is read by the record it was merged into.
    people = Person.objects.filter(merged_into__isnull=True).filter(
        Q(pk__in=looked_after)
        | Q(pk__in=Person.objects.filter(pk__in=looked_after).values("merged_into"))
    )
    if not everyone:
        people = people.filter(
            date_of_birth__gt=birthday(today, -18) - dt.timedelta(days=1),
            date_of_birth__lte=birthday(today, -16) + dt.timedelta(days=1),
        )
    count = 0
    for person in people.order_by("pk").iterator():
        with transaction.atomic():
            count += sync(person, by=None)
    return count
