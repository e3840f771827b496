"""Writes at the front door: recording a contact and deciding what happens next.

Each checks permission and access, validates, changes state and journals one event
per child named, in one transaction.
"""

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from haven.core import access, clock, compiled, journal
from haven.core.errors import AccessDenied, DomainError, Failures, ordinal
from haven.core.models import Restriction, User
from haven.frontdoor import permissions as rules
from haven.frontdoor import routing
from haven.frontdoor.codes import (
    AdultRole,
    ConsentStatus,
    Decision,
    ReferralSource,
    Urgency,
)
from haven.frontdoor.models import Contact, ContactChild, ContactPerson
from haven.frontdoor.thresholds import threshold_levels
from haven.people import lifestage
from haven.people.models import Person

REFERRER_FIELDS = (
    "referrer_name",
    "referrer_role",
    "referrer_organisation",
    "referrer_phone",
)


def _may_record(user: User) -> None:
    if not rules.may_record_contacts(user):
        raise DomainError(
            "not_permitted", "Your role does not include recording contacts"
        )


def _may_name_adult(user: User, person: Person, *, field: str) -> None:
    """An adult may be anyone on the register (a parent may be a child, so no
    check of age), except a record the user may not open or a merged one."""
    restricted = Restriction.objects.filter(person=person).exists()
    if restricted and not access.may_change(user, person):
        raise AccessDenied(
            "Haven could not find one of the adults: search the register for them again"
        )
    if person.merged_into_id:
        raise DomainError(
            "merged_record",
            f"{person} has been merged into another record: choose that one",
            field=field,
        )


def _may_name(
    user: User, person: Person, *, field: str, on: dt.date | None = None
) -> None:
    """A front door may record a contact about any child on the register, except a
    restricted or sealed record the user has not been given access to. A child is
    under 18 (or unborn) on the day the contact was received, `on`."""
    # Access first: the messages below name the person, and a restricted
    # record's name is not for someone who may not open it.
    restricted = Restriction.objects.filter(person=person).exists()
    if restricted and not access.may_change(user, person):
        # Words that neither confirm the record exists nor that it is
        # restricted or sealed, to someone who may not open it.
        raise AccessDenied(
            "Haven could not find one of the children: search the register for "
            "them again"
        )
    if person.merged_into_id:
        raise DomainError(
            "merged_record",
            f"{person} has been merged into another record: choose that one",
            field=field,
        )
    if not lifestage.is_child_on(person, on or clock.today()):
        raise DomainError(
            "not_a_child",
            f"{person} was not a child on the date of the contact: a contact is "
            "about a child under 18 or an unborn child",
            field=field,
        )


def check_contact(
    details: dict[str, Any], children: list[Person] | None = None
) -> None:
    """Refuse a contact that breaks any rule, naming every rule it breaks.

    `children` None means they are not chosen yet (the page is still being put
    right): the rules about the details are checked alone.
    """
    failures = Failures()
    received = details.get("received_at")
    if received is None:
        failures.add(
            "received_required",
            "Enter when the contact was received",
            field="received_on",
        )
    elif received > clock.now():
        failures.add(
            "received_in_future",
            "The contact must have been received today or in the past",
            field="received_on",
        )
    if details.get("source") not in ReferralSource.values:
        failures.add(
            "source_required", "Choose who got in touch (the source)", field="source"
        )
    if not str(details.get("concerns") or "").strip():
        failures.add(
            "concerns_required", "Describe the presenting concerns", field="concerns"
        )
    consent = details.get("consent")
    if consent not in ConsentStatus.values:
        failures.add(
            "consent_required",
            "Say whether consent to share was given",
            field="consent",
        )
    elif (
        consent != ConsentStatus.GIVEN
        and not str(details.get("consent_reason") or "").strip()
    ):
        failures.add(
            "consent_reason_required",
            "Give the reason consent was not given or not sought",
            field="consent_reason",
        )
    if children is not None:
        _check_children(children, failures)
    failures.raise_any()


def _check_children(children: list[Person], failures: Failures) -> None:
    if not children:
        failures.add("child_required", "Name at least one child", field="children")
    seen: set[int] = set()
    for index, child in enumerate(children):
        if child.pk in seen:
            failures.add(
                "child_named_twice",
                f"The {ordinal(index + 1)} child, {child}, is already named above: "
                "name each child once",
                field=f"children.{index}",
            )
        seen.add(child.pk)


def record_contact(
    details: dict[str, Any],
    children: list[Person],
    *,
    by: User,
    adults: list[tuple[Person, str]] | None = None,
) -> Contact:
    """Record a contact about one or more children; each child's record shows it.

    `adults` are the parents or carers and the alleged perpetrator named on it,
    each (person, AdultRole); each adult's record shows it too.

    `details` holds received_at (an aware datetime), source (a ReferralSource code),
    concerns, consent (a ConsentStatus), consent_reason and the referrer_* fields.
    Children not yet on the register are registered first by the caller.
    """
    _may_record(by)
    return _record(details, children, by=by, adults=adults or [])


def record_step_up(person: Person, details: dict[str, Any], *, by: User) -> Contact:
    """Early help steps the child up: a contact from early help (CIN census
    referral source 5D) that waits for the front door's decision, with its
    one working day clock, like any other contact.

    The caller (early help's step up) has checked that the early
    help worker may work with the family; front door staff record the rest.
    """
    return _record({**details, "source": ReferralSource.EARLY_HELP}, [person], by=by)


def _record(
    details: dict[str, Any],
    children: list[Person],
    *,
    by: User,
    adults: list[tuple[Person, str]] | None = None,
) -> Contact:
    adults = adults or []
    failures = Failures()
    with failures.gather():
        check_contact(details, children)
    received = details.get("received_at")
    on = timezone.localdate(received) if received else None
    for index, child in enumerate(children):
        with failures.gather():
            _may_name(by, child, field=f"children.{index}", on=on)
    _check_adults(adults, by, failures)
    failures.raise_any()
    consent = details["consent"]
    with transaction.atomic():
        contact = Contact.objects.create(
            received_at=details["received_at"],
            source=details["source"],
            concerns=details["concerns"].strip(),
            consent=consent,
            consent_reason=(
                ""
                if consent == ConsentStatus.GIVEN
                else details["consent_reason"].strip()
            ),
            recorded_by=by,
            recorded_at=clock.now(),
            **{name: str(details.get(name, "")).strip() for name in REFERRER_FIELDS},
        )
        for child in children:
            ContactChild.objects.create(contact=contact, person=child)
            journal.append(
                child,
                "frontdoor.contact_received",
                {
                    "contact": contact.pk,
                    "source": contact.source,
                    "consent": consent,
                    "children": len(children),
                },
                by=by,
                occurred_at=contact.received_at,
                significant=True,
            )
        _name_adults(contact, adults, by)
    return contact


def _check_adults(
    adults: list[tuple[Person, str]], by: User, failures: Failures
) -> None:
    seen: set[tuple[int, str]] = set()
    for index, (person, role) in enumerate(adults):
        field = f"adults.{index}"
        if role not in AdultRole.values:
            failures.add(
                "role_required",
                f"Say why the {ordinal(index + 1)} adult is named",
                field=field,
            )
        elif (person.pk, role) in seen:
            failures.add(
                "adult_named_twice",
                f"The {ordinal(index + 1)} adult, {person}, is already named above",
                field=field,
            )
        seen.add((person.pk, role))
        with failures.gather():
            _may_name_adult(by, person, field=field)


def _name_adults(contact: Contact, adults: list[tuple[Person, str]], by: User) -> None:
    for person, role in adults:
        ContactPerson.objects.create(contact=contact, person=person, role=role)
        journal.append(
            person,
            "frontdoor.named_on_contact",
            {"contact": contact.pk, "role": role},
            by=by,
            occurred_at=contact.received_at,
        )


def _check_decision(
    named: ContactChild, decision: str, grading: dict[str, str]
) -> None:
    if named.decision:
        raise DomainError(
            "already_decided",
            f"A decision for {named.person} has already been recorded",
            field="decision",
        )
    failures = Failures()
    if not named.contact.acknowledgement_recorded:
        failures.add(
            "acknowledgement_required",
            "Record the acknowledgement to the referrer, or why it was not possible, "
            "before the decision",
            field="acknowledgement",
        )
    if decision not in Decision.values:
        failures.add("decision_required", "Choose what happens next", field="decision")
    if not grading["reasoning"].strip():
        failures.add(
            "reasoning_required", "Give the reasons for the decision", field="reasoning"
        )
    # Graded when given: the decision page always asks (DecisionForm).
    if grading["threshold"] and grading["threshold"] not in threshold_levels():
        failures.add(
            "threshold_unknown",
            "Choose a threshold level from the list",
            field="threshold",
        )
    if grading["urgency"] and grading["urgency"] not in Urgency.values:
        failures.add("urgency_unknown", "Choose red, amber or green", field="urgency")
    if (
        decision == Decision.SPECIALIST_ASSESSMENT
        and not grading["specialist_service"].strip()
    ):
        failures.add(
            "specialist_service_required",
            "Name the specialist service asked to assess",
            field="specialist_service",
        )
    failures.raise_any()


def decide_contact(
    contact_child: ContactChild,
    *,
    decision: str,
    reasoning: str,
    by: User,
    threshold: str = "",
    urgency: str = "",
    specialist_service: str = "",
) -> ContactChild:
    """A manager decides what happens next for one child named in a contact.

    Early help asks the early help service; a referral, a strategy discussion or
    immediate protection (which a strategy discussion follows) opens the child's
    children in need episode with a referral, and a referral for assessment
    starts the single assessment that day. A specialist assessment names the
    service asked. The decision is graded with the council's threshold level and
    a RAG urgency rating. A child who is
    already in an open episode (or open early help) has the decision passed to
    it: the new information belongs on the work already under way, and a child
    may have only one open episode.

    Journals "frontdoor.contact_decided" {"contact", "decision", "reasoning",
    "threshold", "urgency", "specialist_service", "episode", "early_help_request",
    "passed_to_open_episode", "passed_to_open_request"}.
    """
    if not rules.may_decide_contacts(by):
        raise DomainError(
            "not_permitted",
            "Only a manager can decide what happens next with a contact",
        )
    access.require_lasting_access(by, contact_child.person)
    # The decision and the work it starts (an episode, an assessment) are one
    # step: the child's obligations are worked out once, at its end.
    with transaction.atomic(), journal.as_one_step():
        named = _locked(contact_child)
        grading = {
            "reasoning": reasoning,
            "threshold": threshold,
            "urgency": urgency,
            "specialist_service": specialist_service,
        }
        _check_decision(named, decision, grading)
        _grade(named, decision, grading, by=by)
        # Where the decision leads is declared by the app that knows the
        # services it routes to (routing.py): the front door does not name them.
        went_to = routing.start_next_step(named, by)
        named.passed_to_open = bool(
            went_to["passed_to_open_episode"] or went_to["passed_to_open_request"]
        )
        named.save()
        _journal_decision(named, went_to, by=by)
    return named


def _locked(contact_child: ContactChild) -> ContactChild:
    """The child named in the contact, with the contact and the child, locked;
    by a query compiled once (core.compiled)."""

    def build(rows: QuerySet[ContactChild]) -> compiled.Compiled:
        named = rows.select_for_update().filter(pk=compiled.ID_STAND_IN)
        slot = compiled.Slot("pk", compiled.ID_STAND_IN, ContactChild._meta.pk)
        return compiled.Compiled(named.select_related("contact", "person"), [slot])

    query = compiled.once("frontdoor.named_locked", ContactChild, build)
    found = query.objects(pk=contact_child.pk)
    if not found:
        raise ContactChild.DoesNotExist
    named: ContactChild = found[0]
    return named


def _journal_decision(
    named: ContactChild, went_to: dict[str, Any], *, by: User
) -> None:
    journal.append(
        named.person,
        "frontdoor.contact_decided",
        {
            "contact": named.contact_id,
            "decision": named.decision,
            "reasoning": named.reasoning,
            "threshold": named.threshold,
            "urgency": named.urgency,
            "specialist_service": named.specialist_service,
            **went_to,
        },
        by=by,
        significant=True,
    )


def _grade(
    named: ContactChild, decision: str, grading: dict[str, str], *, by: User
) -> None:
    named.decision = decision
    named.reasoning = grading["reasoning"].strip()
    named.threshold = grading["threshold"]
    named.urgency = grading["urgency"]
    named.specialist_service = (
        grading["specialist_service"].strip()
        if decision == Decision.SPECIALIST_ASSESSMENT
        else ""
    )
    named.decided_by = by
    named.decided_at = clock.now()


def received_on(contact: Contact) -> dt.date:
    """The local date the contact was received: the day its clocks start."""
    return timezone.localdate(contact.received_at)
