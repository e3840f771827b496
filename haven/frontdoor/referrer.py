"""Writes about the referrer: acknowledging the contact and feeding back the
decision.

REF-DECISION (haven/timescales/catalogue/front_door.py) asks the front door to
"acknowledge the referral to the referrer and decide the next steps" within one
working day, so a decision waits for the acknowledgement, or the reason it was
not possible (services.decide_contact). Feedback on the decision comes after it.
Each journals one event per child named that the user may change.
"""

import datetime as dt
from typing import Any

from django.db import transaction

from haven.core import access, clock, journal
from haven.core.errors import AccessDenied, DomainError, Failures
from haven.core.models import User
from haven.frontdoor import permissions as rules
from haven.frontdoor.codes import ContactMethod
from haven.frontdoor.models import Contact, ContactChild


def _may_write(user: User, contact: Contact) -> None:
    if not rules.may_write_contacts(user):
        raise DomainError(
            "not_permitted", "Your role does not include recording contacts"
        )
    if not any(access.may_change(user, named.person) for named in _named(contact)):
        raise AccessDenied()


def _named(contact: Contact) -> list[ContactChild]:
    return list(contact.children.select_related("person"))


def _check_date(
    on: dt.date | None, contact: Contact, failures: Failures, *, missing: str
) -> None:
    if on is None:
        failures.add("date_required", missing, field="on")
    elif on > clock.today():
        failures.add(
            "date_in_future", "The date must be today or in the past", field="on"
        )
    elif on < contact.received_at.date():
        failures.add(
            "date_before_contact",
            "The date must be on or after the day the contact was received",
            field="on",
        )


def acknowledge(
    contact: Contact,
    *,
    on: dt.date | None,
    how: str,
    not_possible: str = "",
    by: User,
) -> Contact:
    """Record that the referrer was acknowledged (on a date, by a method), or why
    it was not possible (not_possible given instead).

    Journals "frontdoor.referrer_acknowledged" {"contact", "on", "how",
    "not_possible"} on each child named that the user may change.
    """
    _may_write(by, contact)
    failures = Failures()
    not_possible = not_possible.strip()
    if not not_possible:
        _check_date(
            on,
            contact,
            failures,
            missing="Enter the date the referrer was acknowledged, or why it was "
            "not possible",
        )
        if how not in ContactMethod.values:
            failures.add(
                "method_required", "Say how the referrer was told", field="how"
            )
    failures.raise_any()
    with transaction.atomic():
        locked = Contact.objects.select_for_update().get(pk=contact.pk)
        if locked.acknowledgement_recorded:
            raise DomainError(
                "already_acknowledged", "The acknowledgement is already recorded"
            )
        locked.acknowledged_on = None if not_possible else on
        locked.acknowledged_how = "" if not_possible else how
        locked.acknowledgement_not_possible = not_possible
        locked.save()
        _journal(
            locked,
            "frontdoor.referrer_acknowledged",
            {
                "on": str(locked.acknowledged_on or ""),
                "how": locked.acknowledged_how,
                "not_possible": not_possible,
            },
            by,
        )
    return locked


def give_feedback(
    contact: Contact, *, on: dt.date | None, how: str, by: User
) -> Contact:
    """Record that the referrer was told the decision.

    Journals "frontdoor.referrer_feedback" {"contact", "on", "how"}.
    """
    _may_write(by, contact)
    failures = Failures()
    _check_date(on, contact, failures, missing="Enter the date the referrer was told")
    if how not in ContactMethod.values:
        failures.add("method_required", "Say how the referrer was told", field="how")
    if not contact.children.exclude(decision="").exists():
        failures.add(
            "not_decided", "Feed back once a decision on the contact is recorded"
        )
    failures.raise_any()
    with transaction.atomic():
        locked = Contact.objects.select_for_update().get(pk=contact.pk)
        locked.feedback_on = on
        locked.feedback_how = how
        locked.save()
        _journal(locked, "frontdoor.referrer_feedback", {"on": str(on), "how": how}, by)
    return locked


def _journal(contact: Contact, event: str, payload: dict[str, Any], by: User) -> None:
    for named in _named(contact):
        if access.may_change(by, named.person):
            journal.append(
                named.person, event, {"contact": contact.pk, **payload}, by=by
            )
