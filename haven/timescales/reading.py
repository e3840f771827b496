"""What the engine reads to recompute one child's obligations: their events,
birth date and stored obligations, and the council's rule settings.

Each through a query compiled once a database (haven/core/compiled.py): a
child's obligations are recomputed after every step that journals an event
a rule watches, and building these queries took Django about ten times what
the database took to answer them.
"""

import datetime as dt
from typing import Any

from django.db.models import F, Field, Model, Q, QuerySet

from haven.core import compiled
from haven.core.models import JournalEvent
from haven.timescales.models import Obligation, RuleSetting
from haven.timescales.registry import watched_event_types


def events(person_id: int) -> list[JournalEvent]:
    """The child's events that can bear on an obligation, corrections included."""
    return events_and_birth_date(person_id)[0]


def events_and_birth_date(
    person_id: int,
) -> tuple[list[JournalEvent], dt.date | None]:
    """The child's events that can bear on an obligation, corrections included,
    and the child's birth date (what a rule's condition may read: their age),
    in one query. With no such event there is no obligation, and no birth date
    is needed (None)."""
    watched = frozenset(watched_event_types())  # the rules switched on

    def build(rows: QuerySet[Any]) -> compiled.Compiled:
        relevant = Q(type__in=sorted(watched)) | Q(corrects__isnull=False)
        mine = rows.filter(relevant, person_id=compiled.ID_STAND_IN)
        columns = ("id", "person_id", "sequence", "type", "payload", "occurred_at")
        return compiled.Compiled(
            mine.order_by("sequence").values(
                *columns, "corrects_id", born=F("person__date_of_birth")
            ),
            [_person_slot(JournalEvent)],
        )

    query = compiled.once(("timescales.events", watched), JournalEvent, build)
    rows = query.all(person=person_id)
    born = rows[0]["born"] if rows else None
    return query.to_instances(JournalEvent, rows), born


# A sequence number no real stream reaches (and a 32-bit integer still holds:
# PostgreSQL leaves out a comparison with one it cannot hold).
SEQUENCE_STAND_IN = 2_073_102_519


def since(
    person_id: int, first: dt.datetime, sequence: int
) -> tuple[set[int], dt.date | None]:
    """The ids of the child's events that can bear on an obligation and come
    after `first` (when they happened) or from `sequence` on (when they were
    recorded), and the child's birth date (None with no such event)."""
    watched = frozenset(watched_event_types())

    def build(rows: QuerySet[Any]) -> compiled.Compiled:
        relevant = Q(type__in=sorted(watched)) | Q(corrects__isnull=False)
        later = Q(occurred_at__gt=compiled.TIME_STAND_IN) | Q(
            sequence__gte=SEQUENCE_STAND_IN
        )
        mine = rows.filter(relevant, later, person_id=compiled.ID_STAND_IN)
        fields = JournalEvent._meta
        return compiled.Compiled(
            mine.values("id", born=F("person__date_of_birth")),
            [
                _person_slot(JournalEvent),
                compiled.Slot(
                    "first", compiled.TIME_STAND_IN, fields.get_field("occurred_at")
                ),
                compiled.Slot(
                    "sequence", SEQUENCE_STAND_IN, fields.get_field("sequence")
                ),
            ],
        )

    query = compiled.once(("timescales.since", watched), JournalEvent, build)
    rows = query.all(person=person_id, first=first, sequence=sequence)
    return {row["id"] for row in rows}, rows[0]["born"] if rows else None


def open_obligations(person_id: int) -> list[Obligation]:
    """The child's stored obligations not yet met or ended."""

    def build(rows: QuerySet[Any]) -> compiled.Compiled:
        due = rows.filter(person_id=compiled.ID_STAND_IN, status=Obligation.Status.DUE)
        return compiled.Compiled(
            compiled.every_field(due.order_by("pk")), [_person_slot(Obligation)]
        )

    query = compiled.once("timescales.open_obligations", Obligation, build)
    return query.instances(Obligation, person=person_id)


def obligations(person_id: int) -> list[Obligation]:
    """The child's stored obligations."""

    def build(rows: QuerySet[Any]) -> compiled.Compiled:
        mine = rows.filter(person_id=compiled.ID_STAND_IN).order_by("pk")
        return compiled.Compiled(compiled.every_field(mine), [_person_slot(Obligation)])

    query = compiled.once("timescales.obligations", Obligation, build)
    return query.instances(Obligation, person=person_id)


def rule_settings() -> list[RuleSetting]:
    """The council's settings of every rule, the latest first."""

    def build(rows: QuerySet[Any]) -> compiled.Compiled:
        latest = rows.order_by("-applies_from", "-recorded_at")
        return compiled.Compiled(compiled.every_field(latest), [])

    return compiled.once("timescales.settings", RuleSetting, build).instances(
        RuleSetting
    )


def _person_slot(model: type[Model]) -> compiled.Slot:
    person = model._meta.get_field("person")
    assert isinstance(person, Field)
    return compiled.Slot("person", compiled.ID_STAND_IN, person)
