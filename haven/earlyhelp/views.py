"""Early help pages: the queue, allocation, a child's early help and its forms,
and the waiting-times report."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from haven.core import clock
from haven.core.errors import DomainError
from haven.core.forms import show_errors
from haven.core.http import AuthenticatedRequest, posted
from haven.core.models import User
from haven.core.route_policy import Policy, policy
from haven.earlyhelp import forms as eh_forms
from haven.earlyhelp import guidance, selectors, services
from haven.earlyhelp import permissions as rules
from haven.earlyhelp.family import siblings_of
from haven.earlyhelp.guidance import Guidance
from haven.earlyhelp.lead import record_lead
from haven.earlyhelp.models import EarlyHelpRequest, FamilyPlan, PlanAction
from haven.people import selectors as people
from haven.people.models import Person
from haven.people.views import open_person


def _works_early_help(user: Any) -> bool:
    return rules.may_work_early_help(user)


def _may_request(user: Any) -> bool:
    return rules.may_request_early_help(user)


def _form_page(
    request: AuthenticatedRequest,
    person: Person,
    form: forms.Form,
    *,
    title: str,
    advice: Guidance,
    submit: str,
    save: Callable[[dict[str, Any]], Any],
    done: str,
    warning: bool = False,
    check: Callable[[dict[str, Any]], Any] | None = None,
) -> HttpResponse:
    """GET shows the form; POST saves through the service or shows its errors with
    everything typed kept. `check` runs the service's rules on what a form with
    errors could read, so they are reported with the form's own."""
    if request.method == "POST" and not form.is_valid() and check is not None:
        try:
            check(form.cleaned_data)
        except DomainError as err:
            show_errors(err, form)
    elif request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except DomainError as err:
            show_errors(err, form)
        else:
            messages.success(request, done)
            # A step up or closure can pass the case to another team: then the
            # worker no longer reads the record and goes back to the queue.
            if people.may_open(request.user, person):
                return redirect("earlyhelp:person", pk=person.pk)
            return redirect("earlyhelp:queue")
    context = {
        "person": person,
        "bar": people.identity_bar(person),
        "tab": "earlyhelp",
        "form": form,
        "title": title,
        "guidance": advice,
        "submit": submit,
        "warning": warning,
    }
    return render(request, "earlyhelp/form.html", context)


def _request_for(
    request: AuthenticatedRequest, pk: int, what: str
) -> tuple[EarlyHelpRequest, Person]:
    if not _works_early_help(request.user):
        raise PermissionDenied("Your role does not include early help work")
    eh_request = get_object_or_404(EarlyHelpRequest, pk=pk)
    person = open_person(request, eh_request.person_id, what)
    return eh_request, person


# --- the queue and the report ---------------------------------------------------


@policy(Policy.ROLE, permission="core.record_early_help or core.manage_team_cases")
def queue(request: AuthenticatedRequest) -> HttpResponse:
    if not _works_early_help(request.user):
        raise PermissionDenied("Your role does not include early help work")
    rows = selectors.queue(request.user)
    waiting = [r for r in rows if r.waiting]
    allocated = [r for r in rows if not r.waiting]
    context = {
        "waiting": waiting,
        "allocated": allocated,
        "waiting_children": selectors.count_children(waiting),
        "allocated_children": selectors.count_children(allocated),
        "allocatable": _allocatable(request, rows),
        "today": clock.today(),
    }
    return render(request, "earlyhelp/queue.html", context)


def _allocatable(
    request: AuthenticatedRequest, rows: list[selectors.QueueRow]
) -> set[int]:
    # Whether one may allocate depends only on the request's team: ask once a team.
    by_team: dict[int | None, bool] = {}
    allowed = set()
    for row in rows:
        team_id = row.request.team_id
        if team_id not in by_team:
            by_team[team_id] = rules.may_allocate(request.user, row.request)
        if row.waiting and by_team[team_id]:
            allowed.add(row.request.pk)
    return allowed


@policy(
    Policy.ROLE,
    permission=(
        "core.record_early_help or core.manage_team_cases or core.view_performance"
    ),
)
def waiting_times(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if not rules.may_see_waiting_times(user):
        raise PermissionDenied("Your role does not include this report")
    context = {"teams": selectors.waiting_times_by_team(), "today": clock.today()}
    return render(request, "earlyhelp/waiting_times.html", context)


@policy(Policy.OBJECT, of="earlyhelp.EarlyHelpRequest")
def allocate(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    eh_request, person = _request_for(request, pk, "Early help allocation")
    if not rules.may_allocate(request.user, eh_request):
        raise PermissionDenied("Only the early help team's managers can allocate")
    workers = selectors.allocatable_workers(request.user)
    form = eh_forms.AllocateForm(posted(request), workers=workers)
    if request.method == "POST" and form.is_valid():
        try:
            services.allocate_request(
                eh_request,
                worker=form.cleaned_data["worker"],
                on=form.cleaned_data["on"],
                by=request.user,
            )
        except DomainError as err:
            show_errors(err, form)
        else:
            messages.success(request, f"{person} allocated")
            return redirect("earlyhelp:queue")
    context = {
        "person": person,
        "bar": people.identity_bar(person),
        "tab": "earlyhelp",
        "form": form,
        "eh_request": eh_request,
        "waiting_days": selectors.waiting_days(eh_request, clock.today()),
        "guidance": guidance.ALLOCATE,
    }
    return render(request, "earlyhelp/allocate.html", context)


# --- one child's early help -------------------------------------------------------


@policy(Policy.PERSON)
def person_overview(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Early help")
    history = list(selectors.requests_of(person))
    current = next((r for r in history if r.closed_on is None), None)
    context = {
        "person": person,
        "bar": people.identity_bar(person),
        "tab": "earlyhelp",
        "history": history,
        "current": current,
        "today": clock.today(),
        "waiting_days": selectors.waiting_days(current, clock.today())
        if current
        else None,
        "can_request": current is None and _may_request(request.user),
        "can_work": current is not None and rules.may_work_on(request.user, current),
        "can_allocate": current is not None
        and current.allocated_on is None
        and rules.may_allocate(request.user, current),
    }
    return render(request, "earlyhelp/person.html", context)


@policy(Policy.PERSON)
def request_help(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not _may_request(request.user):
        raise PermissionDenied("Your role does not include asking for early help")
    person = open_person(request, pk, "Request early help")
    # Only the brothers and sisters the user may open are offered.
    family = [c for c in siblings_of(person) if people.may_open(request.user, c)]
    form = eh_forms.RequestForm(
        posted(request), initial={"requested_on": clock.today()}, siblings=family
    )

    def save(data: dict[str, Any]) -> Any:
        chosen = set(data.get("siblings") or ())
        return services.request_early_help(
            person,
            requested_on=data["requested_on"],
            reason=data["reason"],
            source=data["source"],
            contact_id=None,
            by=request.user,
            siblings=[c for c in family if c.pk in chosen],
        )

    return _form_page(
        request,
        person,
        form,
        title=f"Ask for early help for {person}",
        advice=guidance.REQUEST,
        submit="Add to the early help queue",
        save=save,
        done="Added to the early help queue",
    )


@policy(Policy.OBJECT, of="earlyhelp.EarlyHelpRequest")
def lead(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    eh_request, person = _request_for(request, pk, "Early help lead practitioner")
    staff = User.objects.filter(is_active=True, team__isnull=False).order_by(
        "last_name", "first_name"
    )
    form = eh_forms.LeadForm(
        posted(request),
        staff=staff,
        initial={
            "staff": eh_request.lead_staff_id,
            "name": eh_request.lead_name if not eh_request.lead_staff_id else "",
            "role": eh_request.lead_role,
            "organisation": eh_request.lead_organisation
            if not eh_request.lead_staff_id
            else "",
        },
    )

    def save(data: dict[str, Any]) -> Any:
        return record_lead(eh_request, by=request.user, **data)

    return _form_page(
        request,
        person,
        form,
        title="The family's lead practitioner",
        advice=guidance.LEAD,
        submit="Save the lead practitioner",
        save=save,
        done="Lead practitioner saved",
    )


@policy(Policy.OBJECT, of="earlyhelp.EarlyHelpRequest")
def assessment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    eh_request, person = _request_for(request, pk, "Early help assessment")
    form = eh_forms.AssessmentForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return services.complete_assessment(eh_request, by=request.user, **data)

    return _form_page(
        request,
        person,
        form,
        title="Early help assessment",
        advice=guidance.ASSESSMENT,
        submit="Save the assessment",
        save=save,
        done="Assessment saved",
    )


@policy(Policy.OBJECT, of="earlyhelp.EarlyHelpRequest")
def plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    eh_request, person = _request_for(request, pk, "Family plan")
    form = eh_forms.PlanForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return services.start_plan(
            eh_request,
            started_on=data["started_on"],
            actions=form.actions(),
            family_agreed_by=data["family_agreed_by"],
            by=request.user,
        )

    def check(data: dict[str, Any]) -> Any:
        return services.check_plan(
            eh_request,
            started_on=data.get("started_on"),
            actions=form.actions(),
            family_agreed_by=data.get("family_agreed_by") or "",
        )

    return _form_page(
        request,
        person,
        form,
        title="Agree the family plan",
        advice=guidance.PLAN,
        submit="Save the plan",
        save=save,
        done="Family plan saved",
        check=check,
    )


@policy(Policy.OBJECT, of="earlyhelp.FamilyPlan")
def review(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not _works_early_help(request.user):
        raise PermissionDenied("Your role does not include early help work")
    family_plan = get_object_or_404(FamilyPlan.objects.select_related("request"), pk=pk)
    person = open_person(request, family_plan.request.person_id, "Family plan review")
    form = eh_forms.ReviewForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return services.review_plan(family_plan, by=request.user, **data)

    return _form_page(
        request,
        person,
        form,
        title="Review the family plan",
        advice=guidance.REVIEW,
        submit="Save the review",
        save=save,
        done="Review saved",
    )


@policy(Policy.OBJECT, of="earlyhelp.PlanAction")
@require_POST
def action_done(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not _works_early_help(request.user):
        raise PermissionDenied("Your role does not include early help work")
    action = get_object_or_404(
        PlanAction.objects.select_related("plan__request"), pk=pk
    )
    person = open_person(request, action.plan.request.person_id, "Family plan action")
    try:
        services.complete_action(action, done_on=clock.today(), by=request.user)
    except DomainError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, "Action marked as done")
    return redirect("earlyhelp:person", pk=person.pk)


@policy(Policy.OBJECT, of="earlyhelp.EarlyHelpRequest")
def close(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    eh_request, person = _request_for(request, pk, "Close early help")
    form = eh_forms.CloseForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return services.close_episode(eh_request, by=request.user, **data)

    return _form_page(
        request,
        person,
        form,
        title="Close early help",
        advice=guidance.CLOSE,
        submit="Close early help",
        save=save,
        done="Early help closed",
    )


@policy(Policy.OBJECT, of="earlyhelp.EarlyHelpRequest")
def step_up(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    eh_request, person = _request_for(request, pk, "Step up to social care")
    form = eh_forms.StepUpForm(posted(request))

    def save(data: dict[str, Any]) -> Any:
        return services.step_up(eh_request, by=request.user, **data)

    return _form_page(
        request,
        person,
        form,
        title="Step up to children's social care",
        advice=guidance.STEP_UP,
        submit="Refer to social care",
        save=save,
        done="Sent to the front door, which decides what happens next within one "
        "working day; early help closed",
        warning=True,
    )
