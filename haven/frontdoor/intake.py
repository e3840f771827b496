"""The front door's page-sized intentions, each one transaction: a contact
recorded with the people new to the register it names, and every decision made
on the decision page with the referrer's acknowledgement. A refusal in any step
leaves nothing written, so no stray record is left behind.
"""

from collections.abc import Sequence
from typing import Any

from django.db import transaction

from haven.core.errors import DomainError
from haven.core.models import User
from haven.frontdoor import referrer, services
from haven.frontdoor.models import Contact, ContactChild
from haven.people.models import Person
from haven.people.services import register_person

ACKNOWLEDGEMENT = -1


class RefusedAt(Exception):
    """A step of a page's intention was refused: `step` is the index of the
    decision refused, or ACKNOWLEDGEMENT; `refused` the service's error."""

    def __init__(self, step: int, refused: DomainError) -> None:
        super().__init__(refused.message)
        self.step = step
        self.refused = refused


def record_contact_with_new_people(
    details: dict[str, Any],
    children: Sequence[Person | dict[str, Any]],
    *,
    adults: Sequence[tuple[Person | dict[str, Any], str]] = (),
    by: User,
) -> Contact:
    """Record a contact (`services.record_contact`), first adding to the
    register each child and adult it names who is new (given as the new
    record's details rather than a Person)."""
    with transaction.atomic():
        known = [_person(child, by) for child in children]
        named = [(_person(adult, by), role) for adult, role in adults]
        return services.record_contact(details, known, by=by, adults=named)


def decide_on_one_page(
    contact: Contact,
    *,
    acknowledgement: dict[str, Any] | None,
    decisions: Sequence[tuple[ContactChild, dict[str, Any]]],
    by: User,
) -> None:
    """Record the referrer's acknowledgement (if given: `referrer.acknowledge`)
    and each child's decision (`services.decide_contact`): all or none."""
    step = ACKNOWLEDGEMENT
    try:
        with transaction.atomic():
            if acknowledgement is not None:
                referrer.acknowledge(contact, **acknowledgement, by=by)
            for index, (named, decision) in enumerate(decisions):
                step = index
                services.decide_contact(named, **decision, by=by)
    except DomainError as refused:
        raise RefusedAt(step, refused) from refused


def _person(given: Person | dict[str, Any], by: User) -> Person:
    return given if isinstance(given, Person) else register_person(given, by=by)
