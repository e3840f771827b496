"""Ending early help: closing with its outcome, or stepping up to social care
(a contact to the front door for each child, and the case to social care)."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import transaction

from haven.cin.handoffs import hold_for_social_care
from haven.core import clock
from haven.core.errors import DomainError
from haven.core.models import User
from haven.core.selectors import current_allocation
from haven.earlyhelp import handoffs
from haven.earlyhelp.codes import ClosureOutcome
from haven.earlyhelp.models import (
    EarlyHelpRequest,
    PlanAction,
)
from haven.earlyhelp.rules import (
    check_not_closed,
    checked_date,
    locked,
    may_work,
    record_event,
    required_text,
)
from haven.frontdoor.models import Contact
from haven.frontdoor.services import record_step_up
from haven.people.models import Person


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
    request = locked(request)
    check_not_closed(request)
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
            "cin_episode",
            "stepped_up_contact",
        ]
    )
    PlanAction.objects.filter(plan__request=request, done_on__isnull=True).update(
        owner=None
    )
    for child in request.family():
        # Each child's case is handed on by itself: siblings may be held apart.
        case = hand_over(request, child, on=closed_on, by=by)
        record_event(
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
    return checked_date(
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
    may_work(by, request)
    check_not_closed(request)
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
) -> Contact:
    """Close early help with outcome "step up" and send the child to the front
    door: a contact from early help (CIN census source 5D), with the lead
    practitioner as referrer and the reason as its concerns, decided like any
    other within one working day. Both happen or neither.

    The case passes to a social care team, held by the team until its manager
    allocates a worker: never left with the early help worker, who cannot do
    social care's work.
    """
    may_work(by, request)
    check_not_closed(request)
    reason = required_text(
        reason, field="reason", words="Say why the child needs social care now"
    )
    on = _closure_date(request, on or clock.today())
    with transaction.atomic():
        # Read again: the lead practitioner may have changed since the page.
        request = locked(request)
        check_not_closed(request)
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
) -> tuple[Contact, dict[str, Any]]:
    """The child's contact, and what it did with the child's case."""
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
