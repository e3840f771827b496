from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from haven.core import clock
from haven.core.conflicts import CONFLICT_STATUS, show_conflict
from haven.core.errors import DomainError
from haven.core.forms import show_errors
from haven.core.http import AuthenticatedRequest, posted
from haven.core.models import Team
from haven.core.roles import roles_of
from haven.core.route_policy import Policy, policy
from haven.core.selectors import places_to_use, still_to_come
from haven.core.versions import StaleEdit, newest_id
from haven.timescales import overview, queue, services
from haven.timescales import permissions as may
from haven.timescales.catalogue import RULES, STATUS_WORDS, rule
from haven.timescales.forms import RuleValueForm
from haven.timescales.models import RuleSetting
from haven.timescales.registry import ACTIVE


@policy(Policy.STAFF)
def my_work(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    # A role whose work is still to come is told so, with what it can use now,
    # rather than refused: "My work" is a place every member of staff may look.
    coming = still_to_come(roles_of(user))
    context = {
        "holds_cases": may.may_hold_work(user),
        "still_to_come": coming,
        "places": places_to_use(user) if coming else [],
    }
    if context["holds_cases"]:
        context["overdue"], context["upcoming"] = queue.my_work(user)
    return render(request, "timescales/my_work.html", context)


@policy(Policy.ROLE, permission="core.manage_team_cases")
def team_work(request: AuthenticatedRequest) -> HttpResponse:
    if not may.may_see_team_work(request.user):
        raise PermissionDenied("Only managers see their teams' work")
    today = clock.today()
    teams = overview.staffed_teams(request.user)
    team = _chosen_team(request, teams)
    chosen = request.GET.get("worker", "")
    if team is None and not chosen and len(teams) > overview.TEAMS_ON_ONE_PAGE:
        rows = overview.overview(teams, today)
        return render(request, "timescales/team_overview.html", {"rows": rows})
    summaries = queue.team_view(
        request.user, today, team.pk if team else None, worker=chosen
    )
    worker = next((s for s in summaries if s.key == chosen), None)
    if worker is not None:
        children, not_named = queue.children_behind(
            request.user, worker, team.pk if team else None
        )
        context = {
            "today": today,
            "team": team,
            "summary": worker,
            "children": children,
            "not_named": not_named,
        }
        return render(request, "timescales/worker_work.html", context)
    return render(
        request,
        "timescales/team_work.html",
        {"today": today, "team": team, "summaries": summaries},
    )


def _chosen_team(request: AuthenticatedRequest, teams: list[Team]) -> Team | None:
    """The team asked for (`?team=`), if it is one of the manager's."""
    asked = request.GET.get("team", "")
    return next((t for t in teams if str(t.pk) == asked), None)


@policy(Policy.STAFF)
def rules(request: AuthenticatedRequest) -> HttpResponse:
    current: dict[str, RuleSetting] = {}
    for setting in RuleSetting.objects.filter(applies_from__lte=clock.today()):
        current.setdefault(setting.rule_id, setting)
    rows = [
        {
            "rule": r,
            "status": STATUS_WORDS[r.status],
            "live": r.id in ACTIVE,
            "met_by": _met_by_words(r.id),
            "setting": current.get(r.id),
        }
        for r in RULES
    ]
    return render(request, "timescales/rules.html", {"rows": rows})


def _met_by_words(rule_id: str) -> str:
    """The events that meet a live rule, in words: "assessment authorised"."""
    activation = ACTIVE.get(rule_id)
    if activation is None:
        return ""
    return " or ".join(e.split(".")[-1].replace("_", " ") for e in activation.met_by)


@policy(Policy.STAFF)
def rule_history(request: AuthenticatedRequest) -> HttpResponse:
    settings = RuleSetting.objects.select_related("changed_by", "approved_by")
    return render(request, "timescales/rule_history.html", {"settings": settings})


@policy(Policy.ROLE, permission="core.manage_reference_data")
def change_rule(request: AuthenticatedRequest, rule_id: str) -> HttpResponse:
    if not may.may_change_rules(request.user):
        raise PermissionDenied("Only an administrator can change a rule")
    try:
        found = rule(rule_id)
    except KeyError:
        raise Http404 from None
    if not found.configurable:
        raise Http404
    rolling = found.recurrence == "rolling"
    history = RuleSetting.objects.filter(rule_id=rule_id)
    form = RuleValueForm(
        posted(request), rolling=rolling, initial={"version": newest_id(history)}
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.set_rule_value(
                rule_id,
                deadline=form.cleaned_data["deadline"],
                interval=form.cleaned_data.get("interval", ""),
                applies_from=form.cleaned_data["applies_from"],
                reason=form.cleaned_data["reason"],
                approved_by=form.cleaned_data["approved_by"],
                by=request.user,
                seen=form.cleaned_data["version"],
            )
        except StaleEdit as stale:
            conflict = show_conflict(form, stale)
        except DomainError as refused:
            show_errors(refused, form)
        else:
            messages.success(request, f"{rule_id} changed. The history shows it.")
            return redirect("timescales:history")
    context = {
        "rule": found,
        "form": form,
        "status": STATUS_WORDS[found.status],
        "conflict": conflict,
    }
    status = CONFLICT_STATUS if conflict else 200
    return render(request, "timescales/change_rule.html", context, status=status)
