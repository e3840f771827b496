"""Writes for children in need episodes: referral, primary need, plans, reviews
and closure. Each checks permission and access, validates, changes state and
journals its event on the child's record, in one transaction.

Journal events:
  frontdoor.referral_received     {"episode", "contact", "source",
                                   "re_referral", "strategy_discussion"}
  assessments.assessment_started  {"assessment", "episode", "referral_date" (the
                                   episode's first)} (starts ASSESS-CF)
  cin.primary_need_set            {"episode", "need"}
  cin.child_in_need_plan_started  {"plan", "episode", "actions", "seen_on_visit"
                                   (the child, starts CIN-VISIT)}
  cin.plan_reviewed               {"plan", "episode", "review", "decision",
                                   "attended", "next_review_on"}
  cin.episode_closed              {"episode", "reason", "ended_plan", "step_down",
                                   "existing_early_help_request", "referral_nfa"}
"""

import datetime as dt
from collections.abc import Sequence
from typing import cast

from django.db import IntegrityError, transaction

from haven.assessments.codes import Status
from haven.assessments.models import Assessment
from haven.cin import handoffs, selectors
from haven.cin.codes import AFTER_ASSESSMENT, ClosureReason, NeedCode, ReviewDecision
from haven.cin.models import CinEpisode, Plan, PlanAction, PlanReview
from haven.cin.permissions import may_record_cin
from haven.cin.rules import (
    ActionLine,
    check_assessments_finished,
    check_closed_after_assessment,
    check_closing_date,
    check_date,
    check_plan,
)
from haven.core import access, clock, journal
from haven.core.errors import DomainError
from haven.core.models import Team, User
from haven.core.roles import records_about_children
from haven.frontdoor.codes import ReferralSource
from haven.people.models import Person
from haven.people.selectors import record_ids

# --- checks -----------------------------------------------------------------


def _check_open(user: User, person: Person) -> None:
    access.require_lasting_access(user, person)


def _may_do_casework(user: User, person: Person) -> None:
    if not may_record_cin(user):
        raise DomainError("not_permitted", "Your role does not include casework")
    _check_open(user, person)


def _open(episode: CinEpisode) -> CinEpisode:
    """The episode, locked, refusing a closed one."""
    episode = CinEpisode.objects.select_for_update().get(pk=episode.pk)
    if episode.closed_on is not None:
        raise DomainError("episode_closed", "This child in need episode is closed")
    return episode


# --- referral ---------------------------------------------------------------


def open_referral(
    person: Person,
    *,
    received_on: dt.date,
    source: str,
    contact_id: int | None,
    by: User,
    strategy_discussion: bool = False,
    team: Team | None = None,
    assessment_from: dt.date | None = None,
) -> CinEpisode:
    """Open the child's CIN episode at the point of referral.

    A referral may end in no further action (Working Together 2023), so it
    starts no assessment unless asked: `assessment_from` starts one on that date
    (a front door decision to refer for assessment); otherwise the worker starts
    it with start_assessment.

    If no social care team holds the child's case, it goes to `team` (or the
    team where referrals arrive) to allocate: see handoffs.hold_for_social_care.
    """
    if not records_about_children(by):
        raise DomainError("not_permitted", "Your role does not include referrals")
    _check_open(by, person)
    _check_referral(received_on, source)
    try:
        with transaction.atomic():
            Person.objects.select_for_update().filter(pk=person.pk).exists()
            _refuse_second_episode(person)
            _refuse_overlap(person, received_on)
            previous = selectors.previous_referral_within(person, received_on)
            episode = CinEpisode.objects.create(
                person=person,
                referral_date=received_on,
                source=source,
                contact_id=contact_id,
                re_referral=previous is not None,
                strategy_discussion=strategy_discussion,
            )
            journal.append(
                person,
                "frontdoor.referral_received",
                {
                    "episode": episode.pk,
                    "contact": contact_id,
                    "source": source,
                    "re_referral": episode.re_referral,
                    "strategy_discussion": strategy_discussion,
                },
                by=by,
                occurred_at=clock.start_of(received_on),
                significant=True,
            )
            handoffs.hold_for_social_care(person, on=received_on, team=team, by=by)
            if assessment_from is not None:
                _begin_assessment(episode, started_on=assessment_from, by=by)
    except IntegrityError:
        # Someone opened an episode at the same moment: the constraint caught it.
        _refuse_second_episode(person)
        raise
    return episode


def _check_referral(received_on: dt.date, source: str) -> None:
    if received_on > clock.today():
        raise DomainError(
            "date_in_future",
            "The date the referral was received must be today or earlier",
            field="received_on",
        )
    if source not in ReferralSource.values:
        raise DomainError("bad_source", "Choose who made the referral", field="source")


def _refuse_second_episode(person: Person) -> None:
    current = selectors.open_episode(person)
    if current is not None:
        raise DomainError(
            "open_episode",
            f"{person} already has an open child in need episode (referred on "
            f"{current.referral_date:%-d %B %Y}). Record this on that episode, or "
            "close it first",
        )


def _refuse_overlap(person: Person, received_on: dt.date) -> None:
    """Refuse a referral received while an episode, since closed, was open: the
    two episodes would overlap (CIN census rule 8820). Such a contact, decided
    after the episode closed, cannot be passed to it either."""
    earlier = (
        CinEpisode.objects.filter(
            person_id__in=record_ids(person),
            referral_date__lte=received_on,
            # A referral on the day an episode closed follows it: the same
            # day is not counted as open, or a child could not be re-referred
            # on the day work with them ended.
            closed_on__gt=received_on,
        )
        .order_by("-closed_on")
        .first()
    )
    if earlier is not None:
        assert earlier.closed_on is not None
        raise DomainError(
            "overlaps_closed_episode",
            f"This was received on {received_on:%-d %B %Y}, while {person}'s "
            f"child in need episode (referred on {earlier.referral_date:%-d %B %Y}) "
            f"was still open: it closed on {earlier.closed_on:%-d %B %Y}. A "
            "referral from it would overlap that episode, so it cannot open a new "
            f"one. Choose another decision, or if {person} needs children's social "
            "care now, record a new contact with today's date",
        )


# --- assessment -------------------------------------------------------------


def start_assessment(
    episode: CinEpisode, *, started_on: dt.date, by: User
) -> Assessment:
    """Start a single assessment on the child's open episode, from its actual
    start date (CIN census AssessmentActualStartDate): this starts its 45
    working day clock (ASSESS-CF). An episode may hold several assessments, one
    unfinished at a time (census rule 8896)."""
    _may_do_casework(by, episode.person)
    with transaction.atomic():
        episode = _open(episode)
        return _begin_assessment(episode, started_on=started_on, by=by)


def _begin_assessment(
    episode: CinEpisode, *, started_on: dt.date, by: User
) -> Assessment:
    check_date(
        started_on,
        field="started_on",
        what="the assessment started",
        not_before=episode.referral_date,
        since="the referral",
    )
    if episode.assessments.exclude(status=Status.AUTHORISED).exists():
        raise DomainError(
            "assessment_unfinished",
            "The child already has an assessment under way: finish it before "
            "starting another",
        )
    first = not episode.assessments.exists()
    assessment = Assessment.objects.create(
        episode=episode, person=episode.person, started_on=started_on
    )
    started: dict[str, object] = {"assessment": assessment.pk, "episode": episode.pk}
    if first:
        # The episode's first assessment is due 45 working days from the
        # referral (Working Together 2023), however late it started; a later
        # one counts from its own start (ASSESS-CF's `counted_from`).
        started["referral_date"] = episode.referral_date.isoformat()
    journal.append(
        episode.person,
        "assessments.assessment_started",
        started,
        by=by,
        occurred_at=clock.start_of(started_on),
        significant=True,
    )
    return assessment


# --- primary need -----------------------------------------------------------


def set_primary_need(episode: CinEpisode, need: str, *, by: User) -> CinEpisode:
    """Record the main reason the child is in need (CIN census PrimaryNeedCode)."""
    _may_do_casework(by, episode.person)
    if need not in NeedCode.values:
        raise DomainError(
            "need_required", "Choose the child's primary need", field="primary_need"
        )
    with transaction.atomic():
        episode = _open(episode)
        if episode.primary_need == need:
            return episode
        episode.primary_need = need
        episode.save(update_fields=["primary_need"])
        journal.append(
            episode.person,
            "cin.primary_need_set",
            {"episode": episode.pk, "need": need},
            by=by,
        )
    return episode


# --- plans ------------------------------------------------------------------


def start_plan(
    episode: CinEpisode,
    *,
    started_on: dt.date,
    actions: Sequence[ActionLine],
    by: User,
    primary_need: str = "",
) -> Plan:
    """Start a child in need plan on the child's open episode."""
    _may_do_casework(by, episode.person)
    lines = check_plan(
        episode, started_on=started_on, actions=actions, primary_need=primary_need
    )
    with transaction.atomic():
        episode = _open(episode)
        if primary_need:
            episode = set_primary_need(episode, primary_need, by=by)
        if not episode.primary_need:
            raise DomainError(
                "need_required",
                "Choose the child's primary need before starting a plan",
                field="primary_need",
            )
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
    _may_do_casework(by, person)
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
    next_review_on = _next_review(held_on, decision, next_review_on)
    with transaction.atomic():
        # Episode before plan: the order close_episode locks them, so the two
        # cannot deadlock.
        _open(plan.episode)
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


# --- closure ----------------------------------------------------------------


def close_episode(
    episode: CinEpisode,
    *,
    closed_on: dt.date,
    reason: str,
    summary: str,
    by: User,
    step_down: bool = False,
) -> CinEpisode:
    """Close the child's episode with the census reason; step down if asked.

    RC9 (closed after assessment, referred to early help) always steps down; if
    the family already has an open early help request, that request stands and
    no second one is made. Any running plan ends on the closing date. The case
    leaves the social worker: to early help if the family has it, or it ends
    (see handoffs.after_closure).
    """
    person = episode.person
    _may_do_casework(by, person)
    if reason not in ClosureReason.values:
        raise DomainError(
            "reason_required", "Choose the reason for closing", field="reason"
        )
    check_date(
        closed_on,
        field="closed_on",
        what="of closure",
        not_before=episode.referral_date,
        since="the referral",
    )
    if not summary.strip():
        raise DomainError(
            "summary_required",
            "Write a closing summary: what was done and why the episode is closing",
            field="summary",
        )
    if reason == ClosureReason.RC2 and person.date_of_death is None:
        raise DomainError(
            "death_not_recorded",
            "Record the child's date of death on their details before closing "
            "with 'Died'",
            field="reason",
        )
    step_down = step_down or reason == ClosureReason.RC9
    with transaction.atomic():
        episode = _open(episode)
        if reason in AFTER_ASSESSMENT:
            check_closed_after_assessment(episode)
        check_assessments_finished(episode)
        plan = episode.plans.filter(ended_on__isnull=True).first()
        check_closing_date(episode, plan, closed_on)
        existing = _open_early_help_request(person) if step_down else None
        if plan is not None:
            plan.ended_on = closed_on
            plan.save(update_fields=["ended_on"])
        episode.closed_on = closed_on
        episode.closure_reason = reason
        episode.closing_summary = summary.strip()
        # Closed before any assessment or plan: the referral led to no further
        # action (CIN census ReferralNFA).
        episode.referral_nfa = plan is None and not episode.assessments.exists()
        episode.save(
            update_fields=[
                "closed_on",
                "closure_reason",
                "closing_summary",
                "referral_nfa",
            ]
        )
        journal.append(
            person,
            "cin.episode_closed",
            {
                "episode": episode.pk,
                "reason": reason,
                "ended_plan": plan.pk if plan else None,
                "step_down": step_down,
                "existing_early_help_request": existing,
                "referral_nfa": episode.referral_nfa,
            },
            by=by,
            occurred_at=clock.start_of(closed_on),
            significant=True,
        )
        if step_down and existing is None:
            # Late import: early help imports this app for step up.
            from haven.earlyhelp.services import request_early_help

            request_early_help(
                person,
                requested_on=closed_on,
                reason=summary.strip(),
                source="step_down",
                contact_id=episode.contact_id,
                by=by,
            )
        handoffs.after_closure(person, on=closed_on, by=by)
    return episode


def _open_early_help_request(person: Person) -> int | None:
    """The id of the family's open early help request, if they have one."""
    # Late import: early help imports this app for step up.
    from haven.earlyhelp.selectors import open_request

    request = open_request(person)
    return request.pk if request is not None else None
