"""Queries about a few records, compiled once.

A child's page asks about one child (with any records merged into theirs)
every time it is shown: its sections' and the discrepancy checks' questions.
Building each query cost Django the better part of a millisecond, running it a
tenth of that. For a few ids the query is compiled once for each number of ids
(haven/core/compiled.py), with a stand-in for each id, for the day and for the
time now, and only those are swapped in; asked of more ids (the managers'
lists, over every looked-after child) the query is built as before.
"""

import datetime as dt
from collections.abc import Callable, Collection
from typing import Any

from django.db import models
from django.db.models import Model, QuerySet

from haven.core import compiled

# Up to this many ids a query is compiled once; a child's page asks about one.
FEW = 4

# Builds the query from the ids, the day and a time (None when the caller
# passes none: a query that holds no time).
Build = Callable[[list[int], dt.date, Any], QuerySet[Any]]


def objects(
    name: str,
    model: type[Model],
    ids: Collection[int],
    build: Build,
    today: dt.date,
    now: dt.datetime | None = None,
) -> list[Any]:
    """The model instances the query `build` makes gives (select_related
    included); `name` names the question."""
    return _run(name, model, ids, build, today, now, many=False)


def rows(
    name: str,
    model: type[Model],
    ids: Collection[int],
    build: Build,
    today: dt.date,
    now: dt.datetime | None = None,
) -> list[dict[str, Any]]:
    """The rows (a .values() query of `build`) as dicts."""
    return _run(name, model, ids, build, today, now, many=True)


# Asks only about the ids: no day or time in it.
OfIds = Callable[[list[int]], QuerySet[Any]]


def of(name: str, model: type[Model], ids: Collection[int], query: OfIds) -> list[Any]:
    """The instances a query asking only about the ids gives, as `objects`."""
    return objects(name, model, ids, lambda found, _day, _now: query(found), _NO_DAY)


def first_of(
    name: str, model: type[Model], ids: Collection[int], query: OfIds
) -> Any | None:
    """The first instance such a query gives (in its own order), or None."""
    found = of(name, model, ids, lambda found: query(found)[:1])
    return found[0] if found else None


def values_of(
    name: str, model: type[Model], ids: Collection[int], query: OfIds
) -> list[dict[str, Any]]:
    """The rows of such a query (a .values() one), as `rows`."""
    return rows(name, model, ids, lambda found, _day, _now: query(found), _NO_DAY)


# The day passed to a query that holds none (its optional slot is not there).
_NO_DAY = dt.date.min


def _run(
    name: str,
    model: type[Model],
    ids: Collection[int],
    build: Build,
    today: dt.date,
    now: dt.datetime | None,
    *,
    many: bool,
) -> list[Any]:
    ordered = sorted(set(ids))
    if not ordered:
        return []  # nothing about no one (Django would not ask either)
    if len(ordered) > FEW:
        return list(build(ordered, today, now))
    stand_ins = [compiled.ID_STAND_IN - i for i in range(len(ordered))]

    def make(_rows: QuerySet[Any]) -> compiled.Compiled:
        query = build(stand_ins, compiled.DAY_STAND_IN, compiled.TIME_STAND_IN)
        slots = [
            # Repeated: a query may ask the ids in two places (either side
            # of a relationship).
            compiled.Slot(f"id_{i}", stand_in, models.BigIntegerField(), repeated=True)
            for i, stand_in in enumerate(stand_ins)
        ]
        slots += [
            compiled.Slot(
                "today",
                compiled.DAY_STAND_IN,
                models.DateField(),
                optional=True,
                repeated=True,
            ),
            compiled.Slot(
                "now", compiled.TIME_STAND_IN, models.DateTimeField(), optional=True
            ),
        ]
        return compiled.Compiled(query, slots)

    query = compiled.once(("few", name, len(ordered)), model, make)
    values: dict[str, Any] = {f"id_{i}": pk for i, pk in enumerate(ordered)}
    values |= {"today": today, "now": now}
    return query.all(**values) if many else query.objects(**values)
