"""Correcting a period of care as it should have been recorded: the day the
child started to be looked after (the first episode's DECOM, RNE "S"), their
category of need, and for a period that has ended, the day and the reason it
ended (DEC and REC). A correction needs a reason and never overwrites in
silence.

Moving the start moves the first legal status's and the first placement's
start with it; moving the end moves the last ones' end, so both histories stay
one chain. A period cannot be ended, nor reopened, by a correction: ending it
is its own step, with its own consequences.

The correction journals the event it corrects again, with the new facts, its
day and the reason, and names the event it replaces (`corrects`): the timescale
engine reads the start and end of care as those events (a rule started by the
period, a visit request ended by it), and replaces a corrected event with its
correction, so its due dates follow. The replay of "as recorded then"
(haven.care.as_recorded) reads them as it reads the first ones.

Journal events (the same shapes as haven.care.services', with "before"):
  care.period_of_care_started  {..., "before": {"started_on", "need"}}
  care.period_of_care_ended    {..., "before": {"on", "reason"}}
"""

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from django.db import transaction
from django.utils import timezone

from haven.care import inputs, recording, services
from haven.care.codes import NEEDS_903
from haven.care.history import CareHistory
from haven.care.missing.checks import check_open_episodes, when
from haven.care.models import PERIOD_OF_CARE, LegalStatus, PeriodOfCare, Placement
from haven.care.visits import timeline
from haven.core import journal
from haven.core.errors import DomainError, Failures
from haven.core.models import JournalEvent, User
from haven.people.models import Person
from haven.people.selectors import records_of

STARTED = "care.period_of_care_started"
ENDED = "care.period_of_care_ended"


@dataclass(frozen=True)
class PeriodDates:
    """What a period of care's correction may change."""

    started_on: dt.date | None
    need: str
    ended_on: dt.date | None = None
    reason_ended: str = ""


def correct_period(
    period: PeriodOfCare, *, dates: PeriodDates, why: str, by: User
) -> PeriodOfCare:
    """Correct when the period of care started (and ended, and why), for a reason."""
    child = period.person
    failures, start = recording.correcting(
        by,
        child,
        why=why,
        what="the period of care",
        started_on=dates.started_on,
        started="they started to be looked after",
    )
    if dates.need not in NEEDS_903:
        failures.add("need_required", "Choose the category of need", field="need")
    with transaction.atomic():
        period = recording.locked(period)
        _check_end(period, dates, failures)
        statuses, placements = recording.rows_of(period)
        history = recording.history_of(period, statuses, placements)
        if start is not None and _keeps_first_rows(history, start, failures):
            proposed = _proposed(history, start, dates)
            recording.check_history(proposed, child, failures)
            _check_other_periods(child, period, proposed, failures)
            _check_missing(period, proposed, failures)
        failures.raise_any()
        assert start is not None
        before = _facts(period)
        _write(period, statuses, placements, replace(dates, started_on=start))
        if _facts(period) == before:
            raise DomainError(
                "nothing_corrected",
                "Nothing was changed: correct what was recorded wrongly",
            )
        _journal(child, period, statuses, placements, before, by=by, why=why.strip())
        timeline.sync(child, by=by, reason=why.strip())
    return period


def _check_end(period: PeriodOfCare, dates: PeriodDates, failures: Failures) -> None:
    if period.ended_on is None:
        if dates.ended_on is not None or dates.reason_ended:
            failures.add(
                "period_open",
                "This period of care has not ended: record its end with 'End the "
                "period of care', not as a correction",
                field="ended_on",
            )
        return
    if dates.ended_on is None:
        failures.add(
            "end_required",
            "Enter the day they ceased to be looked after: a correction cannot "
            "reopen a period of care that ended (start a new period instead)",
            field="ended_on",
        )
    else:
        inputs.past_date(
            dates.ended_on,
            field="ended_on",
            what="they ceased to be looked after",
            failures=failures,
        )
    services.check_reason_ended(period.person, dates.reason_ended, failures)


def _keeps_first_rows(history: CareHistory, start: dt.date, failures: Failures) -> bool:
    """A new start on or after the day the first legal status or placement
    ended would leave it no days: said plainly, rather than as the gaps and
    overlaps of the chain it would leave."""
    sound = True
    for kind, rows in (
        ("legal status", history.statuses),
        ("placement", history.stays),
    ):
        first = rows[0]
        # A row that is also the last ends with the period: check() says so.
        if len(rows) > 1 and first.end is not None and start >= first.end:
            sound = False
            failures.add(
                f"{kind.replace(' ', '_')}_no_days",
                f"The first {kind} ended on {inputs.words(first.end)}: the period "
                "of care must start before that. If it started later, correct "
                f"the next {kind} too",
                field="started_on",
            )
    return sound


def _proposed(history: CareHistory, start: dt.date, dates: PeriodDates) -> CareHistory:
    """The history with the period's start (and end) moved, and the first and
    last rows of each history moved with them."""
    end = dates.ended_on if history.end is not None else None

    def moved(rows: tuple[Any, ...]) -> tuple[Any, ...]:
        rows = (replace(rows[0], start=start), *rows[1:])
        return (*rows[:-1], replace(rows[-1], end=end))

    return replace(
        history,
        start=start,
        end=end,
        need=dates.need,
        reason_ended=dates.reason_ended if end is not None else "",
        statuses=moved(history.statuses),
        stays=moved(history.stays),
    )


def _check_other_periods(
    child: Person, period: PeriodOfCare, proposed: CareHistory, failures: Failures
) -> None:
    """A child has one period of care at a time."""
    others = PeriodOfCare.objects.filter(person_id__in=records_of(child)).exclude(
        pk=period.pk
    )
    clash = PERIOD_OF_CARE.clash(
        others, proposed.start, proposed.end, what="a period of care"
    )
    if clash is not None:
        failures.add(
            "overlaps_period_of_care",
            f"{child} has another period of care "
            f"{PERIOD_OF_CARE.words(clash.row)}: this one would overlap it. "
            "Choose dates outside it",
            field="started_on",
        )


def _check_missing(
    period: PeriodOfCare, proposed: CareHistory, failures: Failures
) -> None:
    """Every missing episode of the period stays inside it (SSDA903 rules 570,
    577)."""
    for episode in period.missing_episodes.all():
        if timezone.localdate(episode.started_at) < proposed.start:
            failures.add(
                "missing_before_start",
                f"{period.person} went missing on {when(episode.started_at)}, "
                "before that day: a period of care holds its missing episodes",
                field="started_on",
            )
    if proposed.end is not None:
        check_open_episodes(period, proposed.end, failures)


def _facts(period: PeriodOfCare) -> dict[str, Any]:
    return {
        "started_on": period.started_on,
        "need": period.need,
        "ended_on": period.ended_on,
        "reason_ended": period.reason_ended,
    }


def _write(
    period: PeriodOfCare,
    statuses: list[LegalStatus],
    placements: list[Placement],
    dates: PeriodDates,
) -> None:
    """Save the period and the rows at its two ends. Only the first row of each
    history changes its start and the last its end, so no two rows of one
    history overlap at any step (PostgreSQL checks after each statement)."""
    assert dates.started_on is not None
    ended = period.ended_on is not None
    period.started_on = dates.started_on
    period.need = dates.need
    if ended:
        period.ended_on, period.reason_ended = dates.ended_on, dates.reason_ended
    period.save(update_fields=["started_on", "need", "ended_on", "reason_ended"])
    for rows in (statuses, placements):
        first, last = rows[0], rows[-1]
        changed: dict[int, set[str]] = {}
        if first.started_on != dates.started_on:
            first.started_on = dates.started_on
            changed.setdefault(id(first), set()).add("started_on")
        if ended and last.ended_on != dates.ended_on:
            last.ended_on = dates.ended_on
            changed.setdefault(id(last), set()).add("ended_on")
        # A history of one row moves both its ends in one statement: moved one
        # at a time, its start could pass its old end (the CHECK refuses).
        for row in {id(first): first, id(last): last}.values():
            if id(row) in changed:
                row.save(update_fields=sorted(changed[id(row)]))


def _journal(
    child: Person,
    period: PeriodOfCare,
    statuses: list[LegalStatus],
    placements: list[Placement],
    before: dict[str, Any],
    *,
    by: User,
    why: str,
) -> None:
    if (before["started_on"], before["need"]) != (period.started_on, period.need):
        journal.append(
            child,
            STARTED,
            {
                "period": period.pk,
                "started_on": period.started_on,
                "need": period.need,
                "legal_status": statuses[0].pk,
                "code": statuses[0].code,
                "placement": recording.facts(placements[0]),
                "placements": [placements[0].pk],
                "before": {"started_on": before["started_on"], "need": before["need"]},
            },
            by=by,
            occurred_at=recording.occurred(period.started_on),
            reason=why,
            corrects=_standing(child, STARTED, period),
        )
    ended = (before["ended_on"], before["reason_ended"])
    if period.ended_on is not None and ended != (period.ended_on, period.reason_ended):
        journal.append(
            child,
            ENDED,
            {
                "period": period.pk,
                "on": period.ended_on,
                "reason": period.reason_ended,
                "legal_status": statuses[-1].pk,
                "placements": [placements[-1].pk],
                "before": {"on": ended[0], "reason": ended[1]},
            },
            by=by,
            occurred_at=recording.occurred(period.ended_on),
            reason=why,
            corrects=_standing(child, ENDED, period),
        )


def _standing(child: Person, kind: str, period: PeriodOfCare) -> JournalEvent | None:
    """The latest event of the kind about the period: the one a correction
    replaces (each correction replaced the one before it)."""
    events = JournalEvent.objects.filter(
        person_id__in=records_of(child), type=kind
    ).order_by("-recorded_at", "-pk")
    for event in events.only("pk", "payload"):
        if event.payload.get("period") == period.pk:
            return event
    return None
