"""Rates: effective-dated, to the penny, never overlapping, set by finance."""

import datetime as dt
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, models, transaction

from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.finance import rates
from haven.finance.models import AgeBand, ProviderRate
from haven.finance.rates import RateBook, Span, Stay

D = dt.date
pytestmark = pytest.mark.django_db


def test_no_float_field_anywhere_in_finance():
    fields = [
        f
        for model in apps.get_app_config("finance").get_models()
        for f in model._meta.get_fields()
    ]
    assert not [f for f in fields if isinstance(f, models.FloatField)]
    money = [f for f in fields if f.name in ("weekly_amount", "weekly_rate", "amount")]
    assert money and all(isinstance(f, models.DecimalField) for f in money)
    assert all(f.decimal_places == 2 for f in money)


@pytest.mark.parametrize(
    ("weekly", "days", "amount"),
    [
        ("700.00", 7, "700.00"),
        ("700.00", 1, "100.00"),
        ("100.00", 1, "14.29"),  # 14.2857...
        ("0.35", 1, "0.05"),  # exactly 0.05
        ("0.07", 1, "0.01"),
        ("0.0350", 1, "0.01"),  # 0.005 rounds up, half up
        ("512.40", 3, "219.60"),
        ("999.99", 28, "3999.96"),
    ],
)
def test_a_line_is_rounded_once_half_up(weekly, days, amount):
    assert rates.line_amount(Decimal(weekly), days) == Decimal(amount)


def test_the_age_band_changes_on_the_birthday():
    born = D(2016, 5, 4)
    assert rates.age_band(born, D(2021, 5, 3)) == AgeBand.UNDER_5
    assert rates.age_band(born, D(2021, 5, 4)) == AgeBand.FROM_5
    assert rates.age_band(born, D(2027, 5, 4)) == AgeBand.FROM_11
    assert rates.age_band(born, D(2032, 5, 4)) == AgeBand.FROM_16


def test_a_spot_rate_stands_above_the_providers_and_fostering_adds_the_fee():
    book = RateBook(
        provider={1: [Span(D(2026, 1, 1), None, Decimal("800.00"))]},
        placement={9: [Span(D(2026, 3, 1), D(2026, 4, 1), Decimal("950.00"))]},
        allowance={
            "5-10": [Span(D(2026, 1, 1), None, Decimal("250.00"))],
            "11-15": [Span(D(2026, 1, 1), None, Decimal("290.00"))],
        },
        fee={"2": [Span(D(2026, 1, 1), None, Decimal("150.00"))]},
        carer_level={5: [Span(D(2026, 2, 1), None, "2")]},
    )
    agency = Stay(9, 100, 1, D(2026, 1, 1), None)
    assert book.weekly_on(agency, D(2026, 2, 1)) == Decimal("800.00")
    assert book.weekly_on(agency, D(2026, 3, 1)) == Decimal("950.00")
    assert book.weekly_on(agency, D(2026, 4, 1)) == Decimal("800.00")
    own = Stay(
        10, 101, 2, D(2026, 1, 1), None, carer_id=5, born=D(2016, 5, 4), in_house=True
    )
    assert book.weekly_on(own, D(2026, 1, 31)) == Decimal("250.00")  # no level yet
    assert book.weekly_on(own, D(2026, 2, 1)) == Decimal("400.00")
    assert book.weekly_on(own, D(2027, 5, 4)) == Decimal("440.00")  # 11 today
    unborn = Stay(11, 102, 2, D(2026, 1, 1), None, carer_id=5, in_house=True)
    assert book.weekly_on(unborn, D(2026, 2, 1)) is None


def test_a_new_rate_ends_the_open_one(fiona, agency, today):
    first = rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount="812.50",
        started_on=D(2026, 1, 1),
        by=fiona,
    )
    second = rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount="£830.00",
        started_on=D(2026, 4, 1),
        by=fiona,
    )
    first.refresh_from_db()
    assert first.ended_on == D(2026, 4, 1)
    assert (second.weekly_amount, second.ended_on) == (Decimal("830.00"), None)


def test_it_refuses_every_fault_at_once(fiona, agency, today):
    with pytest.raises(DomainError) as refused:
        rates.set_provider_rate(
            agency, basis="spot", weekly_amount="12.345", started_on=None, by=fiona
        )
    assert refused.value.codes == [
        "basis_invalid",
        "amount_not_pennies",
        "start_required",
    ]
    with pytest.raises(DomainError) as refused:
        rates.set_provider_rate(
            agency,
            basis="rate_card",
            weekly_amount=812.5,
            started_on=D(2026, 1, 1),
            by=fiona,
        )
    assert refused.value.code == "amount_invalid"  # never a float


def test_it_refuses_an_overlapping_rate(fiona, agency, today):
    rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount="812.50",
        started_on=D(2026, 1, 1),
        ended_on=D(2026, 3, 1),
        by=fiona,
    )
    with pytest.raises(DomainError) as refused:
        rates.set_provider_rate(
            agency,
            basis="framework",
            weekly_amount="800",
            started_on=D(2025, 12, 1),
            ended_on=D(2026, 1, 2),
            by=fiona,
        )
    assert refused.value.code == "rate_overlaps"
    assert "1 January 2026 to 1 March 2026" in refused.value.message


@pytest.mark.skipif(connection.vendor != "postgresql", reason="exclusion constraint")
def test_the_database_refuses_an_overlapping_rate(fiona, agency, today):
    rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount="812.50",
        started_on=D(2026, 1, 1),
        ended_on=D(2026, 3, 1),
        by=fiona,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ProviderRate.objects.create(
            provider=agency,
            basis="framework",
            weekly_amount=Decimal("1.00"),
            started_on=D(2026, 2, 1),
            ended_on=D(2026, 2, 5),
            created_by=fiona,
        )


def test_only_a_finance_officer_sets_rates(alice, agency, today):
    with pytest.raises(DomainError) as refused:
        rates.set_provider_rate(
            agency,
            basis="framework",
            weekly_amount="1",
            started_on=D(2026, 1, 1),
            by=alice,
        )
    assert refused.value.code == "not_permitted"


def test_a_spot_rate_is_journaled_on_the_child(fiona, placed, today):
    rate = rates.set_placement_rate(
        placed, weekly_amount="990.00", started_on=D(2026, 3, 2), by=fiona
    )
    assert (rate.basis, rate.provider_id) == ("spot", placed.provider_id)
    event = JournalEvent.objects.filter(type="finance.placement_rate_set").get()
    assert event.person_id == placed.period.person_id
    assert event.payload["weekly_amount"] == "990.00"


def test_fostering_allowances_fees_and_levels(fiona, carer, agency_carer, today):
    allowance = rates.set_allowance(
        "5-10", weekly_amount="251.00", started_on=D(2026, 4, 1), by=fiona
    )
    fee = rates.set_fee_rate(
        "2", weekly_amount="150", started_on=D(2026, 4, 1), by=fiona
    )
    level = rates.set_carer_fee_level(
        carer, level="2", started_on=D(2026, 4, 1), by=fiona
    )
    assert (allowance.weekly_amount, fee.weekly_amount, level.level) == (
        Decimal("251.00"),
        Decimal("150.00"),
        "2",
    )
    with pytest.raises(DomainError) as refused:
        rates.set_carer_fee_level(
            agency_carer, level="9", started_on=D(2026, 4, 1), by=fiona
        )
    assert refused.value.codes == ["level_invalid", "not_in_house"]
