"""A period of care and its two histories as plain values, and the rules the
whole of it must keep, checked without the database.

Every write on a period of care (starting it, a move, a change of legal status,
a correction, ending it) builds the history it would leave and asks `check`,
which names every fault at once: a gap or an overlap between placements or
legal statuses, one outside the period, a legal status that does not fit the
placement, a short break that changes, a child too young for the placement, a
code the SSDA903 does not have in that year, a date before the child's birth or
after today. Ends are exclusive: the day the next starts (see models)."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from haven.care import codes, short_breaks
from haven.care.inputs import words
from haven.core import codelists
from haven.core.errors import DomainError, Failures

# The SSDA903 lists were checked from the 2022-23 return (collection year 2023);
# an earlier date is checked against that year's list (docs/decisions/0008).
EARLIEST_CHECKED_YEAR = 2023
AGE_RULES = {"K3": "371", "R5": "372", "S1": "373", "P3": "374"}


@dataclass(frozen=True)
class Status:
    """A legal status over [start, end)."""

    code: str
    start: dt.date
    end: dt.date | None = None
    pk: int | None = None


@dataclass(frozen=True)
class Stay:
    """A placement over [start, end), with what the SSDA903 reads from it."""

    place: str
    start: dt.date
    end: dt.date | None = None
    pk: int | None = None
    provider: int | None = None
    carer: int | None = None
    change_reason: str = ""
    place_provider: str = ""
    postcode: str = ""
    urn: str = ""

    @property
    def lives_with(self) -> str:
        """Who the child lives with, to tell a move to new carers from a change
        of placement with the same ones (RNE P or U): the carer, or else the
        provider; "" when neither is known."""
        if self.carer is not None:
            return f"carer {self.carer}"
        return f"provider {self.provider}" if self.provider is not None else ""


@dataclass(frozen=True)
class CareHistory:
    """A period of care with its legal statuses and placements."""

    start: dt.date
    end: dt.date | None = None
    need: str = ""
    reason_ended: str = ""
    statuses: tuple[Status, ...] = ()
    stays: tuple[Stay, ...] = ()
    pk: int | None = None


def year_of(day: dt.date) -> int:
    return max(codelists.collection_year(day), EARLIEST_CHECKED_YEAR)


def span(start: dt.date, end: dt.date | None) -> str:
    if end is None:
        return f"from {words(start)}, still open"
    return f"from {words(start)} to {words(end)}"


def check(history: CareHistory, *, born: dt.date | None, today: dt.date) -> None:
    """Refuse, naming every fault, a history that breaks the rules."""
    failures = Failures()
    _dates(history, born, today, failures)
    _chain(history, history.statuses, "legal_status", failures)
    _chain(history, history.stays, "placement", failures)
    _fit(history, failures)
    _home_under_section_20(history, failures)
    _short_breaks(history, failures)
    _ages(history, born, failures)
    _codes(history, failures)
    failures.raise_any()


def faults(history: CareHistory, *, born: dt.date | None, today: dt.date) -> list[str]:
    """The codes of every fault `check` finds (none for a sound history)."""
    try:
        check(history, born=born, today=today)
    except DomainError as refused:
        return [failure.code for failure in refused.failures]
    return []


def _dates(
    history: CareHistory, born: dt.date | None, today: dt.date, failures: Failures
) -> None:
    start, end = history.start, history.end
    if born is not None and start < born:
        failures.add(
            "before_birth",
            f"The period of care cannot start on {words(start)}, before the child "
            f"was born ({words(born)})",
        )
    if start > today:
        failures.add("date_in_future", "The period of care cannot start after today")
    if end is not None and end > today:
        failures.add("date_in_future", "The period of care cannot end after today")
    if end is not None and end <= start:
        failures.add(
            "period_no_days",
            f"The period of care must end after the day it started ({words(start)})",
        )


NAMES = {"placement": "placement", "legal_status": "legal status"}


def _chain(
    history: CareHistory,
    rows: Sequence[Status | Stay],
    kind: str,
    failures: Failures,
) -> None:
    """One row on every day of the period: the first from its start, each next
    from the day the last ended, the last to its end."""
    what = NAMES[kind]
    if not rows:
        failures.add(f"{kind}_missing", f"A period of care needs a {what}")
        return
    ordered = sorted(rows, key=lambda r: (r.start, r.pk or 0))
    _first(history, ordered[0], kind, failures)
    for row in ordered:
        if row.end is not None and row.end <= row.start:
            failures.add(
                f"{kind}_no_days",
                f"The {what} that started on {words(row.start)} would end on "
                f"{words(row.end)}: it must end on a later day than it started",
            )
    for before, after in zip(ordered, ordered[1:], strict=False):
        _between(before, after, kind, failures)
    _last(history, ordered[-1], kind, failures)


def _first(history: CareHistory, row: Status | Stay, kind: str, f: Failures) -> None:
    what = NAMES[kind]
    if row.start > history.start:
        f.add(
            f"{kind}_gap",
            f"There is no {what} from {words(history.start)}, when the period of "
            f"care started, to {words(row.start)}: a looked-after child has a "
            f"{what} on every day in care",
        )
    elif row.start < history.start:
        f.add(
            f"{kind}_outside_period",
            f"The {what} {span(row.start, row.end)} starts before the period of "
            f"care ({words(history.start)})",
        )


def _between(
    before: Status | Stay, after: Status | Stay, kind: str, f: Failures
) -> None:
    what = NAMES[kind]
    if before.end is None or after.start < before.end:
        f.add(
            f"{kind}_overlap",
            f"The {what} {span(before.start, before.end)} overlaps the next, which "
            f"starts on {words(after.start)}: a child has one {what} at a time",
        )
    elif after.start > before.end:
        f.add(
            f"{kind}_gap",
            f"There is a gap from {words(before.end)} to {words(after.start)} "
            f"between two {what}s: each must start the day the last ended",
        )


def _last(history: CareHistory, row: Status | Stay, kind: str, f: Failures) -> None:
    what = NAMES[kind]
    if row.end == history.end:
        return
    if history.end is None:
        assert row.end is not None
        f.add(
            f"{kind}_gap",
            f"There is no {what} from {words(row.end)} while the period of care is "
            "still open",
        )
    elif row.end is None or row.end > history.end:
        f.add(
            f"{kind}_outside_period",
            f"The {what} {span(row.start, row.end)} goes on after the period of "
            f"care ended ({words(history.end)})",
        )
    else:
        f.add(
            f"{kind}_gap",
            f"There is no {what} from {words(row.end)} to {words(history.end)}, "
            "when the period of care ended",
        )


def _shared(status: Status, stay: Stay) -> bool:
    """Whether a legal status and a placement held on a day in common."""
    return (stay.end is None or status.start < stay.end) and (
        status.end is None or stay.start < status.end
    )


def _fit(history: CareHistory, failures: Failures) -> None:
    """A placement for adoption needs the legal status that allows it."""
    for stay in history.stays:
        for status in history.statuses:
            if not _shared(status, stay):
                continue
            if (
                stay.place in codes.UNDER_PLACEMENT_ORDER
                and status.code not in codes.PLACEMENT_ORDERS
            ):
                failures.add(
                    "needs_placement_order",
                    f"A child placed for adoption under a placement order "
                    f"({stay.place}, placement from {words(stay.start)}) needs the "
                    f"legal status E1 (placement order) or D1 (freeing order), "
                    f"but it is {status.code} from {words(status.start)} "
                    "(SSDA903 rule 408)",
                )
            elif (
                stay.place in codes.WITH_CONSENT
                and status.code not in codes.CONSENT_STATUSES
            ):
                failures.add(
                    "needs_consent",
                    f"A child placed for adoption with consent ({stay.place}, "
                    f"placement from {words(stay.start)}) is accommodated or in "
                    f"care: the legal status must be V2, C2 or D1, but it is "
                    f"{status.code} from {words(status.start)}. Under a placement "
                    "order, the placement is A5 or A6",
                )


def _home_under_section_20(history: CareHistory, failures: Failures) -> None:
    """Placement with parents is for a child in care under an order: one
    accommodated under section 20 (V2) who goes home is no longer looked after."""
    for stay in history.stays:
        if stay.place not in codes.WITH_PARENTS:
            continue
        for status in history.statuses:
            if status.code == "V2" and _shared(status, stay):
                failures.add(
                    "parents_under_section_20",
                    f"A child accommodated under section 20 (legal status V2 from "
                    f"{words(status.start)}) cannot be placed with their parents "
                    f"(P1, placement from {words(stay.start)}): a child who goes "
                    "home from accommodation leaves care, so end the period of "
                    "care instead (SSDA903 rule 378)",
                )


def _short_breaks(history: CareHistory, failures: Failures) -> None:
    found = {s.code for s in history.statuses} & codes.SHORT_BREAKS
    if found and len(history.statuses) > 1:
        failures.add(
            "short_break_changes",
            "A short break (legal status V3 or V4) is the legal status for the "
            "whole period of care: end the period and start a new one rather than "
            "change to or from it",
        )
    if short_breaks.is_one_episode_break(found):
        short_breaks.check_break(history.start, history.end, failures)
    if found & codes.ONE_EPISODE_BREAKS and len(history.stays) > 1:
        failures.add(
            "short_break_move",
            "A child cannot change placement during a short break recorded as "
            "individual episodes (V3, SSDA903 rule 366): end the break and start "
            "a new period of care",
        )


def _ages(history: CareHistory, born: dt.date | None, failures: Failures) -> None:
    if born is None:
        return
    for stay in history.stays:
        youngest = codes.MINIMUM_AGE.get(stay.place)
        if youngest is not None and age(born, stay.start) < youngest:
            failures.add(
                "too_young_for_placement",
                f"Placement type {stay.place} is for children aged {youngest} or "
                f"over (SSDA903 rule {AGE_RULES[stay.place]}); the child was "
                f"{age(born, stay.start)} on {words(stay.start)}",
            )


def _codes(history: CareHistory, failures: Failures) -> None:
    # A blank code is the form's "choose the ..." fault, already named.
    for status in history.statuses:
        year = year_of(status.start)
        if status.code and not codelists.is_valid(
            codes.LEGAL_STATUS, status.code, year=year
        ):
            failures.add(
                "legal_status_not_in_year",
                f"{status.code} is not an SSDA903 legal status in "
                f"{year - 1} to {year}, the year {words(status.start)} falls in",
            )
    for stay in history.stays:
        year = year_of(stay.start)
        if stay.place and not codelists.is_valid(
            codes.PLACEMENT, stay.place, year=year
        ):
            failures.add(
                "place_not_in_year",
                f"{stay.place} is not an SSDA903 placement type in "
                f"{year - 1} to {year}, the year {words(stay.start)} falls in",
            )


def age(born: dt.date, on: dt.date) -> int:
    """Age in whole years on a day."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
