"""Finance officers' forecast and budget pages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from haven.core import clock
from haven.core.errors import DomainError
from haven.core.forms import show_errors
from haven.core.http import AuthenticatedRequest
from haven.core.permissions import may_manage_payments
from haven.core.route_policy import Policy, policy
from haven.finance import rates
from haven.finance.forecasts import budgets, centres, commitments, selectors
from haven.finance.forecasts.forms import BudgetForm

PAY = "core.manage_payments"


def _may(request: AuthenticatedRequest) -> None:
    if not may_manage_payments(request.user):
        raise PermissionDenied("Only finance officers see forecasts and budgets")


@policy(Policy.ROLE, permission=PAY)
def forecast(request: AuthenticatedRequest) -> HttpResponse:
    """Commitments from the current placements, by cost centre, type, provider."""
    _may(request)
    context = {
        "forecast": selectors.forecast(request.user),
        "rounding": rates.ROUNDING_RULE,
        "unverified": centres.UNVERIFIED,
    }
    return render(request, "finance/forecast.html", context)


def _year(request: AuthenticatedRequest) -> int:
    this = commitments.financial_year(clock.today())
    asked = request.GET.get("year", "")
    return int(asked) if asked.isdigit() and abs(int(asked) - this) <= 20 else this


@policy(Policy.ROLE, permission=PAY)
def budget_year(request: AuthenticatedRequest) -> HttpResponse:
    """A financial year's budgets against actuals, and its outturn lines."""
    _may(request)
    year = _year(request)
    this = commitments.financial_year(clock.today())
    context = {
        "report": selectors.year_report(request.user, year),
        # Linked as far as budgets can be set (BudgetForm's years), so the
        # links do not lead on year after year.
        "before": year - 1 if year > this - 1 else None,
        "after": year + 1 if year < this + 2 else None,
        "even_rule": budgets.EVEN_RULE,
        "actuals_rule": budgets.ACTUALS_RULE,
        "unverified": centres.UNVERIFIED,
    }
    return render(request, "finance/budgets.html", context)


@policy(Policy.ROLE, permission=PAY)
def set_budget(request: AuthenticatedRequest) -> HttpResponse:
    _may(request)
    form = BudgetForm()
    if request.method == "POST":
        form = BudgetForm(request.POST)
        try:
            if form.is_valid():
                data = form.cleaned_data
                budget = budgets.set_budget(
                    data["provider_kind"],
                    year=data["year"],
                    profile=data["profile"],
                    annual=data["annual"],
                    monthly=[data[f"month_{i}"] for i in range(12)],
                    by=request.user,
                )
                messages.success(request, f"Budget set for {budget}")
                url = reverse("finance:budgets")
                return redirect(f"{url}?year={budget.year}")
        except DomainError as err:
            show_errors(err, form)
    return render(request, "finance/set_budget.html", {"form": form})
