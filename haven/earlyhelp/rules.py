"""Early help's checks (who may do what, the request's state, the dates and
words typed) and the steps every write shares: the request locked, its event
journalled on each child's record."""

import datetime as dt
from typing import Any

from haven.core import access, clock, journal
from haven.core.errors import DomainError
from haven.core.models import User
from haven.earlyhelp import permissions
from haven.earlyhelp.models import EarlyHelpRequest
from haven.people.models import Person


def may_request(user: User) -> None:
    if not permissions.may_request_early_help(user):
        raise DomainError(
            "not_permitted", "Your role does not include asking for early help"
        )


def may_work(user: User, request: EarlyHelpRequest) -> None:
    """Early help workers (and managers) who can open the child's record."""
    if not permissions.may_work_early_help(user):
        raise DomainError("not_permitted", "Your role does not include early help work")
    for child in request.family():
        check_open(user, child)


def check_open(user: User, person: Person) -> None:
    access.require_lasting_access(user, person)


def check_not_closed(request: EarlyHelpRequest) -> None:
    if request.closed_on is not None:
        raise DomainError("request_closed", "This early help episode is closed")


def check_allocated(request: EarlyHelpRequest) -> None:
    check_not_closed(request)
    if request.allocated_on is None:
        raise DomainError(
            "not_allocated",
            "The family is still waiting: a manager must allocate a worker first",
        )


def checked_date(
    value: dt.date | None,
    *,
    field: str,
    what: str,
    not_before: dt.date | None = None,
    not_before_words: str = "",
) -> dt.date:
    if value is None:
        raise DomainError("date_required", f"Enter the date {what}", field=field)
    if value > clock.today():
        raise DomainError(
            "date_in_future", f"The date {what} must be today or earlier", field=field
        )
    if not_before is not None and value < not_before:
        raise DomainError(
            "date_too_early",
            f"The date {what} must be on or after {not_before_words} "
            f"({not_before:%-d %B %Y})",
            field=field,
        )
    return value


def required_text(value: str, *, field: str, words: str) -> str:
    if not value or not value.strip():
        raise DomainError(f"{field}_required", words, field=field)
    return value.strip()


def record_event(
    request: EarlyHelpRequest,
    type: str,
    payload: dict[str, Any],
    *,
    by: User,
    on: dt.date,
    significant: bool = False,
    child: Person | None = None,
) -> None:
    """Journal the event on each child's record (or on the one child given)."""
    for person in [child] if child is not None else request.family():
        journal.append(
            person,
            f"earlyhelp.{type}",
            {"request": request.pk, **payload},
            by=by,
            occurred_at=clock.start_of(on),
            significant=significant,
        )


def locked(request: EarlyHelpRequest) -> EarlyHelpRequest:
    """The request as it is now, locked until the transaction ends.

    Each write checks the request's state again on this copy: a second submit of
    the same form (or a colleague's change) may have landed since the caller
    read it, and must be refused in words rather than written twice.
    """
    return EarlyHelpRequest.objects.select_for_update().get(pk=request.pk)
