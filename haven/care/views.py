"""Pages for a looked-after child's care: starting a period of care, moving the
child, changing their legal status, ending the period and correcting a
placement. The child's care itself is shown on their page (sections.py)."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from haven.care import corrections, guidance, moves, recording, services
from haven.care.forms import (
    CorrectPlacementForm,
    EndPeriodForm,
    LegalStatusForm,
    MoveForm,
    StartPeriodForm,
)
from haven.care.models import PeriodOfCare, Placement
from haven.care.permissions import may_record_care
from haven.core.errors import DomainError
from haven.core.forms import show_errors
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.people import selectors as people
from haven.people.models import Person
from haven.people.views import open_person


def _page(
    request: AuthenticatedRequest, person: Person, form: forms.Form, **extra: Any
) -> HttpResponse:
    context = {
        "person": person,
        "bar": people.identity_bar(person),
        "tab": "details",
        "form": form,
        **extra,
    }
    return render(request, "care/form.html", context)


def _posted(request: AuthenticatedRequest) -> Any:
    """The form's data: bound on a POST, even an empty one."""
    return request.POST if request.method == "POST" else None


def _may_record(request: AuthenticatedRequest) -> None:
    if not may_record_care(request.user):
        raise PermissionDenied("Your role does not include recording care")


def _done(form: forms.Form, action: Callable[[], object]) -> bool:
    """Do the service's action if the form is sound (True once done). On a form
    with faults of its own, the service's checks still run, writing nothing, so
    every fault is shown on this submit."""
    sound = form.is_valid()
    try:
        if sound:
            action()
            return True
        recording.rehearse(action)
    except DomainError as refused:
        show_errors(refused, form)
    return False


def _open_period(request: AuthenticatedRequest, pk: int, what: str) -> PeriodOfCare:
    period = get_object_or_404(PeriodOfCare.objects.select_related("person"), pk=pk)
    open_person(request, period.person_id, what)
    _may_record(request)
    return period


@policy(Policy.PERSON)
def start(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The child starts to be looked after."""
    person = open_person(request, pk, "Start a period of care")
    _may_record(request)
    form = StartPeriodForm(_posted(request), user=request.user)
    if request.method == "POST" and _done(
        form,
        lambda: services.start_period_of_care(
            person,
            on=form.cleaned_data.get("started_on"),
            need=form.cleaned_data.get("need") or "",
            legal_status=form.cleaned_data.get("legal_status") or "",
            placement=form.placement(),
            by=request.user,
        ),
    ):
        messages.success(request, "Period of care started")
        return redirect("people:detail", pk=person.pk)
    return _page(request, person, form, **guidance.START)


@policy(Policy.OBJECT, of="care.PeriodOfCare")
def move(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Move the child: one placement ends and the next starts the same day."""
    period = _open_period(request, pk, "Move a child's placement")
    form = MoveForm(_posted(request), user=request.user)
    if request.method == "POST" and _done(
        form,
        lambda: moves.move_placement(
            period,
            on=form.cleaned_data.get("on"),
            placement=form.placement(),
            reason=form.cleaned_data.get("reason") or "",
            by=request.user,
        ),
    ):
        messages.success(request, "Move recorded")
        return redirect("people:detail", pk=period.person_id)
    current = period.placements.select_related("provider").order_by("started_on").last()
    return _page(request, period.person, form, current=current, **guidance.MOVE)


@policy(Policy.OBJECT, of="care.PeriodOfCare")
def legal_status(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = _open_period(request, pk, "Change a child's legal status")
    form = LegalStatusForm(_posted(request))
    if request.method == "POST" and _done(
        form,
        lambda: moves.change_legal_status(
            period,
            on=form.cleaned_data.get("on"),
            code=form.cleaned_data.get("code") or "",
            by=request.user,
        ),
    ):
        messages.success(request, "Legal status changed")
        return redirect("people:detail", pk=period.person_id)
    current = period.legal_statuses.order_by("started_on").last()
    return _page(request, period.person, form, status=current, **guidance.LEGAL)


@policy(Policy.OBJECT, of="care.PeriodOfCare")
def end(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = _open_period(request, pk, "End a period of care")
    form = EndPeriodForm(_posted(request))
    if request.method == "POST" and _done(
        form,
        lambda: services.end_period_of_care(
            period,
            on=form.cleaned_data.get("ended_on"),
            reason=form.cleaned_data.get("reason") or "",
            by=request.user,
        ),
    ):
        messages.success(request, "Period of care ended")
        return redirect("people:detail", pk=period.person_id)
    return _page(request, period.person, form, period=period, **guidance.END)


@policy(Policy.OBJECT, of="care.Placement")
def correct(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Correct a placement as it should have been recorded, with the reason."""
    placement = get_object_or_404(
        Placement.objects.select_related("period__person", "provider"), pk=pk
    )
    person = open_person(request, placement.period.person_id, "Correct a placement")
    _may_record(request)
    form = CorrectPlacementForm(
        _posted(request),
        user=request.user,
        carer=placement.carer_id,
        initial=_as_recorded(placement),
    )
    if request.method == "POST" and _done(
        form,
        lambda: corrections.correct_placement(
            placement,
            started_on=form.cleaned_data.get("started_on"),
            details=form.placement(),
            change_reason=form.cleaned_data.get("change_reason") or "",
            why=form.cleaned_data.get("why") or "",
            by=request.user,
        ),
    ):
        messages.success(request, "Placement corrected")
        return redirect("people:detail", pk=person.pk)
    return _page(request, person, form, placement=placement, **guidance.CORRECT)


def _as_recorded(placement: Placement) -> dict[str, object]:
    return {
        "started_on": placement.started_on,
        "place": placement.place,
        "carer": str(placement.carer_id or ""),
        # A foster placement's provider is the carer's service: left blank.
        "provider": "" if placement.carer_id else str(placement.provider_id or ""),
        "address_line_1": placement.address_line_1,
        "town": placement.town,
        "postcode": placement.postcode,
        "local_authority": placement.local_authority,
        "change_reason": placement.change_reason,
    }
