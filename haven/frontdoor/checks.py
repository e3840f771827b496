"""Writes for multi-agency checks: asking an agency what it knows about the
family named in a contact, and recording its answer.

Checks inform the decision but never hold it up (the decision page lists those
outstanding). Each write journals one event per child named that the user may
change, in one transaction.
"""

import datetime as dt
from typing import Any

from django.db import transaction

from haven.core import access, clock, journal
from haven.core.errors import AccessDenied, DomainError, Failures
from haven.core.models import User
from haven.frontdoor import permissions as rules
from haven.frontdoor.codes import Agency
from haven.frontdoor.models import AgencyCheck, Contact


def _may_write(user: User, contact: Contact) -> list[Any]:
    """The children of the contact the user may change; refuse if none."""
    if not rules.may_write_contacts(user):
        raise DomainError(
            "not_permitted", "Your role does not include recording contacts"
        )
    people = [
        named.person
        for named in contact.children.select_related("person")
        if access.may_change(user, named.person)
    ]
    if not people:
        raise AccessDenied()
    return people


def _check_day(on: dt.date | None, earliest: dt.date, failures: Failures) -> None:
    if on is None:
        failures.add("date_required", "Enter the date", field="on")
    elif on > clock.today():
        failures.add(
            "date_in_future", "The date must be today or in the past", field="on"
        )
    elif on < earliest:
        failures.add(
            "date_too_early",
            f"The date must be on or after {earliest:%-d %B %Y}",
            field="on",
        )


def request_check(
    contact: Contact,
    *,
    agency: str,
    on: dt.date | None,
    detail: str = "",
    by: User,
) -> AgencyCheck:
    """Record that an agency was asked what it knows.

    Journals "frontdoor.check_requested" {"contact", "check", "agency"}.
    """
    people = _may_write(by, contact)
    failures = Failures()
    if agency not in Agency.values:
        failures.add("agency_required", "Choose the agency", field="agency")
    elif agency == Agency.OTHER and not detail.strip():
        failures.add("detail_required", "Name the agency", field="detail")
    _check_day(on, contact.received_at.date(), failures)
    failures.raise_any()
    assert on is not None
    with transaction.atomic():
        check = AgencyCheck.objects.create(
            contact=contact,
            agency=agency,
            agency_detail=detail.strip() if agency == Agency.OTHER else "",
            requested_on=on,
            requested_by=by,
        )
        _journal(people, "frontdoor.check_requested", check, by)
    return check


def record_return(
    check: AgencyCheck, *, on: dt.date | None, summary: str, by: User
) -> AgencyCheck:
    """Record the agency's answer.

    Journals "frontdoor.check_returned" {"contact", "check", "agency"}.
    """
    people = _may_write(by, check.contact)
    failures = Failures()
    if check.returned_on is not None:
        raise DomainError("already_returned", "This check's return is recorded")
    _check_day(on, check.requested_on, failures)
    if not summary.strip():
        failures.add(
            "summary_required", "Summarise what the agency told us", field="summary"
        )
    failures.raise_any()
    with transaction.atomic():
        locked = AgencyCheck.objects.select_for_update().get(pk=check.pk)
        if locked.returned_on is not None:  # recorded meanwhile by someone else
            raise DomainError("already_returned", "This check's return is recorded")
        locked.returned_on = on
        locked.summary = summary.strip()
        locked.save()
        _journal(people, "frontdoor.check_returned", locked, by)
    return locked


def _journal(people: list[Any], event: str, check: AgencyCheck, by: User) -> None:
    for person in people:
        journal.append(
            person,
            event,
            {
                "contact": check.contact_id,
                "check": check.pk,
                "agency": check.agency_words,
            },
            by=by,
        )
