"""What every write on a period of care shares: who may make it, reading the
period's histories as plain values, checking the history a write would leave,
and the facts about a placement its journal events keep."""

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import transaction
from django.db.models import Prefetch, QuerySet

from haven.care import codes, short_breaks
from haven.care.history import CareHistory, Status, check
from haven.care.inputs import past_date, words
from haven.care.models import LegalStatus, PeriodOfCare, Placement
from haven.care.permissions import may_record_care
from haven.care.placing import as_stay
from haven.core import access, clock
from haven.core.errors import DomainError, Failures
from haven.core.models import JournalEvent, User
from haven.people.models import Person

# The events that record a placement, each naming the placements it touched in
# "placements" (so a correction can name the event it corrects).
PLACEMENT_EVENTS = (
    "care.period_of_care_started",
    "care.placement_moved",
    "care.period_of_care_ended",
    "care.placement_corrected",
)


def may_record(by: User, person: Person) -> None:
    """Refuse a user who may not record this child's care."""
    if not may_record_care(by):
        raise DomainError("not_permitted", "Your role does not include recording care")
    access.require_lasting_access(by, person)


def correcting(
    by: User,
    child: Person,
    *,
    why: str,
    what: str,
    started_on: dt.date | None,
    started: str,
) -> tuple[Failures, dt.date | None]:
    """A correction's first checks, its faults kept for the rest to add to: the
    user may record the child's care, says why `what` is being corrected, and
    gives the day it `started`, a real past date."""
    may_record(by, child)
    failures = Failures()
    if not why.strip():
        failures.add("why_required", f"Say why {what} is being corrected", field="why")
    start = past_date(started_on, field="started_on", what=started, failures=failures)
    return failures, start


def locked(period: PeriodOfCare) -> PeriodOfCare:
    """The period, locked for the write, its child read with it."""
    return (
        PeriodOfCare.objects.select_for_update()
        .select_related("person")
        .get(pk=period.pk)
    )


def locked_open(period: PeriodOfCare) -> PeriodOfCare:
    """The period, locked, refusing one that has ended."""
    period = locked(period)
    if period.ended_on is not None:
        raise DomainError(
            "period_ended",
            f"This period of care ended on {words(period.ended_on)}: correct a past "
            "placement instead, or start a new period of care",
        )
    return period


def rows_of(period: PeriodOfCare) -> tuple[list[LegalStatus], list[Placement]]:
    statuses = list(period.legal_statuses.order_by("started_on", "pk"))
    placements = list(
        period.placements.select_related("provider").order_by("started_on", "pk")
    )
    return statuses, placements


_Periods = TypeVar("_Periods", bound=QuerySet[Any])


def with_histories(periods: _Periods) -> _Periods:
    """Periods of care, first to last, each with its legal statuses and its
    placements (and their providers) in order, read in two more queries
    however many periods: what history_of asks of each."""
    return periods.prefetch_related(
        Prefetch("legal_statuses", LegalStatus.objects.order_by("started_on", "pk")),
        Prefetch(
            "placements",
            Placement.objects.select_related("provider").order_by("started_on", "pk"),
        ),
    ).order_by("started_on", "pk")


def history_of(
    period: PeriodOfCare,
    statuses: list[LegalStatus],
    placements: list[Placement],
) -> CareHistory:
    """The period and its rows as plain values."""
    return CareHistory(
        start=period.started_on,
        end=period.ended_on,
        need=period.need,
        reason_ended=period.reason_ended,
        statuses=tuple(
            Status(s.code, s.started_on, s.ended_on, pk=s.pk) for s in statuses
        ),
        stays=tuple(as_stay(p) for p in placements),
        pk=period.pk,
    )


def check_history(history: CareHistory, person: Person, failures: Failures) -> None:
    """Add every fault of the history a write would leave to `failures`."""
    with failures.gather():
        check(history, born=person.date_of_birth, today=clock.today())
    codes_held = (s.code for s in history.statuses)
    if history.end is not None and short_breaks.is_one_episode_break(codes_held):
        others = _other_breaks(person, history.pk)
        short_breaks.check_year((history.start, history.end), others, failures)


def _other_breaks(person: Person, period: int | None) -> list[tuple[Any, Any]]:
    """The child's other ended V3 breaks (rule 367 counts them together)."""
    breaks = PeriodOfCare.objects.filter(
        person=person,
        ended_on__isnull=False,
        legal_statuses__code__in=codes.ONE_EPISODE_BREAKS,
    )
    if period is not None:
        breaks = breaks.exclude(pk=period)
    return list(breaks.distinct().values_list("started_on", "ended_on"))


def facts(placement: Placement) -> dict[str, Any]:
    """A placement as its journal events keep it: every fact, old or new."""
    return {
        "id": placement.pk,
        "place": placement.place,
        "provider": placement.provider_id,
        "provider_name": str(placement.provider) if placement.provider else "",
        "carer": placement.carer_id,
        "address": placement.address,
        "postcode": placement.postcode,
        "local_authority": placement.local_authority,
        "started_on": placement.started_on,
        "ended_on": placement.ended_on,
        "change_reason": placement.change_reason,
    }


# The events a placement's correction can replace. The start and end of a
# period of care also record placements, but the timescale engine reads them
# as the start and end of care, and replaces a corrected event with its
# correction: a placement's correction must not stand in for them.
PLACEMENT_ONLY_EVENTS = ("care.placement_moved", "care.placement_corrected")


def last_event_about(placement: Placement) -> JournalEvent | None:
    """The latest move or correction that recorded this placement, which a
    correction names (None for a placement only its period's start or end
    recorded)."""
    events = JournalEvent.objects.filter(
        person_id=placement.period.person_id, type__in=PLACEMENT_ONLY_EVENTS
    ).order_by("-sequence")
    for event in events.only("pk", "payload"):
        if placement.pk in (event.payload.get("placements") or []):
            return event
    return None


def occurred(day: dt.date) -> dt.datetime:
    return clock.start_of(day)


def rehearse(action: Callable[[], object]) -> None:
    """Run a write and undo it: its checks, on a form with faults of its own, so
    the page shows the service's refusals (DomainError) with the form's on one
    submit. Nothing it writes is kept, and nothing is sent (on-commit work is
    dropped with the rollback)."""
    with transaction.atomic():
        action()
        transaction.set_rollback(True)
