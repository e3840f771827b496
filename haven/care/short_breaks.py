"""The SSDA903's limits on short breaks recorded as individual episodes (legal
status V3), refused when a period of care is recorded rather than found at the
return (../shared/domain/returns.md, rules 365 and 367):

- 365: each V3 break lasts at most 17 days;
- 367: a child has at most 75 days of V3 breaks in a collection year
  (1 April to 31 March, the year the return covers).

A break still open is measured when it ends: until then nobody knows whether
it will overrun, and refusing to record that a child is away would lose the
one fact that matters. Days are counted as the return counts an episode's
length, from its start date to its end date.
"""

import datetime as dt
from collections.abc import Iterable

from haven.care import codes
from haven.care.inputs import words
from haven.core.codelists import collection_year
from haven.core.errors import Failures

LONGEST_BREAK_DAYS = 17  # SSDA903 rule 365
MOST_DAYS_IN_A_YEAR = 75  # SSDA903 rule 367

Span = tuple[dt.date, dt.date]


def is_one_episode_break(codes_held: Iterable[str]) -> bool:
    return bool(set(codes_held) & codes.ONE_EPISODE_BREAKS)


def check_break(start: dt.date, end: dt.date | None, failures: Failures) -> None:
    """Rule 365: one break's length."""
    if end is None or (end - start).days <= LONGEST_BREAK_DAYS:
        return
    failures.add(
        "short_break_too_long",
        f"A short break recorded as individual episodes (V3) lasts at most "
        f"{LONGEST_BREAK_DAYS} days (SSDA903 rule 365); this one runs "
        f"{(end - start).days} days, from {words(start)} to {words(end)}. If the "
        f"child stayed longer, correct the legal status to the one that fits",
    )


def check_year(this: Span, others: Iterable[Span], failures: Failures) -> None:
    """Rule 367: the child's V3 days in each collection year this break falls
    in, with their other V3 breaks."""
    breaks = [this, *others]
    for year in sorted({collection_year(this[0]), collection_year(this[1])}):
        days = sum(_days_in(year, start, end) for start, end in breaks)
        if days > MOST_DAYS_IN_A_YEAR:
            failures.add(
                "short_breaks_over_a_year",
                f"A child has at most {MOST_DAYS_IN_A_YEAR} days of short breaks "
                f"recorded as individual episodes (V3) between 1 April {year - 1} "
                f"and 31 March {year} (SSDA903 rule 367); with this break they "
                f"would have {days}",
            )


def _days_in(year: int, start: dt.date, end: dt.date) -> int:
    first, last = dt.date(year - 1, 4, 1), dt.date(year, 3, 31)
    return max(0, (min(end, last) - max(start, first)).days)
