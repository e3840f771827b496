"""The values a letter's fields are filled with, read from the child's record.

Only the fields the letter offers are read (haven.documents.letters), and only
people the issuer may see named can be a letter's recipient."""

from django.conf import settings
from django.utils import timezone

from haven.assessments.codes import Outcome, Status
from haven.assessments.models import Assessment
from haven.core import clock
from haven.core.errors import DomainError
from haven.core.models import User
from haven.core.selectors import current_allocation
from haven.documents.letters import LETTERS, Letter
from haven.people.codes import RelationshipKind
from haven.people.models import Address, Person
from haven.people.selectors import record_ids, relationships_of

PARENTS = {
    RelationshipKind(kind).label
    for kind in ("mother", "father", "parent", "step_parent", "carer")
}

# What happens next, in plain words, after each outcome (Working Together
# 2023 asks that families are told the outcome of an assessment).
OUTCOME_WORDS = {
    Outcome.NO_FURTHER_ACTION: (
        "we do not need to do anything more, and the case will close"
    ),
    Outcome.CIN_PLAN: "we will work with you on a child in need plan",
    Outcome.STRATEGY_DISCUSSION: (
        "we are worried about your child's safety, and will talk with the police "
        "and other services about what to do next"
    ),
    Outcome.LOOKED_AFTER: (
        "we think your child needs to be looked after by the council, and your "
        "social worker will talk with you about what this means"
    ),
    Outcome.EARLY_HELP: (
        "we will ask the early help service to offer your family support"
    ),
    Outcome.ENDED_EARLY: (
        "the assessment ended before it was finished, and the case will close"
    ),
}
NO_OUTCOME = "your social worker will talk with you about what happens next"


def recipients_for(person: Person, user: User) -> list[Person]:
    """The child's parents and carers whom the user may see named."""
    return [
        row["person"]
        for row in relationships_of(person, user)
        if row["kind"] in PARENTS and not row["unnamed"]
    ]


def _day(value: object) -> str:
    return f"{value:%-d %B %Y}" if value else "not known"


def _address(person: Person) -> str:
    address = (
        Address.objects.filter(person=person, ended_on__isnull=True)
        .order_by("-started_on")
        .first()
    )
    if address is None:
        return ""
    parts = [address.line_1, address.line_2, address.town, address.postcode]
    return ", ".join(part for part in parts if part)


def _common(person: Person, recipient: Person) -> dict[str, str]:
    allocation = current_allocation(person)
    worker = allocation.worker if allocation else None
    return {
        "recipient_name": recipient.full_name,
        "recipient_address": _address(recipient),
        "child_name": person.full_name,
        "child_first_name": person.given_name,
        "child_date_of_birth": _day(person.date_of_birth),
        "worker_name": (worker.get_full_name() or worker.username) if worker else "",
        "team_name": allocation.team.name if allocation else "",
        "council_name": settings.HAVEN_LOCAL_AUTHORITY_NAME,
        "today": _day(clock.today()),
    }


def latest_authorised(person: Person) -> Assessment | None:
    return (
        Assessment.objects.filter(
            person_id__in=record_ids(person), status=Status.AUTHORISED
        )
        .order_by("-authorised_at", "-pk")
        .first()
    )


def _assessment_outcome(person: Person) -> dict[str, str]:
    assessment = latest_authorised(person)
    if assessment is None:
        raise DomainError(
            "no_authorised_assessment",
            f"{person.given_name} has no authorised assessment to write about yet",
        )
    authorised = (
        timezone.localdate(assessment.authorised_at)
        if assessment.authorised_at
        else None
    )
    return {
        "assessment_started_on": _day(assessment.started_on),
        "assessment_authorised_on": _day(authorised),
        "outcome": (
            OUTCOME_WORDS.get(Outcome(assessment.outcome), NO_OUTCOME)
            if assessment.outcome
            else NO_OUTCOME
        ),
    }


READERS = {"assessment_outcome": _assessment_outcome}


def values_for(letter: Letter, person: Person, recipient: Person) -> dict[str, str]:
    """Every field the letter offers, filled in for this child and recipient."""
    values = _common(person, recipient) | READERS[letter.key](person)
    return {name: values.get(name, "") for name in letter.offered}


def letter_named(key: str) -> Letter:
    return LETTERS[key]
