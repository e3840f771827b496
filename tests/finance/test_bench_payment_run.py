"""The benchmark's payment run (bench/payment_run.py) pays what it times:
every kind of provider over the same four weeks, the three latest periods
before this week when no run has paid them (else the three before the first
run), each run previewed, approved by the second officer and closed."""

import datetime as dt
from decimal import Decimal

import pytest

from bench import payment_run
from haven.finance import rates
from haven.finance.models import Frequency, PaymentFrequency, PaymentRun
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_the_run_pays_each_of_three_four_week_periods(placed, agency, today):
    fiona = make_user("finance-officer", "finance_officer")
    make_user("finance-officer2", "finance_officer")
    rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount=Decimal("840.00"),
        started_on=dt.date(2026, 1, 1),
        by=fiona,
    )
    (figure,) = payment_run.figures()
    assert (figure.kind, figure.audience) == ("payment run", "finance officer")
    assert "1 kinds, 1+ placements" in figure.label and figure.queries
    paid = PaymentRun.objects.filter(status="closed").order_by("starts_on")
    # 15 June 2026 is a Monday: the three four weeks before it, one run each.
    assert [(r.starts_on, r.ends_on) for r in paid] == [
        (dt.date(2026, 3, 23), dt.date(2026, 4, 20)),
        (dt.date(2026, 4, 20), dt.date(2026, 5, 18)),
        (dt.date(2026, 5, 18), dt.date(2026, 6, 15)),
    ]
    assert all(r.total == Decimal("3360.00") for r in paid)  # 4 weeks at 840
    # Only kinds never paid are set to four-weekly (a setting, as an admin's).
    assert list(PaymentFrequency.objects.values_list("provider_kind", "frequency")) == [
        ("agency", Frequency.FOUR_WEEKLY)
    ]
    # Those weeks paid now, a second measure takes the three before them.
    assert payment_run._periods() == [
        dt.date(2025, 12, 29),
        dt.date(2026, 1, 26),
        dt.date(2026, 2, 23),
    ]
