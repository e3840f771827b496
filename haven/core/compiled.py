"""A query compiled to SQL once and run many times with fresh values.

Building and compiling a query with a dozen subqueries costs Django a few
milliseconds of Python; running it costs the database a fraction of one. A
question asked many times in one request (may this user open this record?)
compiles its query once, with a stand-in for each value that changes between
asks (which record, the time now), and then only swaps those values in.

Each stand-in is a value no real query holds; `Compiled` finds where the
compiled parameters hold it (prepared for the database the way the field
prepares it) and refuses a query where it is not found exactly once (or, for
a slot declared `repeated`, not at all).
"""

import datetime as dt
import functools
import json
from collections.abc import Callable, Collection, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import connections, router
from django.db.models import Field, Model, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.query import get_related_populators

M = TypeVar("M", bound=Model)

# Runs of the same compiled query on a connection before PostgreSQL keeps it
# prepared (psycopg's own default).
PREPARE_AFTER = 5
# Runs before a connection answers a compiled query as it will from then on:
# once prepared, PostgreSQL still plans it afresh for each of its next five
# runs before it settles on a plan it keeps (plan_cache_mode "auto", the
# PREPARE documentation). The benchmarks warm a check or a write this often,
# as a server's connection in use has them.
SETTLED_AFTER = PREPARE_AFTER + 5

# Values no real query holds.
ID_STAND_IN = -7_310_251_943
TIME_STAND_IN = dt.datetime(1901, 2, 3, 4, 5, 6, 789_012, tzinfo=dt.UTC)
DAY_STAND_IN = dt.date(1901, 2, 3)

# A set of ids as one parameter, whatever their number, so one compiled query
# serves every call: a JSON array on SQLite, an array on PostgreSQL. (A list
# `pk__in` would be compiled again for each number of ids, and Django prepares
# each id in Python: a tenth of a millisecond every hundred ids.)
IDS_IN = {
    "sqlite": ("SELECT value FROM json_each(%s)", f"[{ID_STAND_IN}]"),
    "postgresql": ("SELECT unnest(%s::bigint[])", [ID_STAND_IN]),
}


@dataclass(frozen=True)
class Slot:
    """A value swapped in on each run: its stand-in, and the field whose
    preparation (a datetime as text on SQLite) it takes."""

    name: str
    stand_in: Any
    field: Field
    optional: bool = False  # a part of the query that may be left out
    repeated: bool = False  # asked in more than one place (each swapped)


class Compiled:
    """The SQL of `queryset` (a .values() query), with `slots` to fill."""

    def __init__(
        self,
        queryset: QuerySet[Any],
        slots: list[Slot],
        *,
        plan_each_over: int | None = None,
    ) -> None:
        # Asked of more ids than this (a slot's list), PostgreSQL plans the
        # query for the ids it is given on each run, not once for any: a kept
        # plan is made for about ten, and some (who holds each case, on a
        # board of two thousand children) then take three times as long.
        self.plan_each_over = plan_each_over
        self.database = queryset.db
        connection = connections[self.database]
        compiler = queryset.query.get_compiler(using=self.database)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        self.columns = [alias for _expression, _sql, alias in compiler.select]
        self.expressions = [expression for expression, _sql, _alias in compiler.select]
        # What a model queryset's rows are made into objects by (`objects`).
        self.select, self.klass_info = compiler.select, compiler.klass_info
        self.annotated = bool(compiler.annotation_col_map)
        # On PostgreSQL the placeholders are numbered once, here: psycopg would
        # otherwise parse a query this long (a hundred placeholders) on every
        # run, which took longer than the server took to run it.
        numbered = connection.vendor == "postgresql" and "%%" not in self.sql
        self.numbered_sql = _numbered(self.sql) if numbered else None
        self.slots: list[tuple[int, Slot]] = []
        for slot in slots:
            prepared = slot.field.get_db_prep_value(slot.stand_in, connection)
            where = [i for i, value in enumerate(self.params) if value == prepared]
            if slot.optional and not where:
                continue
            if len(where) != 1 and not (slot.repeated and where):
                raise ValueError(f"{slot.name} is in the compiled query {len(where)}x")
            self.slots += [(index, slot) for index in where]

    def first(self, **values: Any) -> dict[str, Any] | None:
        """Run the query with these values in its slots; its first row."""
        rows = self.all(**values)
        return rows[0] if rows else None

    def all(self, **values: Any) -> list[dict[str, Any]]:
        """Run the query with these values in its slots; every row."""
        return [
            dict(zip(self.columns, row, strict=True)) for row in self.rows(**values)
        ]

    def objects(self, **values: Any) -> list[Any]:
        """Run a model queryset (not .values()), select_related included; its
        objects, as Django's own iterable makes them from the rows."""
        klass_info = self.klass_info
        if self.annotated or not klass_info:
            raise ValueError("objects() is for a model queryset with no annotations")
        fields = klass_info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        names = [column.target.attname for column, *_ in self.select[start:end]]
        populators = get_related_populators(  # type: ignore[call-arg]  # (Django 5.2)
            klass_info, self.select, self.database
        )
        made = []
        for row in self.rows(**values):
            obj = klass_info["model"].from_db(self.database, names, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            made.append(obj)
        return made

    def rows(self, **values: Any) -> list[Any]:
        """Run the query with these values in its slots; every row, its
        columns converted as Django converts them."""
        connection = connections[self.database]
        params = self.bound(**values)
        # Django's query log reads a query's text back from its own cursor:
        # while queries are logged (DEBUG, a test counting them), that one.
        if connection.queries_logged or connection.vendor != "postgresql":
            cursor, sql = connection.cursor(), self.sql
        else:
            cursor, sql = (
                _prepared(connection, self.numbered_sql, self._kept_plan(params)),
                self.numbered_sql or self.sql,
            )
        with cursor:
            cursor.execute(sql, params)
            return _converted(cursor.fetchall(), self.expressions, connection)

    def _kept_plan(self, params: list[Any]) -> bool:
        """Whether PostgreSQL may keep this run's plan (see plan_each_over)."""
        over = self.plan_each_over
        return over is None or not any(
            isinstance(value, list) and len(value) > over for value in params
        )

    def bound(self, **values: Any) -> list[Any]:
        """The parameters, with these values in their slots."""
        connection = connections[self.database]
        params = list(self.params)
        for index, slot in self.slots:
            params[index] = slot.field.get_db_prep_value(values[slot.name], connection)
        return params

    def instances(self, model: type[M], **values: Any) -> list[M]:
        """The rows as instances of `model`, as a queryset of it would give
        them (the query's .values() names only the model's own fields, by
        attname; the others are deferred)."""
        return self.to_instances(model, self.all(**values))

    def to_instances(self, model: type[M], rows: list[dict[str, Any]]) -> list[M]:
        """Rows this query gave, as `instances` gives them (columns other than
        the model's own fields left out)."""
        if not rows:
            return []
        names = [f.attname for f in model._meta.concrete_fields if f.attname in rows[0]]
        return [
            model.from_db(self.database, names, [row[name] for name in names])
            for row in rows
        ]


def _converted(
    rows: list[tuple[Any, ...]], expressions: list[Any], connection: Any
) -> list[Any]:
    """The rows with each column as Django gives it (a date, a datetime in the
    right zone, a JSON value decoded), not as the driver reads it."""
    converters = []
    for index, expression in enumerate(expressions):
        found = connection.ops.get_db_converters(
            expression
        ) + expression.get_db_converters(connection)
        if found:
            converters.append((index, found, expression))
    if not converters:
        return rows
    converted = []
    for row in rows:
        values = list(row)
        for index, found, expression in converters:
            for converter in found:
                values[index] = converter(values[index], expression, connection)
        converted.append(values)
    return converted


_ONCE: dict[tuple[str, Hashable], Compiled] = {}


def once(
    key: Hashable, model: type[Model], build: Callable[[QuerySet[Any]], Compiled]
) -> Compiled:
    """The query `build` makes of `model`'s rows, compiled once per database
    and `key` (a name for the question, with anything its SQL depends on)."""
    using = router.db_for_read(model)
    query = _ONCE.get((using, key))
    if query is None:
        query = _ONCE[(using, key)] = build(model._default_manager.using(using))
    return query


def ids_in(database: str, name: str = "ids") -> tuple[RawSQL, Slot]:
    """A subquery of the ids for `field__in=`, and its slot (filled by
    `ids_value`)."""
    sql, stand_in = IDS_IN[connections[database].vendor]
    return RawSQL(sql, [stand_in]), Slot(name, stand_in, AsIs())


def ids_subquery(database: str, ids: Collection[int]) -> RawSQL:
    """These ids as one parameter, for `field__in=` in a query built as usual
    (however many there are: a list would be a parameter each)."""
    sql, _stand_in = IDS_IN[connections[database].vendor]
    return RawSQL(sql, [ids_value(database, ids)])


def ids_value(database: str, ids: Collection[int]) -> Any:
    """The value of an `ids_in` slot: these ids."""
    asked = sorted(ids)
    return json.dumps(asked) if connections[database].vendor == "sqlite" else asked


def every_field(rows: QuerySet[Any]) -> QuerySet[Any]:
    """The rows' every column, by attname: what `instances` makes a model of."""
    return rows.values(*(f.attname for f in rows.model._meta.concrete_fields))


def _numbered(sql: str) -> str:
    """Django's %s placeholders as PostgreSQL's own $1, $2, ..."""
    first, *rest = sql.split("%s")
    return first + "".join(f"${n}{part}" for n, part in enumerate(rest, start=1))


def _prepared(connection: Any, numbered_sql: str | None, kept: bool = True) -> Any:
    """A PostgreSQL cursor that binds on the server, so that psycopg prepares
    the statement once a connection has run it (`prepare_threshold`): planning
    a query of a dozen subqueries takes the server about 2 ms, running it a
    tenth of that. Django's own cursors bind on the client and never prepare,
    so nothing else changes. (A pooler in transaction mode would need its
    prepared statement support switched on.)"""
    import psycopg
    from django.db.backends.postgresql.base import ServerBindingCursor

    connection.ensure_connection()
    if connection.connection.prepare_threshold is None:
        connection.connection.prepare_threshold = PREPARE_AFTER
    kind: Any = psycopg.RawCursor if numbered_sql else ServerBindingCursor
    if not kept:
        kind = _unprepared(kind)
    # Wrapped as Django wraps its own, so execute_wrappers (the query counts
    # of tests and benchmarks) see these queries too.
    return connection._prepare_cursor(kind(connection.connection))


@functools.cache
def _unprepared(kind: type) -> type:
    """A cursor of `kind` that never prepares its statement: each run is
    planned for its own values (Compiled.plan_each_over)."""

    class Unprepared(kind):
        def execute(self, query: Any, params: Any = None, **options: Any) -> Any:
            return super().execute(query, params, **{**options, "prepare": False})

    return Unprepared


class AsIs(Field):
    """A slot's value passed to the database as it is (a raw SQL parameter)."""

    def get_db_prep_value(
        self, value: Any, connection: Any, prepared: bool = False
    ) -> Any:
        return value
