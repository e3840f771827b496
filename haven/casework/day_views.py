"""Pages of a social worker's day: their caseload (also the home page's first
panel), a visit recorded in one page, the visits calendar and planning a
visit."""

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from haven.casework import caseload, planning, selectors, visit_calendar
from haven.casework import permissions as rules
from haven.casework.codes import NoteKind
from haven.casework.day_forms import CancelPlannedVisitForm, PlanVisitForm
from haven.casework.models import PlannedVisit
from haven.casework.views import _record, _resume_note
from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.errors import DomainError
from haven.core.forms import show_errors
from haven.core.http import AuthenticatedRequest, posted
from haven.core.models import Allocation, User
from haven.core.permissions import may_manage_team_cases
from haven.core.route_policy import Policy, policy
from haven.people.models import Person
from haven.people.views import open_person


def _sorted(request: HttpRequest, worker: User, reader: User) -> dict[str, Any]:
    """The caseload sorted as asked, with its column headers' sort links."""
    found = caseload.caseload_of(
        worker,
        reader=reader,
        today=clock.today(),
        sort=request.GET.get("sort", caseload.DEFAULT_SORT),
        descending=request.GET.get("order") == "descending",
    )
    keep = {"worker": request.GET["worker"]} if "worker" in request.GET else {}
    headers = []
    for key, (label, _how) in caseload.SORTS.items():
        current = key == found.sort
        order = "descending" if current and not found.descending else "ascending"
        query = urlencode(keep | {"sort": key, "order": order})
        aria = ""
        if current:
            aria = "descending" if found.descending else "ascending"
        headers.append({"label": label, "url": f"?{query}", "aria_sort": aria})
    return {"caseload": found, "headers": headers, "today": clock.today()}


def home_panel(request: HttpRequest) -> dict[str, Any] | None:
    """The home page's caseload, for a worker who holds one."""
    user = request.user
    if not isinstance(user, User) or not rules.may_hold_a_caseload(user):
        return None
    return _sorted(request, user, user) | {"on_home": True}


def _may_see_caseloads(user: User) -> None:
    """As the routes declare: casework, or managing a team's cases."""
    if not (rules.may_record_notes(user) or may_manage_team_cases(user)):
        raise PermissionDenied("Your role does not include a caseload")


@policy(Policy.ROLE, permission="core.record_casework or core.manage_team_cases")
def caseload_page(request: AuthenticatedRequest) -> HttpResponse:
    """A worker's caseload; a manager chooses any worker in their teams."""
    user = request.user
    _may_see_caseloads(user)
    workers = caseload.workers_for(user) if may_manage_team_cases(user) else []
    worker: User = user
    asked = request.GET.get("worker", "")
    if asked and asked != str(user.pk):
        found = next((w for w in workers if str(w.pk) == asked), None)
        if found is None:
            raise Http404("No such worker in your teams")
        worker = found
    if workers and rules.may_hold_a_caseload(user) and user not in workers:
        workers = [user, *workers]
    if worker is user and not rules.may_hold_a_caseload(user) and workers:
        worker = workers[0]
    context = _sorted(request, worker, user) | {"workers": workers, "chosen": worker}
    return render(request, "casework/caseload.html", context)


@policy(Policy.PERSON)
def record_visit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The visit note for the child, with their brothers and sisters who are
    allocated to the same worker ticked too (siblings are usually visited
    together; the worker unticks one not seen). It posts to the note form."""
    if not rules.may_record_notes(request.user):
        raise PermissionDenied("Your role does not include recording notes")
    person = open_person(request, pk, "Record a visit")
    children = selectors.children_to_record_for(request.user, person)
    others = {c.pk for c in children if c.pk != person.pk}
    mine = set(
        Allocation.objects.filter(
            person_id__in=others,
            worker=request.user,
            role=CaseRole.SOCIAL_WORKER,
            ended_on__isnull=True,
        ).values_list("person_id", flat=True)
    )
    together = [c for c in children if c.pk in mine]
    return _resume_note(request, person, children, NoteKind.VISIT, together)


# How far the calendar pages back and forward from this week: visits overdue
# are listed on this week's page, and visits are planned weeks, not months, ahead.
WEEKS_BACK = 4
WEEKS_AHEAD = 12


def _monday(request: HttpRequest) -> dt.date:
    """The first week asked for (`?from=`), within the weeks the calendar pages."""
    this_week = visit_calendar.monday_of(clock.today())
    try:
        asked = visit_calendar.monday_of(dt.date.fromisoformat(request.GET["from"]))
    except (KeyError, ValueError):
        return this_week
    earliest = this_week - dt.timedelta(weeks=WEEKS_BACK)
    return min(max(asked, earliest), this_week + dt.timedelta(weeks=WEEKS_AHEAD))


@policy(Policy.ROLE, permission="core.record_casework or core.manage_team_cases")
def visits(request: AuthenticatedRequest) -> HttpResponse:
    """The visits calendar: mine, or my team's."""
    user = request.user
    _may_see_caseloads(user)
    team = request.GET.get("who") == "team"
    workers = planning.visitors_for(user) if team else [user]
    first = _monday(request)
    week = dt.timedelta(weeks=1)
    this_week = visit_calendar.monday_of(clock.today())
    context = {
        "calendar": visit_calendar.calendar_for(
            workers, reader=user, first=first, today=clock.today()
        ),
        "team": team,
        "who": "team" if team else "mine",
        "earlier": first - week if first > this_week - week * WEEKS_BACK else None,
        "later": first + week * visit_calendar.WEEKS_SHOWN
        if first < this_week + week * WEEKS_AHEAD
        else None,
        "today": clock.today(),
        "may_plan": rules.may_record_notes(user),
    }
    return render(request, "casework/visits.html", context)


@policy(Policy.PERSON)
def plan_visit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not rules.may_record_notes(request.user):
        raise PermissionDenied("Your role does not include recording casework")
    person = open_person(request, pk, "Plan a visit")
    form = PlanVisitForm(posted(request), visitors=planning.visitors_for(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            planned = planning.plan_visit(
                person,
                on=form.cleaned_data["planned_for"],
                visitor=form.cleaned_data["visitor"],
                purpose=form.cleaned_data["purpose"],
                by=request.user,
            )
        except DomainError as err:
            show_errors(err, form)
        else:
            messages.success(
                request,
                f"Visit to {person.full_name} planned for "
                f"{planned.planned_for:%-d %B %Y}",
            )
            url = reverse("casework:visits")
            return redirect(f"{url}?from={planned.planned_for.isoformat()}")
    elif request.method != "POST":
        form.initial = {"planned_for": _suggested(request), "visitor": request.user.pk}
    return render(request, "casework/plan_visit.html", _record(person, form=form))


def _suggested(request: HttpRequest) -> dt.date:
    """The day the calendar offered (the visit's due date), if not past."""
    try:
        asked = dt.date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        return clock.today()
    return max(asked, clock.today())


@policy(Policy.OBJECT, of="casework.PlannedVisit")
def cancel_planned_visit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    planned = get_object_or_404(PlannedVisit.objects.select_related("person"), pk=pk)
    person = open_person(request, planned.person_id, "Cancel a planned visit")
    if not rules.may_record_notes(request.user):
        raise PermissionDenied("Your role does not include recording casework")
    form = CancelPlannedVisitForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            planning.cancel_planned_visit(
                planned, reason=form.cleaned_data["reason"], by=request.user
            )
        except DomainError as err:
            show_errors(err, form)
        else:
            messages.success(request, "Planned visit cancelled")
            return redirect("casework:person", pk=person.pk)
    context = _record(person, form=form, planned=planned)
    return render(request, "casework/cancel_planned_visit.html", context)


def planned_section(
    person: Person, user: User, record_ids: list[int]
) -> dict[str, Any] | None:
    """The child's page's "Visits planned" section (declared in plugin.py)."""
    planned = visit_calendar.planned_for_child(record_ids, clock.today())
    may_plan = rules.may_record_notes(user)
    if not planned and not may_plan:
        return None
    return {"person": person, "planned": planned, "may_plan": may_plan}
