"""Pages for a child's children in need episodes: the overview, starting and
reviewing a plan, and closing the episode."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from haven.cin import episode_work, plans, selectors, services
from haven.cin.codes import ClosureReason, ReviewDecision
from haven.cin.forms import ActionFormSet, CloseEpisodeForm, ReviewForm, StartPlanForm
from haven.cin.models import CinEpisode, Plan
from haven.cin.permissions import may_record_cin
from haven.cin.rules import ActionLine, check_plan
from haven.cin.sections import sections_for
from haven.core.errors import AccessDenied, DomainError
from haven.core.forms import show_errors
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.frontdoor.codes import ReferralSource
from haven.people import selectors as people
from haven.people.models import Person
from haven.people.views import open_person
from haven.timescales.catalogue import rule

PLAN_GUIDANCE = (
    "A child in need plan sets out what must change for the child, who will do "
    "what, by when, and what will happen if things do not change. Plans are "
    "reviewed regularly."
)
PLAN_SOURCE = "Working Together to Safeguard Children 2023, chapter 3"
CLOSURE_SOURCE = (
    "DfE children in need census: ReasonForClosure (RC1 to RC9). RC8 and RC9 are "
    "only for an episode closed after an authorised assessment"
)


def _context(person: Person, **extra: object) -> dict[str, object]:
    return {"person": person, "bar": people.identity_bar(person), "tab": "cin", **extra}


def _may_record(request: AuthenticatedRequest) -> None:
    if not may_record_cin(request.user):
        raise PermissionDenied("Your role does not include casework")


def _source_words(code: str) -> str:
    try:
        return str(ReferralSource(code).label)
    except ValueError:
        return code  # a code from before the list changed: show it as it is


@policy(Policy.PERSON)
def person_overview(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The child's children in need episodes, newest first."""
    person = open_person(request, pk, "Children in need")
    episodes = list(selectors.episodes_of(person))
    rows = [
        {
            "episode": e,
            "source": _source_words(e.source),
            "sections": sections_for(e, request.user),
            "plans": list(e.plans.all()),
            "worked": episode_work.work_recorded(e),
        }
        for e in episodes
    ]
    return render(
        request,
        "cin/person.html",
        _context(
            person,
            rows=rows,
            may_record=may_record_cin(request.user),
        ),
    )


@policy(Policy.OBJECT, of="cin.CinEpisode")
def start_plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    episode = get_object_or_404(CinEpisode, pk=pk)
    person = open_person(request, episode.person_id, "Start a child in need plan")
    _may_record(request)
    form = StartPlanForm(initial={"primary_need": episode.primary_need})
    formset = ActionFormSet(prefix="actions")
    if request.method == "POST":
        form = StartPlanForm(request.POST)
        formset = ActionFormSet(request.POST, prefix="actions")
        valid = form.is_valid() & formset.is_valid()
        lines = [_action_line(f) for f in formset.forms]
        try:
            if not valid:
                # The plan's rules on what could be read, shown with the form's
                # own errors, so every fault is reported on this submit.
                check_plan(
                    episode,
                    started_on=form.cleaned_data.get("started_on"),
                    actions=lines,
                    primary_need=form.cleaned_data.get("primary_need", ""),
                )
            else:
                plan = plans.start_plan(
                    episode,
                    started_on=form.cleaned_data["started_on"],
                    actions=lines,
                    primary_need=form.cleaned_data["primary_need"],
                    by=request.user,
                )
                messages.success(request, "Child in need plan started")
                return redirect("cin:plan", pk=plan.pk)
        except DomainError as err:
            show_errors(err, form, actions=formset.forms)
    context = _context(
        person,
        episode=episode,
        form=form,
        formset=formset,
        guidance=PLAN_GUIDANCE,
        source=PLAN_SOURCE,
    )
    return render(request, "cin/start_plan.html", context)


def _action_line(form: forms.Form) -> ActionLine:
    data = form.cleaned_data
    return ActionLine(
        what_must_change=data.get("what_must_change") or "",
        who=data.get("who") or "",
        by_when=data.get("by_when"),
        if_not_met=data.get("if_not_met") or "",
    )


@policy(Policy.OBJECT, of="cin.Plan")
def plan_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    try:
        plan = selectors.plan_for(
            request.user, pk, what="Child in need plan", route=request.path
        )
    except AccessDenied as denied:
        raise PermissionDenied(denied.message) from None
    except (Plan.DoesNotExist, Person.DoesNotExist):
        raise Http404 from None
    person = plan.episode.person
    form = ReviewForm()
    if request.method == "POST":
        _may_record(request)
        form = ReviewForm(request.POST)
        if form.is_valid():
            try:
                plans.review_plan(
                    plan,
                    held_on=form.cleaned_data["held_on"],
                    summary=form.cleaned_data["summary"],
                    decision=form.cleaned_data["decision"],
                    attended=form.cleaned_data["attended"],
                    childs_views=form.cleaned_data["childs_views"],
                    parents_views=form.cleaned_data["parents_views"],
                    next_review_on=form.cleaned_data["next_review_on"],
                    by=request.user,
                )
                if form.cleaned_data["decision"] == ReviewDecision.CLOSE:
                    messages.success(
                        request,
                        "Review recorded. The review decided to end the plan: "
                        "close the episode now",
                    )
                    return redirect("cin:close", pk=plan.episode_id)
                messages.success(request, "Review recorded")
                return redirect("cin:plan", pk=pk)
            except DomainError as err:
                show_errors(err, form)
    review_rule = rule("CIN-REVIEW")
    context = _context(
        person,
        plan=plan,
        episode=plan.episode,
        form=form,
        next_review=selectors.next_review_due(plan) if plan.ended_on is None else None,
        may_record=may_record_cin(request.user) and plan.ended_on is None,
        guidance=review_rule.description,
        source=review_rule.source,
    )
    return render(request, "cin/plan.html", context)


@policy(Policy.OBJECT, of="cin.CinEpisode")
def close_episode(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    episode = get_object_or_404(CinEpisode, pk=pk)
    person = open_person(request, episode.person_id, "Close a child in need episode")
    _may_record(request)
    if episode.closed_on is not None:
        return redirect("cin:person", pk=person.pk)
    proposed = selectors.proposed_closure(episode)
    form = CloseEpisodeForm(initial={"reason": proposed})
    if request.method == "POST":
        form = CloseEpisodeForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.close_episode(
                    episode,
                    closed_on=data["closed_on"],
                    reason=data["reason"],
                    summary=data["summary"],
                    step_down=data["step_down"],
                    by=request.user,
                )
                messages.success(request, "Child in need episode closed")
                return redirect("cin:person", pk=person.pk)
            except DomainError as err:
                show_errors(err, form)
    context = _context(
        person,
        episode=episode,
        form=form,
        source=CLOSURE_SOURCE,
        local_plan_rule=settings.HAVEN_REFUSE_CLOSING_AFTER_ASSESSMENT_WITH_PLAN,
        proposed=ClosureReason(proposed).label if proposed else "",
        # Nothing recorded on the episode yet: closing makes it ReferralNFA.
        nfa=not (episode.plans.exists() or episode_work.work_recorded(episode)),
    )
    return render(request, "cin/close.html", context)
