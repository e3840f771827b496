"""The court pages: record an application, an order, an extension of the
26 weeks, the decision, and the end of an order. Each opens the child's record
(the read logged, access checked), asks for the care recorder's role, and
shows every fault, the form's and the service's, on one submit."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from haven.care import pages
from haven.care.court import aftermath, forms, guidance, orders
from haven.care.court import proceedings as applications
from haven.care.models import CourtOrder, Proceedings
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.people.selectors import records_of
from haven.people.views import open_person


def _aftermath(data: dict[str, Any]) -> aftermath.Aftermath:
    return aftermath.Aftermath(
        follows=data.get("follows") or "", reason=data.get("reason") or ""
    )


def _back(person_pk: int) -> HttpResponse:
    return redirect(reverse("people:detail", args=[person_pk]) + "#court")


@policy(Policy.PERSON)
def proceedings(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Record court proceedings")
    pages.may_record(request)
    form = forms.ProceedingsForm(pages.posted(request))

    def write() -> object:
        data = form.cleaned_data
        return applications.issue_proceedings(
            person,
            kind=data.get("kind") or "",
            issued_on=data.get("issued_on"),
            court=data.get("court") or "",
            case_number=data.get("case_number") or "",
            by=request.user,
        )

    if request.method == "POST" and pages.done(form, write):
        messages.success(request, "Proceedings recorded")
        return _back(person.pk)
    return pages.page(request, person, form, **guidance.PROCEEDINGS)


@policy(Policy.PERSON)
def order(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Record a court order")
    pages.may_record(request)
    form = forms.OrderForm(pages.posted(request), record_ids=records_of(person))

    def write() -> object:
        data = form.cleaned_data
        return orders.record_order(
            person,
            orders.OrderDetails(
                kind=data.get("kind") or "",
                made_on=data.get("made_on"),
                court=data.get("court") or "",
                ends_on=data.get("ends_on"),
                proceedings=data.get("proceedings"),
                special_guardians=data.get("special_guardians") or "",
                reason=data.get("reason") or "",
            ),
            by=request.user,
        )

    if request.method == "POST" and pages.done(form, write):
        messages.success(request, "Order recorded")
        return _back(person.pk)
    return pages.page(request, person, form, **guidance.ORDER)


def _open(request: AuthenticatedRequest, pk: int, what: str) -> Proceedings:
    case = get_object_or_404(Proceedings.objects.select_related("person"), pk=pk)
    open_person(request, case.person_id, what)
    pages.may_record(request)
    return case


@policy(Policy.OBJECT, of="care.Proceedings")
def extend(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = _open(request, pk, "Record an extension of court proceedings")
    form = forms.ExtensionForm(pages.posted(request))

    def write() -> object:
        data = form.cleaned_data
        return applications.extend_proceedings(
            case,
            weeks=data.get("weeks"),
            granted_on=data.get("granted_on"),
            reason=data.get("reason") or "",
            by=request.user,
        )

    if request.method == "POST" and pages.done(form, write):
        messages.success(request, "Extension recorded")
        return _back(case.person_id)
    return pages.page(request, case.person, form, case=case, **guidance.EXTENSION)


@policy(Policy.OBJECT, of="care.Proceedings")
def dispose(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    case = _open(request, pk, "Record the court's decision")
    asks = applications.under_interim_order(case) is not None
    form = forms.DisposalForm(pages.posted(request), asks_what_follows=asks)

    def write() -> object:
        data = form.cleaned_data
        return applications.dispose_proceedings(
            case,
            on=data.get("on"),
            outcome=data.get("outcome") or "",
            by=request.user,
            aftermath=_aftermath(data),
        )

    if request.method == "POST" and pages.done(form, write):
        messages.success(request, "Decision recorded")
        return _back(case.person_id)
    return pages.page(request, case.person, form, case=case, **guidance.DISPOSAL)


@policy(Policy.OBJECT, of="care.CourtOrder")
def discharge(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    made = get_object_or_404(CourtOrder.objects.select_related("person"), pk=pk)
    open_person(request, made.person_id, "Record the end of a court order")
    pages.may_record(request)
    asks = aftermath.status_under(made.person, made) is not None
    form = forms.DischargeForm(pages.posted(request), asks_what_follows=asks)

    def write() -> object:
        data = form.cleaned_data
        return orders.discharge_order(
            made, on=data.get("on"), by=request.user, aftermath=_aftermath(data)
        )

    if request.method == "POST" and pages.done(form, write):
        messages.success(request, "End of the order recorded")
        return _back(made.person_id)
    return pages.page(request, made.person, form, order=made, **guidance.DISCHARGE)
