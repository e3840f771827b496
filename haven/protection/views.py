"""Pages for the start of child protection work on a child's CIN episode: the
strategy discussion, the section 47 enquiry and its outcome, and the initial
conference. (The plan's pages are in plan_views.py.)"""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from haven.cin.models import CinEpisode
from haven.core.http import AuthenticatedRequest, posted
from haven.core.route_policy import Policy, policy
from haven.people.models import Person
from haven.people.views import open_person
from haven.protection import (
    arrangements,
    conferences,
    contact_views,
    enquiries,
    strategy,
)
from haven.protection.codes import ConferenceKind
from haven.protection.forms import (
    AttendeeFormSet,
    EnquiryOutcomeForm,
    InitialConferenceForm,
    ParticipantFormSet,
    StartEnquiryForm,
    StrategyForm,
    TransferInConferenceForm,
)
from haven.protection.models import Conference, Section47Enquiry, StrategyDiscussion
from haven.protection.pages import (
    attendees,
    context,
    may_record,
    open_object,
    rows,
    save,
)

ATTENDEE = ("agency", "name", "role", "attended", "report")
EPISODE_PAGE = "cin:person"


@policy(Policy.OBJECT, of="cin.CinEpisode")
def record_strategy(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    episode = get_object_or_404(CinEpisode, pk=pk)
    person = open_person(request, episode.person_id, "Record a strategy discussion")
    may_record(request)
    form = StrategyForm(posted(request))
    people = ParticipantFormSet(posted(request), prefix="participants")
    if form.is_bound:
        valid = form.is_valid() & people.is_valid()
        data = form.cleaned_data
        typed = strategy.Discussion(
            held_on=data.get("held_on"),
            participants=rows(people, "name", "agency", "role"),
            information_shared=data.get("information_shared", ""),
            decision=data.get("decision", ""),
            no_section_47_reason=data.get("no_section_47_reason", ""),
            immediate_protection=data.get("immediate_protection", ""),
            actions_agreed=data.get("actions_agreed", ""),
        )
        done = save(
            valid,
            form,
            lambda: strategy.record_strategy_discussion(
                episode, typed, by=request.user
            ),
            lambda: strategy.check_discussion(episode, typed),
            participants=people.forms,
        )
        if done is not None:
            messages.success(request, "Strategy discussion recorded")
            # Siblings decided together: back to the list while one waits.
            after = contact_views.back_to_the_contact(request)
            return redirect(after or reverse(EPISODE_PAGE, kwargs={"pk": person.pk}))
    return render(
        request,
        "protection/strategy.html",
        context(person, episode=episode, form=form, people=people),
    )


@policy(Policy.OBJECT, of="protection.StrategyDiscussion")
def start_enquiry(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    discussion, person = open_object(
        request,
        StrategyDiscussion,
        pk,
        what="Start a section 47 enquiry",
        person_of=lambda d: d.episode.person_id,
        related=("episode",),
    )
    may_record(request)
    form = StartEnquiryForm(posted(request), initial={"started_on": discussion.held_on})
    if form.is_bound:
        valid = form.is_valid()
        data = form.cleaned_data
        done = save(
            valid,
            form,
            lambda: enquiries.start_section_47(
                discussion,
                started_on=data.get("started_on"),  # type: ignore[arg-type]
                icpc_target=data.get("icpc_target"),
                record=data.get("record", ""),
                by=request.user,
            ),
            lambda: enquiries.check_start(
                discussion, data.get("started_on"), data.get("icpc_target")
            ),
        )
        if done is not None:
            messages.success(request, "Section 47 enquiry started")
            return redirect("protection:enquiry", pk=done.pk)
    return render(
        request,
        "protection/start_enquiry.html",
        context(person, discussion=discussion, form=form),
    )


@policy(Policy.OBJECT, of="protection.Section47Enquiry")
def enquiry(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The enquiry, and the form recording what it found."""
    found, person = open_object(
        request,
        Section47Enquiry,
        pk,
        what="Section 47 enquiry",
        person_of=lambda e: e.episode.person_id,
        related=("episode", "strategy_discussion"),
    )
    form = EnquiryOutcomeForm(posted(request))
    if form.is_bound:
        may_record(request)
        valid = form.is_valid()
        data = form.cleaned_data
        done = save(
            valid,
            form,
            lambda: enquiries.record_section_47_outcome(
                found,
                outcome=data.get("outcome", ""),
                completed_on=data.get("completed_on"),  # type: ignore[arg-type]
                record=data.get("record", ""),
                by=request.user,
            ),
            lambda: enquiries.check_outcome(
                found, data.get("outcome", ""), data.get("completed_on")
            ),
        )
        if done is not None:
            messages.success(request, "Outcome of the enquiry recorded")
            return redirect("protection:enquiry", pk=found.pk)
    held = getattr(found, "initial_conference", None)
    booked = arrangements.open_for(section_47=found)
    return render(
        request,
        "protection/enquiry.html",
        context(person, enquiry=found, form=form, conference=held, booked=booked),
    )


def meeting_from(data: dict[str, Any], attendance: Any) -> conferences.Meeting:
    """A conference as typed on any of the conference forms."""
    return conferences.Meeting(
        held_on=data.get("held_on"),
        chair=data.get("chair"),
        decision=data.get("decision", ""),
        attendance=attendees(attendance),
        category=data.get("category", ""),
        family_views=data.get("family_views", ""),
        child_views=data.get("child_views", ""),
        dissent=data.get("dissent", ""),
        minutes=data.get("minutes", ""),
    )


def _after_initial(
    request: AuthenticatedRequest, done: Conference, otherwise: HttpResponse
) -> HttpResponse:
    """A plan started: write its concerns next."""
    plan = getattr(done, "started_plan", None)
    if plan is None:
        messages.success(request, "Conference recorded")
        return otherwise
    messages.success(
        request,
        "Conference recorded: the child protection plan has started. Write its "
        "concerns",
    )
    return redirect("protection:concerns", pk=plan.pk)


def _booked(enquiry: Section47Enquiry, person: Person) -> dict[str, object]:
    """The form starts from the conference's booking, if it was arranged."""
    kind = ConferenceKind.PRE_BIRTH if person.is_unborn else ConferenceKind.INITIAL
    booked = arrangements.open_for(section_47=enquiry)
    if booked is None:
        return {"kind": kind}
    return {"kind": kind, "held_on": booked.planned_on, "chair": booked.chair_id}


@policy(Policy.OBJECT, of="protection.Section47Enquiry")
def initial_conference(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found, person = open_object(
        request,
        Section47Enquiry,
        pk,
        what="Record an initial child protection conference",
        person_of=lambda e: e.episode.person_id,
        related=("episode",),
    )
    may_record(request)
    form = InitialConferenceForm(posted(request), initial=_booked(found, person))
    attendance = AttendeeFormSet(posted(request), prefix="attendance")
    if form.is_bound:
        valid = form.is_valid() & attendance.is_valid()
        data = form.cleaned_data
        meeting = meeting_from(data, attendance)
        done = save(
            valid,
            form,
            lambda: conferences.hold_initial_conference(
                found.episode,
                meeting,
                kind=data.get("kind", ""),
                section_47=found,
                by=request.user,
            ),
            lambda: conferences.check_initial(
                found.episode, data.get("kind", ""), found, meeting
            ),
            attendance=attendance.forms,
        )
        if done is not None:
            return _after_initial(
                request, done, redirect("protection:enquiry", pk=found.pk)
            )
    return render(
        request,
        "protection/initial_conference.html",
        context(person, enquiry=found, form=form, attendance=attendance),
    )


@policy(Policy.OBJECT, of="cin.CinEpisode")
def transfer_in_conference(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A transfer-in conference on the child's episode: no enquiry before it."""
    episode = get_object_or_404(CinEpisode, pk=pk)
    person = open_person(request, episode.person_id, "Record a transfer-in conference")
    may_record(request)
    kind = ConferenceKind.TRANSFER_IN
    # The form starts from the conference's booking, if it was arranged.
    booked = arrangements.open_for(episode=episode, kind=kind)
    initial = {"held_on": booked.planned_on, "chair": booked.chair_id} if booked else {}
    form = TransferInConferenceForm(posted(request), initial=initial)
    attendance = AttendeeFormSet(posted(request), prefix="attendance")
    if form.is_bound:
        valid = form.is_valid() & attendance.is_valid()
        data = form.cleaned_data
        meeting = meeting_from(data, attendance)
        transfer = conferences.Transfer(
            from_authority=data.get("transferred_from", ""),
            plans_elsewhere=data.get("plans_elsewhere") or 0,
        )
        done = save(
            valid,
            form,
            lambda: conferences.hold_initial_conference(
                episode, meeting, kind=kind, transfer=transfer, by=request.user
            ),
            lambda: conferences.check_initial(episode, kind, None, meeting, transfer),
            attendance=attendance.forms,
        )
        if done is not None:
            return _after_initial(request, done, redirect(EPISODE_PAGE, pk=person.pk))
    return render(
        request,
        "protection/transfer_in.html",
        context(person, episode=episode, form=form, attendance=attendance),
    )
