"""Writing imported history: each record found by its natural key (so a second
run, or the next year's files, finds what the first wrote), created when new,
completed when the files now say how it ended, and refused when the files
disagree with what Haven holds. Every write appends a `returns.imported`
event to the child's journal, source "import", with the file and row.

The journal event's type is Haven's own, not the event a worker's action
appends (care.period_of_care_started, ...): history is not news, so it starts
no timescale and tells no one (backfilled)."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.contrib.auth.hashers import make_password
from django.db import models, transaction

from haven.core import clock, codelists, journal
from haven.core.models import JournalEvent, User
from haven.people.models import Person
from haven.returns.legacy.rows import Origin, Problem

EVENT = "returns.imported"
IMPORT_USERNAME = "legacy-import"

M = TypeVar("M", bound=models.Model)


def import_user() -> User:
    """The actor of every imported write: a user no one can sign in as."""
    user, _ = User.objects.get_or_create(
        username=IMPORT_USERNAME,
        defaults={
            "first_name": "Migrated",
            "last_name": "history",
            "job_title": "Import of earlier statutory returns",
            "is_active": False,
            "password": make_password(None),
        },
    )
    return user


class Refused(Exception):
    """A row Haven cannot take: the child's other rows are still loaded."""

    def __init__(self, origin: Origin | None, words: str) -> None:
        super().__init__(words)
        self.origin = origin
        self.words = words


@dataclass
class Tally:
    created: dict[str, int] = field(default_factory=dict)
    completed: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0

    def add(self, counts: dict[str, int], what: str) -> None:
        counts[what] = counts.get(what, 0) + 1


@dataclass
class Writer:
    """One child's import: who does it, and what came of it."""

    by: User
    person: Person
    tally: Tally
    problems: list[Problem]
    child: str

    def refuse(self, origin: Origin | None, words: str) -> None:
        self.problems.append(Problem(origin, self.child, words))

    def ensure(
        self,
        model: type[M],
        what: str,
        origin: Origin,
        key: dict[str, Any],
        values: dict[str, Any],
        on: dt.date,
        *,
        extra: dict[str, Any] | None = None,
        pending: dict[str, Any] | None = None,
        changeable: tuple[str, ...] = (),
    ) -> M:
        """The record with `key`: created with `values` (and `extra`, given
        only to a new record); or, held already, given the values it lacks (an
        end the next year's file knows; a value in `pending` counts as not yet
        known, as an assessment in progress). A value held that the file
        contradicts refuses the row."""
        found = model._default_manager.filter(**key).first()
        if found is None:
            found = model._default_manager.create(**key, **values, **(extra or {}))
            self.journal(what, "created", found, origin, on, {**key, **values})
            self.tally.add(self.tally.created, what)
            return found
        changes = {
            name: value
            for name, value in values.items()
            if _stored(getattr(found, name)) != _stored(value)
        }
        waiting = pending or {}
        clashes = [
            n
            for n in changes
            if _stored(getattr(found, n)) not in ("", None, [])
            and (n not in waiting or getattr(found, n) != waiting[n])
            and n not in changeable
        ]
        if clashes:
            raise Refused(origin, _clash_words(what, found, clashes, changes))
        if changes:
            for name, value in changes.items():
                setattr(found, name, value)
            found.save(update_fields=list(changes))
            self.journal(what, "completed", found, origin, on, changes)
            self.tally.add(self.tally.completed, what)
        else:
            self.tally.unchanged += 1
        return found

    def journal(
        self,
        what: str,
        how: str,
        record: models.Model,
        origin: Origin,
        on: dt.date,
        values: dict[str, Any],
    ) -> None:
        journal.append(
            self.person,
            EVENT,
            {
                "record": what,
                "id": record.pk,
                "how": how,
                **origin.as_payload(),
                "values": {k: _stored(v) for k, v in values.items()},
            },
            by=self.by,
            occurred_at=clock.start_of(on),
            source=JournalEvent.Source.IMPORT,
            backfilled=True,
        )


def _stored(value: Any) -> Any:
    """A value as compared and journaled: a record by its ID."""
    if isinstance(value, models.Model):
        return value.pk
    return value


def _clash_words(
    what: str, found: models.Model, clashes: list[str], changes: dict[str, Any]
) -> str:
    said = "; ".join(
        f"{name.replace('_', ' ')} is {_stored(getattr(found, name))} in Haven, "
        f"{_stored(changes[name]) or 'blank'} in the file"
        for name in clashes
    )
    return f"the {what} is already recorded differently ({said})"


def check_code(
    list_name: str,
    code: str,
    *,
    year: int,
    column: str,
    origin: Origin,
    blank: bool = False,
) -> None:
    """Refuse a code not in the DfE's list for the year."""
    if blank and not code:
        return
    if not code or not codelists.is_valid(list_name, code, year=year):
        raise Refused(
            origin,
            f"{column} '{code}' is not a code the DfE's list holds for "
            f"{year - 1}-{str(year)[2:]}"
            if code
            else f"{column} is blank",
        )


def each(
    items: list[Any], write: Callable[[Any], object], writer: Writer, origin_of: Any
) -> None:
    """Write each item; a refused one is reported and the rest go on."""
    for item in items:
        try:
            with transaction.atomic():  # a refused item leaves nothing behind
                write(item)
        except Refused as refused:
            writer.refuse(refused.origin or origin_of(item), refused.words)
