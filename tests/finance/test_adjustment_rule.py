"""The pure rule of haven/finance/adjustments/compare.py, against a day-by-day
count: after its lines, every day of the window is paid net at the rate owed
(0 when not placed with that provider; an unpriced day is left alone), and
the lines of one placement and
provider never share a day."""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from haven.finance.adjustments.compare import Paid, Window, adjustments
from haven.finance.rates import RateBook, Span, Stay

START = dt.date(2026, 1, 5)
RATES = [Decimal(x) for x in ("0.00", "700.00", "840.00", "910.35")]
W = Window(START + dt.timedelta(days=10), START + dt.timedelta(days=60))


def _day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


@st.composite
def cases(draw):
    stays = []
    for pk in (1, 2, 3):
        first = draw(st.integers(0, 50))
        end = draw(st.one_of(st.none(), st.integers(first, 70)))
        provider = draw(st.sampled_from([10, 11, 12]))  # 12: another kind
        stop = None if end is None else _day(end)
        stays.append(Stay(pk, pk, provider, _day(first), stop))
    cuts = sorted(draw(st.sets(st.integers(1, 69), max_size=3)))
    spans = [
        Span(_day(a), _day(b) if b else None, draw(st.sampled_from(RATES[1:])))
        for a, b in zip([0, *cuts], [*cuts, None], strict=True)
    ]
    book = RateBook(provider={10: spans, 11: spans[:1], 12: spans})
    paid = []
    for _ in range(draw(st.integers(0, 8))):
        pk = draw(st.sampled_from([1, 2, 3]))
        a = draw(st.integers(0, 65))
        b = draw(st.integers(a + 1, 70))
        kind = draw(st.sampled_from(["payment", "adjustment"]))
        rate = draw(st.sampled_from(RATES)) * (-1 if kind == "adjustment" else 1)
        provider = draw(st.sampled_from([10, 11]))
        paid.append(Paid(pk, pk, provider, _day(a), _day(b), rate, kind))
    return stays, paid, book


def _net(lines, day):
    net = defaultdict(lambda: Decimal("0.00"))
    for x in lines:
        if x.starts_on <= day < x.ends_on:
            net[(x.placement_id, x.provider_id)] += x.weekly_rate
    return net


@settings(max_examples=80, deadline=None)
@given(cases())
def test_after_the_lines_every_day_is_paid_net_at_the_rate_owed(case):
    stays, paid, book = case
    found = adjustments(stays, paid, book, W, providers={10, 11})
    for line in found:
        assert W.starts_on <= line.starts_on < line.ends_on <= W.ends_on
        assert line.weekly_rate != 0 and line.reason
        assert line.provider_id in (10, 11)
    day = W.starts_on
    while day < W.ends_on:
        before, after = _net(paid, day), _net([*paid, *found], day)
        for stay in stays:
            for provider in (10, 11):
                owed = Decimal("0.00")
                if stay.provider_id == provider and stay.placed(day):
                    owed = book.weekly_on(stay, day)
                key = (stay.placement_id, provider)
                if owed is None:  # unpriced: not compared until a rate is set
                    assert after[key] == before[key]
                else:
                    assert after[key] == owed, (day, key, before[key])
        day += dt.timedelta(days=1)
    seen = set()
    for line in found:
        for n in range(line.days):
            key = (
                line.placement_id,
                line.provider_id,
                line.starts_on + dt.timedelta(n),
            )
            assert key not in seen, "two lines for one day"
            seen.add(key)
