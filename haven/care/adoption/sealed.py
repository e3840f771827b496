"""The sealed part of the adoption record: matching the child with their
prospective adopters, placing the child with them, and the adoption order.
Only adoption workers record or read it (`adopters_for`), and nothing here
puts the adopters' names or address into the journal, the placement row or
an error: the journal names the record by its id, the placement row says
"address held by the adoption team" (haven/care/placing.py).

Journal events:
  care.adopters_matched              {"period", "decision", "matched_on"}
  adoption.child_placed_for_adoption {"period", "child", "placement", "placed_on"}
  care.adoption_order_made           {"period", "adopted_on", "reason"}
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from haven.care import inputs, recording
from haven.care.adoption import codes
from haven.care.adoption.decisions import live_decision
from haven.care.adoption.permissions import may_manage_adoption
from haven.care.models import Adopters, LegalStatus, PeriodOfCare
from haven.care.moves import move_placement
from haven.care.placing import PlacementDetails
from haven.care.services import end_period_of_care
from haven.core import access, journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.people.models import Person
from haven.people.selectors import records_of

MATCHED = "care.adopters_matched"
PLACED = "adoption.child_placed_for_adoption"
ADOPTED = "care.adoption_order_made"


@dataclass(frozen=True)
class Match:
    """The adopters as typed (AD1 NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR,
    FOSTER_CARE), with who they are and where they live."""

    names: str
    address_line_1: str
    town: str
    postcode: str
    number: int | None
    sexes: str
    legal_status: str
    foster_carers: bool


def may_manage(by: User, person: Person) -> None:
    """Refuse anyone but an adoption worker with lasting access."""
    if not may_manage_adoption(by):
        raise DomainError(
            "not_permitted", "Only the adoption team records the adopters"
        )
    access.require_lasting_access(by, person)


def adopters_for(person: Person, user: User) -> Adopters | None:
    """The selector for the sealed record: the child's adopters, for an
    adoption worker with lasting access only (None for everyone else, and
    for a child never matched)."""
    if not may_manage_adoption(user) or not access.may_change(user, person):
        return None
    return (
        Adopters.objects.filter(decision__person_id__in=records_of(person))
        .order_by("-matched_on", "-pk")
        .first()
    )


def _check_match(match: Match, failures: Failures) -> tuple[str, str]:
    if not match.names.strip():
        failures.add("names_required", "Enter the adopters' names", "names")
    if not match.address_line_1.strip():
        failures.add(
            "address_required", "Enter the adopters' address", "address_line_1"
        )
    postcode = inputs.postcode(
        match.postcode, field="postcode", failures=failures, required=True
    )
    allowed = codes.SEXES_FOR.get(match.legal_status)
    if allowed is None:
        failures.add(
            "legal_status_required", "Choose the adopters' legal status", "legal_status"
        )
    elif match.sexes not in allowed:
        failures.add(
            "sexes_disagree",
            "The adopters' sexes do not fit their legal status (SSDA903 rules "
            "514 to 524)",
            "sexes",
        )
    number = 1 if match.legal_status == "L0" else 2
    if match.number is None:
        failures.add("number_required", "Choose how many adopters", "number")
    elif allowed is not None and match.number != number:
        failures.add(
            "number_disagrees",
            f"A {'single adopter' if number == 1 else 'couple'} is {number} "
            f"adopter{'s' if number == 2 else ''}",
            "number",
        )
    return match.names.strip(), postcode


def match_adopters(
    period: PeriodOfCare, match: Match, *, matched_on: dt.date | None, by: User
) -> Adopters:
    """The child was matched with their prospective adopters on `matched_on`."""
    may_manage(by, period.person)
    failures = Failures()
    names, postcode = _check_match(match, failures)
    matched_on = inputs.past_date(
        matched_on, field="matched_on", what="of the match", failures=failures
    )
    with transaction.atomic():
        period = recording.locked_open(period)
        decision = live_decision(period)
        if decision is None:
            raise DomainError(
                "no_plan",
                "Record the decision that the child should be placed for adoption "
                "before the match",
            )
        if hasattr(decision, "adopters"):
            raise DomainError("already_matched", "The child is already matched")
        if matched_on is not None and matched_on < decision.decided_on:
            failures.add(
                "matched_before_decision",
                "The match cannot be before the decision (SSDA903 rule 331)",
                "matched_on",
            )
        failures.raise_any()
        assert matched_on is not None and match.number is not None
        adopters = Adopters.objects.create(
            decision=decision,
            matched_on=matched_on,
            names=names,
            address_line_1=match.address_line_1.strip(),
            town=match.town.strip(),
            postcode=postcode,
            number=match.number,
            sexes=match.sexes,
            legal_status=match.legal_status,
            foster_carers=match.foster_carers,
            recorded_by=by,
        )
        journal.append(
            period.person,
            MATCHED,
            {"period": period.pk, "decision": decision.pk, "matched_on": matched_on},
            by=by,
            occurred_at=recording.occurred(matched_on),
        )
    return adopters


def _matched(period: PeriodOfCare) -> Adopters:
    decision = live_decision(period)
    adopters = getattr(decision, "adopters", None) if decision else None
    if adopters is None:
        raise DomainError(
            "not_matched", "Record the match with the adopters before placing"
        )
    return adopters


def _check_authority(period: PeriodOfCare, on: dt.date, failures: Failures) -> None:
    """A placement for adoption needs authority to place: a placement order
    (E1) or a freeing order (D1) in force that day (ACA 2002 s18)."""
    status = (
        LegalStatus.objects.filter(period=period, started_on__lte=on)
        .order_by("-started_on")
        .first()
    )
    if status is None or status.code not in codes.AUTHORITY:
        failures.add(
            "no_authority_to_place",
            f"On {inputs.words(on)} the agency had no authority to place the child "
            "for adoption: a placement order (E1) or freeing order (D1) must be in "
            "force. Record the order first",
            "placed_on",
        )


def place_for_adoption(
    period: PeriodOfCare,
    *,
    placed_on: dt.date | None,
    provider_id: int | None,
    reason: str,
    by: User,
) -> Adopters:
    """The child moves to their adopters on `placed_on` (PLACE A5 with their
    foster carers, else A6); the placement row holds the agency's postcode and
    no address (haven/care/placing.py)."""
    may_manage(by, period.person)
    failures = Failures()
    placed_on = inputs.past_date(
        placed_on, field="placed_on", what="of the placement", failures=failures
    )
    with transaction.atomic():
        period = recording.locked_open(period)
        adopters = _matched(period)
        if adopters.placement_id is not None:
            raise DomainError("already_placed", "The child is already placed")
        if placed_on is not None:
            _check_authority(period, placed_on, failures)
            if placed_on < adopters.matched_on:
                failures.add(
                    "placed_before_match",
                    "The placement cannot be before the match (SSDA903 rule 333)",
                    "placed_on",
                )
        failures.raise_any()
        place = "A5" if adopters.foster_carers else "A6"
        details = PlacementDetails(place=place, provider_id=provider_id)
        placement = move_placement(
            period, on=placed_on, placement=details, reason=reason, by=by
        )
        adopters.placement = placement
        adopters.save(update_fields=["placement"])
        journal.append(
            period.person,
            PLACED,
            {
                "period": period.pk,
                "child": period.person_id,
                "placement": placement.pk,
                "placed_on": placed_on,
            },
            by=by,
            occurred_at=recording.occurred(placement.started_on),
            significant=True,
        )
    return adopters


def make_adoption_order(
    period: PeriodOfCare, *, adopted_on: dt.date | None, reason: str, by: User
) -> Adopters:
    """The adoption order, made on `adopted_on`: the child ceases to be looked
    after (REC E11 unopposed, E12 consent dispensed with)."""
    may_manage(by, period.person)
    if reason not in codes.ADOPTED:
        raise DomainError(
            "reason_required",
            "Choose whether the application was unopposed or consent was "
            "dispensed with",
            "reason",
        )
    with transaction.atomic():
        period = recording.locked_open(period)
        adopters = _matched(period)
        placed = adopters.placement
        if placed is None:
            raise DomainError(
                "not_placed", "Record the placement for adoption before the order"
            )
        if adopted_on is not None and adopted_on < placed.started_on:
            raise DomainError(
                "order_before_placement",
                "The order cannot be before the child was placed for adoption",
                "adopted_on",
            )
        end_period_of_care(period, on=adopted_on, reason=reason, by=by)
        assert adopted_on is not None
        adopters.adopted_on = adopted_on
        adopters.save(update_fields=["adopted_on"])
        journal.append(
            period.person,
            ADOPTED,
            {"period": period.pk, "adopted_on": adopted_on, "reason": reason},
            by=by,
            occurred_at=recording.occurred(adopted_on),
        )
    return adopters
