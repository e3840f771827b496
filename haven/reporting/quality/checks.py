"""The check frame: a check is declared once (its name, what it finds in
words, why it matters: the return, payment or queue it breaks, and where it
is fixed) and computed on demand from the records as they stood at each
month's end.

A check is a figure (haven.reporting.figures) whose items are the faulty
records at each month's end, so it is counted by team, listed with its
children (named only where the reader may open them) and downloaded exactly
as the dashboard's figures are. Its items' details are what is wrong and the
path of the page where it is put right."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from haven.reporting.figures import Figure, Item
from haven.reporting.spans import Month, Span

# The children list's columns: every check's item details are these two.
COLUMNS = ("What is wrong", "Where to fix it")
DATED = "Counted from the records as they stood at each month's end."


@dataclass(frozen=True)
class Check:
    key: str
    name: str  # "Looked after with no placement"
    finds: str  # what it finds, in words
    breaks: str  # the return, payment or queue it makes wrong, and why
    fixed_on: str  # the page where it is put right, in words
    compute: Callable[[Span], list[Item]]
    history: str = DATED  # how far the months before today are as they stood
    # A threshold the authority sets, and its source, in words (read when shown).
    practice: Callable[[], str] | None = None

    @property
    def figure(self) -> Figure:
        return _FIGURES[self.key]


CHECKS: dict[str, Check] = {}
_FIGURES: dict[str, Figure] = {}


def declare(check: Check) -> Check:
    """A check, and the figure it is counted as (kept out of the dashboard's
    figures: these are faults to clear, not performance)."""
    if check.key in CHECKS:
        raise ImproperlyConfigured(f"The check {check.key!r} is declared twice")
    CHECKS[check.key] = check
    _FIGURES[check.key] = Figure(
        key=check.key,
        name=check.name,
        counts=check.finds,
        source=check.breaks,
        compute=check.compute,
        unit="records",
        columns=COLUMNS,
        team_words="the team holding the child's case at the end of the month",
    )
    return check


def links(url_name: str) -> Callable[[int], str]:
    """The path of the page named `url_name` for a record's id, reversed once
    for all records (with a stand-in id, swapped for each): a check finds a
    record again at each month's end, and a large authority's checks find
    tens of thousands."""
    stand_in = "7310251943"
    head, found_it, tail = reverse(url_name, args=[int(stand_in)]).partition(stand_in)
    if not found_it or stand_in in tail:
        raise ImproperlyConfigured(f"{url_name} does not hold its id once")
    return lambda pk: f"{head}{pk}{tail}"


def found(person_id: int, month: Month, words: str, fix: str) -> Item:
    """One faulty record at one month's end: what is wrong and where to fix it."""
    return Item(person_id, month.key, month.last, details=(words, fix))
