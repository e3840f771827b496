"""The child protection tables: section 47 enquiries, initial conferences,
plans and their review conferences, each kept or left out by the CIN
census's rules and read from the census's own prefetched episodes
(haven.returns.cin.scope), the latest category as the census gives it
(haven.returns.cin.build.latest_category)."""

from typing import Any

from haven.cin.models import CinEpisode
from haven.protection.codes import ConferenceDecision, ConferenceKind
from haven.protection.models import ChildProtectionPlan, Conference, Section47Enquiry
from haven.returns.cin.build import latest_category
from haven.returns.ssd.scope import Rows, Scope
from haven.returns.ssd.tables import as_json, flag


def _episodes(scope: Scope) -> list[CinEpisode]:
    return [e for child in scope.in_need for e in child.episodes]


def enquiry_rows(scope: Scope) -> Rows:
    """Each enquiry open at 31 March or ended in the year (the census's)."""
    rows = []
    for episode in _episodes(scope):
        for enquiry in episode.section_47_enquiries.all():
            ended = scope.by_end(enquiry.ended_on)
            if not scope.period.ongoing(ended):
                continue
            done = scope.by_end(enquiry.completed_on) is not None
            outcome = {"outcome": enquiry.outcome} if done and enquiry.outcome else {}
            rows.append(
                {
                    **scope.who(episode.person_id, "s47e_person_id"),
                    "s47e_s47_enquiry_id": enquiry.pk,
                    "s47e_referral_id": episode.pk,
                    "s47e_s47_start_date": enquiry.started_on,
                    "s47e_s47_end_date": ended,
                    # No further action: completed with no conference needed.
                    "s47e_s47_nfa": flag(enquiry.icpc_not_required) if done else "",
                    "s47e_s47_outcome_json": as_json(outcome) if outcome else "",
                }
            )
    return rows


def _initial(scope: Scope, episode: CinEpisode) -> list[Conference]:
    """The initial conferences held in the year: after an enquiry, or with
    none before them (a transfer in)."""
    held: list[Conference] = []
    for enquiry in episode.section_47_enquiries.all():
        conference = getattr(enquiry, "initial_conference", None)
        if conference is not None:
            held.append(conference)
    held += episode.initial_without_enquiry  # type: ignore[attr-defined]
    return [c for c in held if scope.first <= c.held_on <= scope.last]


def conference_rows(scope: Scope) -> Rows:
    rows = []
    for episode in _episodes(scope):
        started = {p.starting_conference_id: p.pk for p in episode.cp_plans.all()}
        enquiries = {e.pk: e for e in episode.section_47_enquiries.all()}
        for conference in _initial(scope, episode):
            rows.append(_conference(scope, episode, conference, started, enquiries))
    return rows


def _conference(
    scope: Scope,
    episode: CinEpisode,
    conference: Conference,
    started: dict[int, int],
    enquiries: dict[int, Section47Enquiry],
) -> dict[str, Any]:
    enquiry = enquiries.get(conference.section_47_id or 0)
    outcome = {"decision": conference.decision, "category": conference.category}
    return {
        **scope.who(episode.person_id, "icpc_person_id"),
        "icpc_icpc_id": conference.pk,
        "icpc_icpc_meeting_id": conference.pk,
        "icpc_s47_enquiry_id": conference.section_47_id or "",
        "icpc_cp_plan_id": started.get(conference.pk, ""),
        "icpc_referral_id": episode.pk,
        "icpc_icpc_transfer_in": flag(conference.kind == ConferenceKind.TRANSFER_IN),
        "icpc_icpc_target_date": enquiry.icpc_target if enquiry else None,
        "icpc_icpc_date": conference.held_on,
        "icpc_icpc_outcome_cp_flag": flag(
            conference.decision == ConferenceDecision.PLAN
        ),
        "icpc_icpc_outcome_json": as_json({k: v for k, v in outcome.items() if v}),
        "icpc_icpc_worker_id": conference.chair_id,
    }


def _plans(scope: Scope) -> list[tuple[CinEpisode, ChildProtectionPlan]]:
    return [
        (episode, plan)
        for episode in _episodes(scope)
        for plan in episode.cp_plans.all()
        if scope.period.ongoing(scope.by_end(plan.ended_on))
    ]


def plan_rows(scope: Scope) -> Rows:
    """Each plan open at 31 March or ended in the year (the census's)."""
    return [
        {
            **scope.who(episode.person_id, "cppl_person_id"),
            "cppl_cp_plan_id": plan.pk,
            "cppl_referral_id": episode.pk,
            "cppl_icpc_id": plan.starting_conference_id,
            "cppl_cp_plan_start_date": plan.started_on,
            "cppl_cp_plan_end_date": scope.by_end(plan.ended_on),
            "cppl_cp_plan_initial_category": plan.initial_category,
            "cppl_cp_plan_latest_category": latest_category(
                plan, list(plan.reviews.all()), scope.period
            ),
        }
        for episode, plan in _plans(scope)
    ]


def review_rows(scope: Scope) -> Rows:
    """Each review conference of those plans held in the year."""
    rows = []
    for episode, plan in _plans(scope):
        for review in plan.reviews.all():
            if not scope.first <= review.held_on <= scope.last:
                continue
            ends = review.decision == ConferenceDecision.END_PLAN
            rows.append(
                {
                    **scope.who(episode.person_id, "cppr_person_id"),
                    "cppr_cp_review_id": review.pk,
                    "cppr_cp_plan_id": plan.pk,
                    "cppr_cp_review_date": review.held_on,
                    "cppr_cp_review_meeting_id": review.pk,
                    "cppr_cp_review_outcome_continue_cp": flag(not ends)
                    if review.decision
                    else "",
                }
            )
    return rows
