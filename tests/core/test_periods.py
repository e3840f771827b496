"""Date periods (haven.core.periods): the arithmetic, the selectors' Q objects
read the same way by the database, and the database's own rules."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.core import periods
from haven.core.caseroles import CaseRole
from haven.core.models import Allocation, Team
from haven.people.models import (
    ADDRESS_PERIOD,
    IMMIGRATION_PERIOD,
    Address,
    ImmigrationStatus,
    Person,
)
from tests.factories import ChildFactory

DAY0 = dt.date(2026, 1, 1)
days = st.integers(0, 20).map(lambda n: DAY0 + dt.timedelta(days=n))
ends = st.none() | days
kinds = st.booleans()  # inclusive_end


@st.composite
def spans(draw: st.DrawFn) -> tuple[dt.date, dt.date | None]:
    start = draw(days)
    end = draw(ends)
    if end is not None and end < start:
        start, end = end, start
    return start, end


def _days_held(span: tuple[dt.date, dt.date | None], inclusive: bool) -> set[dt.date]:
    """Every day the period holds, within the window and a little past it."""
    start, end = span
    last = DAY0 + dt.timedelta(days=25)
    held = set()
    day = start
    while day <= last:
        if end is None or day < end or (inclusive and day == end):
            held.add(day)
        day += dt.timedelta(days=1)
    return held


# --- the arithmetic -------------------------------------------------------------


@given(spans(), spans(), kinds)
def test_two_periods_overlap_exactly_when_they_share_a_day(a, b, inclusive):
    shared = _days_held(a, inclusive) & _days_held(b, inclusive)
    assert periods.overlaps(a, b, inclusive_end=inclusive) == bool(shared)


@given(spans(), spans(), kinds)
def test_overlap_is_symmetric(a, b, inclusive):
    assert periods.overlaps(a, b, inclusive_end=inclusive) == periods.overlaps(
        b, a, inclusive_end=inclusive
    )


@given(spans(), days, kinds)
def test_a_period_holds_on_exactly_its_days(span, day, inclusive):
    held = _days_held(span, inclusive)
    assert periods.contains(*span, day, inclusive_end=inclusive) == (day in held)


@given(days, days)
def test_an_open_ended_period_holds_on_every_day_from_its_start(start, day):
    assert periods.contains(start, None, day, inclusive_end=False) == (day >= start)
    assert periods.overlaps((start, None), (day, None), inclusive_end=False)


@given(days)
def test_a_same_day_period(day):
    # Exclusive: started and ended the same day, it held on no day (an
    # allocation handed on the day it was made) and overlaps nothing.
    assert not periods.contains(day, day, day, inclusive_end=False)
    assert not periods.overlaps((day, day), (DAY0, None), inclusive_end=False)
    # Inclusive: that one day.
    assert periods.contains(day, day, day, inclusive_end=True)
    assert periods.overlaps((day, day), (DAY0, None), inclusive_end=True)


@given(days, days, days)
def test_periods_that_meet_overlap_only_when_the_end_is_inclusive(a, b, c):
    a, b, c = sorted([a, b, c])
    if a == b or b == c:
        return
    assert not periods.overlaps((a, b), (b, c), inclusive_end=False)
    assert periods.overlaps((a, b), (b, c), inclusive_end=True)


# --- the selectors, read by the database -----------------------------------------


@pytest.fixture
def people(db: None) -> list[Person]:
    return [ChildFactory() for _ in range(6)]


def _address(person: Person, span: tuple[dt.date, dt.date | None]) -> Address:
    return Address.objects.create(
        person=person,
        line_1="1 Test Street",
        town="Havenford",
        postcode="ZZ99 1ZZ",
        postcode_key="ZZ991ZZ",
        started_on=span[0],
        ended_on=span[1],
    )


def _status(person: Person, span: tuple[dt.date, dt.date | None]):
    return ImmigrationStatus.objects.create(
        person=person,
        status="uasc",
        started_on=span[0],
        ended_on=span[1],
        recorded_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(spans(), min_size=1, max_size=6), spans(), days, days)
def test_the_database_reads_current_and_overlapping_as_the_arithmetic_does(
    people, rows, asked, day, other
):
    # Each row belongs to another person, so the one-per-owner rules allow any.
    # A report's span of days counts both its ends, whichever way a period's
    # end is read: a row starting on the span's last day holds on it.
    first, last = min(day, other), max(day, other)
    asked_days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    for model, period, make, inclusive in (
        (Address, ADDRESS_PERIOD, _address, False),
        (ImmigrationStatus, IMMIGRATION_PERIOD, _status, True),
    ):
        with transaction.atomic():
            made = {
                make(person, span).pk: span
                for person, span in zip(people, rows, strict=False)
            }
            found = set(
                model.objects.filter(period.overlapping(*asked)).values_list(
                    "pk", flat=True
                )
            )
            assert found == {
                pk
                for pk, span in made.items()
                if periods.overlaps(span, asked, inclusive_end=inclusive)
            }
            current = set(
                model.objects.filter(period.current(on=day)).values_list(
                    "pk", flat=True
                )
            )
            assert current == {
                pk
                for pk, span in made.items()
                if periods.contains(*span, day, inclusive_end=inclusive)
            }
            held = model.objects.filter(period.overlapping_days(first, last))
            assert set(held.values_list("pk", flat=True)) == {
                pk
                for pk, row in made.items()
                if any(
                    periods.contains(*row, d, inclusive_end=inclusive)
                    for d in asked_days
                )
            }
            transaction.set_rollback(True)


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(spans(), min_size=1, max_size=6), spans())
def test_a_clash_among_rows_read_is_the_clash_the_database_finds(people, rows, asked):
    for model, period, make in (
        (Address, ADDRESS_PERIOD, _address),
        (ImmigrationStatus, IMMIGRATION_PERIOD, _status),
    ):
        with transaction.atomic():
            made = [
                make(person, span).pk
                for person, span in zip(people, rows, strict=False)
            ]
            if model is ImmigrationStatus:
                _status(people[-1], (None, None))  # no period: never a clash
            rows_read = model.objects.all()
            by_database = period.clash(rows_read, *asked, what="it")
            in_python = period.clash_among(list(rows_read), *asked, what="it")
            if by_database is None or in_python is None:
                assert by_database is in_python is None, made
            else:
                # Periods starting the same day are equally the earliest.
                assert in_python.row.started_on == by_database.row.started_on
            transaction.set_rollback(True)


def test_a_row_with_no_start_is_no_period(people):
    _status(people[0], (None, None))
    assert not ImmigrationStatus.objects.filter(
        IMMIGRATION_PERIOD.current(on=DAY0)
    ).exists()
    assert not ImmigrationStatus.objects.filter(
        IMMIGRATION_PERIOD.overlapping(DAY0, None)
    ).exists()


def test_a_clash_names_the_period_it_overlaps(people):
    _address(people[0], (dt.date(2025, 3, 3), dt.date(2025, 5, 1)))
    clash = ADDRESS_PERIOD.clash(
        Address.objects.filter(person=people[0]),
        dt.date(2025, 4, 1),
        None,
        what="the address",
    )
    assert clash is not None
    assert clash.message == (
        "It overlaps the address from 3 March 2025 to 1 May 2025: change the "
        "dates so they do not overlap"
    )
    assert (
        ADDRESS_PERIOD.clash(
            Address.objects.filter(person=people[0]),
            dt.date(2025, 5, 1),
            None,
            what="the address",
        )
        is None
    )


# --- the database's rules ----------------------------------------------------------


def test_the_database_refuses_an_end_before_the_start(people):
    with pytest.raises(IntegrityError), transaction.atomic():
        _address(people[0], (dt.date(2025, 3, 3), dt.date(2025, 3, 2)))


def test_the_database_refuses_a_second_open_address(people):
    _address(people[0], (dt.date(2025, 3, 3), None))
    with pytest.raises(IntegrityError), transaction.atomic():
        _address(people[0], (dt.date(2025, 4, 3), None))


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite has no exclusion constraints: the services keep the rule",
)


@postgres_only
def test_postgresql_refuses_overlapping_addresses_of_one_person(people):
    _address(people[0], (dt.date(2025, 1, 1), dt.date(2025, 3, 1)))
    _address(people[0], (dt.date(2025, 3, 1), dt.date(2025, 4, 1)))  # meets it
    _address(people[1], (dt.date(2025, 2, 1), dt.date(2025, 4, 1)))  # another's
    with pytest.raises(IntegrityError), transaction.atomic():
        _address(people[0], (dt.date(2025, 2, 1), dt.date(2025, 2, 2)))


@postgres_only
def test_postgresql_refuses_overlapping_statuses_of_one_kind(people):
    _status(people[0], (dt.date(2025, 1, 1), dt.date(2025, 3, 1)))
    with pytest.raises(IntegrityError), transaction.atomic():
        # Inclusive ends: both held on 1 March.
        _status(people[0], (dt.date(2025, 3, 1), None))


@postgres_only
def test_postgresql_allows_roles_to_overlap_but_not_holders_of_one_role(people):
    team = Team.objects.create(name="Assessment Team")
    child = people[0]
    start = dt.date(2025, 1, 1)

    def allocate(role: str, started_on: dt.date, ended_on: dt.date | None):
        return Allocation.objects.create(
            person=child, team=team, role=role, started_on=started_on, ended_on=ended_on
        )

    allocate(CaseRole.SOCIAL_WORKER, start, dt.date(2025, 6, 1))
    allocate(CaseRole.IRO, start, None)
    allocate(CaseRole.SOCIAL_WORKER, dt.date(2025, 6, 1), dt.date(2025, 6, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        allocate(CaseRole.SOCIAL_WORKER, dt.date(2025, 5, 1), None)


def _dated_rows(child: Person, user) -> list:
    """One row of each model with a period, made straight in the database."""
    from haven.cin.models import CinEpisode
    from haven.earlyhelp.models import EarlyHelpRequest
    from haven.people.models import ParentalResponsibility

    start, now = dt.date(2025, 3, 3), dt.datetime(2025, 3, 3, tzinfo=dt.UTC)
    team = user.team
    return [
        _address(child, (start, None)),
        _status(child, (start, None)),
        Allocation.objects.create(person=child, team=team, started_on=start),
        CinEpisode.objects.create(person=child, referral_date=start, source="1A"),
        EarlyHelpRequest.objects.create(
            person=child,
            requested_on=start,
            reason="Routines",
            source="direct",
            outcome="needs_met",  # so a closing date may be written
            created_at=now,
            created_by=user,
        ),
        ParentalResponsibility.objects.create(
            child=child, basis="care_order", started_on=start, recorded_at=now
        ),
    ]


def test_the_database_refuses_any_period_ending_before_it_starts(people, alice):
    for row in _dated_rows(people[0], alice):
        end = row.period.end
        with pytest.raises(IntegrityError), transaction.atomic():
            type(row).objects.filter(pk=row.pk).update(**{end: dt.date(2025, 3, 2)})
        type(row).objects.filter(pk=row.pk).update(**{end: dt.date(2025, 3, 3)})


def test_the_database_refuses_a_second_open_early_help_request(people, alice):
    from haven.earlyhelp.models import EarlyHelpRequest

    first = _dated_rows(people[0], alice)[4]
    assert isinstance(first, EarlyHelpRequest)
    first.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        first.save()
