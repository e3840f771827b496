"""An invoice matched against what the placements say is owed, child by child,
and each difference in words.

`compare` is the pure rule: it takes what the invoice bills and what is owed
(haven.finance.owed's lines for the provider and period, read from care's
placements now, never a copy) and returns one `Row` a child, with the
differences found:

- days not placed: the invoice bills more days than the child was placed;
- days placed and not billed: fewer (the provider may bill them later);
- a rate that does not match: the amount billed is not the placement's rate
  for the days billed (checked when one rate held all the period's days, or
  when the days billed are the days placed);
- a child not placed with them in the period at all;
- a child placed with them and missing from the invoice;
- days with no rate set, which cannot be checked until one is.

An invoice with only a total is checked against the total owed. Amounts are
compared to the penny, by the payment runs' rounding rule (rates.line_amount).
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from haven.finance.owed import Line
from haven.finance.rates import line_amount

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Billed:
    """What the invoice bills for one child."""

    child_id: int
    days: int
    amount: Decimal


@dataclass
class Owed:
    """What the placements say is owed for one child in the period."""

    days: int = 0
    amount: Decimal = ZERO
    unpriced_days: int = 0
    rates: set[Decimal] = field(default_factory=set)


@dataclass(frozen=True)
class Difference:
    """One difference, worded with the child's name put in by the reader (a
    restricted child is not named to someone who may not open them)."""

    code: str
    template: str  # "{name}" stands for the child

    def words(self, name: str) -> str:
        text = self.template.replace("{name}", name)
        return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Row:
    child_id: int | None  # None for a total-only invoice's one row
    billed: Billed | None
    owed: Owed
    differences: tuple[Difference, ...]


def owed_by_child(lines: Iterable[Line]) -> dict[int, Owed]:
    found: dict[int, Owed] = defaultdict(Owed)
    for line in lines:
        owed = found[line.child_id]
        if line.weekly_rate is None:
            owed.unpriced_days += line.days
            continue
        owed.days += line.days
        owed.amount += line.amount or ZERO
        owed.rates.add(line.weekly_rate)
    return dict(found)


def _pounds(amount: Decimal) -> str:
    return f"£{amount:.2f}"


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def _child(billed: Billed | None, owed: Owed, provider: str) -> list[Difference]:
    found: list[Difference] = []
    if owed.unpriced_days:
        found.append(
            Difference(
                "unpriced",
                f"No rate is set for {_days(owed.unpriced_days)} {{name}} was placed: "
                "set the rate to check what is billed for them",
            )
        )
    placed = owed.days + owed.unpriced_days
    if billed is None:
        found.append(
            Difference(
                "missing",
                f"{{name}} was placed with {provider} for {_days(placed)} in the "
                f"period ({_pounds(owed.amount)} owed) but is not on the invoice",
            )
        )
        return found
    if placed == 0:
        found.append(
            Difference(
                "not_placed",
                f"{{name}} was not placed with {provider} in the period: "
                f"{_days(billed.days)} and {_pounds(billed.amount)} billed",
            )
        )
        return found
    if billed.days > placed:
        found.append(
            Difference(
                "days_not_placed",
                f"{_days(billed.days - placed)} billed for {{name}} when they were "
                f"not placed with {provider}: {_days(billed.days)} billed, "
                f"{_days(placed)} placed",
            )
        )
    elif billed.days < placed:
        found.append(
            Difference(
                "days_not_billed",
                f"{{name}} was placed for {_days(placed)} and the invoice bills "
                f"{_days(billed.days)}: {_days(placed - billed.days)} not billed",
            )
        )
    found += _rate(billed, owed)
    return found


def _rate(billed: Billed, owed: Owed) -> list[Difference]:
    """The amount billed against the rate, where the rate of the days billed
    is known: one rate all period, or the very days placed."""
    if owed.unpriced_days or not owed.rates or billed.days == 0:
        return []
    if len(owed.rates) == 1:
        (weekly,) = owed.rates
        expected = line_amount(weekly, billed.days)
        rate_words = f"at the placement's rate of {_pounds(weekly)} a week"
    elif billed.days == owed.days:
        expected = owed.amount
        rate_words = "at the placement's rates (which changed in the period)"
    else:
        return []
    if billed.amount == expected:
        return []
    billed_weekly = (billed.amount * 7 / billed.days).quantize(Decimal("0.01"))
    return [
        Difference(
            "rate",
            f"The rate billed for {{name}} does not match: {_pounds(billed.amount)} "
            f"for {_days(billed.days)} (about {_pounds(billed_weekly)} a week), "
            f"and {rate_words} those days come to {_pounds(expected)}",
        )
    ]


def compare(
    billed: Sequence[Billed], lines: Iterable[Line], *, provider: str
) -> list[Row]:
    """Each child billed or owed, with the differences (pure)."""
    owed = owed_by_child(lines)
    by_child = {b.child_id: b for b in billed}
    rows = []
    for child_id in [*by_child, *sorted(set(owed) - set(by_child))]:
        line = by_child.get(child_id)
        due = owed.get(child_id, Owed())
        rows.append(Row(child_id, line, due, tuple(_child(line, due, provider))))
    return rows


def compare_total(total: Decimal, lines: Iterable[Line]) -> Row:
    """An invoice with only a total, against the total owed."""
    owed = Owed()
    for due in owed_by_child(lines).values():
        owed.days += due.days
        owed.amount += due.amount
        owed.unpriced_days += due.unpriced_days
        owed.rates |= due.rates
    found = []
    if owed.unpriced_days:
        found.append(
            Difference(
                "unpriced",
                f"No rate is set for {_days(owed.unpriced_days)} of placement in "
                "the period: set the rates to check the total",
            )
        )
    if total != owed.amount:
        more = "more" if total > owed.amount else "less"
        found.append(
            Difference(
                "total",
                f"The invoice's total of {_pounds(total)} is "
                f"{_pounds(abs(total - owed.amount))} {more} than the "
                f"{_pounds(owed.amount)} the placements say is owed",
            )
        )
    return Row(None, Billed(0, 0, total), owed, tuple(found))


def period_days(starts_on: dt.date, ends_on: dt.date) -> int:
    return (ends_on - starts_on).days
