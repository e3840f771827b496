"""Which of many records a user may open, and which may not even be named.

A page that lists people (a child's relatives, a queue's items) asks this of
every row at once. Narrowing a queryset by `visible_filter` gives the same
answer, but Django compiles its dozen subqueries again on every call, which
costs more than the page's own reads; here the query is compiled once per
user's rules, with the ids and the time as slots (haven.core.compiled), and
each call only runs it.
"""

import json
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import connections, router
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.db.models.expressions import RawSQL

from haven.core import access, clock, compiled
from haven.core.models import BreakGlass, Restriction, User

# The ids are one parameter, whatever their number, so one compiled query
# serves every call: a JSON array on SQLite, an array on PostgreSQL.
IDS_IN = {
    "sqlite": ("SELECT value FROM json_each(%s)", f"[{compiled.ID_STAND_IN}]"),
    "postgresql": ("SELECT unnest(%s::bigint[])", [compiled.ID_STAND_IN]),
}


@dataclass(frozen=True)
class Among:
    openable: set[int]  # the records the user may open
    unnamed: set[int]  # restricted or sealed records they may not: not named
    changeable: set[int]  # the records they may change (not on break-glass)


def openable_among(user: User, ids: set[int]) -> Among:
    """Of these people's ids, which the user may open, which are secret to them
    and which they may change (the same rules as `access.visible_filter`,
    `access.unnamed_for` and `access.lasting_filter`)."""
    if not ids or not user.is_active:
        return Among(set(), set(), set())
    person = apps.get_model("people", "Person")
    database = router.db_for_read(person)
    vendor = connections[database].vendor
    rules = access.rules_for(user)
    where = ("among", database)
    query = rules.compiled.get(where)
    if query is None:
        query = rules.compiled[where] = _compile(user, person, database, vendor)
    asked = sorted(ids)
    value: Any = json.dumps(asked) if vendor == "sqlite" else asked
    rows = query.all(ids=value, now=clock.now())
    return Among(
        openable={row["pk"] for row in rows if row["visible"]},
        unnamed={row["pk"] for row in rows if row["secret"] and not row["visible"]},
        changeable={row["pk"] for row in rows if row["lasting"]},
    )


def _compile(user: User, person: Any, database: str, vendor: str) -> compiled.Compiled:
    sql, stand_in = IDS_IN[vendor]
    visible = access.visible_filter(user, now=compiled.TIME_STAND_IN)
    secret = Q(Exists(Restriction.objects.filter(person=OuterRef("pk"))))
    queryset = (
        person.objects.using(database)
        .filter(pk__in=RawSQL(sql, [stand_in]))
        .annotate(
            visible=ExpressionWrapper(visible, output_field=BooleanField()),
            secret=ExpressionWrapper(secret, output_field=BooleanField()),
            lasting=ExpressionWrapper(
                access.lasting_filter(user), output_field=BooleanField()
            ),
        )
        .order_by()
        .values("pk", "visible", "secret", "lasting")
    )
    return compiled.Compiled(
        queryset,
        [
            compiled.Slot("ids", stand_in, compiled.AsIs()),
            compiled.Slot(
                "now",
                compiled.TIME_STAND_IN,
                BreakGlass._meta.get_field("expires_at"),
                optional=True,  # no break-glass for a role that reads no records
            ),
        ],
    )
