"""Requesting, approving and cancelling one-off payments, from the payee's
page (haven/finance/bank/views.py draws it)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect

from haven.core.errors import DomainError
from haven.core.forms import show_errors
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.finance.bank import payees, selectors
from haven.finance.bank.views import PAY, _may, payee_or_404, render_payee
from haven.finance.oneoff import services
from haven.finance.oneoff.forms import OneOffForm
from haven.finance.oneoff.models import OneOffPayment
from haven.people.models import Person


@policy(Policy.ROLE, permission=PAY)
def request_payment(request: AuthenticatedRequest, key: str) -> HttpResponse:
    """Request a one-off payment to the payee (a second officer approves)."""
    record = payee_or_404(request, key)
    if request.method != "POST":
        return redirect("finance:payee", key)
    children = selectors.children(request.user, record)
    form = OneOffForm(request.POST, children=children)
    try:
        if form.is_valid():
            data = form.cleaned_data
            child = Person.objects.filter(pk=data["child"]).first()
            services.request_one_off(
                record,
                child=child if data["child"] else None,
                kind=data["kind"],
                reason=data["reason"],
                amount=data["amount"],
                by=request.user,
            )
            messages.success(
                request,
                "Payment requested: a second finance officer must approve it",
            )
            return redirect("finance:payee", key)
    except DomainError as err:
        show_errors(err, form)
    return render_payee(request, record, one_off_form=form)


ACTIONS = {
    "approve": (
        services.approve_one_off,
        "Payment approved: the next run for this payee pays it",
    ),
    "cancel": (services.cancel_one_off, "Payment cancelled: it will not be paid"),
}


@policy(Policy.ROLE, permission=PAY)
def payment_action(request: AuthenticatedRequest, pk: int, action: str) -> HttpResponse:
    """Approve or cancel a one-off payment (a button on the payee's page)."""
    _may(request)
    if request.method != "POST" or action not in ACTIONS:
        raise Http404
    try:
        payment = OneOffPayment.objects.select_related("provider").get(pk=pk)
    except OneOffPayment.DoesNotExist:
        raise Http404 from None
    service, done = ACTIONS[action]
    try:
        service(payment, by=request.user)
        messages.success(request, done)
    except DomainError as err:
        for failure in err.failures:
            messages.error(request, failure.message)
    return redirect(
        "finance:payee", payees.of_placement(payment.provider, payment.carer_id).key
    )
