"""Writes for a child in need plan: starting it and reviewing it. Each checks
permission and access, validates, changes state and journals its event on the
child's record, in one transaction.

Journal events:
  cin.child_in_need_plan_started  {"plan", "episode", "actions", "seen_on_visit"
                                   (the child, starts CIN-VISIT)}
  cin.plan_reviewed               {"plan", "episode", "review", "decision",
                                   "attended", "next_review_on"}
  cin.child_in_need_plan_ended    {"plan", "episode", "reason", "seen_on_visit"}
"""

import datetime as dt
from collections.abc import Sequence
from typing import cast

from django.db import transaction

from haven.cin import episode_work
from haven.cin.codes import ReviewDecision
from haven.cin.models import CinEpisode, Plan, PlanAction, PlanReview
from haven.cin.rules import ActionLine, check_date, check_plan
from haven.cin.services import may_do_casework, open_locked, set_primary_need
from haven.core import clock, journal
from haven.core.errors import DomainError
from haven.core.models import User


def start_plan(
    episode: CinEpisode,
    *,
    started_on: dt.date,
    actions: Sequence[ActionLine],
    by: User,
    primary_need: str = "",
) -> Plan:
    """Start a child in need plan on the child's open episode."""
    may_do_casework(by, episode.person)
    lines = check_plan(
        episode, started_on=started_on, actions=actions, primary_need=primary_need
    )
    with transaction.atomic():
        episode = open_locked(episode)
        if primary_need:
            episode = set_primary_need(episode, primary_need, by=by)
        if not episode.primary_need:
            raise DomainError(
                "need_required",
                "Choose the child's primary need before starting a plan",
                field="primary_need",
            )
        _refuse_a_second_plan(episode, started_on)
        # Work other apps hold may rule a plan out (a child protection plan
        # running: census rule 4001).
        episode_work.check_plan_start(episode, started_on)
        plan = Plan.objects.create(
            episode=episode, started_on=started_on, created_by=by
        )
        PlanAction.objects.bulk_create(
            PlanAction(
                plan=plan,
                what_must_change=line.what_must_change.strip(),
                who=line.who.strip(),
                by_when=cast(dt.date, line.by_when),  # checked above
                if_not_met=line.if_not_met.strip(),
            )
            for line in lines
        )
        journal.append(
            episode.person,
            "cin.child_in_need_plan_started",
            {
                "plan": plan.pk,
                "episode": episode.pk,
                "actions": len(lines),
                # The child to be visited: a visit note seeing them carries
                # the same key, and meets CIN-VISIT.
                "seen_on_visit": episode.person_id,
            },
            by=by,
            occurred_at=clock.start_of(started_on),
            significant=True,
        )
    return plan


def _refuse_a_second_plan(episode: CinEpisode, started_on: dt.date) -> None:
    if episode.plans.filter(ended_on__isnull=True).exists():
        raise DomainError(
            "open_plan", "The child already has a child in need plan running"
        )
    latest = episode.plans.order_by("-ended_on").first()
    if latest and latest.ended_on and started_on <= latest.ended_on:
        raise DomainError(
            "plans_overlap",
            "A new plan must start after the last one ended "
            f"({latest.ended_on:%-d %B %Y})",
            field="started_on",
        )


def end_plan(plan: Plan, *, ended_on: dt.date, reason: str, by: User) -> Plan:
    """End the child's running plan before the episode closes: another plan
    takes its place (a child protection plan; census rule 4001 allows no child
    in need plan beside it). Its reviews and visits are no longer due."""
    person = plan.episode.person
    may_do_casework(by, person)
    check_date(
        ended_on,
        field="ended_on",
        what="the plan ended",
        not_before=plan.started_on,
        since="the plan started",
    )
    with transaction.atomic():
        open_locked(plan.episode)
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        if plan.ended_on is not None:
            raise DomainError("plan_ended", "This plan has ended")
        plan.ended_on = ended_on
        plan.save(update_fields=["ended_on"])
        journal.append(
            person,
            "cin.child_in_need_plan_ended",
            {
                "plan": plan.pk,
                "episode": plan.episode_id,
                "reason": reason,
                "seen_on_visit": person.pk,
            },
            by=by,
            occurred_at=clock.start_of(ended_on),
        )
    return plan


def review_plan(
    plan: Plan,
    *,
    held_on: dt.date,
    summary: str,
    decision: str,
    attended: str,
    childs_views: str = "",
    parents_views: str = "",
    next_review_on: dt.date | None = None,
    by: User,
) -> PlanReview:
    """Record a review of the child's plan: who attended, the child's and
    parents' views, what has changed and what next. A plan that continues has
    its next review date: by default the local review interval (CIN-REVIEW)
    from this review."""
    person = plan.episode.person
    may_do_casework(by, person)
    _check_review(plan, held_on, summary=summary, decision=decision, attended=attended)
    next_review_on = _next_review(held_on, decision, next_review_on)
    with transaction.atomic():
        # Episode before plan: the order close_episode locks them, so the two
        # cannot deadlock.
        open_locked(plan.episode)
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        if plan.ended_on is not None:
            raise DomainError("plan_ended", "This plan has ended")
        review = PlanReview.objects.create(
            plan=plan,
            held_on=held_on,
            summary=summary.strip(),
            decision=decision,
            attended=attended.strip(),
            childs_views=childs_views.strip(),
            parents_views=parents_views.strip(),
            next_review_on=next_review_on,
            recorded_by=by,
        )
        journal.append(
            person,
            "cin.plan_reviewed",
            {
                "plan": plan.pk,
                "episode": plan.episode_id,
                "review": review.pk,
                "decision": decision,
                "attended": review.attended,
                "next_review_on": next_review_on,
            },
            by=by,
            occurred_at=clock.start_of(held_on),
        )
    return review


def _check_review(
    plan: Plan, held_on: dt.date, *, summary: str, decision: str, attended: str
) -> None:
    check_date(
        held_on,
        field="held_on",
        what="of the review",
        not_before=plan.started_on,
        since="the plan started",
    )
    if not summary.strip():
        raise DomainError(
            "summary_required",
            "Say what the review found: what has changed for the child",
            field="summary",
        )
    if decision not in ReviewDecision.values:
        raise DomainError(
            "decision_required", "Choose what the review decided", field="decision"
        )
    if not attended.strip():
        raise DomainError(
            "attended_required", "Say who attended the review", field="attended"
        )


def _next_review(
    held_on: dt.date, decision: str, chosen: dt.date | None
) -> dt.date | None:
    if decision == ReviewDecision.CLOSE:
        return None
    if chosen is None:
        # No date agreed at the review: the plan page shows when the next one
        # is due from the timescales engine (CIN-REVIEW, with any local value).
        return None
    if chosen <= held_on:
        raise DomainError(
            "next_review_not_after",
            "The next review must be after this review",
            field="next_review_on",
        )
    return chosen
