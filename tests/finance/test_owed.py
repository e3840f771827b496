"""What is owed: every placed day once, at the rate in force that day, read
from the placements themselves."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haven.care.moves import move_placement
from haven.finance import rates
from haven.finance.models.rates import AgeBand
from haven.finance.owed import lines_owed, owed
from haven.finance.rates import RateBook, Span, Stay
from tests.care.factories import fostered

D = dt.date
START = D(2026, 1, 1)
DAYS = 70
AMOUNTS = st.decimals("0", "2000", places=2)
# Birthdays inside the period (one a 29 February), moving children between
# the allowance's age bands, and one far from them.
BIRTHS = [D(2021, 1, 20), D(2016, 2, 29), D(2015, 3, 1), D(2010, 2, 10), D(2009, 6, 1)]


def _day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


@st.composite
def histories(draw):
    """Placements of three children with two providers (each child's own run of
    consecutive placements, some ended, some open), rates changing on random
    days with gaps, spot rates on some placements, and some days paid."""
    stays = []
    pk = 0
    for child in (1, 2, 3):
        cuts = sorted(
            draw(st.sets(st.integers(-10, DAYS + 10), min_size=1, max_size=4))
        )
        open_end = draw(st.booleans())
        for start, stop in zip(cuts, [*cuts[1:], None], strict=True):
            if stop is None and not open_end:
                break
            pk += 1
            stays.append(
                Stay(
                    pk,
                    child,
                    draw(st.sampled_from([1, 2])),
                    _day(start),
                    None if stop is None else _day(stop),
                    # Some with one of the authority's own carers: priced by
                    # the allowance for their age that day and the carer's fee.
                    carer_id=child,
                    born=draw(st.sampled_from(BIRTHS)),
                    in_house=draw(st.booleans()),
                )
            )

    def spans(values=AMOUNTS):
        days = sorted(draw(st.sets(st.integers(-20, DAYS), max_size=4)))
        return [
            Span(_day(a), None if b is None else _day(b), draw(values))
            for a, b in zip(days, [*days[1:], None][: len(days)], strict=True)
            if draw(st.booleans()) or b is None  # some gaps: unpriced days
        ]

    book = RateBook(
        provider={1: spans(), 2: spans()},
        placement={s.placement_id: spans() for s in stays if draw(st.booleans())},
        allowance={band: spans() for band in AgeBand},
        fee={"1": spans(), "2": spans()},
        carer_level={child: spans(st.sampled_from(["1", "2"])) for child in (1, 2, 3)},
    )
    paid = draw(
        st.sets(
            st.tuples(
                st.sampled_from([s.placement_id for s in stays] or [0]),
                st.integers(0, DAYS),
            ),
            max_size=15,
        )
    )
    return stays, book, paid


@settings(max_examples=60, deadline=None)
@given(histories(), st.integers(0, 30), st.integers(1, 40))
def test_every_placed_day_is_owed_once_at_the_rate_that_day(history, first, length):
    stays, book, paid = history
    starts_on, ends_on = _day(first), _day(first + length)
    lines = lines_owed(
        stays,
        book,
        starts_on=starts_on,
        ends_on=ends_on,
        paid=lambda pl, day: (pl, (day - START).days) in paid,
    )
    owed_days = {}
    for line in lines:
        assert line.days > 0
        day = line.starts_on
        while day < line.ends_on:
            key = (line.placement_id, day)
            assert key not in owed_days, "a day owed twice"
            owed_days[key] = line.weekly_rate
            day += dt.timedelta(days=1)
    expected = {}
    for stay in stays:
        day = starts_on
        while day < ends_on:
            if stay.placed(day) and (stay.placement_id, (day - START).days) not in paid:
                expected[(stay.placement_id, day)] = book.weekly_on(stay, day)
            day += dt.timedelta(days=1)
    assert owed_days == expected
    for line in lines:
        if line.weekly_rate is not None:
            assert line.amount == rates.line_amount(line.weekly_rate, line.days)


def test_a_birthday_mid_period_splits_the_line():
    book = RateBook(
        allowance={
            "5-10": [Span(D(2026, 1, 1), None, Decimal("250.00"))],
            "11-15": [Span(D(2026, 1, 1), None, Decimal("290.00"))],
        }
    )
    stay = Stay(
        1, 1, 1, D(2027, 1, 1), None, carer_id=3, born=D(2016, 5, 4), in_house=True
    )
    lines = lines_owed([stay], book, starts_on=D(2027, 5, 1), ends_on=D(2027, 5, 8))
    assert [(x.starts_on, x.days, x.weekly_rate, x.amount) for x in lines] == [
        (D(2027, 5, 1), 3, Decimal("250.00"), Decimal("107.14")),
        (D(2027, 5, 4), 4, Decimal("290.00"), Decimal("165.71")),
    ]


@pytest.mark.django_db
def test_it_reads_the_placements_so_a_move_reaches_finance_at_once(
    fiona, alice, placed, agency, carer, today
):
    rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount="840.00",
        started_on=D(2026, 1, 1),
        by=fiona,
    )
    (line,) = owed([agency], starts_on=D(2026, 3, 1), ends_on=D(2026, 3, 29))
    assert (line.starts_on, line.ends_on, line.days, line.amount) == (
        D(2026, 3, 2),
        D(2026, 3, 29),
        27,
        Decimal("3240.00"),
    )
    move_placement(
        placed.period,
        on=D(2026, 3, 16),
        placement=fostered(carer),
        reason="CARPL",
        by=alice,
    )
    (line,) = owed([agency], starts_on=D(2026, 3, 1), ends_on=D(2026, 3, 29))
    assert (line.ends_on, line.days, line.amount) == (
        D(2026, 3, 16),
        14,
        Decimal("1680.00"),
    )
    assert owed([agency], starts_on=D(2026, 3, 16), ends_on=D(2026, 3, 29)) == []
