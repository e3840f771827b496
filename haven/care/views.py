"""Pages for a looked-after child's care: starting a period of care, moving the
child, changing their legal status, ending the period and correcting a
placement. The child's care itself is shown on their page (sections.py)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect

from haven.care import corrections, guidance, moves, services
from haven.care.forms import (
    CorrectPlacementForm,
    EndPeriodForm,
    LegalStatusForm,
    MoveForm,
    StartPeriodForm,
)
from haven.care.models import Placement
from haven.care.pages import done as _done
from haven.care.pages import may_record as _may_record
from haven.care.pages import open_period as _open_period
from haven.care.pages import page as _page
from haven.care.pages import posted as _posted
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.people.views import open_person


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
            court=form.cleaned_data.get("court") or "",
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
            court=form.cleaned_data.get("court") or "",
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
