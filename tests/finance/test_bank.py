"""Payment details: proposed by one finance officer, in use once a second
approves; every fault named at once; shown and journaled masked; a change
just before a run flagged; a payee with none a fault at preview; the full
number only in the ledger's payment file."""

import csv
import datetime as dt
import io

import pytest
from django.db import IntegrityError, transaction

from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.finance import payment_file, rates, runs
from haven.finance.bank import checks, masking, services
from haven.finance.bank.models import PaymentDetails

pytestmark = pytest.mark.django_db
D = dt.date
MARCH = D(2026, 3, 2)


def _details(payee, fiona, frank, number="12345678", sort="112233"):
    proposed = services.propose_details(
        payee,
        account_name="Synthetic Account",
        sort_code=sort,
        account_number=number,
        by=fiona,
    )
    return services.approve_details(proposed, by=frank)


@pytest.fixture
def rate(fiona, agency, today):
    return rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount="840.00",
        started_on=D(2026, 1, 1),
        by=fiona,
    )


def test_details_take_effect_only_when_a_second_officer_approves(
    fiona, frank, agency, today
):
    first = _details(agency, fiona, frank)
    change = services.propose_details(
        agency,
        account_name="New Name",
        sort_code="44-55-66",
        account_number="8765 4321",
        by=frank,
    )
    assert (change.status, change.sort_code, change.account_number) == (
        "proposed",
        "445566",
        "87654321",
    )
    first.refresh_from_db()
    assert first.status == "approved"  # still in use till the change is approved
    with pytest.raises(DomainError) as refused:
        services.approve_details(change, by=frank)
    assert refused.value.code == "same_officer"
    services.approve_details(change, by=fiona)
    first.refresh_from_db()
    assert first.status == "replaced"
    assert PaymentDetails.objects.get(status="approved").pk == change.pk


def test_the_database_refuses_the_proposer_as_approver(fiona, agency, today):
    proposed = services.propose_details(
        agency,
        account_name="A",
        sort_code="112233",
        account_number="12345678",
        by=fiona,
    )
    proposed.status, proposed.approved_by = "approved", fiona
    proposed.approved_at = proposed.proposed_at
    with pytest.raises(IntegrityError), transaction.atomic():
        proposed.save()


def test_it_names_every_fault_at_once_in_words_without_the_digits(fiona, agency, today):
    with pytest.raises(DomainError) as refused:
        services.propose_details(
            agency,
            account_name=" ",
            sort_code="12345",
            account_number="1234567x",
            by=fiona,
        )
    assert refused.value.codes == [
        "name_required",
        "sort_code_invalid",
        "account_number_invalid",
    ]
    assert "Enter the sort code as 6 digits" in str(refused.value)
    assert "12345" not in str(refused.value)


def test_a_carers_change_is_journaled_masked(fiona, frank, carer, today):
    _details(carer, fiona, frank, number="99887766", sort="204060")
    events = JournalEvent.objects.filter(person=carer.person).order_by("sequence")
    assert [e.type for e in events][-2:] == [
        "finance.bank_details_proposed",
        "finance.bank_details_approved",
    ]
    payload = events.last().payload
    assert (payload["sort_code"], payload["account_number"]) == ("••-••-60", "••••7766")
    assert "99887766" not in str(list(events.values_list("payload", flat=True)))


def test_an_agencys_carer_is_paid_through_the_agency(fiona, agency_carer, today):
    with pytest.raises(DomainError) as refused:
        services.propose_details(
            agency_carer,
            account_name="A",
            sort_code="112233",
            account_number="12345678",
            by=fiona,
        )
    assert refused.value.code == "not_in_house"


def test_a_payee_without_details_is_a_fault_at_preview(fiona, agency, placed, rate):
    run = runs.preview_run(provider_kind="agency", starts_on=MARCH, by=fiona)
    assert run.faults == [
        "No approved bank details for Brightwater Fostering: record them and have "
        "a second finance officer approve them, or the ledger cannot pay this payee"
    ]


def test_a_change_just_before_a_run_is_flagged(
    fiona, frank, agency, placed, rate, freezer
):
    freezer.at = freezer.at.replace(year=2026, month=4, day=1)
    _details(agency, fiona, frank)
    freezer.at = freezer.at.replace(month=4, day=20)
    run = runs.preview_run(provider_kind="agency", starts_on=MARCH, by=fiona)
    assert len(run.faults) == 1
    assert run.faults[0].startswith(
        "Bank details for Brightwater Fostering changed on 1 April 2026, "
        "19 days before the run was previewed, to sort code ••-••-33, "
        "account number ••••5678: a change just before a payment is a known "
        "fraud pattern"
    )
    assert "28 days (local policy" in checks.policy_words()


def test_an_older_change_is_not_flagged_and_the_days_are_local_policy(
    fiona, frank, agency, placed, rate, freezer, settings
):
    freezer.at = freezer.at.replace(year=2026, month=4, day=1)
    _details(agency, fiona, frank)
    freezer.at = freezer.at.replace(month=4, day=20)
    settings.HAVEN_BANK_CHANGE_WARNING_DAYS = 7
    run = runs.preview_run(provider_kind="agency", starts_on=MARCH, by=fiona)
    assert run.faults == []
    assert checks.policy_words().startswith("7 days")


def test_the_payment_file_carries_the_full_approved_details(
    fiona, frank, agency, placed, rate
):
    _details(agency, fiona, frank)
    run = runs.approve_run(
        runs.preview_run(provider_kind="agency", starts_on=MARCH, by=fiona), by=frank
    )
    out = io.StringIO()
    payment_file.write(run, out, by=fiona)
    header, line = csv.reader(io.StringIO(out.getvalue()))
    row = dict(zip(header, line, strict=True))
    assert (row["payment"], row["payee"], row["sort_code"], row["account_number"]) == (
        "placement",
        f"p{agency.pk}",
        "112233",
        "12345678",
    )
    assert row["amount"] == "3360.00"


def test_the_pages_show_details_masked_and_refuse_others(
    client, alice, fiona, frank, agency, today
):
    client.force_login(alice)
    assert client.get(f"/payments/payees/p{agency.pk}/").status_code == 403
    client.force_login(fiona)
    answer = client.post(
        f"/payments/payees/p{agency.pk}/details/",
        {"account_name": "", "sort_code": "1122334", "account_number": "12345678"},
    )
    page = answer.content.decode()
    assert "Enter the sort code as 6 digits" in page
    assert "12345678" not in page and "1122334" not in page  # not shown back
    client.post(
        f"/payments/payees/p{agency.pk}/details/",
        {"account_name": "Acct", "sort_code": "112233", "account_number": "12345678"},
    )
    page = client.get(f"/payments/payees/p{agency.pk}/").content.decode()
    assert "••••5678" in page and "Approve the new bank details" not in page
    details = PaymentDetails.objects.get()
    client.force_login(frank)
    client.post(f"/payments/details/{details.pk}/approve/")
    listed = client.get("/payments/payees/").content.decode()
    assert "sort code ••-••-33, account number ••••5678" in listed
    assert "12345678" not in listed


def test_masking_shows_only_the_last_digits():
    assert masking.mask_account("12345678") == "••••5678"
    assert masking.mask_sort_code("112233") == "••-••-33"


def test_an_in_house_carer_is_paid_into_their_own_account(
    fiona, frank, alice, child, carer, today
):
    from tests.care.factories import fostered, in_care

    in_care(child, by=alice, on=MARCH, placement=fostered(carer))
    rates.set_allowance("5-10", weekly_amount="203.00", started_on=MARCH, by=fiona)
    run = runs.preview_run(provider_kind="la_fostering", starts_on=MARCH, by=fiona)
    assert run.faults[0].startswith(
        f"No approved bank details for {carer.person.full_name}, foster carer"
    )
    runs.cancel_run(run, by=frank)
    _details(carer, fiona, frank, number="55554444", sort="303030")
    run = runs.preview_run(provider_kind="la_fostering", starts_on=MARCH, by=fiona)
    run = runs.approve_run(run, by=frank)
    out = io.StringIO()
    payment_file.write(run, out, by=fiona)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["payee"], row["account_number"], row["amount"]) == (
        f"c{carer.pk}",
        "55554444",
        "203.00",
    )
