"""Every rule's deadline, and every rolling rule's interval, against an independent
reading of its notation, on trigger dates chosen to cross England's bank holidays
(Christmas and New Year, Easter, the early May and late August bank holidays) and
month ends."""

import calendar
import datetime as dt
import re

import holidays
import pytest

from haven.timescales.catalogue import RULES, Rule

D = dt.date
TRIGGERS = [
    pytest.param(D(2026, 12, 24), id="Christmas Eve"),
    pytest.param(D(2026, 12, 31), id="New Year's Eve, a month end"),
    pytest.param(D(2027, 3, 25), id="Thursday before Easter"),
    pytest.param(D(2027, 4, 30), id="Friday before the early May holiday"),
    pytest.param(D(2027, 8, 27), id="Friday before the late August holiday"),
    pytest.param(D(2027, 1, 31), id="31 January"),
    pytest.param(D(2028, 2, 29), id="leap day"),
]
ENGLAND = holidays.country_holidays("GB", subdiv="ENG", years=range(2025, 2031))
MONTHS = {name: n for n, name in enumerate(calendar.month_abbr) if name}


def expected(notation: str, trigger: dt.date) -> dt.date:
    """What the notation means, worked out step by step from first principles."""
    if fixed := re.fullmatch(r"(\d+) (\w{3})\w*", notation):
        day, month = int(fixed[1]), MONTHS[fixed[2]]
        for year in (trigger.year, trigger.year + 1):
            last = calendar.monthrange(year, month)[1]
            candidate = D(year, month, min(day, last))
            if candidate >= trigger:
                return candidate
    sign, amount, unit = re.fullmatch(r"([+-])(\d+) (WD|d|w|m)", notation).groups()
    n = int(amount) * (-1 if sign == "-" else 1)
    if unit == "d":
        return trigger + dt.timedelta(days=n)
    if unit == "w":
        return trigger + dt.timedelta(days=7 * n)
    if unit == "m":
        month0 = trigger.month - 1 + n
        year, month = trigger.year + month0 // 12, month0 % 12 + 1
        return D(year, month, min(trigger.day, calendar.monthrange(year, month)[1]))
    day, counted, step = trigger, 0, dt.timedelta(days=1 if n > 0 else -1)
    while counted < abs(n):
        day += step
        if day.weekday() < 5 and day not in ENGLAND:
            counted += 1
    return day


WITH_DEADLINES = [pytest.param(r, id=r.id) for r in RULES if r.deadline is not None]
ROLLING = [pytest.param(r, id=r.id) for r in RULES if r.interval is not None]


@pytest.mark.parametrize("trigger", TRIGGERS)
@pytest.mark.parametrize("rule", WITH_DEADLINES)
def test_each_rule_is_due_when_its_notation_says(rule: Rule, trigger: dt.date) -> None:
    assert rule.deadline is not None
    assert rule.deadline.due_from(trigger) == expected(rule.deadline.notation, trigger)


@pytest.mark.parametrize("trigger", TRIGGERS)
@pytest.mark.parametrize("rule", ROLLING)
def test_each_repeating_duty_falls_due_again_at_its_interval(
    rule: Rule, trigger: dt.date
) -> None:
    assert rule.interval is not None
    assert rule.interval.due_from(trigger) == expected(rule.interval.notation, trigger)


def test_the_bank_holidays_the_oracle_knows_are_englands() -> None:
    assert {D(2026, 12, 25), D(2026, 12, 28), D(2027, 1, 1)} <= set(ENGLAND)
    assert {D(2027, 3, 26), D(2027, 3, 29), D(2027, 5, 3), D(2027, 8, 30)} <= set(
        ENGLAND
    )
