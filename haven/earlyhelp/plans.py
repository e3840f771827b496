"""The family plan: its actions, each done in turn, and its reviews."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.earlyhelp.models import (
    EarlyHelpAssessment,
    EarlyHelpRequest,
    FamilyPlan,
    PlanAction,
    PlanReview,
)
from haven.earlyhelp.rules import (
    check_allocated,
    check_not_closed,
    checked_date,
    locked,
    may_work,
    record_event,
    required_text,
)


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
    may_work(by, request)
    lines = check_plan(
        request,
        started_on=started_on,
        actions=actions,
        family_agreed_by=family_agreed_by,
    )
    try:
        with transaction.atomic():
            request = locked(request)
            check_allocated(request)
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
            record_event(
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
    check_allocated(request)
    assessment = EarlyHelpAssessment.objects.filter(request=request).first()
    if assessment is None:
        raise DomainError(
            "no_assessment", "Complete the early help assessment before the plan"
        )
    _no_plan_yet(request)
    failures = Failures()
    with failures.gather():
        checked_date(
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
    may_work(by, request)
    check_not_closed(request)
    if action.done_on is not None:
        raise DomainError("action_done", "This action is already done")
    checked_date(
        done_on,
        field="done_on",
        what="it was done",
        not_before=action.plan.started_on,
        not_before_words="the plan started",
    )
    with transaction.atomic():
        check_not_closed(locked(request))
        action = PlanAction.objects.select_for_update().get(pk=action.pk)
        if action.done_on is not None:
            raise DomainError("action_done", "This action is already done")
        action.done_on = done_on
        action.save(update_fields=["done_on"])
        record_event(
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
    may_work(by, request)
    check_not_closed(request)
    last = plan.reviews.order_by("-held_on").first()
    checked_date(
        held_on,
        field="held_on",
        what="of the review",
        not_before=last.held_on if last else plan.started_on,
        not_before_words="the last review" if last else "the plan started",
    )
    progress = required_text(
        progress, field="progress", words="Describe the progress made"
    )
    with transaction.atomic():
        check_not_closed(locked(request))
        review = PlanReview.objects.create(
            plan=plan,
            held_on=held_on,
            progress=progress,
            next_steps=next_steps.strip(),
            recorded_by=by,
        )
        record_event(
            request,
            "plan_reviewed",
            {"plan": plan.pk, "review": review.pk},
            by=by,
            on=held_on,
        )
    return review
