"""Finance officers' pages: only they see them; a run is previewed, approved by
a second officer, its file downloaded, and closed; a provider's rate is set."""

import datetime as dt

import pytest

from haven.finance import rates
from haven.finance.models import PaymentRun, ProviderRate

pytestmark = pytest.mark.django_db
D = dt.date


def _date(name, day):
    return {
        f"{name}_day": day.day,
        f"{name}_month": day.month,
        f"{name}_year": day.year,
    }


def test_only_finance_officers_see_payments(client, alice, fiona, today):
    client.force_login(alice)
    assert client.get("/payments/").status_code == 403
    assert "/payments/" not in client.get("/").content.decode()
    client.force_login(fiona)
    assert client.get("/payments/").status_code == 200
    assert 'href="/payments/"' in client.get("/").content.decode()


def test_a_run_through_the_pages(client, fiona, frank, agency, placed, today):
    rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount="840.00",
        started_on=D(2026, 1, 1),
        by=fiona,
    )
    client.force_login(fiona)
    answer = client.post(
        "/payments/", {"provider_kind": "agency", **_date("starts_on", D(2026, 3, 3))}
    )
    assert "start the period on a Monday" in answer.content.decode()
    answer = client.post(
        "/payments/", {"provider_kind": "agency", **_date("starts_on", D(2026, 3, 2))}
    )
    run = PaymentRun.objects.get()
    assert answer.url == f"/payments/runs/{run.pk}/"
    page = client.get(answer.url).content.decode()
    assert "Jasmine Thackray" in page and "£3360.00" in page
    assert "Approve the run" not in page  # Fiona previewed it
    assert "case note" not in page.lower()
    client.force_login(frank)
    assert "Approve the run" in client.get(answer.url).content.decode()
    client.post(f"/payments/runs/{run.pk}/approve/")
    csv = client.get(f"/payments/runs/{run.pk}/file.csv")
    assert csv["Content-Type"].startswith("text/csv")
    assert b"3360.00" in csv.content
    client.post(f"/payments/runs/{run.pk}/close/")
    run.refresh_from_db()
    assert (run.status, run.approved_by, run.closed_by) == ("closed", frank, frank)


def test_a_rate_is_set_on_the_providers_page(client, fiona, agency, today):
    client.force_login(fiona)
    url = f"/payments/providers/{agency.pk}/rates/"
    answer = client.post(url, {"basis": "", "weekly_amount": "1.234"})
    page = answer.content.decode()
    assert "Choose a framework contract or a rate card" in page
    assert "Enter the weekly amount to the penny" in page
    answer = client.post(
        url,
        {
            "basis": "rate_card",
            "weekly_amount": "812.50",
            **_date("started_on", D(2026, 4, 1)),
        },
    )
    assert answer.status_code == 302
    assert ProviderRate.objects.get().weekly_amount == rates.Decimal("812.50")
    assert "£812.50" in client.get(url).content.decode()


def test_a_restricted_childs_name_is_not_on_the_run(
    client, fiona, mona, agency, placed, today
):
    """The name of a restricted child is the secret: finance pays for them
    without seeing who they are."""
    from haven.core.services import restrict_record

    restrict_record(
        placed.period.person, kind="restricted", reason="Staff member's child", by=mona
    )
    rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount="840.00",
        started_on=D(2026, 1, 1),
        by=fiona,
    )
    client.force_login(fiona)
    answer = client.post(
        "/payments/", {"provider_kind": "agency", **_date("starts_on", D(2026, 3, 2))}
    )
    page = client.get(answer.url).content.decode()
    assert "£3360.00" in page
    assert "Thackray" not in page and "Jasmine" not in page
    assert f"Haven ID {placed.period.person.pk}" in page
