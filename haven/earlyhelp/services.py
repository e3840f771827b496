"""Writes for early help. Each checks permission and access, validates, changes
state and journals its event on the record of each child the request covers
(as a casework note seen with siblings is), in one transaction.

Journal events (all carry "request", the request's id):
  earlyhelp.requested             {"request", "source", "contact", "team",
                                   "children"} ("children": the ids of every
                                   child the request covers)
  earlyhelp.request_allocated     {"request", "worker", "worker_id", "team",
                                   "waited_days", "alongside_social_care"}
  earlyhelp.assessment_completed  {"request", "assessment"}
  earlyhelp.plan_started          {"request", "plan", "actions"}
  earlyhelp.plan_action_done      {"request", "plan", "action", "words"}
  earlyhelp.plan_reviewed         {"request", "plan", "review"}
  earlyhelp.episode_closed        {"request", "outcome", "episode", "contact", "notes",
                                   "case"} ("case": what became of the early
                                   help worker's allocation: "returned_to_team",
                                   "allocation_ended", "stepped_up_to_team" or
                                   "unchanged"; with "case_team" when the case
                                   moved to a team)
"""

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction

from haven.core import access, clock, journal
from haven.core.errors import DomainError, Failures
from haven.core.models import Team, User
from haven.core.roles import ROLES_BY_KEY
from haven.core.selectors import current_allocation
from haven.core.services import allocate_case
from haven.earlyhelp import handoffs
from haven.earlyhelp import permissions as rules
from haven.earlyhelp.codes import ClosureOutcome, RequestSource
from haven.earlyhelp.models import (
    EarlyHelpAssessment,
    EarlyHelpRequest,
    FamilyPlan,
    PlanAction,
    PlanReview,
)
from haven.people.models import Person

if TYPE_CHECKING:
    from haven.frontdoor.models import Contact


@dataclass(frozen=True)
class ActionLine:
    """One action typed into a family plan.

    `row` is the form row it was typed in (1-based, blank rows counted) so an
    error lands beside it; 0 means its place in the list given.
    """

    action: str
    who: str
    by_when: dt.date | None
    row: int = 0

    def is_blank(self) -> bool:
        return not (self.action.strip() or self.who.strip() or self.by_when)


# --- checks -----------------------------------------------------------------


def _may_request(user: User) -> None:
    if not rules.may_request_early_help(user):
        raise DomainError(
            "not_permitted", "Your role does not include asking for early help"
        )


def _may_work(user: User, request: EarlyHelpRequest) -> None:
    """Early help workers (and managers) who can open the child's record."""
    if not rules.may_work_early_help(user):
        raise DomainError("not_permitted", "Your role does not include early help work")
    for child in request.family():
        _check_open(user, child)


def _check_open(user: User, person: Person) -> None:
    access.require_lasting_access(user, person)


def may_allocate(user: User, request: EarlyHelpRequest) -> bool:
    """Team managers, and early help workers who manage the request's team."""
    if not rules.may_work_early_help(user):
        return False
    managed = access.managed_team_ids(user)
    if request.team_id is None:
        return bool(managed)
    return request.team_id in managed


def _open(request: EarlyHelpRequest) -> None:
    if request.closed_on is not None:
        raise DomainError("request_closed", "This early help episode is closed")


def _allocated(request: EarlyHelpRequest) -> None:
    _open(request)
    if request.allocated_on is None:
        raise DomainError(
            "not_allocated",
            "The family is still waiting: a manager must allocate a worker first",
        )


def _date(
    value: dt.date | None,
    *,
    field: str,
    what: str,
    not_before: dt.date | None = None,
    not_before_words: str = "",
) -> dt.date:
    if value is None:
        raise DomainError("date_required", f"Enter the date {what}", field=field)
    if value > clock.today():
        raise DomainError(
            "date_in_future", f"The date {what} must be today or earlier", field=field
        )
    if not_before is not None and value < not_before:
        raise DomainError(
            "date_too_early",
            f"The date {what} must be on or after {not_before_words} "
            f"({not_before:%-d %B %Y})",
            field=field,
        )
    return value


def _text(value: str, *, field: str, words: str) -> str:
    if not value or not value.strip():
        raise DomainError(f"{field}_required", words, field=field)
    return value.strip()


def _event(
    request: EarlyHelpRequest,
    type: str,
    payload: dict[str, Any],
    *,
    by: User,
    on: dt.date,
    significant: bool = False,
    child: Person | None = None,
) -> None:
    """Journal the event on each child's record (or on the one child given)."""
    for person in [child] if child is not None else request.family():
        journal.append(
            person,
            f"earlyhelp.{type}",
            {"request": request.pk, **payload},
            by=by,
            occurred_at=clock.start_of(on),
            significant=significant,
        )


def _locked(request: EarlyHelpRequest) -> EarlyHelpRequest:
    """The request as it is now, locked until the transaction ends.

    Each write checks the request's state again on this copy: a second submit of
    the same form (or a colleague's change) may have landed since the caller
    read it, and must be refused in words rather than written twice.
    """
    return EarlyHelpRequest.objects.select_for_update().get(pk=request.pk)


# --- the request and the queue ------------------------------------------------


def early_help_team(by: User) -> Team | None:
    """The team whose queue a new request joins.

    An early help worker's own team; otherwise the team of the first active early
    help worker (a council usually has one early help hub taking requests).
    """
    if rules.may_take_requests(by) and by.team is not None:
        return by.team
    group = Group.objects.filter(name=ROLES_BY_KEY["early_help_worker"].name).first()
    if group is None:
        return None
    return (
        Team.objects.filter(members__groups=group, members__is_active=True)
        .order_by("name")
        .first()
    )


def request_early_help(
    person: Person,
    *,
    requested_on: dt.date,
    reason: str,
    source: str,
    contact_id: int | None,
    by: User,
    team: Team | None = None,
    siblings: Sequence[Person] = (),
) -> EarlyHelpRequest:
    """Put the family in the early help team's queue, where its wait is visible.

    `siblings`: the child's brothers and sisters the same help is for (see
    haven.earlyhelp.family); one request, assessment and plan covers them all.
    """
    _may_request(by)
    children = _family(person, siblings)
    for child in children:
        _check_open(by, child)
    if source not in RequestSource.values:
        raise DomainError("bad_source", "Choose where the request came from", "source")
    _date(requested_on, field="requested_on", what="of the request")
    reason = _text(reason, field="reason", words="Say what the family needs help with")
    for child in children:
        if EarlyHelpRequest.objects.filter(
            children=child, closed_on__isnull=True
        ).exists():
            raise DomainError(
                "open_request",
                f"{child} already has an open early help request",
                field="siblings" if child != person else "",
            )
    with transaction.atomic():
        request = EarlyHelpRequest.objects.create(
            person=person,
            requested_on=requested_on,
            reason=reason,
            source=source,
            contact_id=contact_id,
            team=team or early_help_team(by),
            created_at=clock.now(),
            created_by=by,
        )
        request.children.set(children)
        _event(
            request,
            "requested",
            {
                "source": source,
                "contact": contact_id,
                "team": request.team.name if request.team else None,
                "reason": reason,
                "children": [child.pk for child in children],
            },
            by=by,
            on=requested_on,
        )
    return request


def _family(person: Person, siblings: Sequence[Person]) -> list[Person]:
    """The child and the siblings named, each once; refused if one named is not
    the child's brother or sister in the register."""
    from haven.earlyhelp.family import siblings_of

    named = {s.pk: s for s in siblings if s.pk != person.pk}
    known = set(siblings_of(person).filter(pk__in=named).values_list("pk", flat=True))
    strangers = [str(named[pk]) for pk in named if pk not in known]
    if strangers:
        raise DomainError(
            "not_a_sibling",
            f"{', '.join(strangers)} is not recorded as {person}'s brother or "
            "sister, or in the same household",
            field="siblings",
        )
    return [person, *named.values()]


def allocate_request(
    request: EarlyHelpRequest,
    *,
    worker: User,
    on: dt.date | None = None,
    by: User,
) -> EarlyHelpRequest:
    """A manager gives a waiting family to a worker; the case is allocated to them.

    A child in an open children in need episode stays allocated to their social
    worker: early help works alongside social care, and the early help worker
    reads the record through the "Early help: open request" relationship.
    """
    if not may_allocate(by, request):
        raise DomainError(
            "not_permitted", "Only the early help team's managers can allocate"
        )
    for child in request.family():
        _check_open(by, child)
    _open(request)
    on = _date(
        on or clock.today(),
        field="on",
        what="of allocation",
        not_before=request.requested_on,
        not_before_words="the date of the request",
    )
    if not worker.is_active or worker.team_id is None:
        raise DomainError("bad_worker", "Choose a worker in a team", field="worker")
    if worker.team_id not in access.managed_team_ids(by):
        raise DomainError(
            "worker_not_in_team", f"{worker} is not in a team you manage", "worker"
        )
    if request.allocated_worker_id == worker.pk:
        raise DomainError(
            "already_allocated", f"The family is already with {worker}", "worker"
        )

    with transaction.atomic():
        request = _locked(request)
        _open(request)
        if request.allocated_worker_id == worker.pk:
            raise DomainError(
                "already_allocated", f"The family is already with {worker}", "worker"
            )
        first = request.allocated_on is None
        request.allocated_on = on if first else request.allocated_on
        request.allocated_worker = worker
        if request.team_id is None:
            request.team = worker.team
        request.save(update_fields=["allocated_on", "allocated_worker", "team"])
        for child in request.family():
            _allocate_child(request, child, worker=worker, on=on, by=by)
    return request


def _allocate_child(
    request: EarlyHelpRequest, child: Person, *, worker: User, on: dt.date, by: User
) -> None:
    """Each child's case goes to the worker, unless social care holds it."""
    from haven.cin.selectors import open_episode

    assert worker.team is not None
    alongside = open_episode(child) is not None
    if not alongside:
        allocate_case(
            child,
            team=worker.team,
            worker=worker,
            on=handoffs.case_moves_on(child, on),
            reason=handoffs.EARLY_HELP_REASON,
            by=by,
        )
    _event(
        request,
        "request_allocated",
        {
            "worker": str(worker),
            "worker_id": worker.pk,
            "team": worker.team.name,
            "waited_days": (on - request.requested_on).days,
            "alongside_social_care": alongside,
        },
        by=by,
        on=on,
        child=child,
    )


# --- the episode --------------------------------------------------------------


def complete_assessment(
    request: EarlyHelpRequest,
    *,
    strengths: str,
    needs: str,
    analysis: str,
    family_view: str = "",
    child_view: str = "",
    started_on: dt.date | None = None,
    completed_on: dt.date,
    family_agreed_on: dt.date | None = None,
    family_agreed_by: str = "",
    by: User,
) -> EarlyHelpAssessment:
    """Record the assessment, which the family must have agreed to: early help
    is voluntary."""
    _may_work(by, request)
    _allocated(request)
    _no_assessment_yet(request)
    assert request.allocated_on is not None
    started_on = started_on or request.allocated_on
    _date(
        started_on,
        field="started_on",
        what="the assessment started",
        not_before=request.requested_on,
        not_before_words="the date of the request",
    )
    _date(
        completed_on,
        field="completed_on",
        what="the assessment was completed",
        not_before=started_on,
        not_before_words="the date it started",
    )
    # The agreement and the words are checked together, every failure named.
    failures = Failures()
    with failures.gather():
        family_agreed_by = _agreement(
            request, family_agreed_on, family_agreed_by, before=completed_on
        )
    with failures.gather():
        strengths = _text(strengths, field="strengths", words="Describe the strengths")
    with failures.gather():
        needs = _text(needs, field="needs", words="Describe the family's needs")
    with failures.gather():
        analysis = _text(analysis, field="analysis", words="Give your analysis")
    failures.raise_any()
    try:
        with transaction.atomic():
            request = _locked(request)
            _allocated(request)
            _no_assessment_yet(request)
            assessment = EarlyHelpAssessment.objects.create(
                request=request,
                strengths=strengths,
                needs=needs,
                family_view=family_view.strip(),
                child_view=child_view.strip(),
                analysis=analysis,
                started_on=started_on,
                completed_on=completed_on,
                family_agreed_on=family_agreed_on,
                family_agreed_by=family_agreed_by,
                completed_by=by,
            )
            _event(
                request,
                "assessment_completed",
                {
                    "assessment": assessment.pk,
                    "started_on": started_on,
                    "family_agreed_on": family_agreed_on,
                    "family_agreed_by": family_agreed_by,
                },
                by=by,
                on=completed_on,
            )
    except IntegrityError:
        # Saved at the same moment by another submit: the database kept one.
        _no_assessment_yet(request)
        raise
    return assessment


def _agreement(
    request: EarlyHelpRequest,
    agreed_on: dt.date | None,
    agreed_by: str,
    *,
    before: dt.date,
) -> str:
    """The family's agreement to the assessment: both facts, named at once."""
    failures = Failures()
    with failures.gather():
        if agreed_on is None:
            raise DomainError(
                "agreement_required",
                "Early help is voluntary: enter the date the family agreed to the "
                "assessment",
                field="family_agreed_on",
            )
        _date(
            agreed_on,
            field="family_agreed_on",
            what="the family agreed",
            not_before=request.requested_on,
            not_before_words="the date of the request",
        )
        if agreed_on > before:
            raise DomainError(
                "agreed_after_assessment",
                "The date the family agreed must be on or before the assessment "
                "was completed",
                field="family_agreed_on",
            )
    with failures.gather():
        agreed_by = _text(
            agreed_by,
            field="family_agreed_by",
            words="Early help is voluntary: enter who in the family agreed to the "
            "assessment",
        )
    failures.raise_any()
    return agreed_by


def _no_assessment_yet(request: EarlyHelpRequest) -> None:
    if EarlyHelpAssessment.objects.filter(request=request).exists():
        raise DomainError(
            "assessment_done", "The early help assessment is already complete"
        )


def start_plan(
    request: EarlyHelpRequest,
    *,
    started_on: dt.date,
    actions: Sequence[ActionLine],
    family_agreed_by: str = "",
    by: User,
) -> FamilyPlan:
    """Agree a family plan: who will do what by when, agreed with the family on
    the day it starts (early help is voluntary)."""
    _may_work(by, request)
    lines = check_plan(
        request,
        started_on=started_on,
        actions=actions,
        family_agreed_by=family_agreed_by,
    )
    try:
        with transaction.atomic():
            request = _locked(request)
            _allocated(request)
            _no_plan_yet(request)
            plan = FamilyPlan.objects.create(
                request=request,
                started_on=started_on,
                family_agreed_by=family_agreed_by.strip(),
                created_by=by,
            )
            PlanAction.objects.bulk_create(
                PlanAction(
                    plan=plan,
                    action=action,
                    who=who,
                    by_when=by_when,
                    owner=request.allocated_worker,
                )
                for action, who, by_when in lines
            )
            _event(
                request,
                "plan_started",
                {
                    "plan": plan.pk,
                    "actions": len(lines),
                    "family_agreed_by": family_agreed_by.strip(),
                },
                by=by,
                on=started_on,
            )
    except IntegrityError:
        # Saved at the same moment by another submit: the database kept one.
        _no_plan_yet(request)
        raise
    return plan


def _no_plan_yet(request: EarlyHelpRequest) -> None:
    if FamilyPlan.objects.filter(request=request).exists():
        raise DomainError("plan_exists", "The family already has a plan")


def check_plan(
    request: EarlyHelpRequest,
    *,
    started_on: dt.date | None,
    actions: Sequence[ActionLine],
    family_agreed_by: str = "",
) -> list[tuple[str, str, dt.date]]:
    """Refuse a family plan the family cannot have yet, or one missing any fact,
    naming every missing fact with its action. Returns (action, who, by when) for
    each action typed."""
    _allocated(request)
    assessment = EarlyHelpAssessment.objects.filter(request=request).first()
    if assessment is None:
        raise DomainError(
            "no_assessment", "Complete the early help assessment before the plan"
        )
    _no_plan_yet(request)
    failures = Failures()
    with failures.gather():
        _date(
            started_on,
            field="started_on",
            what="the plan started",
            not_before=assessment.completed_on,
            not_before_words="the assessment's completion",
        )
    if not family_agreed_by.strip():
        failures.add(
            "agreement_required",
            "Early help is voluntary: enter who in the family agreed to the plan",
            field="family_agreed_by",
        )
    lines = _plan_lines(actions, started_on, failures)
    failures.raise_any()
    return lines


def _plan_lines(
    actions: Sequence[ActionLine], started_on: dt.date | None, failures: Failures
) -> list[tuple[str, str, dt.date]]:
    """The actions typed, each checked; errors name the row the action is on.

    A row with only a who or a date is an error, never silently dropped: the
    worker meant something by it. Returns (action, who, by when) for each.
    """
    lines: list[tuple[str, str, dt.date]] = []
    for place, line in enumerate(actions, start=1):
        if line.is_blank():
            continue
        row = line.row or place
        action, who = line.action.strip(), line.who.strip()
        if not action:
            failures.add(
                "action_required",
                f"Action {row}: enter what will be done",
                field=f"action_{row}",
            )
        if not who:
            failures.add(
                "who_required",
                f"Action {row}: enter who will do it",
                field=f"who_{row}",
            )
        if line.by_when is None:
            failures.add(
                "action_date",
                f"Action {row}: enter the date it is due by",
                field=f"by_when_{row}",
            )
        elif started_on is not None and line.by_when < started_on:
            failures.add(
                "action_date",
                f"Action {row}: the date it is due by must be on or after the plan "
                "starts",
                field=f"by_when_{row}",
            )
        elif action and who:
            lines.append((action, who, line.by_when))
    if not lines and not failures:
        failures.add(
            "no_actions", "Give at least one action for the plan", field="action_1"
        )
    return lines


def complete_action(action: PlanAction, *, done_on: dt.date, by: User) -> PlanAction:
    request = action.plan.request
    _may_work(by, request)
    _open(request)
    if action.done_on is not None:
        raise DomainError("action_done", "This action is already done")
    _date(
        done_on,
        field="done_on",
        what="it was done",
        not_before=action.plan.started_on,
        not_before_words="the plan started",
    )
    with transaction.atomic():
        _open(_locked(request))
        action = PlanAction.objects.select_for_update().get(pk=action.pk)
        if action.done_on is not None:
            raise DomainError("action_done", "This action is already done")
        action.done_on = done_on
        action.save(update_fields=["done_on"])
        _event(
            request,
            "plan_action_done",
            {"plan": action.plan_id, "action": action.pk, "words": action.action},
            by=by,
            on=done_on,
        )
    return action


def review_plan(
    plan: FamilyPlan,
    *,
    held_on: dt.date,
    progress: str,
    next_steps: str = "",
    by: User,
) -> PlanReview:
    request = plan.request
    _may_work(by, request)
    _open(request)
    last = plan.reviews.order_by("-held_on").first()
    _date(
        held_on,
        field="held_on",
        what="of the review",
        not_before=last.held_on if last else plan.started_on,
        not_before_words="the last review" if last else "the plan started",
    )
    progress = _text(progress, field="progress", words="Describe the progress made")
    with transaction.atomic():
        _open(_locked(request))
        review = PlanReview.objects.create(
            plan=plan,
            held_on=held_on,
            progress=progress,
            next_steps=next_steps.strip(),
            recorded_by=by,
        )
        _event(
            request,
            "plan_reviewed",
            {"plan": plan.pk, "review": review.pk},
            by=by,
            on=held_on,
        )
    return review


def _close(
    request: EarlyHelpRequest,
    *,
    closed_on: dt.date,
    outcome: str,
    notes: str,
    episode_id: int | None,
    by: User,
    hand_over: Callable[..., dict[str, Any]],
    contact_id: int | None = None,
) -> EarlyHelpRequest:
    request = _locked(request)
    _open(request)
    request.closed_on = closed_on
    request.outcome = outcome
    request.closure_notes = notes
    request.cin_episode_id = episode_id
    request.stepped_up_contact_id = contact_id
    request.save(
        update_fields=[
            "closed_on",
            "outcome",
            "closure_notes",
            "cin_episode_id",
            "stepped_up_contact_id",
        ]
    )
    PlanAction.objects.filter(plan__request=request, done_on__isnull=True).update(
        owner=None
    )
    for child in request.family():
        # Each child's case is handed on by itself: siblings may be held apart.
        case = hand_over(request, child, on=closed_on, by=by)
        _event(
            request,
            "episode_closed",
            {
                "outcome": outcome,
                "episode": episode_id,
                "contact": contact_id,
                "notes": notes,
                **case,
            },
            by=by,
            on=closed_on,
            significant=True,
            child=child,
        )
    return request


def _closure_date(request: EarlyHelpRequest, closed_on: dt.date | None) -> dt.date:
    return _date(
        closed_on,
        field="closed_on",
        what="of closure",
        not_before=request.allocated_on or request.requested_on,
        not_before_words="the date of allocation"
        if request.allocated_on
        else "the date of the request",
    )


def close_episode(
    request: EarlyHelpRequest,
    *,
    closed_on: dt.date,
    outcome: str,
    notes: str = "",
    by: User,
) -> EarlyHelpRequest:
    """End early help with its outcome. A waiting family can be closed too
    (declined, moved away) so the queue shows only families still waiting.

    If early help's worker still holds the child's case, it goes back to the
    team that held it before early help, or the allocation ends.
    """
    _may_work(by, request)
    _open(request)
    if outcome == ClosureOutcome.STEP_UP:
        raise DomainError(
            "use_step_up",
            "To step up to social care, use 'Step up to social care' so a referral "
            "is made",
            field="outcome",
        )
    if outcome not in ClosureOutcome.values:
        raise DomainError("outcome_required", "Choose the outcome", field="outcome")
    if outcome == ClosureOutcome.OTHER and not notes.strip():
        raise DomainError("notes_required", "Say why early help ended", field="notes")
    _closure_date(request, closed_on)
    with transaction.atomic():
        return _close(
            request,
            closed_on=closed_on,
            outcome=outcome,
            notes=notes.strip(),
            episode_id=None,
            by=by,
            hand_over=handoffs.hand_back_case,
        )


def step_up(
    request: EarlyHelpRequest,
    *,
    reason: str,
    consent: str,
    consent_reason: str = "",
    on: dt.date | None = None,
    by: User,
) -> "Contact":
    """Close early help with outcome "step up" and send the child to the front
    door: a contact from early help (CIN census source 5D), with the lead
    practitioner as referrer and the reason as its concerns, decided like any
    other within one working day. Both happen or neither.

    The case passes to a social care team, held by the team until its manager
    allocates a worker: never left with the early help worker, who cannot do
    social care's work.
    """
    _may_work(by, request)
    _open(request)
    reason = _text(
        reason, field="reason", words="Say why the child needs social care now"
    )
    on = _closure_date(request, on or clock.today())
    with transaction.atomic():
        # Read again: the lead practitioner may have changed since the page.
        request = _locked(request)
        _open(request)
        details = _referrer(request, by=by) | {
            "received_at": clock.now() if on == clock.today() else clock.start_of(on),
            "concerns": reason,
            "consent": consent,
            "consent_reason": consent_reason,
        }
        # Each child goes to the front door (a contact each, as the front door
        # records a step up) and each child's case to social care.
        cases: dict[int, dict[str, Any]] = {}
        contacts = []
        for child in request.family():
            contact, case = _step_up_child(request, child, details, on=on, by=by)
            contacts.append(contact)
            cases[child.pk] = {"contact": contact.pk, **case}
        _close(
            request,
            closed_on=on,
            outcome=ClosureOutcome.STEP_UP,
            notes=reason,
            episode_id=None,
            contact_id=contacts[0].pk,
            by=by,
            hand_over=lambda _request, child, **_kwargs: cases[child.pk],
        )
    return contacts[0]


def _referrer(request: EarlyHelpRequest, *, by: User) -> dict[str, str]:
    """The lead practitioner recorded for the family, else the worker."""
    lead = request.allocated_worker or by
    return {
        "referrer_name": request.lead_name
        or lead.get_full_name()
        or lead.get_username(),
        "referrer_role": request.lead_role or "Early help lead practitioner",
        "referrer_organisation": request.lead_organisation
        or (request.team.name if request.team else ""),
    }


def _step_up_child(
    request: EarlyHelpRequest,
    child: Person,
    details: dict[str, Any],
    *,
    on: dt.date,
    by: User,
) -> tuple["Contact", dict[str, Any]]:
    """The child's contact, and what it did with the child's case."""
    from haven.cin.handoffs import hold_for_social_care
    from haven.frontdoor.services import record_step_up

    held = current_allocation(child)
    contact = record_step_up(child, details, by=by)
    # To the social care team that held the case before early help if there
    # was one, else where referrals arrive (haven.cin.handoffs).
    hold_for_social_care(
        child,
        on=on,
        team=handoffs.social_care_team_before(request, child),
        by=by,
    )
    return contact, handoffs.case_after_referral(held, current_allocation(child))
