"""The one-record access query (access.record_facts), compiled once for every day.

Compiling it (a dozen subqueries) costs Django several milliseconds, running
it a tenth of one. Of the day, a user's relationship filters bake in only the
values they declare (`day_values`: since when a case that ended still opens,
say), so the query is compiled with a stand-in day, those values as slots, and
shared between days as between requests (haven.core.shared_rules). A user
checked on many days (the benchmark's authority is recorded a day at a time,
years of them) compiles it once, not once a day.

A relationship that read the day some other way would leave a date near the
stand-in in the compiled query: that is refused. With
HAVEN_CHECK_SHARED_ACCESS_RULES (the test suite) each query is also compared,
once a day, with the query compiled for the day itself.
"""

import datetime as dt
import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models, router
from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    Subquery,
)

from haven.core import access, compiled, shared_rules
from haven.core.models import BreakGlass, Restriction, User

_checked: set[tuple[Any, dt.date]] = set()


def query_for(user: User, rules: access.Rules, model: Any) -> compiled.Compiled:
    """The user's one-record query over `model`, for any day."""
    key = ("record facts", rules.key[1:], model._meta.label, router.db_for_read(model))
    query: compiled.Compiled = shared_rules.shared(
        key, lambda: _for_any_day(user, rules, model), _same
    )
    if settings.HAVEN_CHECK_SHARED_ACCESS_RULES and (key, rules.key[0]) not in _checked:
        _check_the_day(user, rules, model, query)
        _checked.add((key, rules.key[0]))
    return query


def day_values(rules: access.Rules) -> dict[str, Any]:
    """The values of the query's day slots on the rules' day."""
    today = rules.key[0]
    return {f"day_{i}": value(today) for i, value in enumerate(rules.days)}


def compile_facts(
    user: User,
    rules: access.Rules,
    model: Any,
    days: tuple[compiled.Slot, ...] = (),
) -> compiled.Compiled:
    """The query of every fact record_facts reads, over one record."""
    flags: dict[str, Any] = {}
    related = Q(pk__in=[])
    for i, (_name, condition) in enumerate(rules.conditions):
        flags[f"direct_{i}"] = condition
        related |= condition
    duplicates = model.objects.filter(related, merged_into=OuterRef("pk"))
    flags["merged"] = Q(Exists(duplicates))
    columns = {
        name: ExpressionWrapper(condition, output_field=BooleanField())
        for name, condition in flags.items()
    }
    columns["granted"] = ExpressionWrapper(access.granted(user), BooleanField())
    columns["sealed_for"] = ExpressionWrapper(access.sealed_for(user), BooleanField())
    kind = Restriction.objects.filter(person=OuterRef("pk")).values("kind")[:1]
    live = BreakGlass.objects.filter(
        person=OuterRef("pk"), user=user, expires_at__gt=compiled.TIME_STAND_IN
    )
    latest = live.order_by("-started_at").values("reason")[:1]
    queryset = (
        model.objects.filter(pk=compiled.ID_STAND_IN)
        .annotate(**columns, kind=Subquery(kind), glass=Subquery(latest))
        .order_by()
        .values(*columns, "kind", "glass")
    )
    expires_at = BreakGlass._meta.get_field("expires_at")
    return compiled.Compiled(
        queryset,
        [
            compiled.Slot("pk", compiled.ID_STAND_IN, model._meta.pk),
            compiled.Slot("now", compiled.TIME_STAND_IN, expires_at),
            *days,
        ],
    )


def _for_any_day(user: User, rules: access.Rules, model: Any) -> compiled.Compiled:
    stand_in = access.build_rules(user, (compiled.DAY_STAND_IN, *rules.key[1:]))
    if [n for n, _q in stand_in.conditions] != [n for n, _q in rules.conditions]:
        raise ImproperlyConfigured("Whether a relationship applies depends on the day")
    slots = []
    for i, value in enumerate(stand_in.days):
        stand_in_value = value(compiled.DAY_STAND_IN)
        field = (
            models.DateTimeField()
            if isinstance(stand_in_value, dt.datetime)
            else models.DateField()
        )
        # Each relationship is asked twice: of the record, and of a duplicate
        # merged into it.
        slots.append(compiled.Slot(f"day_{i}", stand_in_value, field, repeated=True))
    query = compile_facts(user, stand_in, model, tuple(slots))
    _refuse_undeclared_days(query)
    return query


_NEAR_STAND_IN = re.compile(r"1[89]\d\d-\d\d-\d\d")


def _refuse_undeclared_days(query: compiled.Compiled) -> None:
    slotted = {index for index, _slot in query.slots}
    for index, value in enumerate(query.params):
        if index in slotted:
            continue
        if isinstance(value, dt.date):
            near = value.year < 1950
        else:
            near = isinstance(value, str) and bool(_NEAR_STAND_IN.match(value))
        if near:
            raise ImproperlyConfigured(
                "A relationship's filter reads the day beyond its day_values"
            )


def _same(kept: compiled.Compiled, fresh: compiled.Compiled) -> bool:
    return (kept.sql, kept.params) == (fresh.sql, fresh.params)


def _check_the_day(
    user: User, rules: access.Rules, model: Any, query: compiled.Compiled
) -> None:
    """The query for any day, on the rules' day, is the one compiled for it."""
    today = compile_facts(user, rules, model)
    stand_ins = {"pk": compiled.ID_STAND_IN, "now": compiled.TIME_STAND_IN}
    if (today.sql, today.params) != (
        query.sql,
        query.bound(**stand_ins, **day_values(rules)),
    ):
        raise ImproperlyConfigured(
            "The one-record query differs from the day's own: a relationship "
            "reads the day beyond its day_values"
        )
