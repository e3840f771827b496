"""Correcting a past (or the current) placement: its type, provider, carer,
address, the day it started, and why it ended. A correction never overwrites in
silence: it needs a reason, and its journal event keeps the placement before and
after, naming the event it corrects. Moving the day a placement started moves
the end of the placement before it with it, so the history stays one chain; the
first placement starts with the period of care and moves only with it
(haven.care.period_corrections).

Journal events:
  care.placement_corrected  {"period", "placement", "before": facts,
                             "after": facts, "previous_before",
                             "previous_after", "placements"}
"""

import datetime as dt
from dataclasses import replace
from typing import Any

from django.db import transaction

from haven.care import codes, inputs, placing, recording
from haven.care.codes import PlaceChangeReason
from haven.care.history import CareHistory
from haven.care.models import Placement
from haven.care.visits import timeline
from haven.core import journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User


def correct_placement(
    placement: Placement,
    *,
    started_on: dt.date | None,
    details: placing.PlacementDetails,
    change_reason: str,
    why: str,
    by: User,
) -> Placement:
    """Correct a placement as it should have been recorded, for a reason."""
    child = placement.period.person
    failures, started_on = recording.correcting(
        by,
        child,
        why=why,
        what="the placement record",
        started_on=started_on,
        started="the placement started",
    )
    placed = placing.complete(
        details, on=started_on or placement.started_on, failures=failures
    )
    with transaction.atomic():
        period = recording.locked(placement.period)
        statuses, placements = recording.rows_of(period)
        index = [p.pk for p in placements].index(placement.pk)
        placement, before = placements[index], recording.facts(placements[index])
        previous = placements[index - 1] if index else None
        _check_start(placement, previous, started_on, failures)
        ends_in_move = index < len(placements) - 1
        _check_reason(placed.place, change_reason, ends_in_move, failures)
        if started_on is not None:
            history = recording.history_of(period, statuses, placements)
            proposed = _proposed(history, index, placed, started_on, change_reason)
            recording.check_history(proposed, child, failures)
        failures.raise_any()
        assert started_on is not None
        previous_before = recording.facts(previous) if previous else None
        _write(placement, previous, placed, started_on, change_reason)
        after = recording.facts(placement)
        if after == before:
            raise DomainError(
                "nothing_corrected",
                "Nothing was changed: correct what was recorded wrongly",
            )
        journal.append(
            child,
            "care.placement_corrected",
            _payload(period.pk, placement, previous, before, after, previous_before),
            by=by,
            reason=why.strip(),
            corrects=recording.last_event_about(placement),
        )
        timeline.sync(child, by=by, reason=why.strip())
    return placement


def _proposed(
    history: CareHistory,
    index: int,
    placed: placing.Placing,
    started_on: dt.date,
    change_reason: str,
) -> CareHistory:
    """The history with the placement at `index` corrected, and the end of the
    one before it moved to the new start."""
    stays = list(history.stays)
    old = stays[index]
    # The first placement's start is the period's (refused by _check_start).
    start = started_on if index else old.start
    stays[index] = replace(
        placed.stay(start, end=old.end, pk=old.pk), change_reason=change_reason
    )
    if index:
        stays[index - 1] = replace(stays[index - 1], end=started_on)
    return replace(history, stays=tuple(stays))


def _check_start(
    placement: Placement,
    previous: Placement | None,
    started_on: dt.date | None,
    failures: Failures,
) -> None:
    if previous is None and started_on not in (None, placement.started_on):
        failures.add(
            "first_placement_start",
            "The first placement starts the day the period of care started "
            f"({inputs.words(placement.started_on)}): keep that date, or correct "
            "the period of care",
            field="started_on",
        )


def _check_reason(
    place: str, reason: str, ends_in_move: bool, failures: Failures
) -> None:
    """A placement that ended in a move keeps why (unless it was temporary);
    any other has no reason for a change."""
    if not ends_in_move or place in codes.TEMPORARY:
        if reason:
            failures.add(
                "no_reason_for_change",
                "Leave the reason for the move blank: this placement did not end "
                "in a move, or was temporary (SSDA903 rule 226)",
                field="change_reason",
            )
    elif reason not in PlaceChangeReason.values:
        failures.add(
            "reason_required",
            "Choose the reason the placement ended",
            field="change_reason",
        )


def _write(
    placement: Placement,
    previous: Placement | None,
    placed: placing.Placing,
    started_on: dt.date,
    change_reason: str,
) -> None:
    """Save the correction, shrinking before growing: PostgreSQL checks that no
    two placements overlap after each statement, so the placement that gives
    up days is saved before the one that takes them."""
    later = started_on > placement.started_on
    for name, value in placed.fields().items():
        setattr(placement, name, value)
    placement.started_on = started_on
    placement.change_reason = change_reason
    if later:
        placement.save()
    if previous is not None and previous.ended_on != started_on:
        previous.ended_on = started_on
        previous.save(update_fields=["ended_on"])
    if not later:
        placement.save()


def _payload(
    period: int,
    placement: Placement,
    previous: Placement | None,
    before: dict[str, Any],
    after: dict[str, Any],
    previous_before: dict[str, Any] | None,
) -> dict[str, Any]:
    previous_after = recording.facts(previous) if previous is not None else None
    moved = previous is not None and previous_before != previous_after
    return {
        "period": period,
        "placement": placement.pk,
        "before": before,
        "after": after,
        "previous_before": previous_before if moved else None,
        "previous_after": previous_after if moved else None,
        "placements": [placement.pk] + ([previous.pk] if previous and moved else []),
    }
