"""The front door and children in need tables: contacts, early help episodes,
referrals (ssd_cin_episodes), assessments and their factors, and CIN plans.

Referrals and what followed them are the CIN census's (haven.returns.cin):
the same episodes, read the same way, and each record kept or left out by the
census's own rules (an assessment open at 31 March or completed in the year,
a plan open or ended in it), so the SSD and the census agree.

Free text (the early help request's reason, an assessment's analysis) is not
exported: the SSD's columns for it take codes, and the analysts who read the
extract need no one's words."""

import datetime as dt
from typing import Any

from django.utils import timezone

from haven.assessments.codes import Outcome
from haven.cin.models import CinEpisode
from haven.core.codelists import label
from haven.earlyhelp.models import EarlyHelpRequest
from haven.frontdoor.codes import SOURCES
from haven.frontdoor.models import ContactChild
from haven.returns.cin.scope import authorised_on
from haven.returns.ssd.scope import Rows, Scope
from haven.returns.ssd.tables import as_json, flag


def _midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def contact_rows(scope: Scope) -> Rows:
    """Each child named in a contact received in the year."""
    named = list(
        ContactChild.objects.filter(
            contact__received_at__gte=_midnight(scope.first),
            contact__received_at__lt=_midnight(scope.last + dt.timedelta(days=1)),
        )
        .select_related("contact")
        .order_by("contact__received_at", "pk")
    )
    scope.read(row.person_id for row in named)
    return [
        {
            **scope.who(row.person_id, "cont_person_id"),
            "cont_contact_id": row.pk,
            "cont_contact_date": row.contact.received_at,
            "cont_contact_source_code": row.contact.source,
            "cont_contact_source_desc": row.contact.get_source_display(),
            "cont_contact_outcome_json": as_json({"decision": row.decision})
            if row.decision
            else "",
        }
        for row in named
    ]


def early_help_rows(scope: Scope) -> Rows:
    """Each early help request open on some day of the year."""
    requests = list(
        EarlyHelpRequest.objects.filter(requested_on__lte=scope.last)
        .exclude(closed_on__lt=scope.first)
        .order_by("requested_on", "pk")
    )
    scope.read(r.person_id for r in requests)
    return [
        {
            **scope.who(r.person_id, "earl_person_id"),
            "earl_episode_id": r.pk,
            "earl_episode_start_date": r.requested_on,
            "earl_episode_end_date": scope.by_end(r.closed_on),
            "earl_episode_end_reason": r.get_outcome_display()
            if scope.by_end(r.closed_on)
            else "",
            "earl_episode_organisation": r.lead_organisation,
            "earl_episode_worker_id": r.allocated_worker_id or "",
        }
        for r in requests
    ]


def _episodes(scope: Scope) -> list[CinEpisode]:
    return [e for child in scope.in_need for e in child.episodes]


def _outcome(scope: Scope, episode: CinEpisode) -> dict[str, str]:
    """What followed the referral by 31 March."""
    done = scope.by_end
    return {
        "assessment": flag(any(done(a.started_on) for a in episode.assessments.all())),
        "section_47": flag(
            any(done(s.started_on) for s in episode.section_47_enquiries.all())
        ),
        "cp_plan": flag(any(done(p.started_on) for p in episode.cp_plans.all())),
    }


def cin_episode_rows(scope: Scope) -> Rows:
    rows = []
    for episode in _episodes(scope):
        closed = scope.by_end(episode.closed_on)
        rows.append(
            {
                **scope.who(episode.person_id, "cine_person_id"),
                "cine_referral_id": episode.pk,
                "cine_referral_date": episode.referral_date,
                "cine_cin_primary_need_code": episode.primary_need,
                "cine_referral_source_code": episode.source,
                "cine_referral_source_desc": label(SOURCES, episode.source),
                "cine_referral_outcome_json": as_json(_outcome(scope, episode)),
                # As the census: no further action is known at closure.
                "cine_referral_nfa": flag(episode.referral_nfa and closed is not None),
                "cine_close_reason": episode.closure_reason if closed else "",
                "cine_close_date": closed,
            }
        )
    return rows


def assessment_rows(scope: Scope) -> tuple[Rows, Rows]:
    """The assessments the census holds (open at 31 March or completed in the
    year), and the factors of each completed one."""
    rows: Rows = []
    factors: Rows = []
    for episode in _episodes(scope):
        for row in episode.assessments.all():
            completed = authorised_on(row, scope.period)
            if not scope.period.ongoing(completed):
                continue
            rows.append(_assessment(scope, episode, row, completed))
            if completed is not None and row.factors:
                factors.append(
                    {
                        "_person": scope.survivor(episode.person_id).pk,
                        "cinf_table_id": row.pk,
                        "cinf_assessment_id": row.pk,
                        "cinf_assessment_factors_json": as_json(list(row.factors)),
                    }
                )
    return rows, factors


def _assessment(
    scope: Scope, episode: CinEpisode, row: Any, completed: dt.date | None
) -> dict[str, Any]:
    return {
        **scope.who(episode.person_id, "cina_person_id"),
        "cina_assessment_id": row.pk,
        "cina_referral_id": episode.pk,
        "cina_assessment_start_date": row.started_on,
        "cina_assessment_auth_date": completed,
        "cina_assessment_outcome_json": as_json({"outcome": row.outcome})
        if completed and row.outcome
        else "",
        "cina_assessment_outcome_nfa": flag(row.outcome == Outcome.NO_FURTHER_ACTION)
        if completed
        else "",
        "cina_assessment_worker_id": row.submitted_by_id or "",
    }


def cin_plan_rows(scope: Scope) -> Rows:
    rows = []
    for episode in _episodes(scope):
        for plan in episode.plans.all():
            ended = scope.by_end(plan.ended_on)
            if not scope.period.ongoing(ended):
                continue
            rows.append(
                {
                    **scope.who(episode.person_id, "cinp_person_id"),
                    "cinp_cin_plan_id": plan.pk,
                    "cinp_referral_id": episode.pk,
                    "cinp_cin_plan_start_date": plan.started_on,
                    "cinp_cin_plan_end_date": ended,
                    "cinp_cin_plan_worker_id": plan.created_by_id or "",
                }
            )
    return rows
