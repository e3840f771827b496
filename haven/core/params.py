"""Query parameters read defensively: whatever arrives in a URL, a page answers.

A link can be edited by hand, pasted half-way or sent by a fuzzer; a page number
of 10^23, a date at the end of time or a NUL byte must give an ordinary page, not
a server error (PostgreSQL refuses NUL in text; SQLite refuses integers past 2^63).
"""

import datetime as dt

# Long enough for any name, identifier or postcode anyone searches for.
MAX_SEARCH_LENGTH = 200
# The largest id a database row can have (a 64-bit signed integer).
MAX_ID = 2**63 - 1
# Far past any list's last page, small enough for every database's OFFSET.
MAX_PAGE = 1_000_000


def text(value: str | None, max_length: int = MAX_SEARCH_LENGTH) -> str:
    """A search term: without NUL bytes or surrounding space, cut to a length."""
    return (value or "").replace("\x00", "").strip()[:max_length]


def page_number(value: str | None) -> int:
    """The page asked for, from 1; anything unreadable is the first page."""
    try:
        number = int(str(value or 1)[:12])
    except ValueError:
        return 1
    return min(max(1, number), MAX_PAGE)


def record_id(value: str | None) -> int | None:
    """A row's id as a form or link carries it, or None if it cannot be one."""
    try:
        number = int(str(value or "")[:20])
    except ValueError:
        return None
    return number if 0 < number <= MAX_ID else None


def without_nul(value: str) -> str:
    """Text that PostgreSQL will store, in a text column or in JSON."""
    return value.replace("\x00", "")


def iso_date(value: str | None) -> dt.date | None:
    """A date written YYYY-MM-DD, or None for anything else."""
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def bounded(value: str | None, default: int, *, low: int, high: int) -> int:
    """A small number (a year, a month) between `low` and `high`; anything
    unreadable or out of range is the default."""
    try:
        number = int(str(value or "")[:12])
    except ValueError:
        return default
    return number if low <= number <= high else default
