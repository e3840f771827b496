"""Writes for child protection conferences: the initial conference (or a
pre-birth or transfer-in one), which decides whether a plan starts that day,
the review conference, which continues or ends it, and the chair's sign-off.
Each checks permission and access, validates, changes state and journals its
events on the child's record, in one transaction.

Journal events:
  protection.initial_conference_held  {"conference", "section_47", "episode",
      "kind", "decision", "category"} (meets CP-ICPC, CP-ICPC-REQUEST and
      CP-TRANSFER-IN)
  protection.child_protection_plan_started (plans.start_plan)
  protection.review_conference_held   {"conference", "plan", "episode",
      "decision", "category"} (meets CP-RCPC1; starts and meets CP-RCPC-N)
  protection.child_protection_plan_ended (plans.end)
  protection.conference_signed_off    {"conference", "episode"}
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from django.db import transaction

from haven.cin.models import CinEpisode
from haven.cin.services import may_do_casework, open_locked
from haven.core import access, clock, journal
from haven.core.caseroles import CaseRole
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.core.permissions import require
from haven.protection import arrangements, case_roles, plans
from haven.protection.codes import (
    INITIAL_DECISIONS,
    INITIAL_KINDS,
    REVIEW_DECISIONS,
    ConferenceDecision,
    ConferenceKind,
    EnquiryOutcome,
    PlanEndReason,
)
from haven.protection.models import ChildProtectionPlan, Conference, Section47Enquiry
from haven.protection.permissions import may_chair_conferences
from haven.protection.rules import check_category, check_day, check_weekday


@dataclass(frozen=True)
class Meeting:
    """What a conference decided and who was there, as typed."""

    held_on: dt.date | None
    chair: User | None
    decision: str
    attendance: Sequence[dict[str, Any]]
    category: str = ""
    family_views: str = ""
    child_views: str = ""
    dissent: str = ""
    minutes: str = ""


def _check_meeting(
    episode: CinEpisode,
    meeting: Meeting,
    failures: Failures,
    *,
    not_before: tuple[dt.date, str] | None,
) -> None:
    with failures.gather():
        check_day(
            episode,
            meeting.held_on,
            field="held_on",
            what="of the conference",
            not_before=not_before,
        )
    with failures.gather():
        check_weekday(meeting.held_on, field="held_on")
    if meeting.chair is None:
        failures.add("chair_required", "Choose who chaired the conference", "chair")
    case_roles.check_holder(
        meeting.chair, CaseRole.CP_CHAIR, field="chair", failures=failures
    )
    if not [row for row in meeting.attendance if str(row.get("agency", "")).strip()]:
        failures.add(
            "attendance_required",
            "Record who was invited and who attended, by agency",
            field="attendance",
        )


def _may_record(by: User, person: Any) -> None:
    """The social worker records a conference's decisions: they start and end
    plans, and a plan's start ends a child in need plan (casework). The chair
    and the administrator write its record's words (records.py)."""
    may_do_casework(by, person)


def _held(conference: Conference, *, by: User, **subject: Any) -> None:
    """The booking the conference meets is closed, and whoever chaired it
    holds the chair's role until the record is signed off (inside the
    transaction)."""
    booked = arrangements.open_for(**subject) if subject else None
    person = conference.episode.person
    if booked is not None:
        booked.conference = conference
        booked.save(update_fields=["conference"])
        case_roles.give(person, booked.administrator, CaseRole.CONFERENCE_ADMIN, by=by)
    case_roles.give(person, conference.chair, CaseRole.CP_CHAIR, by=by)


def _conference(
    episode: CinEpisode, meeting: Meeting, *, by: User, **facts: Any
) -> Conference:
    return Conference.objects.create(
        episode=episode,
        # Both checked before the transaction (_check_meeting).
        held_on=cast(dt.date, meeting.held_on),
        chair=cast(User, meeting.chair),
        decision=meeting.decision,
        category=meeting.category,
        attendance=[dict(row) for row in meeting.attendance],
        family_views=meeting.family_views.strip(),
        child_views=meeting.child_views.strip(),
        dissent=meeting.dissent.strip(),
        minutes=meeting.minutes.strip(),
        recorded_by=by,
        recorded_at=clock.now(),
        **facts,
    )


# --- initial ------------------------------------------------------------------


def _check_kind(
    episode: CinEpisode,
    kind: str,
    enquiry: Section47Enquiry | None,
    held_on: dt.date | None,
    failures: Failures,
) -> None:
    if kind not in INITIAL_KINDS:
        failures.add("kind_required", "Choose the kind of conference", field="kind")
    person = episode.person
    born = person.date_of_birth
    unborn = person.is_unborn or bool(born and held_on and held_on < born)
    if kind == ConferenceKind.PRE_BIRTH and not unborn:
        failures.add(
            "not_unborn",
            "A pre-birth conference is for an unborn child: this child was born "
            "before the conference",
            field="kind",
        )
    if kind == ConferenceKind.INITIAL and unborn:
        failures.add(
            "unborn", "The child is not yet born: choose a pre-birth conference", "kind"
        )
    if kind != ConferenceKind.TRANSFER_IN and enquiry is None:
        failures.add(
            "enquiry_required",
            "An initial conference follows a section 47 enquiry: choose it",
            field="section_47",
        )
    if enquiry is not None and enquiry.outcome != EnquiryOutcome.SIGNIFICANT_HARM:
        failures.add(
            "not_recommended",
            "The section 47 enquiry did not find likely significant harm, so it "
            "called no conference: record its outcome first",
            field="section_47",
        )


@dataclass(frozen=True)
class Transfer:
    """A transfer-in conference's facts: the authority the child's plan came
    from, and the plans other authorities recorded before (CIN census
    NumberOfPreviousCPP, counting the plan being transferred)."""

    from_authority: str = ""
    plans_elsewhere: int = 0


def _check_transfer(kind: str, transfer: Transfer | None, failures: Failures) -> None:
    if kind != ConferenceKind.TRANSFER_IN:
        return
    if transfer is None or not transfer.from_authority.strip():
        failures.add(
            "authority_required",
            "Say which local authority the child's plan came from",
            field="transferred_from",
        )
    if transfer is not None and transfer.plans_elsewhere < 0:
        failures.add(
            "plans_elsewhere_negative",
            "The number of earlier plans cannot be less than none",
            field="plans_elsewhere",
        )


def check_initial(
    episode: CinEpisode,
    kind: str,
    enquiry: Section47Enquiry | None,
    meeting: Meeting,
    transfer: Transfer | None = None,
) -> None:
    failures = Failures()
    _check_kind(episode, kind, enquiry, meeting.held_on, failures)
    _check_transfer(kind, transfer, failures)
    # Census rule 8615: the enquiry starts no later than its conference.
    after = (enquiry.started_on, "the section 47 enquiry started") if enquiry else None
    if enquiry is not None and enquiry.completed_on:
        after = (enquiry.completed_on, "the section 47 enquiry's outcome")
    _check_meeting(episode, meeting, failures, not_before=after)
    if meeting.decision not in INITIAL_DECISIONS:
        failures.add(
            "decision_required",
            "Choose whether the child is to be subject of a plan",
            field="decision",
        )
    if meeting.decision == ConferenceDecision.PLAN:
        with failures.gather():
            check_category(meeting.category, on=meeting.held_on)
    failures.raise_any()


def hold_initial_conference(
    episode: CinEpisode,
    meeting: Meeting,
    *,
    by: User,
    kind: str = ConferenceKind.INITIAL,
    section_47: Section47Enquiry | None = None,
    transfer: Transfer | None = None,
) -> Conference:
    """Record an initial (pre-birth, transfer-in) conference. A decision for a
    plan starts it that day (census rule 2885; one plan a conference at most,
    rule 2883), and the conference ends the enquiry it followed."""
    _may_record(by, episode.person)
    if section_47 is not None:
        # Read afresh: its outcome may have been recorded on another copy.
        section_47 = Section47Enquiry.objects.get(pk=section_47.pk)
    check_initial(episode, kind, section_47, meeting, transfer)
    transfer = transfer if kind == ConferenceKind.TRANSFER_IN else None
    with transaction.atomic():
        episode = open_locked(episode)
        enquiry = _lock_enquiry(section_47)
        plan_starts = meeting.decision == ConferenceDecision.PLAN
        if plan_starts:
            plans.refuse_overlap(episode.person, cast(dt.date, meeting.held_on))
        category = meeting.category if plan_starts else ""
        conference = _conference(
            episode,
            replace(meeting, category=category),
            by=by,
            kind=kind,
            section_47=enquiry,
            transferred_from=transfer.from_authority.strip() if transfer else "",
        )
        if enquiry is not None:
            enquiry.ended_on = conference.held_on
            enquiry.save(update_fields=["ended_on"])
        _journal_initial(conference, by=by)
        if plan_starts:
            elsewhere = transfer.plans_elsewhere if transfer else 0
            plans.start_plan(conference, by=by, plans_elsewhere=elsewhere)
        subject: dict[str, Any] = {"section_47": enquiry} if enquiry else {}
        if kind == ConferenceKind.TRANSFER_IN:
            subject = {"episode": episode, "kind": kind}
        _held(conference, by=by, **subject)
    return conference


def _lock_enquiry(enquiry: Section47Enquiry | None) -> Section47Enquiry | None:
    if enquiry is None:
        return None
    enquiry = Section47Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    if Conference.objects.filter(section_47=enquiry).exists():
        raise DomainError(
            "conference_held",
            "This enquiry's initial conference is already recorded",
            field="section_47",
        )
    return enquiry


def _journal_initial(conference: Conference, *, by: User) -> None:
    journal.append(
        conference.episode.person,
        "protection.initial_conference_held",
        {
            "conference": conference.pk,
            "section_47": conference.section_47_id,
            "episode": conference.episode_id,
            "kind": conference.kind,
            "decision": conference.decision,
            "category": conference.category,
        },
        by=by,
        occurred_at=clock.start_of(conference.held_on),
        significant=True,
    )


# --- review -------------------------------------------------------------------


def check_review(plan: ChildProtectionPlan, meeting: Meeting, end_reason: str) -> None:
    failures = Failures()
    last = plan.reviews.order_by("-held_on").first()
    # Census rule 8841: every review after the plan started; and after the
    # review before it.
    after = (plan.started_on + dt.timedelta(days=1), "the day after the plan started")
    if last is not None:
        after = (last.held_on + dt.timedelta(days=1), "the day after the last review")
    _check_meeting(plan.episode, meeting, failures, not_before=after)
    if meeting.decision not in REVIEW_DECISIONS:
        failures.add(
            "decision_required",
            "Choose whether the plan continues or ends",
            field="decision",
        )
    ends = meeting.decision == ConferenceDecision.END_PLAN
    if ends and end_reason not in PlanEndReason.values:
        failures.add("reason_required", "Choose why the plan ends", "end_reason")
    if meeting.decision == ConferenceDecision.CONTINUE or meeting.category:
        with failures.gather():
            check_category(meeting.category, on=meeting.held_on)
    failures.raise_any()


def hold_review_conference(
    plan: ChildProtectionPlan,
    meeting: Meeting,
    *,
    by: User,
    end_reason: str = PlanEndReason.NO_LONGER_AT_RISK,
) -> Conference:
    """Record a review conference of the child's plan: it continues (with the
    latest category of abuse) or ends that day, for `end_reason`."""
    _may_record(by, plan.person)
    check_review(plan, meeting, end_reason)
    ends = meeting.decision == ConferenceDecision.END_PLAN
    with transaction.atomic():
        episode = open_locked(plan.episode)
        plan = plans.lock_open(plan)
        conference = _conference(
            episode, meeting, by=by, kind=ConferenceKind.REVIEW, plan=plan
        )
        if meeting.category:
            plan.latest_category = meeting.category
            plan.save(update_fields=["latest_category"])
        _journal_review(conference, by=by)
        if ends:
            plans.end(
                plan, on=conference.held_on, reason=end_reason, by=by, at=conference
            )
        _held(conference, by=by, plan=plan)
    return conference


def _journal_review(conference: Conference, *, by: User) -> None:
    journal.append(
        conference.episode.person,
        "protection.review_conference_held",
        {
            "conference": conference.pk,
            "plan": conference.plan_id,
            "episode": conference.episode_id,
            "decision": conference.decision,
            "category": conference.category,
        },
        by=by,
        occurred_at=clock.start_of(conference.held_on),
        significant=True,
    )


# --- sign-off -----------------------------------------------------------------


def sign_off(conference: Conference, *, by: User) -> Conference:
    """The chair signs off the conference's record: the minutes are final.
    Once the child's conference work is done, the chair's and the
    administrator's roles on the case end."""
    require(may_chair_conferences(by), "Only the conference's chair can sign it off")
    access.require_lasting_access(by, conference.episode.person)
    with transaction.atomic():
        conference = Conference.objects.select_for_update().get(pk=conference.pk)
        if conference.chair_id != by.pk:
            raise DomainError(
                "not_the_chair", "Only the conference's chair can sign it off"
            )
        if conference.signed_off_at is not None:
            raise DomainError("signed_off", "This conference is already signed off")
        conference.signed_off_at = clock.now()
        conference.signed_off_by = by
        conference.save(update_fields=["signed_off_at", "signed_off_by"])
        journal.append(
            conference.episode.person,
            "protection.conference_signed_off",
            {"conference": conference.pk, "episode": conference.episode_id},
            by=by,
        )
        case_roles.release_if_done(conference.episode.person, by=by)
    return conference
