"""The invoice, forecast and budget pages: finance officers only; an invoice
recorded, matched, approved or disputed; a restricted child never named."""

import datetime as dt

import pytest

from haven.core.services import restrict_record
from haven.finance import rates
from haven.finance.invoices import services
from haven.finance.invoices.models import Invoice
from haven.finance.invoices.services import TypedLine

pytestmark = pytest.mark.django_db
D = dt.date
PAGES = ("invoices/", "invoices/new/", "forecast/", "budgets/", "budgets/set/")


@pytest.fixture
def rate(fiona, agency, today):
    return rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount="840.00",
        started_on=D(2026, 1, 1),
        by=fiona,
    )


def _date(name, day):
    return {
        f"{name}_day": day.day,
        f"{name}_month": day.month,
        f"{name}_year": day.year,
    }


def _lines(*rows):
    data = {"lines-TOTAL_FORMS": "6", "lines-INITIAL_FORMS": "0"}
    for index, (child, days, amount) in enumerate(rows):
        data |= {
            f"lines-{index}-child": child,
            f"lines-{index}-days": days,
            f"lines-{index}-amount": amount,
        }
    return data


def test_only_finance_officers_see_the_pages(client, alice, fiona, today):
    client.force_login(alice)
    assert {client.get(f"/payments/{p}").status_code for p in PAGES} == {403}
    client.force_login(fiona)
    assert {client.get(f"/payments/{p}").status_code for p in PAGES} == {200}


def test_an_invoice_is_recorded_matched_and_disputed(
    client, fiona, agency, placed, rate
):
    child = placed.period.person
    client.force_login(fiona)
    answer = client.post(
        "/payments/invoices/new/",
        {"provider": agency.pk, **_lines(("", "3", "x"))},
    )
    page = answer.content.decode()
    for words in (
        "Enter the provider&#x27;s invoice reference",
        "Enter the first day the invoice bills",
        "Enter the child&#x27;s Haven ID on line 1",
        "Enter the amount on line 1 in pounds to the penny",
    ):
        assert words in page
    answer = client.post(
        "/payments/invoices/new/",
        {
            "provider": agency.pk,
            "reference": "BW-2001",
            **_date("starts_on", D(2026, 3, 2)),
            **_date("last_day", D(2026, 3, 29)),
            **_lines((str(child.pk), "28", "3500.00")),
        },
    )
    invoice = Invoice.objects.get()
    assert answer.url == f"/payments/invoices/{invoice.pk}/"
    page = client.get(answer.url).content.decode()
    assert "The rate billed for Jasmine Thackray does not match" in page
    assert "case note" not in page.lower()
    answer = client.post(f"/payments/invoices/{invoice.pk}/dispute/", {"reason": ""})
    assert "Enter why the invoice is disputed" in answer.content.decode()
    client.post(f"/payments/invoices/{invoice.pk}/dispute/", {"reason": "Rate"})
    invoice.refresh_from_db()
    assert (invoice.status, invoice.dispute_reason) == ("disputed", "Rate")
    assert "BW-2001" in client.get("/payments/invoices/").content.decode()


def test_an_invoice_is_approved_from_its_page(client, fiona, agency, placed, rate):
    invoice = services.record_invoice(
        agency,
        reference="BW-3",
        starts_on=D(2026, 3, 2),
        last_day=D(2026, 3, 29),
        lines=[TypedLine(str(placed.period.person.pk), 28, "3360.00")],
        by=fiona,
    )
    client.force_login(fiona)
    page = client.get(f"/payments/invoices/{invoice.pk}/").content.decode()
    assert "The invoice matches what the placements say is owed" in page
    client.post(f"/payments/invoices/{invoice.pk}/approve/")
    invoice.refresh_from_db()
    assert invoice.status == "approved"
    assert client.get(f"/payments/invoices/{invoice.pk}/approve/").status_code == 404


def test_a_restricted_child_is_not_named_on_an_invoice_or_the_forecast(
    client, fiona, mona, agency, placed, rate
):
    child = placed.period.person
    restrict_record(child, kind="restricted", reason="Staff member's child", by=mona)
    invoice = services.record_invoice(
        agency,
        reference="BW-4",
        starts_on=D(2026, 3, 2),
        last_day=D(2026, 3, 29),
        lines=[TypedLine(str(child.pk), 30 - 2, "3500.00")],
        by=fiona,
    )
    client.force_login(fiona)
    for url in (f"/payments/invoices/{invoice.pk}/", "/payments/forecast/"):
        page = client.get(url).content.decode()
        assert "Jasmine" not in page and "Thackray" not in page, url
        assert f"Haven ID {child.pk}" in page, url
    page = client.get(f"/payments/invoices/{invoice.pk}/").content.decode()
    assert "The rate billed for this child does not match" in page


def test_the_forecast_and_budget_pages(client, fiona, agency, placed, rate):
    client.force_login(fiona)
    page = client.get("/payments/forecast/").content.decode()
    assert "Brightwater Fostering" in page and "£12000.00" not in page
    assert "CLA-FOS-IFA" in page and "2026-27" in page
    answer = client.post(
        "/payments/budgets/set/", {"provider_kind": "agency", "year": "2026"}
    )
    assert "Choose an annual amount split evenly or a monthly profile" in (
        answer.content.decode()
    )
    answer = client.post(
        "/payments/budgets/set/",
        {
            "provider_kind": "agency",
            "year": "2026",
            "profile": "even",
            "annual": "12000",
        },
    )
    assert answer.url == "/payments/budgets/?year=2026"
    page = client.get(answer.url).content.decode()
    assert "£1000.00" in page and "£12000.00" in page
    assert "Unverified" in page
