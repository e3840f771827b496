"""Pages about a looked-after child's statutory visits: the child's agreement
to fewer visits, a request for an extra visit, and the links My work gives for
a visit due (to the visit note, which casework records)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from haven.care import pages
from haven.care.models import Placement
from haven.care.visits import guidance, recording
from haven.care.visits.forms import FewerVisitsForm, VisitRequestForm
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.people.views import open_person


def _placement(request: AuthenticatedRequest, pk: int, what: str) -> Placement:
    placement = get_object_or_404(
        Placement.objects.select_related("period__person"), pk=pk
    )
    open_person(request, placement.period.person_id, what)
    return placement


def _record_visit(person_id: int) -> HttpResponse:
    return redirect(reverse("casework:record_visit", args=[person_id]))


@policy(Policy.OBJECT, of="care.Placement")
def visit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A visit due at a placement: record it as a visit note."""
    placement = _placement(request, pk, "Record a statutory visit")
    return _record_visit(placement.period.person_id)


@policy(Policy.PERSON)
def visit_child(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """An extra visit asked for: record it as a visit note."""
    person = open_person(request, pk, "Record a statutory visit")
    return _record_visit(person.pk)


@policy(Policy.OBJECT, of="care.Placement")
def fewer_visits(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    placement = _placement(request, pk, "Record an agreement to fewer visits")
    pages.may_record(request)
    form = FewerVisitsForm(pages.posted(request))
    if request.method == "POST" and pages.done(
        form,
        lambda: recording.record_fewer_visits_agreed(
            placement,
            agreed_on=form.cleaned_data.get("agreed_on"),
            views=form.cleaned_data.get("views") or "",
            by=request.user,
        ),
    ):
        messages.success(request, "Agreement to fewer visits recorded")
        return redirect("people:detail", pk=placement.period.person_id)
    person = placement.period.person
    return pages.page(request, person, form, placement=placement, **guidance.FEWER)


@policy(Policy.OBJECT, of="care.PeriodOfCare")
def visit_request(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = pages.open_period(request, pk, "Record a request for a visit")
    form = VisitRequestForm(pages.posted(request))
    if request.method == "POST" and pages.done(
        form,
        lambda: recording.record_visit_request(
            period,
            requested_on=form.cleaned_data.get("requested_on"),
            asked_by=form.cleaned_data.get("asked_by") or "",
            details=form.cleaned_data.get("details") or "",
            by=request.user,
        ),
    ):
        messages.success(request, "Request for a visit recorded")
        return redirect("people:detail", pk=period.person_id)
    return pages.page(request, period.person, form, period=period, **guidance.REQUEST)
