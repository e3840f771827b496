"""Commitments forecast from the current placements by rate segments: the
same amounts as pricing each day (haven.finance.owed), to the planned end or
the 18th birthday, with age-band birthdays and future rates."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haven.care.models import Provider
from haven.finance import rates
from haven.finance.forecasts import commitments
from haven.finance.forecasts.commitments import Memo, Placed, commit, year_starts
from haven.finance.owed import lines_owed
from haven.finance.rates import RateBook, Span, Stay

D = dt.date
TODAY = D(2026, 6, 15)
STARTS = year_starts(TODAY)  # 1 April 2026, 2027, 2028, 2029


def _day_by_day(placed, book, until):
    """Each financial year's amount priced as a payment run would."""
    found = []
    for first, stop in zip(STARTS, STARTS[1:], strict=False):
        lines = lines_owed(
            [placed.stay],
            book,
            starts_on=max(first, TODAY),
            ends_on=min(stop, until),
        )
        found.append(sum((x.amount or Decimal("0.00") for x in lines), Decimal("0.00")))
    return tuple(found)


def test_the_financial_years_run_from_april():
    assert commitments.financial_year(D(2026, 3, 31)) == 2025
    assert commitments.financial_year(D(2026, 4, 1)) == 2026
    assert [D(2026, 4, 1), D(2027, 4, 1), D(2028, 4, 1), D(2029, 4, 1)] == STARTS


def test_an_agency_placement_at_a_rate_that_rises_next_april():
    stay = Stay(1, 1, 7, D(2026, 3, 2), None, born=D(2016, 5, 4))
    book = RateBook(
        provider={
            7: [
                Span(D(2026, 1, 1), D(2027, 4, 1), Decimal("840.00")),
                Span(D(2027, 4, 1), None, Decimal("900.00")),
            ]
        }
    )
    found = commit(
        Placed(stay, "U4", "Brightwater", "agency"),
        book,
        today=TODAY,
        year_starts=STARTS,
    )
    assert found.amounts == (
        rates.line_amount(Decimal("840.00"), 290),  # 15 June 2026 to 31 March 2027
        rates.line_amount(Decimal("900.00"), 366),  # 29 February 2028
        rates.line_amount(Decimal("900.00"), 365),
    )
    assert (found.until, found.why, found.weekly_now) == (
        D(2029, 4, 1),
        "continues past the forecast",
        Decimal("840.00"),
    )


def test_in_house_fostering_changes_band_on_the_birthday_and_stops_at_18():
    """Born 10 September 2010: 16 on 10 September 2026 (the last band), 18
    on 10 September 2028, the day the commitment ends."""
    stay = Stay(
        2, 2, 3, D(2025, 1, 6), None, carer_id=5, born=D(2010, 9, 10), in_house=True
    )
    book = RateBook(
        allowance={
            "11-15": [Span(D(2025, 4, 1), None, Decimal("231.00"))],
            "16-17": [Span(D(2025, 4, 1), None, Decimal("270.00"))],
        },
        fee={"2": [Span(D(2025, 4, 1), None, Decimal("95.00"))]},
        carer_level={5: [Span(D(2025, 1, 1), None, "2")]},
    )
    placed = Placed(stay, "U1", "Haven Fostering", "la_fostering")
    found = commit(placed, book, today=TODAY, year_starts=STARTS)
    assert found.amounts[0] == rates.line_amount(
        Decimal("326.00"), 87
    ) + rates.line_amount(Decimal("365.00"), 203)
    assert (found.until, found.why) == (D(2028, 9, 10), "the child's 18th birthday")
    assert found.amounts == _day_by_day(placed, book, found.until)


def test_a_recorded_end_is_the_planned_end_and_unpriced_days_are_counted():
    stay = Stay(3, 3, 8, D(2026, 5, 1), D(2026, 7, 1), born=D(2012, 1, 1))
    found = commit(
        Placed(stay, "K2", "Oak House", "childrens_home"),
        RateBook(),
        today=TODAY,
        year_starts=STARTS,
    )
    assert (found.until, found.why, found.unpriced_days) == (
        D(2026, 7, 1),
        "its recorded end",
        16,
    )
    assert found.total == Decimal("0.00")


spans = st.lists(
    st.dates(D(2024, 1, 1), D(2029, 6, 1)), min_size=0, max_size=4, unique=True
)


@settings(max_examples=40, deadline=None)
@given(
    born=st.dates(D(2008, 1, 1), D(2025, 12, 31)),
    started=st.dates(D(2024, 1, 1), D(2027, 1, 1)),
    length=st.one_of(st.none(), st.integers(1, 1500)),
    changes=spans,
    in_house=st.booleans(),
)
def test_segments_price_as_the_days_do(born, started, length, changes, in_house):
    """By segments, the same amounts as pricing every day as a run does."""
    ended = None if length is None else started + dt.timedelta(days=length)
    if ended is not None and ended <= TODAY:
        return
    stay = Stay(1, 1, 9, started, ended, carer_id=4, born=born, in_house=in_house)
    dates = sorted({D(2024, 1, 1), *changes})
    amounts = [Decimal(600 + 37 * n) + Decimal("0.43") for n in range(len(dates))]
    timeline = [
        Span(first, dates[n + 1] if n + 1 < len(dates) else None, amounts[n])
        for n, first in enumerate(dates)
    ]
    book = RateBook(
        provider={9: timeline[1:]},  # unpriced before the first change
        allowance={band: timeline for band in ("0-4", "5-10", "11-15", "16-17")},
        fee={"1": [Span(D(2026, 9, 1), None, Decimal("50.00"))]},
        carer_level={4: timeline and [Span(D(2025, 2, 3), None, "1")]},
    )
    placed = Placed(stay, "U4", "P", "agency")
    found = commit(placed, book, today=TODAY, year_starts=STARTS)
    assert found.amounts == _day_by_day(placed, book, found.until)
    # A sibling born a year later, priced from the rates the first remembered.
    memo = Memo(book)
    commit(placed, book, today=TODAY, year_starts=STARTS, memo=memo)
    younger = Placed(replace(stay, born=born + dt.timedelta(days=365)), "U4", "P", "a")
    again = commit(younger, book, today=TODAY, year_starts=STARTS, memo=memo)
    assert again.amounts == _day_by_day(younger, book, again.until)


@pytest.mark.django_db
def test_the_forecast_reads_the_placements(fiona, agency, placed, today):
    rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount="840.00",
        started_on=D(2026, 1, 1),
        by=fiona,
    )
    (found,) = commitments.commitments(TODAY)
    assert found.placed.stay.placement_id == placed.pk
    assert found.placed.provider_kind == Provider.Kind.AGENCY
    assert found.amounts[0] == rates.line_amount(Decimal("840.00"), 290)
    by_type = commitments.grouped(
        [found], lambda c: commitments.place_words(c.placed.place)
    )
    assert by_type[0].placements == 1 and by_type[0].name.startswith(placed.place)
