"""Pages for correcting a legal status and a period of care as they should
have been recorded, with the reason (a placement's correction is in views.py).
Each is reached from the child's "Looked after" section."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect

from haven.care import guidance
from haven.care.forms import CorrectLegalStatusForm, CorrectPeriodForm
from haven.care.models import LegalStatus, PeriodOfCare
from haven.care.pages import done, may_record, page, posted
from haven.care.period_corrections import PeriodDates, correct_period
from haven.care.status_corrections import correct_legal_status
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.people.views import open_person


@policy(Policy.OBJECT, of="care.LegalStatus")
def correct_status(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Correct a legal status's code or the day it started, with the reason."""
    status = get_object_or_404(
        LegalStatus.objects.select_related("period__person"), pk=pk
    )
    person = open_person(request, status.period.person_id, "Correct a legal status")
    may_record(request)
    form = CorrectLegalStatusForm(
        posted(request),
        initial={"started_on": status.started_on, "code": status.code},
    )
    if request.method == "POST" and done(
        form,
        lambda: correct_legal_status(
            status,
            code=form.cleaned_data.get("code") or "",
            started_on=form.cleaned_data.get("started_on"),
            why=form.cleaned_data.get("why") or "",
            by=request.user,
        ),
    ):
        messages.success(request, "Legal status corrected")
        return redirect("people:detail", pk=person.pk)
    return page(
        request, person, form, recorded_status=status, **guidance.CORRECT_STATUS
    )


@policy(Policy.OBJECT, of="care.PeriodOfCare")
def correct_dates(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Correct when a period of care started (and ended, and why)."""
    period = get_object_or_404(PeriodOfCare.objects.select_related("person"), pk=pk)
    person = open_person(request, period.person_id, "Correct a period of care")
    may_record(request)
    ended = period.ended_on is not None
    form = CorrectPeriodForm(
        posted(request),
        ended=ended,
        initial={
            "started_on": period.started_on,
            "need": period.need,
            "ended_on": period.ended_on,
            "reason_ended": period.reason_ended,
        },
    )
    if request.method == "POST" and done(
        form,
        lambda: correct_period(
            period,
            dates=PeriodDates(
                started_on=form.cleaned_data.get("started_on"),
                need=form.cleaned_data.get("need") or "",
                ended_on=form.cleaned_data.get("ended_on"),
                reason_ended=form.cleaned_data.get("reason_ended") or "",
            ),
            why=form.cleaned_data.get("why") or "",
            by=request.user,
        ),
    ):
        messages.success(request, "Period of care corrected")
        return redirect("people:detail", pk=person.pk)
    return page(
        request, person, form, recorded_period=period, **guidance.CORRECT_PERIOD
    )
