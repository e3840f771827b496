"""England's working days and calendar arithmetic (timescales research note, §2)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haven.timescales.calendar import (
    add_days,
    add_months,
    add_weeks,
    add_working_days,
    bank_holidays,
    is_working_day,
    next_fixed_date,
    working_days_between,
)

D = dt.date
# Wide enough for any case Haven holds, small enough for the per-year cache.
any_date = st.dates(min_value=D(1990, 1, 1), max_value=D(2089, 12, 31))


def test_2026_weekday_bank_holidays_match_the_govuk_list() -> None:
    weekdays = {d for d in bank_holidays(2026) if d.weekday() < 5}
    assert weekdays == {
        D(2026, 1, 1),
        D(2026, 4, 3),
        D(2026, 4, 6),
        D(2026, 5, 4),
        D(2026, 5, 25),
        D(2026, 8, 31),
        D(2026, 12, 25),
        D(2026, 12, 28),
    }


def test_2027_weekday_bank_holidays_include_both_christmas_substitute_days() -> None:
    weekdays = {d for d in bank_holidays(2027) if d.weekday() < 5}
    assert weekdays == {
        D(2027, 1, 1),
        D(2027, 3, 26),
        D(2027, 3, 29),
        D(2027, 5, 3),
        D(2027, 5, 31),
        D(2027, 8, 30),
        D(2027, 12, 27),
        D(2027, 12, 28),
    }


@pytest.mark.parametrize(
    ("day", "working"),
    [
        pytest.param(D(2026, 12, 24), True, id="Christmas Eve is a working day"),
        pytest.param(D(2026, 12, 25), False, id="Christmas Day (Friday)"),
        pytest.param(D(2026, 12, 26), False, id="Boxing Day on a Saturday"),
        pytest.param(D(2026, 12, 28), False, id="Boxing Day substitute Monday"),
        pytest.param(D(2026, 12, 29), True, id="Tuesday after Christmas 2026"),
        pytest.param(D(2026, 12, 31), True, id="New Year's Eve"),
        pytest.param(D(2027, 1, 1), False, id="New Year's Day (Friday)"),
        pytest.param(D(2026, 4, 2), True, id="Maundy Thursday"),
        pytest.param(D(2026, 4, 3), False, id="Good Friday 2026"),
        pytest.param(D(2026, 4, 6), False, id="Easter Monday 2026"),
        pytest.param(D(2027, 3, 26), False, id="Good Friday 2027"),
        pytest.param(D(2027, 3, 29), False, id="Easter Monday 2027"),
        pytest.param(D(2026, 5, 4), False, id="early May bank holiday 2026"),
        pytest.param(D(2026, 5, 25), False, id="spring bank holiday 2026"),
        pytest.param(D(2026, 8, 31), False, id="late August bank holiday 2026"),
        pytest.param(D(2027, 8, 30), False, id="late August bank holiday 2027"),
        pytest.param(D(2027, 12, 27), False, id="Christmas substitute 2027"),
        pytest.param(D(2027, 12, 28), False, id="Boxing Day substitute 2027"),
        pytest.param(D(2028, 1, 3), False, id="New Year substitute 2028"),
        pytest.param(D(2023, 5, 8), False, id="Coronation bank holiday"),
        pytest.param(D(2022, 9, 19), False, id="State Funeral bank holiday"),
        pytest.param(D(2026, 6, 6), False, id="a Saturday"),
        pytest.param(D(2026, 6, 7), False, id="a Sunday"),
        pytest.param(D(2026, 6, 10), True, id="an ordinary Wednesday"),
    ],
)
def test_is_working_day_knows_weekends_and_english_bank_holidays(
    day: dt.date, working: bool
) -> None:
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        pytest.param(D(2026, 6, 10), 0, D(2026, 6, 10), id="0 WD is the day itself"),
        pytest.param(D(2026, 6, 6), 0, D(2026, 6, 6), id="0 WD from a Saturday"),
        pytest.param(D(2026, 6, 10), 1, D(2026, 6, 11), id="Wednesday to Thursday"),
        pytest.param(D(2026, 6, 5), 1, D(2026, 6, 8), id="Friday to Monday"),
        pytest.param(D(2026, 6, 6), 1, D(2026, 6, 8), id="Saturday counts as day 0"),
        pytest.param(D(2026, 6, 7), 1, D(2026, 6, 8), id="Sunday counts as day 0"),
        pytest.param(D(2026, 6, 5), 5, D(2026, 6, 12), id="a week of working days"),
        pytest.param(D(2026, 12, 24), 1, D(2026, 12, 29), id="over Christmas 2026"),
        pytest.param(D(2026, 12, 25), 1, D(2026, 12, 29), id="from Christmas Day"),
        pytest.param(D(2026, 12, 31), 1, D(2027, 1, 4), id="over New Year 2027"),
        pytest.param(D(2026, 12, 24), 4, D(2027, 1, 4), id="Christmas to New Year"),
        pytest.param(D(2026, 4, 2), 1, D(2026, 4, 7), id="over Easter 2026"),
        pytest.param(D(2026, 4, 3), 1, D(2026, 4, 7), id="from Good Friday 2026"),
        pytest.param(D(2027, 3, 25), 1, D(2027, 3, 30), id="over Easter 2027"),
        pytest.param(D(2026, 5, 1), 1, D(2026, 5, 5), id="over early May 2026"),
        pytest.param(D(2026, 8, 28), 1, D(2026, 9, 1), id="over late August 2026"),
        pytest.param(D(2027, 8, 27), 1, D(2027, 8, 31), id="over late August 2027"),
        pytest.param(D(2027, 12, 24), 1, D(2027, 12, 29), id="over Christmas 2027"),
        pytest.param(D(2027, 12, 31), 1, D(2028, 1, 4), id="over New Year 2028"),
        pytest.param(D(2026, 12, 1), 45, D(2027, 2, 5), id="45 WD over Christmas"),
        pytest.param(D(2026, 8, 28), 45, D(2026, 11, 2), id="45 WD after August"),
        pytest.param(D(2026, 12, 29), -1, D(2026, 12, 24), id="back over Christmas"),
        pytest.param(D(2026, 6, 8), -1, D(2026, 6, 5), id="back over a weekend"),
    ],
)
def test_add_working_days_skips_weekends_and_bank_holidays(
    start: dt.date, n: int, expected: dt.date
) -> None:
    assert add_working_days(start, n) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        pytest.param(D(2026, 6, 10), D(2026, 6, 10), 0, id="same day"),
        pytest.param(D(2026, 6, 5), D(2026, 6, 8), 1, id="Friday to Monday"),
        pytest.param(D(2026, 6, 5), D(2026, 6, 7), 0, id="Friday to Sunday"),
        pytest.param(D(2026, 12, 24), D(2027, 1, 4), 4, id="Christmas to New Year"),
        pytest.param(D(2026, 4, 2), D(2026, 4, 7), 1, id="over Easter"),
        pytest.param(D(2027, 1, 4), D(2026, 12, 24), -4, id="backwards"),
    ],
)
def test_working_days_between_counts_working_days_after_the_start(
    start: dt.date, end: dt.date, expected: int
) -> None:
    assert working_days_between(start, end) == expected


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        pytest.param(D(2026, 1, 31), 1, D(2026, 2, 28), id="31 Jan + 1 m, common year"),
        pytest.param(D(2028, 1, 31), 1, D(2028, 2, 29), id="31 Jan + 1 m, leap year"),
        pytest.param(D(2028, 2, 29), 12, D(2029, 2, 28), id="29 Feb + 12 m"),
        pytest.param(D(2028, 2, 29), 48, D(2032, 2, 29), id="29 Feb + 48 m"),
        pytest.param(D(2026, 8, 31), 6, D(2027, 2, 28), id="31 Aug + 6 m"),
        pytest.param(D(2027, 8, 31), 6, D(2028, 2, 29), id="31 Aug + 6 m, leap"),
        pytest.param(D(2026, 3, 31), 1, D(2026, 4, 30), id="31 Mar + 1 m"),
        pytest.param(D(2026, 1, 15), 3, D(2026, 4, 15), id="same day number"),
        pytest.param(D(2026, 11, 15), 2, D(2027, 1, 15), id="into the next year"),
        pytest.param(D(2026, 11, 30), 3, D(2027, 2, 28), id="30 Nov + 3 m"),
        pytest.param(D(2026, 10, 31), 2, D(2026, 12, 31), id="31 Oct + 2 m"),
        pytest.param(D(2027, 3, 31), -1, D(2027, 2, 28), id="back to February"),
        pytest.param(D(2027, 1, 15), -2, D(2026, 11, 15), id="back a year"),
        pytest.param(D(2026, 5, 20), 0, D(2026, 5, 20), id="0 months"),
    ],
)
def test_add_months_uses_the_corresponding_date_or_the_month_end(
    start: dt.date, n: int, expected: dt.date
) -> None:
    assert add_months(start, n) == expected


def test_add_days_and_weeks_count_calendar_days() -> None:
    assert add_days(D(2026, 12, 24), 7) == D(2026, 12, 31)
    assert add_weeks(D(2026, 12, 24), 1) == D(2026, 12, 31)
    assert add_weeks(D(2026, 9, 1), 20) == D(2027, 1, 19)
    assert add_days(D(2026, 9, 1), -28) == D(2026, 8, 4)


@pytest.mark.parametrize(
    ("after", "month", "day", "expected"),
    [
        pytest.param(D(2026, 9, 1), 2, 15, D(2027, 2, 15), id="next year's"),
        pytest.param(D(2027, 1, 1), 2, 15, D(2027, 2, 15), id="this year's"),
        pytest.param(D(2027, 2, 15), 2, 15, D(2027, 2, 15), id="on the day itself"),
        pytest.param(D(2027, 2, 16), 2, 15, D(2028, 2, 15), id="the day after"),
        pytest.param(D(2027, 3, 1), 2, 29, D(2028, 2, 29), id="29 Feb, leap year"),
        pytest.param(D(2027, 1, 1), 2, 29, D(2027, 2, 28), id="29 Feb, common year"),
    ],
)
def test_next_fixed_date_is_on_or_after_the_given_date(
    after: dt.date, month: int, day: int, expected: dt.date
) -> None:
    assert next_fixed_date(after, month, day) == expected


@pytest.mark.parametrize(("month", "day"), [(4, 31), (13, 1), (0, 1), (2, 30)])
def test_next_fixed_date_refuses_a_day_no_year_has(month: int, day: int) -> None:
    with pytest.raises(ValueError, match="There is no day"):
        next_fixed_date(D(2026, 1, 1), month, day)


@given(any_date, st.integers(min_value=1, max_value=400))
def test_adding_working_days_always_lands_on_a_working_day(
    day: dt.date, n: int
) -> None:
    assert is_working_day(add_working_days(day, n))


@given(any_date, st.integers(min_value=-400, max_value=400))
def test_working_days_between_undoes_add_working_days(day: dt.date, n: int) -> None:
    assert working_days_between(day, add_working_days(day, n)) == n


@given(any_date, st.integers(min_value=0, max_value=400))
def test_adding_working_days_never_goes_backwards(day: dt.date, n: int) -> None:
    result = add_working_days(day, n)
    assert result >= day
    assert (result - day).days >= n


@given(any_date, st.integers(min_value=-1200, max_value=1200))
def test_add_months_lands_in_the_expected_month_without_raising(
    day: dt.date, n: int
) -> None:
    year, month_index = divmod(day.year * 12 + day.month - 1 + n, 12)
    result = add_months(day, n)
    assert (result.year, result.month) == (year, month_index + 1)


@given(any_date, st.integers(min_value=-1200, max_value=1200))
def test_add_months_keeps_the_day_unless_the_month_is_too_short(
    day: dt.date, n: int
) -> None:
    result = add_months(day, n)
    is_month_end = (result + dt.timedelta(days=1)).month != result.month
    assert result.day == day.day or (result.day < day.day and is_month_end)
