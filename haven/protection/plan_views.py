"""Pages for a child protection plan: the plan and its concerns, a print view
for the family, writing the concerns, core groups and review conferences."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from haven.core.http import AuthenticatedRequest, posted
from haven.core.route_policy import Policy, policy
from haven.people.models import Person
from haven.protection import arrangements, concerns, conferences, letters, plans
from haven.protection.codes import ConferenceDecision
from haven.protection.forms import (
    CONCERN_ROWS,
    AttendeeFormSet,
    ConcernFormSet,
    CoreGroupForm,
    EndPlanForm,
    ReviewConferenceForm,
)
from haven.protection.models import ChildProtectionPlan
from haven.protection.pages import (
    context,
    may_record,
    open_object,
    rows,
    save,
)
from haven.protection.views import ATTENDEE, meeting_from

CONCERN_PARTS = (
    "concern",
    "what_must_change",
    "family_will",
    "agencies_will",
    "by_when",
    "progress_seen",
    "if_not",
)


def _open(
    request: AuthenticatedRequest, pk: int, what: str
) -> tuple[ChildProtectionPlan, Person]:
    return open_object(
        request,
        ChildProtectionPlan,
        pk,
        what=what,
        person_of=lambda p: p.episode.person_id,
        related=("episode", "starting_conference"),
    )


@policy(Policy.OBJECT, of="protection.ChildProtectionPlan")
def plan_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan, person = _open(request, pk, "Child protection plan")
    return render(
        request,
        "protection/plan.html",
        context(
            person,
            plan=plan,
            concerns=list(plan.concerns.all()),
            core_groups=list(plan.core_groups.all()),
            reviews=list(plan.reviews.all()),
            booked=arrangements.open_for(plan=plan),
        ),
    )


@policy(Policy.OBJECT, of="protection.ChildProtectionPlan")
def plan_print(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The plan as the family reads it: its concerns, in a simple layout."""
    plan, person = _open(request, pk, "Child protection plan (print)")
    return render(
        request,
        "protection/plan_print.html",
        {"person": person, "plan": plan, "concerns": list(plan.concerns.all())},
    )


@policy(Policy.OBJECT, of="protection.ChildProtectionPlan")
def plan_letter(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The letter to the child's parents about the plan, in plain words."""
    plan, person = _open(request, pk, "Letter to the parents about the plan")
    letter = letters.letter_for(plan, person, request.user)
    return render(
        request, "protection/plan_letter.html", {"person": person, "letter": letter}
    )


@policy(Policy.OBJECT, of="protection.ChildProtectionPlan")
def set_concerns(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan, person = _open(request, pk, "Write the plan's concerns")
    may_record(request)
    held = [
        {part: getattr(c, part) for part in CONCERN_PARTS} for c in plan.concerns.all()
    ]
    initial = held + [{}] * max(CONCERN_ROWS - len(held), 0)
    formset = ConcernFormSet(posted(request), prefix="concerns", initial=initial)
    if formset.is_bound:
        valid = formset.is_valid()
        typed = [concerns.Concern(**row) for row in rows(formset, *CONCERN_PARTS)]
        first = formset.forms[0]
        done = save(
            valid,
            first,
            lambda: concerns.set_concerns(plan, typed, by=request.user),
            lambda: concerns.check_concerns(plan, typed),
            concerns=formset.forms,
        )
        if done is not None:
            messages.success(request, "The plan's concerns are saved")
            return redirect("protection:plan", pk=plan.pk)
    return render(
        request,
        "protection/concerns.html",
        context(person, plan=plan, formset=formset),
    )


@policy(Policy.OBJECT, of="protection.ChildProtectionPlan")
def core_group(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan, person = _open(request, pk, "Record a core group")
    may_record(request)
    form = CoreGroupForm(posted(request))
    attendance = AttendeeFormSet(posted(request), prefix="attendance")
    if form.is_bound:
        valid = form.is_valid() & attendance.is_valid()
        data = form.cleaned_data
        done = save(
            valid,
            form,
            lambda: plans.record_core_group(
                plan,
                held_on=data.get("held_on"),  # type: ignore[arg-type]
                attendance=rows(attendance, *ATTENDEE),
                progress=data.get("progress", ""),
                by=request.user,
            ),
            lambda: plans.check_core_group(
                plan,
                data.get("held_on"),
                rows(attendance, *ATTENDEE),
                data.get("progress", ""),
            ),
            attendance=attendance.forms,
        )
        if done is not None:
            messages.success(request, "Core group recorded")
            return redirect("protection:plan", pk=plan.pk)
    return render(
        request,
        "protection/core_group.html",
        context(person, plan=plan, form=form, attendance=attendance),
    )


@policy(Policy.OBJECT, of="protection.ChildProtectionPlan")
def review(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan, person = _open(request, pk, "Record a review conference")
    may_record(request)
    initial: dict[str, object] = {"category": plan.latest_category}
    booked = arrangements.open_for(plan=plan)
    if booked is not None:
        initial |= {"held_on": booked.planned_on, "chair": booked.chair_id}
    form = ReviewConferenceForm(posted(request), initial=initial)
    attendance = AttendeeFormSet(posted(request), prefix="attendance")
    if form.is_bound:
        valid = form.is_valid() & attendance.is_valid()
        data = form.cleaned_data
        meeting = meeting_from(data, attendance)
        ends = data.get("decision") == ConferenceDecision.END_PLAN
        end_reason = data.get("end_reason", "") if ends else ""
        done = save(
            valid,
            form,
            lambda: conferences.hold_review_conference(
                plan,
                meeting,
                end_reason=end_reason,
                by=request.user,
            ),
            lambda: conferences.check_review(plan, meeting, end_reason),
            attendance=attendance.forms,
        )
        if done is not None:
            words = "the plan has ended" if ends else "the plan continues"
            messages.success(request, f"Review conference recorded: {words}")
            return redirect("protection:plan", pk=plan.pk)
    return render(
        request,
        "protection/review.html",
        context(person, plan=plan, form=form, attendance=attendance),
    )


@policy(Policy.OBJECT, of="protection.ChildProtectionPlan")
def end_plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """End the plan without a review conference, saying why and when."""
    plan, person = _open(request, pk, "End a child protection plan")
    may_record(request)
    form = EndPlanForm(posted(request))
    if form.is_bound:
        valid = form.is_valid()
        data = form.cleaned_data
        ended_on = data.get("ended_on")
        reason, note = data.get("reason", ""), data.get("note", "")
        done = save(
            valid,
            form,
            lambda: plans.end_plan(
                plan,
                ended_on=ended_on,  # type: ignore[arg-type]
                reason=reason,
                note=note,
                by=request.user,
            ),
            lambda: plans.check_end(plan, ended_on, reason, note),
        )
        if done is not None:
            messages.success(request, "The child protection plan has ended")
            return redirect("protection:plan", pk=plan.pk)
    return render(
        request, "protection/end_plan.html", context(person, plan=plan, form=form)
    )
