"""Which of many records a user may open, and which may not even be named.

A page that lists people (a child's relatives, a queue's items) asks this of
every row at once. Narrowing a queryset by `visible_filter` gives the same
answer, but Django compiles its dozen subqueries again on every call, which
costs more than the page's own reads; here the query is compiled once per
user's rules, with the ids and the time as slots (haven.core.compiled), and
each call only runs it.
"""

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models, router
from django.db.models import BooleanField, Case, Exists, OuterRef, Q, Value, When

from haven.core import access, clock, compiled, few
from haven.core.models import BreakGlass, Restriction, User


@dataclass(frozen=True)
class Among:
    openable: set[int]  # the records the user may open
    unnamed: set[int]  # restricted or sealed records they may not: not named


def openable_among(user: User, ids: set[int]) -> Among:
    """Of these people's ids, which the user may open and which are secret to
    them (the same rules as `access.visible_filter` and `access.unnamed_for`)."""
    rows = _run(user, ids, "open")
    return Among(
        openable={row["pk"] for row in rows if row["visible"]},
        unnamed={row["pk"] for row in rows if row["secret"] and not row["visible"]},
    )


def changeable_among(user: User, ids: set[int]) -> set[int]:
    """Of these people's ids, those the user may change (not on break-glass:
    the same rule as `access.lasting_filter`)."""
    return {row["pk"] for row in _run(user, ids, "change") if row["lasting"]}


def _run(user: User, ids: set[int], asking: str) -> list[dict[str, Any]]:
    """One compiled query a user's rules for each question, each the database
    working out only what it is asked."""
    if not ids or not user.is_active:
        return []
    person = apps.get_model("people", "Person")
    database = router.db_for_read(person)
    rules = access.rules_for(user)
    # A few ids each in a slot of their own, not in one array: PostgreSQL
    # plans a query over an array afresh on every run (its plan for any array
    # looks costlier than one for the array it is given), and planning this
    # query takes ten times as long as running it.
    count = len(ids) if len(ids) <= few.FEW else None
    where = (f"among:{asking}", database, count)
    query = rules.compiled.get(where)
    if query is None:
        query = rules.compiled[where] = _compile(user, person, database, asking, count)
    if count is None:
        return query.all(ids=compiled.ids_value(database, ids), now=clock.now())
    ordered = {f"id_{i}": pk for i, pk in enumerate(sorted(ids))}
    return query.all(**ordered, now=clock.now())


def _columns(user: User, asking: str) -> dict[str, Q]:
    if asking == "change":
        return {"lasting": access.lasting_filter(user)}
    return {
        "visible": access.visible_filter(user, now=compiled.TIME_STAND_IN),
        "secret": Q(Exists(Restriction.objects.filter(person=OuterRef("pk")))),
    }


def _ids(database: str, count: int | None) -> tuple[Any, list[compiled.Slot]]:
    """What `pk__in` is given, and its slots: `count` ids, or any number."""
    if count is None:
        ids, slot = compiled.ids_in(database)
        return ids, [slot]
    stand_ins = [compiled.ID_STAND_IN - i for i in range(count)]
    slots = [
        compiled.Slot(f"id_{i}", stand_in, models.BigIntegerField())
        for i, stand_in in enumerate(stand_ins)
    ]
    return stand_ins, slots


def _compile(
    user: User, person: Any, database: str, asking: str, count: int | None
) -> compiled.Compiled:
    ids, ids_slots = _ids(database, count)
    # Each answer as CASE WHEN, not the bare condition: SQLite works out every
    # operand of an AND or OR in a selected column (a dozen subqueries a row),
    # but stops at the first that decides one in a CASE's WHEN, as in a WHERE.
    # The same answer, in half the time for a list of children.
    columns = {
        name: Case(
            When(condition, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
        for name, condition in _columns(user, asking).items()
    }
    queryset = (
        person.objects.using(database)
        .filter(pk__in=ids)
        .annotate(**columns)
        .order_by()
        .values("pk", *columns)
    )
    return compiled.Compiled(
        queryset,
        [
            *ids_slots,
            compiled.Slot(
                "now",
                compiled.TIME_STAND_IN,
                BreakGlass._meta.get_field("expires_at"),
                optional=True,  # no break-glass when only changes are asked of
            ),
        ],
    )
