"""Changing a payee's bank details: one finance officer proposes, a second
approves (never the proposer: the database refuses it too) or rejects.

Journal events, on a foster carer's own record (a provider is reference
data with no journal: its rows here are its history), every number masked:
  finance.bank_details_proposed  {"details", "carer", "account_name",
                                  "sort_code", "account_number"}
  finance.bank_details_approved  (the same, and "replaces": the details
                                  replaced, masked, or None)
  finance.bank_details_rejected  (the same)
"""

from typing import Any

from django.db import transaction

from haven.care.models import Carer, Provider
from haven.core import clock, journal
from haven.core.errors import Failures
from haven.core.permissions import may_manage_payments, require
from haven.finance.bank import masking, payees
from haven.finance.bank.models import PaymentDetails

Status = PaymentDetails.Status


def _may(by: Any) -> None:
    require(may_manage_payments(by), "Only a finance officer may change bank details")


@transaction.atomic
def propose_details(
    payee: Provider | Carer,
    *,
    account_name: str,
    sort_code: str,
    account_number: str,
    by: Any,
) -> PaymentDetails:
    """New bank details for a provider or an in-house foster carer, waiting
    for a second finance officer; the details in use stay in use till then."""
    _may(by)
    failures = Failures()
    if isinstance(payee, Carer) and not payees.paid_through_carer(payee.provider):
        failures.add(
            "not_in_house",
            "An agency's foster carers are paid through the agency: record the "
            "agency's bank details instead",
        )
    sort_code, account_number = masking.tidy(sort_code), masking.tidy(account_number)
    for code, message, field in masking.faults(sort_code, account_number, account_name):
        failures.add(code, message, field)
    owner = payees.of_record(payee).owner()
    if PaymentDetails.objects.filter(**owner, status=Status.PROPOSED).exists():
        failures.add(
            "change_waiting",
            "A change of bank details is already waiting for approval: approve "
            "or reject it first",
        )
    failures.raise_any()
    details = PaymentDetails.objects.create(
        **owner,
        account_name=account_name.strip(),
        sort_code=sort_code,
        account_number=account_number,
        proposed_by=by,
        proposed_at=clock.now(),
    )
    _journal(details, "finance.bank_details_proposed", by=by)
    return details


@transaction.atomic
def approve_details(details: PaymentDetails, *, by: Any) -> PaymentDetails:
    """A second finance officer approves proposed details: from now on the
    payee is paid into them, and the details they replace are closed."""
    _may(by)
    details = PaymentDetails.objects.select_for_update().get(pk=details.pk)
    failures = Failures()
    if details.status != Status.PROPOSED:
        failures.add("not_waiting", "These bank details are not waiting for approval")
    if details.proposed_by_id == by.pk:
        failures.add(
            "same_officer",
            "A second finance officer must approve the change: you proposed it",
        )
    failures.raise_any()
    now = clock.now()
    owner = {"provider_id": details.provider_id, "carer_id": details.carer_id}
    old = PaymentDetails.objects.filter(**owner, status=Status.APPROVED).first()
    if old is not None:
        old.status, old.closed_at = Status.REPLACED, now
        old.save(update_fields=["status", "closed_at"])
    details.status, details.approved_by, details.approved_at = Status.APPROVED, by, now
    details.save(update_fields=["status", "approved_by", "approved_at"])
    _journal(details, "finance.bank_details_approved", by=by, replaces=old)
    return details


@transaction.atomic
def reject_details(details: PaymentDetails, *, by: Any) -> PaymentDetails:
    """Proposed details are not to be used (the proposer may withdraw them)."""
    _may(by)
    details = PaymentDetails.objects.select_for_update().get(pk=details.pk)
    failures = Failures()
    if details.status != Status.PROPOSED:
        failures.add("not_waiting", "These bank details are not waiting for approval")
    failures.raise_any()
    details.status, details.closed_at = Status.REJECTED, clock.now()
    details.save(update_fields=["status", "closed_at"])
    _journal(details, "finance.bank_details_rejected", by=by)
    return details


def masked_payload(details: PaymentDetails) -> dict[str, Any]:
    """What a journal event says of the details: never the full numbers."""
    return {
        "details": details.pk,
        "account_name": details.account_name,
        "sort_code": masking.mask_sort_code(details.sort_code),
        "account_number": masking.mask_account(details.account_number),
    }


def _journal(
    details: PaymentDetails,
    event_type: str,
    *,
    by: Any,
    replaces: PaymentDetails | None = None,
) -> None:
    if details.carer_id is None:
        return  # a provider has no journal; these rows are its history
    carer = Carer.objects.select_related("person").get(pk=details.carer_id)
    payload = {"carer": carer.pk, **masked_payload(details)}
    if event_type == "finance.bank_details_approved":
        payload["replaces"] = masked_payload(replaces) if replaces else None
    journal.append(carer.person, event_type, payload, by=by)
