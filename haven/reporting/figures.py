"""The figure frame: a figure is declared once (its name, what it counts in
words, its source, how it is computed) and computed on demand from the same
records as the work. Each figure's value for a bar (a month, a team, a worker)
is the items counted in it; each item names the child behind it, so every
figure opens onto the list of its children (children.py).

A figure's `compute` reads the whole authority for the period in a fixed
number of queries, whatever the number of children; the team filter is
applied here, in one more (scope.py)."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from haven.core.templatetags.money import pounds
from haven.reporting.scope import Scope, held_on
from haven.reporting.spans import Span

HOLDER = "holder"  # an item counts for the team holding the child's case that day
OWN = "own"  # an item counts for its own team (Item.team_id)


@dataclass(frozen=True)
class Item:
    """One thing counted: a child at a month's end, a decision, a referral."""

    person_id: int
    bar: str  # the key of the bar it counts in
    day: dt.date  # the day it counts on (and the team is read on)
    hit: bool | None = None  # for a rate: whether it meets the measure
    team_id: int | None = None
    details: tuple[Any, ...] = ()  # cells under the figure's `columns`
    amount: Decimal | None = None  # money paid, for a money figure


@dataclass(frozen=True)
class BarKey:
    key: str
    words: str  # "March 2026", "Assessment Team"
    short: str  # the chart's axis label


@dataclass
class Bar:
    key: BarKey
    items: list[Item] = field(default_factory=list)
    rate: bool = False
    money: bool = False  # its value is the items' amounts, in pounds
    budget: Decimal | None = None  # a money figure's budget for the bar

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def hits(self) -> int:
        return sum(1 for item in self.items if item.hit)

    @property
    def per_cent(self) -> int | None:
        """Per cent meeting the measure, rounded down; None with nothing counted."""
        return 100 * self.hits // self.count if self.count else None

    @property
    def value(self) -> int | None:
        if self.money:
            return max(0, round(self.amount))  # whole pounds, for the chart
        return self.per_cent if self.rate else self.count

    @property
    def amount(self) -> Decimal:
        return sum(
            (item.amount or Decimal("0.00") for item in self.items), Decimal("0.00")
        )

    @property
    def children(self) -> set[int]:
        return {item.person_id for item in self.items}

    @property
    def value_words(self) -> str:
        if self.money:
            budget = (
                "" if self.budget is None else f" of {pounds(self.budget)} budgeted"
            )
            return f"{pounds(self.amount)} paid{budget}"
        if not self.rate:
            return str(self.count)
        if self.per_cent is None:
            return "none counted"
        return f"{self.per_cent}% ({self.hits} of {self.count})"


@dataclass(frozen=True)
class Figure:
    key: str
    name: str  # "Looked after"
    counts: str  # what it counts, in words
    source: str  # its definition and where that comes from
    compute: Callable[[Span], list[Item]]
    unit: str = "children"  # what the items are, counted: "decisions"
    rate: bool = False  # a per cent of items meeting a measure (Item.hit)
    hit_words: tuple[str, str] = ("Yes", "No")  # an item's hit, in words
    columns: tuple[str, ...] = ()  # the children list's columns for the details
    team_is: str = HOLDER
    team_words: str = "the team holding the child's case on the day it counts"
    bars: Callable[[Span, list[Item]], list[BarKey]] | None = None  # months if None
    bar_heading: str = ""  # the table's heading for bars other than months
    money: bool = False  # a bar's value is its items' amounts (payments)
    budget: Callable[[Span], dict[str, Decimal]] | None = None  # by bar key
    # Each month's items follow from that month alone (counted on its last
    # day): the children behind one month are counted over that month only.
    month_alone: bool = False

    def units(self, n: int) -> str:
        """The unit for a count: "1 child", "2 children", "1 decision"."""
        if n != 1:
            return self.unit
        return "child" if self.unit == "children" else self.unit.removesuffix("s")

    def result(self, span: Span, scope: Scope) -> "Result":
        items = narrowed(self, self.compute(span), span, scope)
        keys = self.bars(span, items) if self.bars else months_of(span)
        bars = {k.key: Bar(k, rate=self.rate, money=self.money) for k in keys}
        if self.budget and scope.team is None:  # budgets are not set by team
            for key, amount in self.budget(span).items():
                if key in bars:
                    bars[key].budget = amount
        for item in items:
            if item.bar in bars:
                bars[item.bar].items.append(item)
        return Result(self, span, scope, list(bars.values()))


@dataclass(frozen=True)
class Result:
    figure: Figure
    span: Span
    scope: Scope
    bars: list[Bar]

    def bar(self, key: str) -> Bar | None:
        return next((b for b in self.bars if b.key.key == key), None)

    @property
    def by_month(self) -> bool:
        return self.figure.bars is None


def months_of(span: Span) -> list[BarKey]:
    return [BarKey(m.key, m.words, m.short) for m in span.months]


def narrowed(figure: Figure, items: list[Item], span: Span, scope: Scope) -> list[Item]:
    """The items that count for the scope's teams."""
    if scope.team is None:
        return items
    if figure.team_is == OWN:
        return [i for i in items if i.team_id in scope.team_ids]
    holding = held_on(scope, span.first, span.last)
    return [i for i in items if holding.holds(i.person_id, i.day)]


FIGURES: dict[str, Figure] = {}


def declare(figure: Figure) -> Figure:
    if figure.key in FIGURES:
        raise ImproperlyConfigured(f"The figure {figure.key!r} is declared twice")
    FIGURES[figure.key] = figure
    return figure
