"""A child's periods of care, each with its legal statuses and placements as
a history (haven.care.history), read in three queries and grouped here
(Django's prefetch took longer than the queries themselves).

A statutory visit recorded asks only for the periods open on the visit's day,
on every visit a worker records: those three queries are compiled once
(haven/core/compiled.py), only the child and the day swapped in, since
building them cost Django more than running them."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models import QuerySet

from haven.care.history import CareHistory
from haven.care.models import LegalStatus, PeriodOfCare, Placement
from haven.care.recording import history_of
from haven.core import compiled
from haven.people.selectors import records_of_id


def histories(person_id: int) -> list[CareHistory]:
    """Every period of care of the child (and the records merged into theirs)."""
    periods = list(PeriodOfCare.objects.filter(person_id__in=records_of_id(person_id)))
    ids = [p.pk for p in periods]
    if not ids:
        return []
    statuses = LegalStatus.objects.filter(period_id__in=ids).order_by(
        "started_on", "pk"
    )
    # A stay reads its provider: with the placements, not one query each.
    placements = Placement.objects.filter(period_id__in=ids).select_related("provider")
    return grouped(periods, statuses, placements)


def open_on(person_id: int, day: dt.date) -> list[CareHistory]:
    """The child's periods of care open on the day, as `histories` has them."""
    periods = compiled.once(("care.visits", "periods open"), PeriodOfCare, _periods)
    found = periods.objects(person=person_id, day=day)
    if not found:
        return []
    statuses = compiled.once(("care.visits", "statuses"), LegalStatus, _statuses)
    placements = compiled.once(("care.visits", "placements"), Placement, _placements)
    ids = compiled.ids_value(statuses.database, [p.pk for p in found])
    return grouped(found, statuses.objects(ids=ids), placements.objects(ids=ids))


def grouped(
    periods: list[PeriodOfCare],
    statuses: Iterable[LegalStatus],
    placements: Iterable[Placement],
) -> list[CareHistory]:
    """Each period as a history, its statuses in the order given and its
    placements by start."""
    held: dict[int, list[LegalStatus]] = {p.pk: [] for p in periods}
    for status in statuses:
        held[status.period_id].append(status)
    placed: dict[int, list[Placement]] = {p.pk: [] for p in periods}
    for placement in placements:
        placed[placement.period_id].append(placement)
    return [
        history_of(
            p,
            held[p.pk],
            sorted(placed[p.pk], key=lambda row: (row.started_on, row.pk)),
        )
        for p in periods
    ]


def _periods(rows: QuerySet[Any]) -> compiled.Compiled:
    person = compiled.Slot(
        "person", compiled.ID_STAND_IN, models.BigIntegerField(), repeated=True
    )
    day = compiled.Slot("day", compiled.DAY_STAND_IN, models.DateField(), repeated=True)
    query = rows.filter(
        person_id__in=records_of_id(compiled.ID_STAND_IN),
        started_on__lte=compiled.DAY_STAND_IN,
    ).exclude(ended_on__lt=compiled.DAY_STAND_IN)
    return compiled.Compiled(query, [person, day])


def _statuses(rows: QuerySet[Any]) -> compiled.Compiled:
    ids, slot = compiled.ids_in(rows.db)
    ordered = rows.filter(period_id__in=ids).order_by("started_on", "pk")
    return compiled.Compiled(ordered, [slot])


def _placements(rows: QuerySet[Any]) -> compiled.Compiled:
    ids, slot = compiled.ids_in(rows.db)
    with_provider = rows.filter(period_id__in=ids).select_related("provider")
    return compiled.Compiled(with_provider, [slot])
