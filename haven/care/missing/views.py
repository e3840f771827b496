"""Pages for a child missing from care: report them missing, record their
return, the police report, the return home interview and the strategy
meeting. The episodes themselves are shown on the child's page
(section.py)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect

from haven.care import pages
from haven.care.missing import followup, guidance, recording
from haven.care.missing.forms import (
    InterviewForm,
    PoliceForm,
    ReportMissingForm,
    ReturnForm,
    StrategyMeetingForm,
)
from haven.care.models import MissingEpisode
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.people.views import open_person


def _episode(request: AuthenticatedRequest, pk: int, what: str) -> MissingEpisode:
    episode = get_object_or_404(
        MissingEpisode.objects.select_related("period__person"), pk=pk
    )
    open_person(request, episode.period.person_id, what)
    pages.may_record(request)
    return episode


@policy(Policy.OBJECT, of="care.PeriodOfCare")
def report(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The child is missing, or away from their placement without permission."""
    period = pages.open_period(request, pk, "Report a child missing")
    form = ReportMissingForm(pages.posted(request))
    if request.method == "POST" and pages.done(
        form,
        lambda: recording.report_missing(
            period,
            kind=form.cleaned_data.get("kind") or "",
            started_at=form.started_at(),
            police=form.police(),
            by=request.user,
        ),
    ):
        messages.success(request, "Reported missing")
        return redirect("people:detail", pk=period.person_id)
    return pages.page(request, period.person, form, **guidance.REPORT)


@policy(Policy.OBJECT, of="care.MissingEpisode")
def returned(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    episode = _episode(request, pk, "Record a child's return")
    initial = {
        "reported_to_police": episode.reported_to_police,
        "police_reference": episode.police_reference,
    }
    form = ReturnForm(pages.posted(request), initial=initial)
    if request.method == "POST" and pages.done(
        form,
        lambda: recording.record_return(
            episode,
            returned_at=form.returned_at(),
            police=form.police(),
            by=request.user,
        ),
    ):
        messages.success(request, "Return recorded")
        return redirect("people:detail", pk=episode.period.person_id)
    person = episode.period.person
    return pages.page(request, person, form, episode=episode, **guidance.RETURN)


@policy(Policy.OBJECT, of="care.MissingEpisode")
def police(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    episode = _episode(request, pk, "Record a missing child's police report")
    initial = {
        "reported_to_police": episode.reported_to_police,
        "police_reference": episode.police_reference,
    }
    form = PoliceForm(pages.posted(request), initial=initial)
    if request.method == "POST" and pages.done(
        form,
        lambda: recording.record_police_report(
            episode, police=form.police(), by=request.user
        ),
    ):
        messages.success(request, "Police report saved")
        return redirect("people:detail", pk=episode.period.person_id)
    person = episode.period.person
    return pages.page(request, person, form, episode=episode, **guidance.POLICE)


@policy(Policy.OBJECT, of="care.MissingEpisode")
def interview(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    episode = _episode(request, pk, "Record a return home interview")
    initial = {
        "offered_on": episode.interview_offered_on,
        "held_on": episode.interview_held_on,
        "declined": episode.interview_declined,
        "interviewed_by": episode.interviewed_by,
    }
    form = InterviewForm(pages.posted(request), initial=initial)
    if request.method == "POST" and pages.done(
        form,
        lambda: followup.record_return_interview(
            episode, form.interview(), by=request.user
        ),
    ):
        messages.success(request, "Return home interview saved")
        return redirect("people:detail", pk=episode.period.person_id)
    person = episode.period.person
    return pages.page(request, person, form, episode=episode, **guidance.INTERVIEW)


@policy(Policy.PERSON)
def strategy(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Record a missing-from-care strategy meeting")
    pages.may_record(request)
    form = StrategyMeetingForm(pages.posted(request))
    if request.method == "POST" and pages.done(
        form,
        lambda: followup.record_strategy_meeting(
            person,
            held_on=form.cleaned_data.get("held_on"),
            decisions=form.cleaned_data.get("decisions") or "",
            by=request.user,
        ),
    ):
        messages.success(request, "Strategy meeting recorded")
        return redirect("people:detail", pk=person.pk)
    return pages.page(request, person, form, **guidance.STRATEGY)
