"""Approving prospective adopters (AAR 2005 regs 21 to 30, as amended 2013;
adoption statutory guidance ch.3): the registration of interest starts stage
1 (ADO-STAGE1), the applicants' notice that they wish to go on starts stage 2
(ADO-STAGE2), the panel's recommendation starts the agency decision maker's
clock (ADO-ADM), and the decision meets both.

Where the duties sit (docs/decisions/0014): the applicants are not children
and have no record a child's worker reads, but the journal and the timescale
engine are per person. So the first applicant is a Person record sealed for
the Adoption worker role (haven/core access rules: no relationship, grant or
break-glass opens it, and search, queues and lists leave it out for everyone
else), allocated to the adoption worker who registers them. Its journal
holds the approval's events, by the approval's id and dates only; the
obligations attach to it with the approval as their subject.

Journal events (on the first applicant's sealed record; each also names
"approval" and "applicant", the record's own id, which keys the timescales):
  adoption.registration_of_interest_received {"received_on"}
  adoption.stage_one_completed      {"on", "outcome"}
  adoption.stage_two_started        {"started_on"}
  adoption.panel_recommendation_received {"received_on", "recommends"}
  adoption.adopters_approval_decided {"decided_on", "outcome"}
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction

from haven.care import inputs, recording
from haven.care.adoption.permissions import may_manage_adoption
from haven.care.models import AdopterApproval
from haven.core import access, clock, journal
from haven.core.errors import DomainError, Failures
from haven.core.models import Restriction, User
from haven.core.roles import ROLES_BY_KEY
from haven.core.services import allocate_case
from haven.people.models import Person
from haven.people.services import record_move, register_person

REGISTERED = "adoption.registration_of_interest_received"
STAGE_ONE = "adoption.stage_one_completed"
STAGE_TWO = "adoption.stage_two_started"
PANEL = "adoption.panel_recommendation_received"
DECIDED = "adoption.adopters_approval_decided"
SEAL_REASON = (
    "Prospective adopters: readable by the adoption team only (docs/decisions/0014)"
)


@dataclass(frozen=True)
class Applicants:
    """Who the prospective adopters are and where they live, as typed."""

    given_name: str
    family_name: str
    joint_applicant: str
    address_line_1: str
    town: str
    postcode: str


def may_approve(by: User) -> None:
    if not may_manage_adoption(by):
        raise DomainError(
            "not_permitted", "Only the adoption team records prospective adopters"
        )


def approvals_for(user: User) -> list[AdopterApproval]:
    """The selector: every approval whose applicants' sealed record the user
    may open (an adoption worker's; nobody else's)."""
    if not may_manage_adoption(user):
        return []
    return list(
        AdopterApproval.objects.filter(
            applicant__in=Person.objects.filter(access.lasting_filter(user))
        )
        .select_related("applicant")
        .order_by("-registered_on", "-pk")
    )


def approval_of(person: Person, user: User) -> AdopterApproval | None:
    """The approval the person applied for, for an adoption worker who may
    open their record; None for everyone else."""
    if not may_manage_adoption(user) or not access.may_change(user, person):
        return None
    return AdopterApproval.objects.filter(applicant=person).first()


def _check_applicants(applicants: Applicants, failures: Failures) -> str:
    if not applicants.given_name.strip() or not applicants.family_name.strip():
        failures.add(
            "name_required",
            "Enter the first applicant's first and last names",
            "given_name",
        )
    if not applicants.address_line_1.strip():
        failures.add("address_required", "Enter their address", "address_line_1")
    return inputs.postcode(
        applicants.postcode, field="postcode", failures=failures, required=True
    )


def _seal(person: Person, by: User) -> None:
    """Seal the record for the Adoption worker role before anything else is
    written about them (in the same transaction, so it is never open)."""
    seal = Restriction.objects.create(
        person=person,
        kind=Restriction.Kind.SEALED,
        reason=SEAL_REASON,
        created_at=clock.now(),
        created_by=by,
    )
    role = ROLES_BY_KEY["adoption_worker"]
    seal.sealed_for.set(Group.objects.filter(name=role.name))
    journal.append(
        person,
        "core.record_restricted",
        {"kind": seal.kind, "reason": SEAL_REASON, "sealed_for": [role.name]},
        by=by,
        significant=True,
    )


def register_interest(
    applicants: Applicants, *, received_on: dt.date | None, by: User
) -> AdopterApproval:
    """The agency received the prospective adopters' registration of
    interest on `received_on`: stage 1 starts (ADO-STAGE1)."""
    may_approve(by)
    failures = Failures()
    postcode = _check_applicants(applicants, failures)
    received_on = inputs.past_date(
        received_on, field="received_on", what="it was received", failures=failures
    )
    if by.team is None:
        failures.add("no_team", "You need a team to hold the prospective adopters")
    failures.raise_any()
    assert received_on is not None and by.team is not None
    with transaction.atomic():
        person = register_person(
            {
                "given_name": applicants.given_name.strip(),
                "family_name": applicants.family_name.strip(),
            },
            by=by,
        )
        _seal(person, by)
        allocate_case(person, team=by.team, worker=by, reason="Adopter approval", by=by)
        record_move(
            person,
            line_1=applicants.address_line_1.strip(),
            town=applicants.town.strip(),
            postcode=postcode,
            on=received_on,
            by=by,
        )
        approval = AdopterApproval.objects.create(
            applicant=person,
            joint_applicant=applicants.joint_applicant.strip(),
            registered_on=received_on,
            recorded_by=by,
        )
        _journal(approval, REGISTERED, received_on, by, received_on=received_on)
    return approval


def _journal(
    approval: AdopterApproval, kind: str, day: dt.date, by: User, **payload: object
) -> None:
    journal.append(
        approval.applicant,
        kind,
        {"approval": approval.pk, "applicant": approval.applicant_id, **payload},
        by=by,
        occurred_at=recording.occurred(day),
    )


def _locked(approval: AdopterApproval, by: User) -> AdopterApproval:
    may_approve(by)
    access.require_lasting_access(by, approval.applicant)
    return (
        AdopterApproval.objects.select_for_update()
        .select_related("applicant")
        .get(pk=approval.pk)
    )


def _dated(
    on: dt.date | None, outcome: str, choices: list[str], failures: Failures
) -> dt.date | None:
    """The step's date (a real past date) and outcome, each fault named."""
    if outcome not in choices:
        failures.add("outcome_required", "Choose the outcome", "outcome")
    return inputs.past_date(on, field="on", what="of this step", failures=failures)


def _after(
    previous: dt.date | None, on: dt.date | None, missing: str, failures: Failures
) -> None:
    """The step before was recorded, and this one is not dated before it."""
    if previous is None:
        raise DomainError("step_out_of_order", missing)
    if on is not None and on < previous:
        failures.add(
            "before_previous_step",
            f"The date is before the step before it ({inputs.words(previous)})",
            "on",
        )


def complete_stage_one(
    approval: AdopterApproval, *, on: dt.date | None, outcome: str, by: User
) -> AdopterApproval:
    """Stage 1 ended on `on`: the agency decided whether the applicants may
    go on to stage 2 (AAR reg 25). Meets ADO-STAGE1."""
    failures = Failures()
    on = _dated(on, outcome, AdopterApproval.StageOne.values, failures)
    with transaction.atomic():
        approval = _locked(approval, by)
        if approval.stage_one:
            raise DomainError("already_recorded", "Stage 1 is already recorded")
        _after(approval.registered_on, on, "Record the registration first", failures)
        failures.raise_any()
        assert on is not None
        approval.stage_one_on, approval.stage_one = on, outcome
        approval.save(update_fields=["stage_one_on", "stage_one"])
        _journal(approval, STAGE_ONE, on, by, on=on, outcome=outcome)
    return approval


def start_stage_two(
    approval: AdopterApproval, *, on: dt.date | None, by: User
) -> AdopterApproval:
    """The applicants told the agency on `on` that they wish to go on to
    stage 2 (AAR reg 26). Starts ADO-STAGE2."""
    failures = Failures()
    on = _dated(on, "", [""], failures)
    with transaction.atomic():
        approval = _locked(approval, by)
        if approval.stage_two_on is not None:
            raise DomainError("already_recorded", "Stage 2 has already started")
        if approval.stage_one != AdopterApproval.StageOne.PROCEED:
            raise DomainError(
                "stage_one_not_passed",
                "Stage 2 starts only after stage 1 ended with the applicants "
                "able to go on",
            )
        _after(approval.stage_one_on, on, "Record stage 1 first", failures)
        failures.raise_any()
        assert on is not None
        approval.stage_two_on = on
        approval.save(update_fields=["stage_two_on"])
        _journal(approval, STAGE_TWO, on, by, started_on=on)
    return approval


def receive_recommendation(
    approval: AdopterApproval, *, on: dt.date | None, recommends: str, by: User
) -> AdopterApproval:
    """The agency decision maker received the panel's recommendation and
    final minutes on `on` (AAR reg 30). Starts ADO-ADM."""
    failures = Failures()
    on = _dated(on, recommends, ["yes", "no"], failures)
    with transaction.atomic():
        approval = _locked(approval, by)
        if approval.panel_on is not None:
            raise DomainError("already_recorded", "The recommendation is recorded")
        _after(approval.stage_two_on, on, "Record the start of stage 2", failures)
        failures.raise_any()
        assert on is not None
        approval.panel_on, approval.panel_recommends = on, recommends == "yes"
        approval.save(update_fields=["panel_on", "panel_recommends"])
        _journal(approval, PANEL, on, by, received_on=on, recommends=recommends)
    return approval


def decide_approval(
    approval: AdopterApproval, *, on: dt.date | None, outcome: str, by: User
) -> AdopterApproval:
    """The agency decision maker decided on `on` whether the applicants are
    suitable to adopt (AAR reg 30B). Meets ADO-ADM and ADO-STAGE2."""
    failures = Failures()
    on = _dated(on, outcome, AdopterApproval.Outcome.values, failures)
    with transaction.atomic():
        approval = _locked(approval, by)
        if approval.decided_on is not None:
            raise DomainError("already_recorded", "The decision is already recorded")
        _after(approval.panel_on, on, "Record the panel's recommendation", failures)
        failures.raise_any()
        assert on is not None
        approval.decided_on, approval.outcome = on, outcome
        approval.save(update_fields=["decided_on", "outcome"])
        _journal(approval, DECIDED, on, by, decided_on=on, outcome=outcome)
    return approval
