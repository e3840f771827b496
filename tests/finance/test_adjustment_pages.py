"""The pages of adjustments: a run shows its recovery line in words and how
far back it looked; the overpayment is listed with its age until recovered;
the provider's statement shows it; the payment file pays the net, and the
remittance advice says why and pays the same."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest

from haven.care.services import end_period_of_care
from haven.finance import payment_file, rates, runs

pytestmark = pytest.mark.django_db
D = dt.date
MARCH, APRIL = D(2026, 3, 2), D(2026, 3, 30)


def _pay(starts_on, fiona, frank):
    run = runs.preview_run(provider_kind="agency", starts_on=starts_on, by=fiona)
    return runs.close_run(runs.approve_run(run, by=frank), by=frank)


@pytest.fixture
def recovered(fiona, frank, alice, agency, placed, today):
    rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount="840.00",
        started_on=D(2026, 1, 1),
        by=fiona,
    )
    _pay(MARCH, fiona, frank)
    end_period_of_care(placed.period, on=D(2026, 3, 16), reason="E4A", by=alice)
    return _pay(APRIL, fiona, frank)


def test_the_run_page_shows_the_recovery_in_words(client, fiona, recovered):
    client.force_login(fiona)
    page = client.get(f"/payments/runs/{recovered.pk}/").content.decode()
    assert "The placement ended on 16 March 2026, not 30 March 2026 as paid" in page
    assert "−£1680.00" in page
    assert (
        "Adjustments look back to 2 March 2026 (local policy, setting "
        "HAVEN_FINANCE_ADJUSTMENT_LOOKBACK_DAYS)"
    ) in page


def test_the_overpayment_is_listed_with_its_age_and_on_the_statement(
    client, fiona, alice, agency, recovered, freezer
):
    freezer.move_to(dt.timedelta(days=10))
    client.force_login(fiona)
    page = client.get("/payments/overpayments/").content.decode()
    assert "Brightwater Fostering" in page and "£1680.00" in page
    assert ">10<" in page  # days since the run was approved on 15 June
    statement = client.get(f"/payments/providers/{agency.pk}/statement/")
    text = statement.content.decode()
    assert "14 days recovered" in text and "Jasmine Thackray" in text
    assert 'id="owes">£1680.00' in text
    client.force_login(alice)
    assert client.get("/payments/overpayments/").status_code == 403
    assert client.get(f"/payments/providers/{agency.pk}/statement/").status_code == 403


def test_the_payment_file_pays_the_net(fiona, recovered):
    out = io.StringIO()
    payment_file.write(recovered, out, by=fiona)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(r["kind"], r["amount"]) for r in rows] == [
        ("adjustment", "-1680.00"),
        ("carried_forward", "1680.00"),
    ]
    assert sum(Decimal(r["amount"]) for r in rows) == recovered.total == 0
    assert rows[0]["reason"].startswith("The placement ended on 16 March 2026")


def test_the_remittance_advice_says_why_and_pays_what_the_file_pays(
    client, fiona, agency, recovered
):
    client.force_login(fiona)
    url = f"/payments/runs/{recovered.pk}/remittance/p{agency.pk}/"
    page = client.get(url).content.decode()
    assert "The placement ended on 16 March 2026, not 30 March 2026 as paid" in page
    assert 'id="advice-total">£0.00<' in page
    assert "carried to your next payment" in page and "£1680.00 still owed" in page
