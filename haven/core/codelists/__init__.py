"""The DfE code lists, as data keyed by collection year.

One JSON file a list in `data/` (see `loader.py` for its shape): each code with
the DfE's wording and the collection years it is valid for, and the list's
source. Every list is loaded and checked once, at start-up; a malformed list
stops Haven starting with a message naming the file and the fault.

A collection year is named by the year its period ends: England's children in
need census and SSDA903 (children looked after) return each cover 1 April to
31 March, the census's ReferenceDate being 31 March (CIN census rule 100), and
the DfE's validators name a year the same way (2026 = 1 April 2025 to 31 March
2026). `collection_year(day)` is that rule.

    codes("cin_assessment_factors", year=2026)      # the codes valid that year
    wording("cin_primary_need", "N1", year=2026)    # the DfE's words for a code
    is_valid("ssda903_placement", "Z1", year=2026)  # False: replaced by Z11-Z14
"""

import datetime as dt
from collections.abc import Callable

from haven.core.codelists.loader import (
    Code,
    CodeList,
    CodeListError,
    collection_year,
    load_all,
)

__all__ = [
    "Code",
    "CodeList",
    "CodeListError",
    "all_choices",
    "choices",
    "code_list",
    "codes",
    "collection_year",
    "current_year",
    "is_valid",
    "label",
    "offered",
    "wording",
    "year_of",
]


def code_list(name: str) -> CodeList:
    """One list by name (its file's name): KeyError names the lists there are."""
    lists = load_all()
    if name not in lists:
        raise KeyError(f"No code list {name!r}; there are {sorted(lists)}")
    return lists[name]


def current_year() -> int:
    """The collection year today falls in (Haven's one clock)."""
    from haven.core import clock

    return collection_year(clock.today())


def codes(name: str, *, year: int) -> list[Code]:
    """The codes of a list valid in a collection year, in the list's order."""
    return code_list(name).valid_in(year)


def is_valid(name: str, code: str, *, year: int) -> bool:
    """Whether the code is in the list for that collection year."""
    return code_list(name).entry(code, year) is not None


def wording(name: str, code: str, *, year: int | None = None) -> str:
    """The DfE's wording of a code in a year (its latest wording if no year).

    KeyError if the code is not in the list (that year)."""
    found = code_list(name).entry(code, year)
    if found is None:
        when = f" in {year}" if year is not None else ""
        raise KeyError(f"{code!r} is not in the code list {name!r}{when}")
    return found.wording


def label(name: str, code: str) -> str:
    """The latest wording: what a model's choices show for a stored code."""
    return wording(name, code)


def choices(
    name: str, *, year: int, for_new_recording: bool = False
) -> list[tuple[str, str]]:
    """(code, wording) for a form: the codes valid in the year; with
    `for_new_recording`, without those the list keeps only for history."""
    held = code_list(name)
    return [
        (entry.code, entry.wording)
        for entry in held.valid_in(year)
        if not (for_new_recording and entry.code in held.history_only)
    ]


def all_choices(name: str) -> list[tuple[str, str]]:
    """Every code the list has held in any year, with its latest wording: what a
    model field may store (history included), so it never changes with the date."""
    return [(entry.code, entry.wording) for entry in code_list(name).latest()]


def year_of(day: dt.date | None) -> int:
    """The collection year of a date, or the current one when there is none."""
    return collection_year(day) if day is not None else current_year()


def offered(
    name: str, *, blank: str | None = None, for_new_recording: bool = True
) -> Callable[[], list[tuple[str, str]]]:
    """A form field's choices, read afresh for each form: the codes valid in the
    current collection year (so a list's change on 1 April reaches the forms
    without a restart), after an empty choice worded `blank` if given."""

    def current() -> list[tuple[str, str]]:
        listed = choices(name, year=current_year(), for_new_recording=for_new_recording)
        return [("", blank), *listed] if blank is not None else listed

    return current
