"""Finance officers' invoice pages: the list, recording one, and one invoice
matched against the placements with approve and dispute."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import BaseFormSet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from haven.core.errors import DomainError
from haven.core.forms import show_errors
from haven.core.http import AuthenticatedRequest
from haven.core.permissions import may_manage_payments
from haven.core.route_policy import Policy, policy
from haven.finance import rates
from haven.finance.invoices import selectors, services
from haven.finance.invoices.forms import DisputeForm, InvoiceForm, InvoiceLines
from haven.finance.invoices.models import Invoice

PAY = "core.manage_payments"


def _may(request: AuthenticatedRequest) -> None:
    if not may_manage_payments(request.user):
        raise PermissionDenied("Only finance officers see invoices")


def _invoice(request: AuthenticatedRequest, pk: int) -> Invoice:
    _may(request)
    try:
        return selectors.invoice(request.user, pk)
    except Invoice.DoesNotExist:
        raise Http404 from None


@policy(Policy.ROLE, permission=PAY)
def invoice_list(request: AuthenticatedRequest) -> HttpResponse:
    _may(request)
    listed = selectors.invoices(request.user)[:200]
    return render(request, "finance/invoices.html", {"listed": listed})


def _typed(rows: BaseFormSet) -> list[services.TypedLine]:
    return [
        services.TypedLine(
            f.cleaned_data.get("child") or "",
            f.cleaned_data.get("days"),
            f.cleaned_data.get("amount") or "",
        )
        for f in rows.forms
    ]


@policy(Policy.ROLE, permission=PAY)
def record(request: AuthenticatedRequest) -> HttpResponse:
    """Record a provider's invoice, then see it matched."""
    _may(request)
    form, rows = InvoiceForm(), InvoiceLines(prefix="lines")
    if request.method == "POST":
        form = InvoiceForm(request.POST)
        rows = InvoiceLines(request.POST, prefix="lines")
        try:
            if form.is_valid() & rows.is_valid():
                data = form.cleaned_data
                invoice = services.record_invoice(
                    data["provider"],
                    reference=data["reference"],
                    starts_on=data["starts_on"],
                    last_day=data["last_day"],
                    lines=_typed(rows),
                    total=data["total"],
                    by=request.user,
                )
                messages.success(request, f"Invoice {invoice.reference} recorded")
                return redirect("finance:invoice", invoice.pk)
        except DomainError as err:
            show_errors(err, form, lines=rows.forms)
    context = {"form": form, "rows": rows}
    return render(request, "finance/record_invoice.html", context)


@policy(Policy.ROLE, permission=PAY)
def invoice_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    invoice = _invoice(request, pk)
    return _page(request, invoice, DisputeForm())


def _page(
    request: AuthenticatedRequest, invoice: Invoice, form: DisputeForm
) -> HttpResponse:
    shown = selectors.match(request.user, invoice)
    context = {
        "invoice": invoice,
        "rows": shown,
        "matches": not any(row.differences for row in shown),
        "form": form,
        "rounding": rates.ROUNDING_RULE,
    }
    return render(request, "finance/invoice.html", context)


@policy(Policy.ROLE, permission=PAY)
def approve(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if request.method != "POST":
        raise Http404
    invoice = _invoice(request, pk)
    try:
        services.approve_invoice(invoice, by=request.user)
        messages.success(request, "Invoice approved for payment")
    except DomainError as err:
        for failure in err.failures:
            messages.error(request, failure.message)
    return redirect("finance:invoice", invoice.pk)


@policy(Policy.ROLE, permission=PAY)
def dispute(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if request.method != "POST":
        raise Http404
    invoice = _invoice(request, pk)
    form = DisputeForm(request.POST)
    try:
        if form.is_valid():
            services.dispute_invoice(
                invoice, reason=form.cleaned_data["reason"], by=request.user
            )
            messages.success(request, "Invoice disputed")
            return redirect("finance:invoice", invoice.pk)
    except DomainError as err:
        show_errors(err, form)
    return _page(request, invoice, form)
