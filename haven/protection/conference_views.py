"""Pages for a conference before and after it is held: booking it with its
chair and administrator, and its record (signed off by the chair, amended
only as an amendment once signed)."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from haven.cin.models import CinEpisode
from haven.core.errors import DomainError
from haven.core.forms import show_errors
from haven.core.http import AuthenticatedRequest, posted
from haven.core.route_policy import Policy, policy
from haven.people.models import Person
from haven.protection import arrangements, conferences, records
from haven.protection.codes import ConferenceKind
from haven.protection.forms import AmendmentForm, ArrangeForm, RecordForm
from haven.protection.models import (
    ChildProtectionPlan,
    Conference,
    ConferenceArrangement,
    Section47Enquiry,
)
from haven.protection.pages import context, may_record_conference, open_object, save
from haven.protection.permissions import may_arrange_conferences


def _booking_form(
    request: AuthenticatedRequest,
    booked: ConferenceArrangement | None,
    **initial: object,
) -> ArrangeForm:
    if booked is not None:
        initial = {
            "planned_on": booked.planned_on,
            "chair": booked.chair_id,
            "administrator": booked.administrator_id,
        }
    return ArrangeForm(posted(request), initial=initial)


def _booking(form: ArrangeForm) -> arrangements.Booking:
    data = form.cleaned_data
    return arrangements.Booking(
        planned_on=data.get("planned_on"),
        chair=data.get("chair"),
        administrator=data.get("administrator"),
    )


def _booked(
    form: ArrangeForm,
    arrange: Callable[[arrangements.Booking], ConferenceArrangement],
    check: Callable[[arrangements.Booking], object],
) -> ConferenceArrangement | None:
    """The conference a posted form arranges, or None (not posted, or the form
    shows every fault: its own and the service's)."""
    if not form.is_bound:
        return None
    valid = form.is_valid()
    booking = _booking(form)
    return save(valid, form, lambda: arrange(booking), lambda: check(booking))


def _arrange_page(
    request: AuthenticatedRequest, person: Person, form: ArrangeForm, **extra: object
) -> HttpResponse:
    return render(
        request, "protection/arrange.html", context(person, form=form, **extra)
    )


def _may_arrange(request: AuthenticatedRequest) -> None:
    if not may_arrange_conferences(request.user):
        raise PermissionDenied("Your role does not include arranging conferences")


@policy(Policy.OBJECT, of="protection.Section47Enquiry")
def arrange_initial(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found, person = open_object(
        request,
        Section47Enquiry,
        pk,
        what="Arrange the initial child protection conference",
        person_of=lambda e: e.episode.person_id,
        related=("episode",),
    )
    _may_arrange(request)
    booked = arrangements.open_for(section_47=found)
    form = _booking_form(request, booked, planned_on=found.icpc_target)
    done = _booked(
        form,
        lambda b: arrangements.arrange_initial(found, b, by=request.user),
        lambda b: arrangements.check_initial(found, b),
    )
    if done is not None:
        messages.success(
            request,
            f"{done.get_kind_display()} arranged for {done.planned_on:%-d %B %Y}",
        )
        return redirect("protection:enquiry", pk=found.pk)
    what = "pre-birth" if person.is_unborn else "initial"
    return _arrange_page(
        request,
        person,
        form,
        title=f"Arrange the {what} child protection conference",
        about=f"Following the section 47 enquiry from {found.started_on:%-d %B %Y}.",
        booked=booked,
        back=reverse("protection:enquiry", args=[found.pk]),
    )


@policy(Policy.OBJECT, of="protection.ChildProtectionPlan")
def arrange_review(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan, person = open_object(
        request,
        ChildProtectionPlan,
        pk,
        what="Arrange a review child protection conference",
        person_of=lambda p: p.episode.person_id,
        related=("episode",),
    )
    _may_arrange(request)
    booked = arrangements.open_for(plan=plan)
    form = _booking_form(request, booked)
    if form.is_bound:
        valid = form.is_valid()
        booking = _booking(form)
        done = save(
            valid,
            form,
            lambda: arrangements.arrange_review(plan, booking, by=request.user),
            lambda: arrangements.check_review(plan, booking),
        )
        if done is not None:
            messages.success(
                request, f"Review conference arranged for {done.planned_on:%-d %B %Y}"
            )
            return redirect("protection:plan", pk=plan.pk)
    return _arrange_page(
        request,
        person,
        form,
        title="Arrange the review child protection conference",
        about=f"Of the child protection plan from {plan.started_on:%-d %B %Y}.",
        booked=booked,
        back=reverse("protection:plan", args=[plan.pk]),
    )


@policy(Policy.OBJECT, of="cin.CinEpisode")
def arrange_transfer_in(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Book the transfer-in conference before the child's plan comes here."""
    episode, person = open_object(
        request,
        CinEpisode,
        pk,
        what="Arrange a transfer-in child protection conference",
        person_of=lambda e: e.person_id,
    )
    _may_arrange(request)
    kind = ConferenceKind.TRANSFER_IN
    booked = arrangements.open_for(episode=episode, kind=kind)
    form = _booking_form(request, booked)
    done = _booked(
        form,
        lambda b: arrangements.arrange_transfer_in(episode, b, by=request.user),
        lambda b: arrangements.check_transfer_in(episode, b),
    )
    if done is not None:
        messages.success(
            request,
            f"Transfer-in conference arranged for {done.planned_on:%-d %B %Y}",
        )
        return redirect("cin:person", pk=person.pk)
    return _arrange_page(
        request,
        person,
        form,
        title="Arrange a transfer-in child protection conference",
        about="For a child on a child protection plan in another authority who "
        "is moving here: the plan continues from the conference.",
        booked=booked,
        back=reverse("cin:person", args=[person.pk]),
    )


def _open_conference(
    request: AuthenticatedRequest, pk: int, what: str
) -> tuple[Conference, Person]:
    return open_object(
        request,
        Conference,
        pk,
        what=what,
        person_of=lambda c: c.episode.person_id,
        related=("episode", "chair", "signed_off_by"),
    )


@policy(Policy.OBJECT, of="protection.Conference")
def conference(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The conference's record, its amendments, and the chair's sign-off."""
    found, person = _open_conference(request, pk, "Child protection conference")
    if request.method == "POST":
        try:
            conferences.sign_off(found, by=request.user)
        except DomainError as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, "Record signed off: it can no longer be changed")
        return redirect("protection:conference", pk=found.pk)
    amendments = found.amendments.select_related("made_by")
    return render(
        request,
        "protection/conference.html",
        context(
            person,
            conference=found,
            amendments=list(amendments),
            is_chair=found.chair_id == request.user.pk,
        ),
    )


@policy(Policy.OBJECT, of="protection.Conference")
def change_record(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found, person = _open_conference(request, pk, "Change a conference's record")
    may_record_conference(request)
    if found.signed_off_at is not None:
        messages.error(request, "This record is signed off: add an amendment instead")
        return redirect("protection:amend", pk=found.pk)
    form = RecordForm(posted(request), initial=records.record_of(found))
    if form.is_bound and form.is_valid():
        try:
            records.change_record(found, form.cleaned_data, by=request.user)
        except DomainError as refused:
            show_errors(refused, form)
        else:
            messages.success(request, "The conference's record is saved")
            return redirect("protection:conference", pk=found.pk)
    return render(
        request,
        "protection/conference_record.html",
        context(person, conference=found, form=form),
    )


@policy(Policy.OBJECT, of="protection.Conference")
def amend(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found, person = _open_conference(request, pk, "Amend a conference's record")
    may_record_conference(request)
    form = AmendmentForm(posted(request))
    if form.is_bound:
        valid = form.is_valid()
        data = form.cleaned_data
        text, reason = data.get("text", ""), data.get("reason", "")
        done = save(
            valid,
            form,
            lambda: records.amend(found, text=text, reason=reason, by=request.user),
            lambda: records.check_amendment(found, text, reason),
        )
        if done is not None:
            messages.success(request, "Amendment added to the signed record")
            return redirect("protection:conference", pk=found.pk)
    return render(
        request,
        "protection/amend.html",
        context(person, conference=found, form=form),
    )
