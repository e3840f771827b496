"""Finance officers' pages: the payment runs, a run's lines with approve and
close, its payment file, and a provider's rates."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from haven.care.models import Provider
from haven.core.errors import AccessDenied, DomainError
from haven.core.exports import csv_response
from haven.core.forms import show_errors
from haven.core.http import AuthenticatedRequest
from haven.core.permissions import may_manage_payments
from haven.core.route_policy import Policy, policy
from haven.finance import payment_file, rates, runs, selectors
from haven.finance.forms import PreviewRunForm, RateForm
from haven.finance.models import PaymentRun

PAY = "core.manage_payments"


def _may(request: AuthenticatedRequest) -> None:
    if not may_manage_payments(request.user):
        raise PermissionDenied("Only finance officers see payments")


def _run(request: AuthenticatedRequest, pk: int) -> PaymentRun:
    _may(request)
    try:
        return selectors.run(request.user, pk)
    except AccessDenied:
        raise PermissionDenied from None
    except PaymentRun.DoesNotExist:
        raise Http404 from None


@policy(Policy.ROLE, permission=PAY)
def run_list(request: AuthenticatedRequest) -> HttpResponse:
    """The runs, and the form that previews the next."""
    _may(request)
    form = PreviewRunForm()
    if request.method == "POST":
        form = PreviewRunForm(request.POST)
        try:
            if form.is_valid():
                run = runs.preview_run(
                    provider_kind=form.cleaned_data["provider_kind"],
                    starts_on=form.cleaned_data["starts_on"],
                    by=request.user,
                )
                return redirect("finance:run", run.pk)
        except DomainError as err:
            show_errors(err, form)
    listed = selectors.runs(request.user)[:100]
    context = {
        "form": form,
        "listed": listed,
        "providers": selectors.providers(request.user),
    }
    return render(request, "finance/runs.html", context)


@policy(Policy.ROLE, permission=PAY)
def run_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    run = _run(request, pk)
    context = {
        "run": run,
        "lines": selectors.lines(request.user, run),
        "balances": run.balances.select_related("provider").order_by("provider__name"),
        "lookback_setting": "HAVEN_FINANCE_ADJUSTMENT_LOOKBACK_DAYS",
        "rounding": rates.ROUNDING_RULE,
        "may_approve": run.status == "previewed"
        and run.previewed_by_id != request.user.pk,
    }
    return render(request, "finance/run.html", context)


ACTIONS = {
    "approve": (runs.approve_run, "Run approved: its days are paid"),
    "close": (runs.close_run, "Run closed"),
    "cancel": (runs.cancel_run, "Run cancelled: nothing in it is paid"),
}


@policy(Policy.ROLE, permission=PAY)
def run_action(request: AuthenticatedRequest, pk: int, action: str) -> HttpResponse:
    """Approve, close or cancel a run (a button on its page)."""
    if request.method != "POST" or action not in ACTIONS:
        raise Http404
    run = _run(request, pk)
    service, done = ACTIONS[action]
    try:
        service(run, by=request.user)
        messages.success(request, done)
    except DomainError as err:
        for failure in err.failures:
            messages.error(request, failure.message)
    return redirect("finance:run", run.pk)


@policy(Policy.ROLE, permission=PAY)
def run_file(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    run = _run(request, pk)
    if not run.paid:
        raise Http404
    response, writer = csv_response(payment_file.filename(run))
    writer.writerows(payment_file.rows(run, by=request.user))
    return response


@policy(Policy.ROLE, permission=PAY)
def provider_rates(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A provider's rates, and the form that sets a new one."""
    _may(request)
    try:
        provider = selectors.provider(request.user, pk)
    except Provider.DoesNotExist:
        raise Http404 from None
    form = RateForm()
    if request.method == "POST":
        form = RateForm(request.POST)
        try:
            if form.is_valid():
                rates.set_provider_rate(provider, **form.cleaned_data, by=request.user)
                messages.success(request, f"Rate set for {provider}")
                return redirect("finance:provider_rates", provider.pk)
        except DomainError as err:
            show_errors(err, form)
    context = {
        "provider": provider,
        "form": form,
        "rates": selectors.provider_rates(request.user, provider),
        "rounding": rates.ROUNDING_RULE,
    }
    return render(request, "finance/rates.html", context)
