"""Finance officers' pages for adjustments: the overpayments providers owe,
and a provider's statement."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render

from haven.care.models import Provider
from haven.core.http import AuthenticatedRequest
from haven.core.permissions import may_manage_payments
from haven.core.route_policy import Policy, policy
from haven.finance import selectors
from haven.finance.adjustments import balances
from haven.finance.adjustments.statement import statement

PAY = "core.manage_payments"


def _may(request: AuthenticatedRequest) -> None:
    if not may_manage_payments(request.user):
        raise PermissionDenied("Only finance officers see payments")


@policy(Policy.ROLE, permission=PAY)
def overpayments(request: AuthenticatedRequest) -> HttpResponse:
    """Every overpayment a provider still owes, the oldest first."""
    _may(request)
    owed = balances.overpayments(request.user)
    return render(request, "finance/overpayments.html", {"owed": owed})


@policy(Policy.ROLE, permission=PAY)
def provider_statement(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A provider's runs, lines with their reasons, and balance."""
    _may(request)
    try:
        provider = selectors.provider(request.user, pk)
    except Provider.DoesNotExist:
        raise Http404 from None
    context = {"statement": statement(request.user, provider)}
    return render(request, "finance/statement.html", context)
