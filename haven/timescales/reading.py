"""What the engine reads to recompute one child's obligations: their events,
birth date and stored obligations, and the council's rule settings.

Each through a query compiled once a database (haven/core/compiled.py): a
child's obligations are recomputed after every step that journals an event
a rule watches, and building these queries took Django about ten times what
the database took to answer them.
"""

import datetime as dt
from typing import Any

from django.db.models import Field, Model, Q, QuerySet

from haven.core import compiled
from haven.core.models import JournalEvent
from haven.people.models import Person
from haven.timescales.models import Obligation, RuleSetting
from haven.timescales.registry import watched_event_types


def events(person_id: int) -> list[JournalEvent]:
    """The child's events that can bear on an obligation, corrections included."""
    watched = frozenset(watched_event_types())  # the rules switched on

    def build(rows: QuerySet[Any]) -> compiled.Compiled:
        relevant = Q(type__in=sorted(watched)) | Q(corrects__isnull=False)
        mine = rows.filter(relevant, person_id=compiled.ID_STAND_IN)
        columns = ("id", "person_id", "sequence", "type", "payload", "occurred_at")
        return compiled.Compiled(
            mine.order_by("sequence").values(*columns, "corrects_id"),
            [_person_slot(JournalEvent)],
        )

    query = compiled.once(("timescales.events", watched), JournalEvent, build)
    return query.instances(JournalEvent, person=person_id)


def birth_date(person_id: int) -> dt.date | None:
    """What a rule's condition may read of the child (their age)."""

    def build(rows: QuerySet[Any]) -> compiled.Compiled:
        mine = rows.filter(pk=compiled.ID_STAND_IN).order_by()
        slot = compiled.Slot("person", compiled.ID_STAND_IN, Person._meta.pk)
        return compiled.Compiled(mine.values("date_of_birth"), [slot])

    row = compiled.once("timescales.birth_date", Person, build).first(person=person_id)
    return None if row is None else row["date_of_birth"]


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
