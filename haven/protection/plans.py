"""A child protection plan: started by a conference (conferences.py), its core
groups, and its end. The services here check permission and access, validate,
change state and journal their event on the child's record, in one transaction.

Journal events:
  protection.child_protection_plan_started {"plan", "episode", "conference",
      "category", "previous_plans", "seen_on_visit" (the child: a visit note
      seeing them meets CP-VISIT)}: starts CP-CORE1, CP-RCPC1, CP-VISIT,
      CP-PLAN-OUTLINE
  protection.core_group_held   {"core_group", "plan", "episode"} (meets CP-CORE1;
      starts and meets CP-CORE-N)
  protection.child_protection_plan_ended {"plan", "episode", "reason",
      "conference", "seen_on_visit"} (ends the plan's duties)
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Max

from haven.cin import plans as cin_plans
from haven.cin.models import Plan
from haven.cin.services import may_do_casework, open_locked
from haven.core import clock, journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.people.models import Person
from haven.people.selectors import record_ids
from haven.protection import case_roles
from haven.protection.codes import WITHOUT_REVIEW, PlanEndReason
from haven.protection.models import (
    PLAN_PERIOD,
    ChildProtectionPlan,
    Conference,
    CoreGroup,
)
from haven.protection.rules import check_day, people_rows, require_text
from haven.timescales.calendar import add_months


def previous_plans(person: Person) -> int:
    """CIN census NumberOfPreviousCPP for a plan starting now: the child's
    earlier plans, in their own record and any merged into it. A plan brought
    from another system keeps the count it came with, so the count goes on
    from the highest recorded one."""
    earlier = ChildProtectionPlan.objects.filter(person_id__in=record_ids(person))
    found = earlier.aggregate(most=Max("previous_plans"))["most"]
    return max(earlier.count(), (found + 1) if found is not None else 0)


def refuse_overlap(person: Person, on: dt.date) -> None:
    """One open plan, none overlapping (census rules 8935, 8940)."""
    held = ChildProtectionPlan.objects.filter(person_id__in=record_ids(person))
    running = held.filter(ended_on__isnull=True).first()
    if running is not None:
        raise DomainError(
            "plan_open",
            f"{person} is already subject of a child protection plan (from "
            f"{running.started_on:%-d %B %Y}): review it instead",
        )
    clash = PLAN_PERIOD.clash(held, on, None, what="the child protection plan")
    if clash is not None:
        raise DomainError("plans_overlap", clash.message, field="held_on")


def start_plan(
    conference: Conference, *, by: User, plans_elsewhere: int = 0
) -> ChildProtectionPlan:
    """The plan the initial conference decided on, from the conference's day,
    inside its transaction. A child in need plan running ends that day: the
    census allows none beside a child protection plan (rule 4001). Earlier
    plans recorded by other authorities add to the count from history."""
    episode = conference.episode
    running = Plan.objects.filter(episode=episode, ended_on__isnull=True).first()
    if running is not None:
        cin_plans.end_plan(
            running,
            ended_on=conference.held_on,
            reason="Replaced by a child protection plan",
            by=by,
        )
    plan = ChildProtectionPlan.objects.create(
        episode=episode,
        person=episode.person,
        started_on=conference.held_on,
        starting_conference=conference,
        initial_category=conference.category,
        latest_category=conference.category,
        previous_plans=previous_plans(episode.person) + plans_elsewhere,
    )
    journal.append(
        episode.person,
        "protection.child_protection_plan_started",
        {
            "plan": plan.pk,
            "episode": episode.pk,
            "conference": conference.pk,
            "category": plan.initial_category,
            "previous_plans": plan.previous_plans,
            "seen_on_visit": episode.person_id,
        },
        by=by,
        occurred_at=clock.start_of(plan.started_on),
        significant=True,
    )
    return plan


def lock_open(plan: ChildProtectionPlan) -> ChildProtectionPlan:
    """The plan, locked, refusing one that has ended."""
    plan = ChildProtectionPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.ended_on is not None:
        raise DomainError("plan_ended", "This child protection plan has ended")
    return plan


def end(
    plan: ChildProtectionPlan,
    *,
    on: dt.date,
    reason: str,
    by: User,
    at: Conference | None = None,
    note: str = "",
) -> ChildProtectionPlan:
    """End the locked plan on `on` (inside the caller's transaction)."""
    plan.ended_on = on
    plan.end_reason = reason
    plan.end_note = note.strip()
    plan.end_conference = at
    plan.save(update_fields=["ended_on", "end_reason", "end_note", "end_conference"])
    journal.append(
        plan.person,
        "protection.child_protection_plan_ended",
        {
            "plan": plan.pk,
            "episode": plan.episode_id,
            "reason": reason,
            "note": plan.end_note,
            "conference": at.pk if at else None,
            "seen_on_visit": plan.person_id,
        },
        by=by,
        occurred_at=clock.start_of(on),
        significant=True,
    )
    return plan


def _last_day(plan: ChildProtectionPlan) -> tuple[dt.date, str]:
    """The latest thing on the plan: it cannot end before it."""
    bounds = [(plan.started_on + dt.timedelta(days=1), "the day after it started")]
    review = plan.reviews.order_by("-held_on").first()
    if review is not None:
        bounds.append((review.held_on, "the last review conference"))
    group = plan.core_groups.order_by("-held_on").first()
    if group is not None:
        bounds.append((group.held_on, "the last core group"))
    return max(bounds, key=lambda bound: bound[0])


def _check_life(
    person: Person, ended_on: dt.date | None, reason: str, failures: Failures
) -> None:
    """A plan ended at 18 ends on or after the 18th birthday; one ended by the
    child's death, on or after the day recorded."""
    born, died = person.date_of_birth, person.date_of_death
    if ended_on is None:
        return
    if reason == PlanEndReason.TURNED_18 and born is not None:
        eighteen = add_months(born, 12 * 18)
        if ended_on < eighteen:
            failures.add(
                "not_18",
                f"{person.given_name} turns 18 on {eighteen:%-d %B %Y}: a plan ends "
                "for that reason on or after that day",
                field="ended_on",
            )
    if reason == PlanEndReason.DIED and died is not None and ended_on < died:
        failures.add(
            "before_death",
            f"The date the plan ended must be on or after the date of death "
            f"recorded ({died:%-d %B %Y})",
            field="ended_on",
        )


def check_end(
    plan: ChildProtectionPlan, ended_on: dt.date | None, reason: str, note: str
) -> None:
    """Every fault of ending a plan without a review conference, at once."""
    failures = Failures()
    if reason not in PlanEndReason.values:
        failures.add("reason_required", "Choose why the plan ended", field="reason")
    elif reason not in WITHOUT_REVIEW:
        failures.add(
            "needs_review",
            "Only a review conference can decide the child is no longer at risk: "
            "record the review conference",
            field="reason",
        )
    elif reason == PlanEndReason.OTHER and not note.strip():
        failures.add("note_required", "Say why the plan ended", field="note")
    with failures.gather():
        # Census rule 8840: a plan ends on a later day than it started.
        check_day(
            plan.episode,
            ended_on,
            field="ended_on",
            what="the plan ended",
            not_before=_last_day(plan),
        )
    _check_life(plan.person, ended_on, reason, failures)
    failures.raise_any()


def end_plan(
    plan: ChildProtectionPlan,
    *,
    ended_on: dt.date,
    reason: str,
    by: User,
    note: str = "",
) -> ChildProtectionPlan:
    """End the plan without a review conference, for a reason that takes the
    decision away from one: the child moved to another authority, became
    looked after, reached 18 or died (`codes.WITHOUT_REVIEW`). A review
    conference ends it otherwise (hold_review_conference)."""
    may_do_casework(by, plan.person)
    check_end(plan, ended_on, reason, note)
    with transaction.atomic():
        open_locked(plan.episode)
        ended = end(lock_open(plan), on=ended_on, reason=reason, by=by, note=note)
        case_roles.release_if_done(plan.person, by=by)
    return ended


def check_core_group(
    plan: ChildProtectionPlan,
    held_on: dt.date | None,
    attendance: Sequence[dict[str, Any]],
    progress: str,
) -> list[dict[str, Any]]:
    """Every fault of a core group as typed, at once; who was present."""
    failures = Failures()
    with failures.gather():
        check_day(
            plan.episode,
            held_on,
            field="held_on",
            what="of the core group",
            not_before=(plan.started_on, "the plan started"),
        )
    present = people_rows(
        attendance, field="attendance", who="attendee", failures=failures
    )
    with failures.gather():
        require_text(
            progress,
            code="progress_required",
            message="Say what progress has been made against the plan",
            field="progress",
        )
    failures.raise_any()
    return present


def record_core_group(
    plan: ChildProtectionPlan,
    *,
    held_on: dt.date,
    attendance: Sequence[dict[str, Any]],
    progress: str,
    by: User,
) -> CoreGroup:
    """Record a core group meeting of the child's running plan: who attended
    and the progress made against the plan."""
    may_do_casework(by, plan.person)
    present = check_core_group(plan, held_on, attendance, progress)
    with transaction.atomic():
        open_locked(plan.episode)
        plan = lock_open(plan)
        group = CoreGroup.objects.create(
            plan=plan,
            held_on=held_on,
            attendance=present,
            progress=progress.strip(),
            recorded_by=by,
            recorded_at=clock.now(),
        )
        journal.append(
            plan.person,
            "protection.core_group_held",
            {"core_group": group.pk, "plan": plan.pk, "episode": plan.episode_id},
            by=by,
            occurred_at=clock.start_of(held_on),
        )
    return group
