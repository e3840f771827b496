"""Where every looked-after child was placed on a past day as Haven's records
stood at the end of that day ("as recorded then"), replayed from the journal.

Every write to a placement journals the placement's facts before and after
(haven.care.recording.PLACEMENT_EVENTS): the first placement when a period of
care starts, both placements on a move, the placements a correction touched,
and the last placement's end when the period ends. Replaying a child's events
recorded by the end of the day, in their order, gives the placement history as
it was then; a correction or a backdated move recorded later is not in it. The
board compares this with the histories as they stand now ("as corrected since",
haven.care.whereabouts) and shows both where they differ.

The periods that can have held the day are those holding it now, those whose
end, on or before the day, was recorded after it, and those whose start or end
was corrected after it (haven.care.period_corrections journals the corrected
start or end as the event it replaces, which the replay reads as the first).
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from haven.care.models import PeriodOfCare
from haven.care.recording import PLACEMENT_EVENTS
from haven.care.whereabouts import Placed, end_of, holding
from haven.core.models import JournalEvent

STARTED = "care.period_of_care_started"
ENDED = "care.period_of_care_ended"


@dataclass
class _Period:
    """A period of care as its events have told it so far."""

    start: dt.date | None = None
    end: dt.date | None = None
    placements: dict[int, dict[str, Any]] = field(default_factory=dict)


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _keep(period: _Period, *facts: dict[str, Any] | None) -> None:
    for one in facts:
        if one:
            period.placements[one["id"]] = dict(one)


def apply(periods: dict[int, _Period], kind: str, p: dict[str, Any]) -> None:
    """One event's effect (its type and payload) on the placements it names."""
    period = periods.setdefault(p["period"], _Period())
    if kind == STARTED:
        period.start = _date(p["started_on"])
        _keep(period, p["placement"])
    elif kind == "care.placement_moved":
        _keep(period, p["ended"], p["placement"])
    elif kind == "care.placement_corrected":
        _keep(period, p["after"], p.get("previous_after"))
    elif kind == ENDED:
        period.end = _date(p["on"])
        for pk in p["placements"]:
            if pk in period.placements:
                period.placements[pk]["ended_on"] = p["on"]


def placed_from(facts: dict[str, Any], period_id: int) -> Placed:
    return Placed(
        placement_id=facts["id"],
        period_id=period_id,
        place=facts["place"],
        since=dt.date.fromisoformat(facts["started_on"]),
        until=_date(facts.get("ended_on")),
        address=facts.get("address", ""),
        postcode=facts.get("postcode", ""),
        district=facts.get("local_authority", ""),
        provider_id=facts.get("provider"),
        provider_name=facts.get("provider_name", ""),
        carer_id=facts.get("carer"),
    )


def placement_on(period_id: int, period: _Period, day: dt.date) -> Placed | None:
    """Where the replayed period had the child on the day, if it held the day."""
    if period.start is None or day < period.start:
        return None
    if period.end is not None and day >= period.end:
        return None
    # ISO dates compare as their text does: only the placement found is built.
    iso = day.isoformat()
    for facts in period.placements.values():
        until = facts.get("ended_on")
        if facts["started_on"] <= iso and (not until or iso < until):
            return placed_from(facts, period_id)
    return None


@dataclass(frozen=True)
class _Candidate:
    child_id: int  # the child, or the record it was merged into
    recorded_for: int  # the record its events are journalled on


def _candidates(day: dt.date) -> dict[int, _Candidate]:
    """{period id: its child} of the periods that can have held the day as
    recorded by its end: those holding it now, those whose end, on or before
    the day, was recorded after it, and those corrected after it."""
    cutoff = end_of(day)
    changed_late = JournalEvent.objects.filter(
        Q(type=ENDED, occurred_at__lt=cutoff)
        | Q(type__in=(STARTED, ENDED), corrects__isnull=False),
        recorded_at__gte=cutoff,
    ).values_list("payload", flat=True)
    late = [payload["period"] for payload in changed_late]
    rows = PeriodOfCare.objects.filter(holding(day) | Q(pk__in=late)).values_list(
        "pk", "person_id", "person__merged_into_id"
    )
    return {pk: _Candidate(merged or person, person) for pk, person, merged in rows}


def replay(events: Iterable[tuple[str, dict[str, Any]]]) -> dict[int, _Period]:
    """The periods as the events (type, payload), in their order, tell them."""
    periods: dict[int, _Period] = {}
    for kind, payload in events:
        apply(periods, kind, payload)
    return periods


def recorded_on(day: dt.date) -> dict[int, Placed]:
    """{child id: where they were placed on the day}, as recorded by its end."""
    candidates = _candidates(day)
    events = (
        JournalEvent.objects.filter(
            type__in=PLACEMENT_EVENTS,
            recorded_at__lt=end_of(day),
            person_id__in={c.recorded_for for c in candidates.values()},
        )
        .order_by("recorded_at", "pk")
        .values_list("type", "payload")
    )
    periods = replay(e for e in events if e[1].get("period") in candidates)
    found: dict[int, Placed] = {}
    for pk, period in periods.items():
        where = placement_on(pk, period, day)
        if where is not None:
            found[candidates[pk].child_id] = where
    return found
