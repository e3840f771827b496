"""Remittance advice: one run's payments to one payee, as a page to print and
a PDF; and, for any valid bank details, no page or journal event Haven writes
shows more than the last 4 digits of the account number."""

import datetime as dt
import re
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.core.models import JournalEvent
from haven.finance import rates, runs
from haven.finance.bank import masking, services
from haven.finance.bank.models import PaymentDetails

pytestmark = pytest.mark.django_db
D = dt.date
MARCH = D(2026, 3, 2)
digits = st.text(alphabet=string.digits, min_size=8, max_size=8)
sort_codes = st.text(alphabet=string.digits, min_size=6, max_size=6)


@pytest.fixture
def run(fiona, frank, agency, placed, today):
    rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount="840.00",
        started_on=D(2026, 1, 1),
        by=fiona,
    )
    proposed = services.propose_details(
        agency,
        account_name="Synthetic",
        sort_code="112233",
        account_number="12345678",
        by=fiona,
    )
    services.approve_details(proposed, by=frank)
    return runs.preview_run(provider_kind="agency", starts_on=MARCH, by=fiona)


def test_the_advice_lists_the_payees_lines_masked(client, alice, fiona, agency, run):
    url = f"/payments/runs/{run.pk}/remittance/p{agency.pk}/"
    client.force_login(alice)
    assert client.get(url).status_code == 403
    client.force_login(fiona)
    run_page = client.get(f"/payments/runs/{run.pk}/").content.decode()
    assert f'href="{url}"' in run_page and "12345678" not in run_page
    page = client.get(url).content.decode()
    assert "Jasmine Thackray" in page and "£3360.00" in page
    assert "••••5678" in page and "12345678" not in page
    assert "<style" not in page and "<script" not in page and "style=" not in page
    assert "finance/remittance.css" in page
    assert client.get(f"/payments/runs/{run.pk}/remittance/p999999/").status_code == 404


def test_the_advice_as_a_pdf(client, fiona, agency, run):
    client.force_login(fiona)
    answer = client.get(f"/payments/runs/{run.pk}/remittance/p{agency.pk}.pdf")
    assert answer["Content-Type"] == "application/pdf"
    assert answer.content.startswith(b"%PDF")


@given(number=digits, sort_code=sort_codes)
@settings(max_examples=200)
def test_masking_never_shows_more_than_the_last_four(number, sort_code):
    shown = masking.masked(sort_code, number)
    assert re.findall(r"\d+", shown) == [sort_code[-2:], number[-4:]]


def _without_tokens(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


@given(number=digits, sort_code=sort_codes)
@settings(
    max_examples=4,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_no_page_or_journal_shows_the_full_number(
    client, fiona, frank, carer, agency, run, number, sort_code
):
    """For the carer (journaled) and the agency (paid in the run): the payee
    pages before and after approval, the payees list, the run's page (which
    flags the change) and its remittance advice, and the journal."""
    pages = []
    for key in (f"c{carer.pk}", f"p{agency.pk}"):
        PaymentDetails.objects.all().delete()
        client.force_login(fiona)
        client.post(
            f"/payments/payees/{key}/details/",
            {"account_name": "X", "sort_code": sort_code, "account_number": number},
        )
        client.force_login(frank)
        pages.append(client.get(f"/payments/payees/{key}/").content.decode())
        waiting = PaymentDetails.objects.get()
        client.post(f"/payments/details/{waiting.pk}/approve/")
        pages.append(client.get(f"/payments/payees/{key}/").content.decode())
        assert masking.mask_account(number) in pages[-1]
    pages.append(client.get("/payments/payees/").content.decode())
    flagged = client.get(f"/payments/runs/{run.pk}/").content.decode()
    assert masking.mask_account(number) in flagged  # the change, flagged
    pages.append(flagged)
    advice = f"/payments/runs/{run.pk}/remittance/p{agency.pk}/"
    pages.append(client.get(advice).content.decode())
    payloads = [
        str(e.payload)
        for e in JournalEvent.objects.filter(type__startswith="finance.bank_details")
    ]
    assert payloads
    for text in [_without_tokens(p) for p in pages] + payloads:
        assert number not in text and number[-5:] not in text
        assert sort_code not in text
