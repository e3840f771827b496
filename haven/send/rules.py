"""SEND's checks shared by its services: who may act, the dates typed, and the
steps every write shares (the request locked, its event journalled)."""

import datetime as dt
from typing import Any

from haven.core import clock, journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.send import access, permissions
from haven.send.models import EhcRequest


def may_manage(user: User, request: EhcRequest | None = None) -> None:
    """A SEND officer, with lasting access to the child where there is one."""
    if not permissions.may_manage_ehc(user):
        raise DomainError(
            "not_permitted", "Your role does not include EHC assessments and plans"
        )
    if request is not None:
        access.require(user, request.person)


def check_date(
    failures: Failures,
    value: dt.date | None,
    *,
    field: str,
    what: str,
    not_before: dt.date | None = None,
    not_before_words: str = "",
) -> None:
    """Add the date's faults, if any, to `failures`."""
    if value is None:
        failures.add("date_required", f"Enter the date {what}", field)
    elif value > clock.today():
        failures.add(
            "date_in_future", f"The date {what} must be today or earlier", field
        )
    elif not_before is not None and value < not_before:
        failures.add(
            "date_too_early",
            f"The date {what} must be on or after {not_before_words} "
            f"({not_before:%-d %B %Y})",
            field,
        )


def locked(request: EhcRequest) -> EhcRequest:
    """The request as it is now, locked until the transaction ends: a second
    submit of the same form must be refused in words, not written twice."""
    return EhcRequest.objects.select_for_update().get(pk=request.pk)


def record_event(
    request: EhcRequest,
    type: str,
    payload: dict[str, Any],
    *,
    by: User,
    on: dt.date,
) -> None:
    journal.append(
        request.person,
        f"send.{type}",
        {"request": request.pk, **payload},
        by=by,
        occurred_at=clock.start_of(on),
    )
