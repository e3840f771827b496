"""The actions a supervision sets: what is to be done, who will do it and by
when. Each is checked in turn, and the first thing missing or wrong is said
against that action's own fields (`action<n>-description`, ...)."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from haven.core.errors import DomainError
from haven.core.models import User


@dataclass(frozen=True)
class NewAction:
    """An action a supervision sets: what, who and by when."""

    description: str
    owner: User | None
    due_on: dt.date | None


Checked = tuple[str, User, dt.date]


def check(
    actions: Sequence[NewAction], held_on: dt.date, eligible: set[int]
) -> list[Checked]:
    """Each action's description, owner and due date, once all are given and
    the owner is one of `eligible` (user ids)."""
    return [
        _check_one(index, action, held_on, eligible)
        for index, action in enumerate(actions)
    ]


def _check_one(
    index: int, action: NewAction, held_on: dt.date, eligible: set[int]
) -> Checked:
    prefix = f"action{index}-"
    if not action.description.strip():
        raise DomainError(
            "action_description_required",
            f"Enter what action {index + 1} is",
            field=prefix + "description",
        )
    if action.owner is None:
        raise DomainError(
            "action_owner_required",
            f"Choose who will do action {index + 1}",
            field=prefix + "owner",
        )
    if action.owner.pk not in eligible:
        raise DomainError(
            "action_owner_not_eligible",
            f"Choose someone in your teams, or the child's allocated worker, "
            f"to do action {index + 1}",
            field=prefix + "owner",
        )
    if action.due_on is None:
        raise DomainError(
            "action_due_required",
            f"Enter when action {index + 1} is due",
            field=prefix + "due_on",
        )
    if action.due_on < held_on:
        raise DomainError(
            "action_due_before_supervision",
            f"Action {index + 1} cannot be due before the supervision",
            field=prefix + "due_on",
        )
    return (action.description.strip(), action.owner, action.due_on)
