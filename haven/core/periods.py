"""A dated record's period, declared once: where it starts and ends, whose it is,
and the rules the database keeps about it.

Many records hold for a stretch of days: an address, an allocation, a child in
need episode, an early help request, an immigration status, parental
responsibility (next: legal statuses, placements, payment lines). Each names its
period by its own field names::

    ADDRESS_PERIOD = Period(
        "address", start="started_on", end="ended_on", owner=("person",)
    )

and takes its database constraints from it (`Meta.constraints =
[*ADDRESS_PERIOD.constraints()]`):

- the end is on or after the start (a `CheckConstraint`);
- one open period per owner (a `UniqueConstraint` where the end is empty);
- no two periods of one owner overlap: on PostgreSQL an exclusion constraint
  over a `daterange` (with `btree_gist`, added by `BtreeGistExtension` in a
  migration, which does nothing on SQLite). SQLite cannot express it, so
  services ask `Period.clash` before writing, on both databases: it names the
  period the new one would overlap, in the user's words.

`owner` is the field(s) the rules are per: `("person", "role")` is one holder per
role of a child's case, roles overlapping freely.

An end is either exclusive (`inclusive_end=False`, the default: the day the
period ended, when the next may start; an address ends on the day of the move)
or inclusive (the last day it held). A period whose exclusive end equals its
start held on no day and overlaps nothing, as PostgreSQL's empty ranges do.
A row whose start is empty (`start_optional`, text carried over from before
the start was recorded) is no period: the rules and selectors pass over it.

See docs/decisions/0006-date-periods.md.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateRangeField, RangeOperators
from django.contrib.postgres.operations import BtreeGistExtension
from django.db import models
from django.db.models import F, Func, Q, Value

__all__ = [
    "BtreeGistExtension",
    "Clash",
    "NoOverlapConstraint",
    "Period",
    "contains",
    "half_open",
    "overlaps",
]

M = TypeVar("M", bound=models.Model)


# --- the arithmetic -------------------------------------------------------------


def half_open(
    start: dt.date, end: dt.date | None, *, inclusive_end: bool
) -> tuple[dt.date, dt.date | None]:
    """The period as [start, stop): `stop` the first day it no longer holds,
    None when open-ended."""
    if end is None or not inclusive_end:
        return start, end
    if end == dt.date.max:
        return start, None
    return start, end + dt.timedelta(days=1)


def contains(
    start: dt.date, end: dt.date | None, day: dt.date, *, inclusive_end: bool
) -> bool:
    """Whether the period holds on `day`."""
    first, stop = half_open(start, end, inclusive_end=inclusive_end)
    return first <= day and (stop is None or day < stop)


def overlaps(
    a: tuple[dt.date, dt.date | None],
    b: tuple[dt.date, dt.date | None],
    *,
    inclusive_end: bool,
) -> bool:
    """Whether two periods (start, end) share a day."""
    a_start, a_stop = half_open(*a, inclusive_end=inclusive_end)
    b_start, b_stop = half_open(*b, inclusive_end=inclusive_end)
    if a_start == a_stop or b_start == b_stop:
        return False  # a period that held on no day
    return (b_stop is None or a_start < b_stop) and (a_stop is None or b_start < a_stop)


# --- the database ---------------------------------------------------------------


class NoOverlapConstraint(ExclusionConstraint):
    """An exclusion constraint on PostgreSQL; on any other database nothing
    (SQLite has no exclusion constraints: the services' `Period.clash` keeps
    the rule there)."""

    def constraint_sql(self, model: Any, schema_editor: Any) -> Any:
        if schema_editor.connection.vendor != "postgresql":
            return None
        return super().constraint_sql(model, schema_editor)

    def create_sql(self, model: Any, schema_editor: Any) -> Any:
        if schema_editor.connection.vendor != "postgresql":
            return None
        return super().create_sql(model, schema_editor)

    def remove_sql(self, model: Any, schema_editor: Any) -> Any:
        if schema_editor.connection.vendor != "postgresql":
            return None
        return super().remove_sql(model, schema_editor)

    def validate(
        self, model: Any, instance: Any, exclude: Any = None, using: Any = "default"
    ) -> None:
        from django.db import connections

        if connections[using].vendor != "postgresql":
            return
        super().validate(model, instance, exclude=exclude, using=using)


def _date_range(start: str, end: str, bounds: str) -> Func:
    return Func(
        F(start),
        F(end),
        Value(bounds),
        function="daterange",
        output_field=DateRangeField(),
    )


@dataclass(frozen=True)
class Clash(Generic[M]):
    """An existing period the new one would overlap, and the words saying so."""

    row: M
    message: str


@dataclass(frozen=True)
class Period:
    """A model's period, by its field names. `name` prefixes its constraints'
    names; `one_open_name` keeps the name of a one-open constraint made before
    this helper existed."""

    name: str
    start: str
    end: str
    owner: tuple[str, ...]
    inclusive_end: bool = False
    one_open: bool = True
    no_overlap: bool = True
    start_optional: bool = False
    one_open_name: str = ""

    # -- constraints

    def constraints(self) -> list[models.BaseConstraint]:
        """The database's share of the rules, for `Meta.constraints`."""
        found: list[models.BaseConstraint] = [
            models.CheckConstraint(
                condition=self._open()
                | (Q(**{f"{self.start}__isnull": True}) if self.start_optional else Q())
                | Q(**{f"{self.end}__gte": F(self.start)}),
                name=f"{self.name}_ends_on_or_after_start",
            )
        ]
        if self.one_open:
            found.append(
                models.UniqueConstraint(
                    fields=list(self.owner),
                    condition=self._open() & self._has_start(),
                    name=self.one_open_name or f"{self.name}_one_open",
                )
            )
        if self.no_overlap:
            bounds = "[]" if self.inclusive_end else "[)"
            found.append(
                NoOverlapConstraint(
                    name=f"{self.name}_no_overlap",
                    expressions=[
                        *((field, RangeOperators.EQUAL) for field in self.owner),
                        (
                            _date_range(self.start, self.end, bounds),
                            RangeOperators.OVERLAPS,
                        ),
                    ],
                    condition=self._has_start() if self.start_optional else None,
                )
            )
        return found

    # -- selectors

    def current(self, *, on: dt.date) -> Q:
        """Rows whose period holds on `on`."""
        lookup = "gte" if self.inclusive_end else "gt"
        return (
            Q(**{f"{self.start}__lte": on})
            & (self._open() | Q(**{f"{self.end}__{lookup}": on}))
            & self._has_start()
        )

    def overlapping(self, start: dt.date, end: dt.date | None) -> Q:
        """Rows whose period shares a day with [start, end] (its end read the
        way this period's ends are)."""
        first, stop = half_open(start, end, inclusive_end=self.inclusive_end)
        if first == stop:
            return Q(pk__in=[])  # held on no day: overlaps nothing
        if self.inclusive_end:
            ends_after = Q(**{f"{self.end}__gte": first})
            before_stop = Q(**{f"{self.start}__lte": end}) if end else Q()
        else:
            ends_after = Q(**{f"{self.end}__gt": first}) & Q(
                **{f"{self.end}__gt": F(self.start)}
            )
            before_stop = Q(**{f"{self.start}__lt": stop}) if stop else Q()
        return before_stop & (self._open() | ends_after) & self._has_start()

    def overlapping_days(self, first: dt.date, last: dt.date) -> Q:
        """Rows that hold on any of the days `first` to `last`, both included:
        a report's span. (`overlapping` reads its end as this period's ends
        are read, so a period that ends on the day it is closed would miss
        the rows starting on `last`.)"""
        stop = last if self.inclusive_end else last + dt.timedelta(days=1)
        return self.overlapping(first, stop)

    def open_rows(self) -> Q:
        """Rows still open (no end), with a start."""
        return self._open() & self._has_start()

    # -- validation

    def clash(
        self,
        rows: "models.QuerySet[M]",
        start: dt.date,
        end: dt.date | None,
        *,
        what: str,
    ) -> Clash[M] | None:
        """The earliest of `rows` (the owner's other periods) that [start, end]
        would overlap, with a message naming it ("It overlaps the address from
        3 March 2025 to 1 May 2025: change the dates so they do not overlap"),
        or None. Services call it before writing, on every database."""
        row = rows.filter(self.overlapping(start, end)).order_by(self.start).first()
        return None if row is None else self._clash(row, what)

    def clash_among(
        self,
        rows: "Iterable[M]",
        start: dt.date,
        end: dt.date | None,
        *,
        what: str,
    ) -> Clash[M] | None:
        """`clash` over rows already read (a service that reads the owner's
        periods once for several checks): the same rule, in Python."""
        period = (start, end)
        overlapping = [
            row
            for row in rows
            if getattr(row, self.start) is not None
            and overlaps(
                (getattr(row, self.start), getattr(row, self.end)),
                period,
                inclusive_end=self.inclusive_end,
            )
        ]
        if not overlapping:
            return None
        return self._clash(min(overlapping, key=lambda r: getattr(r, self.start)), what)

    def _clash(self, row: M, what: str) -> Clash[M]:
        return Clash(
            row,
            f"It overlaps {what} {self.words(row)}: change the dates so they do "
            "not overlap",
        )

    def words(self, row: models.Model) -> str:
        """'from 3 March 2025 to 1 May 2025', or 'from 3 March 2025, still open'."""
        start = getattr(row, self.start)
        end = getattr(row, self.end)
        if end is None:
            return f"from {start:%-d %B %Y}, still open"
        return f"from {start:%-d %B %Y} to {end:%-d %B %Y}"

    def _open(self) -> Q:
        return Q(**{f"{self.end}__isnull": True})

    def _has_start(self) -> Q:
        return Q(**{f"{self.start}__isnull": False}) if self.start_optional else Q()
