"""A figure's table and the list of its children as rows of cells: the page's
tables and the downloads (CSV through haven.core.exports, spreadsheets through
haven.core.spreadsheets, both of which keep a typed formula from running)."""

import datetime as dt
from collections.abc import Iterator
from typing import Any

from haven.reporting.children import Behind
from haven.reporting.figures import Result


def figure_header(result: Result) -> list[str]:
    figure = result.figure
    first = figure.bar_heading or ("Month" if result.by_month else "Team or worker")
    if figure.money:
        return [first, figure.unit.capitalize(), "Paid", "Budget"]
    if not figure.rate:
        return [first, figure.name]
    return [first, figure.unit.capitalize(), figure.hit_words[0], "Per cent"]


def figure_rows(result: Result) -> Iterator[list[Any]]:
    for bar in result.bars:
        if result.figure.money:
            yield [bar.key.words, bar.count, bar.amount, bar.budget]
        elif result.figure.rate:
            yield [bar.key.words, bar.count, bar.hits, bar.per_cent]
        else:
            yield [bar.key.words, bar.count]


def children_header(shown: Behind) -> list[str]:
    figure = shown.result.figure
    header = ["Child", "Haven ID", "Date of birth", "Counted on", *figure.columns]
    return header + (["Meets the measure"] if figure.rate else [])


def children_rows(shown: Behind) -> Iterator[list[Any]]:
    """Each named child's item, then a line counting those not named."""
    rate = shown.result.figure.rate
    for row in shown.rows:
        cells = [
            row.person.full_name,
            row.person.pk,
            row.person.date_of_birth,
            row.item.day,
            *row.item.details,
        ]
        yield cells + ([shown.hit_words(row.item)] if rate else [])
    if shown.unnamed_items:
        yield [
            f"{shown.unnamed_items} more counted, about "
            f"{shown.unnamed_children} children whose records you may not open: "
            "not named"
        ]


def text(value: Any) -> Any:
    """A cell as the CSV writes it: dates as ISO, nothing as empty."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else value
