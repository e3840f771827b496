"""A deadline expression from the guidance, e.g. "+15 WD", and the date it gives.

The notation is the research note's: `+N WD` working days after the trigger
(trigger day = day 0), `+N d` calendar days, `+N w` calendar weeks, `+N m`
calendar months by the corresponding-date rule, and a fixed date such as
`14 Feb`. A negative amount counts back from the trigger: a notice due "at least
6 weeks before" a proposed start is `-6 w` from that start (PFR 2005 reg 3).
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from haven.timescales import calendar

Unit = Literal["working_days", "days", "weeks", "months", "fixed_date"]

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_UNIT_SYMBOLS: dict[Unit, str] = {
    "working_days": "WD",
    "days": "d",
    "weeks": "w",
    "months": "m",
}
_SYMBOL_UNITS = {symbol.lower(): unit for unit, symbol in _UNIT_SYMBOLS.items()}
_UNIT_WORDS: dict[Unit, tuple[str, str]] = {
    "working_days": ("working day", "working days"),
    "days": ("day", "days"),
    "weeks": ("week", "weeks"),
    "months": ("month", "months"),
}
_ADDERS: dict[Unit, Callable[[dt.date, int], dt.date]] = {
    "working_days": calendar.add_working_days,
    "days": calendar.add_days,
    "weeks": calendar.add_weeks,
    "months": calendar.add_months,
}

_PERIOD = re.compile(r"([+-]?)\s*(\d+)\s*(wd|d|w|m)", re.IGNORECASE | re.ASCII)
_FIXED_DATE = re.compile(r"(\d{1,2})\s+([a-z]{3,9})", re.IGNORECASE | re.ASCII)


@dataclass(frozen=True)
class Deadline:
    """How long after its trigger something is due, or the fixed date it is due by.

    For a fixed date, `amount` is 0 and `month` and `day` say which date.
    """

    amount: int
    unit: Unit
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.unit == "fixed_date":
            _check_fixed_date(self)
        elif self.month is not None or self.day is not None:
            raise ValueError("Only a fixed-date deadline has a month and a day")

    def due_from(self, trigger_date: dt.date) -> dt.date:
        """The last day on which the thing is on time, for this trigger date."""
        if self.unit == "fixed_date":
            assert self.month is not None and self.day is not None
            return calendar.next_fixed_date(trigger_date, self.month, self.day)
        return _ADDERS[self.unit](trigger_date, self.amount)

    @classmethod
    def parse(cls, text: str) -> "Deadline":
        """Read the research note's notation: "+15 WD", "+3 m", "-6 w", "15 Feb"."""
        cleaned = text.strip()
        if period := _PERIOD.fullmatch(cleaned):
            sign, amount, symbol = period.groups()
            signed = -int(amount) if sign == "-" else int(amount)
            return cls(signed, _SYMBOL_UNITS[symbol.lower()])
        if fixed := _FIXED_DATE.fullmatch(cleaned):
            day, month_name = fixed.groups()
            return cls(0, "fixed_date", _month_number(month_name), int(day))
        raise ValueError(f"Not a deadline: {text!r} (try '+15 WD', '+3 m', '15 Feb')")

    @property
    def notation(self) -> str:
        """The research note's notation, which `parse` reads back."""
        if self.unit == "fixed_date":
            return f"{self.day} {MONTH_NAMES[self._month_index][:3]}"
        return f"{self.amount:+d} {_UNIT_SYMBOLS[self.unit]}"

    def __str__(self) -> str:
        """Words for a social worker: "15 working days", "by 15 February"."""
        if self.unit == "fixed_date":
            return f"by {self.day} {MONTH_NAMES[self._month_index]}"
        if self.amount == 0:
            return "the same day"
        singular, plural = _UNIT_WORDS[self.unit]
        size = abs(self.amount)
        words = f"{size} {singular if size == 1 else plural}"
        return words if self.amount > 0 else f"{words} before"

    @property
    def _month_index(self) -> int:
        assert self.month is not None
        return self.month - 1


def _check_fixed_date(deadline: Deadline) -> None:
    if deadline.amount != 0 or deadline.month is None or deadline.day is None:
        raise ValueError("A fixed-date deadline has amount 0, a month and a day")
    # Refuses 31 April now rather than when a date is first computed.
    calendar.next_fixed_date(dt.date(2000, 1, 1), deadline.month, deadline.day)


def _month_number(name: str) -> int:
    """1-12 for an English month name, in full or its first three letters."""
    lowered = name.lower()
    for number, month in enumerate(MONTH_NAMES, start=1):
        if lowered in (month.lower(), month[:3].lower()):
            return number
    raise ValueError(f"Not a month: {name!r}")
