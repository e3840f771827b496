"""A provider's invoice is matched against what the placements say is owed,
child by child, and approved or disputed by a finance officer, journaled on
each child's record."""

import datetime as dt
from decimal import Decimal

import pytest

from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.core.services import allocate_case
from haven.finance import rates
from haven.finance.invoices import selectors, services
from haven.finance.invoices.services import TypedLine
from tests.care.factories import CarerFactory, fostered, in_care
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db
D = dt.date
MARCH = D(2026, 3, 2)  # Jasmine's first day with the agency
LAST = D(2026, 3, 29)  # 28 days from 2 March


@pytest.fixture
def rate(fiona, agency, today):
    return rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount="840.00",
        started_on=D(2026, 1, 1),
        by=fiona,
    )


@pytest.fixture
def second(alice, mona, team, agency, today):
    """Sam, placed with the agency from 16 March 2026."""
    child = ChildFactory(given_name="Sam", family_name="Ingleby")
    allocate_case(child, team=team, worker=alice, on=D(2026, 1, 5), by=mona)
    in_care(
        child,
        by=alice,
        on=D(2026, 3, 16),
        placement=fostered(CarerFactory(provider=agency)),
    )
    return child


def _record(
    agency, fiona, *lines, reference="BW-1001", start=MARCH, last=LAST, total=None
):
    return services.record_invoice(
        agency,
        reference=reference,
        starts_on=start,
        last_day=last,
        lines=[TypedLine(str(c.pk), d, a) for c, d, a in lines],
        total=total,
        by=fiona,
    )


def _words(fiona, invoice):
    return {
        row.name.split(" (")[0]: row.differences
        for row in selectors.match(fiona, invoice)
    }


def test_an_invoice_that_bills_what_is_owed_matches(fiona, agency, placed, rate):
    child = placed.period.person
    invoice = _record(agency, fiona, (child, 28, "3360.00"))
    assert (invoice.total, invoice.ends_on, invoice.itemised) == (
        Decimal("3360.00"),
        D(2026, 3, 30),
        True,
    )
    assert _words(fiona, invoice) == {"Jasmine Thackray": []}


def test_each_difference_is_said_line_by_line(fiona, agency, placed, rate, second):
    """Days not placed, a rate that does not match, a child not placed with
    them, and a child placed but missing from the invoice."""
    jasmine = placed.period.person
    stranger = ChildFactory(given_name="Kai", family_name="Marsh")
    invoice = _record(
        agency,
        fiona,
        (jasmine, 29, "3480.00"),  # from 1 March: one day before she was placed
        (stranger, 7, "840.00"),
        start=D(2026, 3, 1),
    )
    words = _words(fiona, invoice)
    assert words["Jasmine Thackray"] == [
        "1 day billed for Jasmine Thackray when they were not placed with "
        "Brightwater Fostering: 29 days billed, 28 days placed"
    ]
    # Kai has never been placed: finance pays nothing for him, so his name
    # is not theirs to see.
    assert words["A child with no placement Haven pays for"] == [
        "This child was not placed with Brightwater Fostering in the period: "
        "7 days and £840.00 billed"
    ]
    assert words["Sam Ingleby"] == [
        "Sam Ingleby was placed with Brightwater Fostering for 14 days in the "
        "period (£1680.00 owed) but is not on the invoice"
    ]


def test_a_rate_that_does_not_match_is_named(fiona, agency, placed, rate):
    invoice = _record(agency, fiona, (placed.period.person, 28, "3500.00"))
    assert _words(fiona, invoice)["Jasmine Thackray"] == [
        "The rate billed for Jasmine Thackray does not match: £3500.00 for 28 "
        "days (about £875.00 a week), and at the placement's rate of £840.00 a "
        "week those days come to £3360.00"
    ]


def test_an_invoice_with_only_a_total_is_checked_against_the_total_owed(
    fiona, agency, placed, rate, second
):
    invoice = _record(agency, fiona, total="5100.00")
    (row,) = selectors.match(fiona, invoice)
    assert row.owed_amount == Decimal("5040.00")  # 28 + 14 days at £840 a week
    assert row.differences == [
        "The invoice's total of £5100.00 is £60.00 more than the £5040.00 the "
        "placements say is owed"
    ]


def test_every_fault_is_named_at_once(fiona, agency, placed, rate):
    _record(agency, fiona, (placed.period.person, 28, "3360.00"))
    with pytest.raises(DomainError) as refused:
        services.record_invoice(
            agency,
            reference="BW-1001",
            starts_on=MARCH,
            last_day=LAST,
            lines=[
                TypedLine("999999", 3, "1.00"),
                TypedLine(str(placed.period.person.pk), 40, "12.345"),
            ],
            total="9",
            by=fiona,
        )
    assert [(f.code, f.field) for f in refused.value.failures] == [
        ("reference_taken", "reference"),
        ("child_unknown", "lines.0.child"),
        ("days_over_period", "lines.1.days"),
        ("amount_invalid", "lines.1.amount"),
    ]


def test_an_invoice_needs_lines_or_a_total_and_a_period(fiona, agency, today):
    with pytest.raises(DomainError) as refused:
        services.record_invoice(
            None, reference="", starts_on=None, last_day=None, by=fiona
        )
    assert [f.code for f in refused.value.failures] == [
        "provider_required",
        "reference_required",
        "start_required",
        "end_required",
        "lines_or_total",
    ]


def test_approval_is_journaled_on_each_childs_record(
    fiona, agency, placed, rate, second
):
    invoice = _record(agency, fiona, (placed.period.person, 28, "3360.00"))
    services.approve_invoice(invoice, by=fiona)
    invoice.refresh_from_db()
    assert (invoice.status, invoice.decided_by) == ("approved", fiona)
    sam = JournalEvent.objects.get(person=second, type="finance.invoice_approved")
    assert sam.payload["differences"] == [
        "The child was placed with Brightwater Fostering for 14 days in the "
        "period (£1680.00 owed) but is not on the invoice"
    ]
    assert "Jasmine" not in str(sam.payload)
    jasmine = JournalEvent.objects.filter(person=placed.period.person)
    assert {"finance.invoice_recorded", "finance.invoice_approved"} <= set(
        jasmine.values_list("type", flat=True)
    )
    with pytest.raises(DomainError) as refused:
        services.dispute_invoice(invoice, reason="Too late", by=fiona)
    assert refused.value.code == "already_decided"


def test_a_dispute_needs_its_reason(fiona, agency, placed, rate):
    invoice = _record(agency, fiona, (placed.period.person, 28, "3500.00"))
    with pytest.raises(DomainError) as refused:
        services.dispute_invoice(invoice, reason="  ", by=fiona)
    assert refused.value.code == "reason_required"
    services.dispute_invoice(invoice, reason="The rate is £840 a week", by=fiona)
    event = JournalEvent.objects.get(
        person=placed.period.person, type="finance.invoice_disputed"
    )
    assert event.payload["reason"] == "The rate is £840 a week"


def test_only_finance_officers_record_and_decide(alice, fiona, agency, placed, rate):
    with pytest.raises(DomainError) as refused:
        _record(agency, alice, (placed.period.person, 28, "3360.00"))
    assert refused.value.code == "not_permitted"
    invoice = _record(agency, fiona, (placed.period.person, 28, "3360.00"))
    for decide in (services.approve_invoice,):
        with pytest.raises(DomainError):
            decide(invoice, by=alice)
    with pytest.raises(DomainError):
        selectors.match(alice, invoice)
