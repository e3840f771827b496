"""When a rule applies, and deadlines that fall at the sooner of two dates.

Several rules share one trigger and differ by the child's circumstances: the
statutory visit regimes (first year of a placement, long-term foster care, any
other) all start from a visit, and the review health assessment falls every six
months before the fifth birthday and every twelve after it. Each such rule
carries a `Condition`, tested on the day its clock starts or restarts.

A condition reads only `Facts`: the child's date of birth and what the
triggering event's journal payload says (a placement's type or start date, a
legal status), so the engine stays a pure reading of the journal.
"""

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from haven.timescales import calendar
from haven.timescales.deadlines import Deadline


@dataclass(frozen=True)
class Facts:
    """What a condition may look at, on the day a clock starts or restarts."""

    day: dt.date
    date_of_birth: dt.date | None
    payload: Mapping[str, Any]

    def age_on_day(self) -> int | None:
        if self.date_of_birth is None:
            return None
        born = self.date_of_birth
        before_birthday = (self.day.month, self.day.day) < (born.month, born.day)
        return self.day.year - born.year - before_birthday

    def date(self, key: str) -> dt.date | None:
        value = self.payload.get(key)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(str(value)[:10])
        except ValueError:
            return None


@dataclass(frozen=True)
class Condition:
    """A test on the facts, with the words the rules page shows for it."""

    words: str
    test: Callable[[Facts], bool]

    def holds(self, facts: Facts) -> bool:
        return self.test(facts)


def aged_under(years: int) -> Condition:
    """Younger than `years` on the day. With no date of birth recorded, the
    younger regime applies: it is the more frequent one, so nothing is missed."""

    def test(facts: Facts) -> bool:
        age = facts.age_on_day()
        return age is None or age < years

    return Condition(f"the child is under {years}", test)


def aged_at_least(years: int) -> Condition:
    def test(facts: Facts) -> bool:
        age = facts.age_on_day()
        return age is not None and age >= years

    return Condition(f"the child is {years} or over", test)


def within_months_of(key: str, months: int, what: str) -> Condition:
    """The day falls before `months` after the date the payload gives under
    `key` (the first year of a placement: `within_months_of(..., 12, ...)`)."""

    def test(facts: Facts) -> bool:
        start = facts.date(key)
        return start is not None and facts.day < calendar.add_months(start, months)

    return Condition(f"within {months} months of {what}", test)


def after_months_of(key: str, months: int, what: str) -> Condition:
    def test(facts: Facts) -> bool:
        start = facts.date(key)
        return start is not None and facts.day >= calendar.add_months(start, months)

    return Condition(f"{months} months or more after {what}", test)


def payload_is(key: str, values: tuple[Any, ...], words: str) -> Condition:
    """The event says `key` is one of `values` (a placement type, a legal status)."""
    return Condition(words, lambda facts: facts.payload.get(key) in values)


def all_of(*conditions: Condition) -> Condition:
    return Condition(
        " and ".join(c.words for c in conditions),
        lambda facts: all(c.holds(facts) for c in conditions),
    )


def negated(condition: Condition, words: str) -> Condition:
    return Condition(words, lambda facts: not condition.holds(facts))


@dataclass(frozen=True)
class Sooner:
    """A second deadline; the obligation is due at whichever date comes first.

    Counted from the date the trigger's payload gives under `from_key` (the
    initial conference, for a pre-birth review); when the payload has no such
    date the alternative does not apply. With no `from_key`, counted from the
    trigger date.
    """

    deadline: Deadline
    from_key: str | None
    words: str

    def due(self, facts: Facts) -> dt.date | None:
        if self.from_key is None:
            return self.deadline.due_from(facts.day)
        start = facts.date(self.from_key)
        return None if start is None else self.deadline.due_from(start)
