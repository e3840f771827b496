"""Finance officers' pages for payees: the list of payees with their bank
details (masked), and a payee's page with their details, a change waiting
for approval, their one-off payments, and the forms that propose and request."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from haven.care.models import Carer, Provider
from haven.core.errors import DomainError
from haven.core.forms import show_errors
from haven.core.http import AuthenticatedRequest
from haven.core.permissions import may_manage_payments
from haven.core.route_policy import Policy, policy
from haven.finance.bank import checks, payees, selectors, services
from haven.finance.bank.forms import PaymentDetailsForm
from haven.finance.bank.models import PaymentDetails
from haven.finance.oneoff.forms import OneOffForm

PAY = "core.manage_payments"


def _may(request: AuthenticatedRequest) -> None:
    if not may_manage_payments(request.user):
        raise PermissionDenied("Only finance officers see payments")


def payee_or_404(request: AuthenticatedRequest, key: str) -> Provider | Carer:
    _may(request)
    try:
        return selectors.payee(request.user, key)
    except (Provider.DoesNotExist, Carer.DoesNotExist):
        raise Http404 from None


@policy(Policy.ROLE, permission=PAY)
def payee_list(request: AuthenticatedRequest) -> HttpResponse:
    _may(request)
    context = {"rows": selectors.payee_rows(request.user)}
    return render(request, "finance/bank/payees.html", context)


def render_payee(
    request: AuthenticatedRequest,
    record: Provider | Carer,
    *,
    details_form: PaymentDetailsForm | None = None,
    one_off_form: OneOffForm | None = None,
) -> HttpResponse:
    """A payee's page, with either form as posted when a service refused it."""
    user = request.user
    versions = selectors.details(user, record)
    children = selectors.children(user, record)
    context: dict[str, Any] = {
        "record": record,
        "key": payees.of_record(record).key,
        "name": payees.name_of(record),
        "versions": versions,
        "in_use": next((v for v in versions if v.details.status == "approved"), None),
        "waiting": next((v for v in versions if v.details.status == "proposed"), None),
        "details_form": details_form or PaymentDetailsForm(),
        "one_off_form": one_off_form or OneOffForm(children=children),
        "one_offs": selectors.one_offs(user, record),
        "policy": checks.policy_words(),
    }
    status = 400 if (details_form or one_off_form) else 200
    return render(request, "finance/bank/payee.html", context, status=status)


@policy(Policy.ROLE, permission=PAY)
def payee_page(request: AuthenticatedRequest, key: str) -> HttpResponse:
    return render_payee(request, payee_or_404(request, key))


@policy(Policy.ROLE, permission=PAY)
def propose(request: AuthenticatedRequest, key: str) -> HttpResponse:
    """Propose new bank details for the payee (a second officer approves)."""
    record = payee_or_404(request, key)
    if request.method != "POST":
        return redirect("finance:payee", key)
    form = PaymentDetailsForm(request.POST)
    try:
        if form.is_valid():
            services.propose_details(record, **form.cleaned_data, by=request.user)
            messages.success(
                request,
                "Bank details proposed: a second finance officer must approve them",
            )
            return redirect("finance:payee", key)
    except DomainError as err:
        show_errors(err, form)
    form.forget_numbers()
    return render_payee(request, record, details_form=form)


DETAILS_ACTIONS = {
    "approve": (services.approve_details, "Bank details approved: they are in use"),
    "reject": (services.reject_details, "Bank details rejected: they are not used"),
}


@policy(Policy.ROLE, permission=PAY)
def details_action(request: AuthenticatedRequest, pk: int, action: str) -> HttpResponse:
    """Approve or reject proposed bank details (a button on the payee's page)."""
    _may(request)
    if request.method != "POST" or action not in DETAILS_ACTIONS:
        raise Http404
    try:
        details = PaymentDetails.objects.get(pk=pk)
    except PaymentDetails.DoesNotExist:
        raise Http404 from None
    service, done = DETAILS_ACTIONS[action]
    try:
        service(details, by=request.user)
        messages.success(request, done)
    except DomainError as err:
        for failure in err.failures:
            messages.error(request, failure.message)
    key = payees.Payee(details.provider_id or 0, details.carer_id).key
    return redirect("finance:payee", key)
