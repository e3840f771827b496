"""The care leaver status rule on its boundaries, by property: 13 weeks (91
days) looked after since the 14th birthday, the 16th and 18th birthdays, and
21 and 25; short breaks never count (they are left out before the rule)."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from haven.care.leavers.rules import (
    ELIGIBLE,
    FORMER_RELEVANT,
    QUALIFYING,
    RELEVANT,
    THIRTEEN_WEEKS,
    age_on,
    birthday,
    standing,
)

D = dt.timedelta
borns = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2010, 12, 31))


@given(borns, st.integers(0, 400), st.integers(0, 700))
def test_a_young_person_looked_after_at_16_is_eligible_from_91_days_since_14(
    born, offset, days_in
):
    """Looked after from some day after the 14th birthday, still looked after:
    eligible at 16 or 17 exactly when 91 days or more are counted."""
    start = birthday(born, 14) + D(days=offset)
    day = start + D(days=days_in)
    found = standing(born, [(start, None)], day)
    age = age_on(born, day)
    counted = days_in + 1
    assert found.days_since_14 == counted
    if 16 <= age < 18:
        assert (found.kind == ELIGIBLE) == (counted >= THIRTEEN_WEEKS)
    else:
        assert found.kind in ("", FORMER_RELEVANT)


@given(borns, st.integers(-300, 300))
def test_days_before_the_14th_birthday_do_not_count(born, shift):
    start = birthday(born, 14) + D(days=shift)
    sixteen = birthday(born, 16)
    found = standing(born, [(start, None)], sixteen)
    assert found.days_since_14 == (sixteen - max(start, birthday(born, 14))).days + 1


@given(borns, st.integers(THIRTEEN_WEEKS, 400), st.integers(0, 700))
def test_leaving_with_13_weeks_after_16_makes_a_relevant_then_former_relevant(
    born, weeks_days, after
):
    """Looked after for `weeks_days` days ending on a day after the 16th
    birthday and before the 18th: relevant to 18, former relevant to 25."""
    end = birthday(born, 16) + D(days=1 + after % 700)
    if end >= birthday(born, 18):
        end = birthday(born, 18) - D(days=1)
    start = end - D(days=weeks_days)
    if start < birthday(born, 14):
        start = birthday(born, 14)
    if (end - start).days < THIRTEEN_WEEKS:
        return
    spans = [(start, end)]
    assert standing(born, spans, end - D(days=1)).kind == ELIGIBLE
    assert standing(born, spans, end).kind == RELEVANT
    seventeen_364 = birthday(born, 18) - D(days=1)
    assert standing(born, spans, seventeen_364).kind == RELEVANT
    assert standing(born, spans, birthday(born, 18)).kind == FORMER_RELEVANT
    past_21 = standing(born, spans, birthday(born, 21))
    assert past_21.kind == FORMER_RELEVANT and past_21.to_25
    assert not standing(born, spans, birthday(born, 21) - D(days=1)).to_25
    assert standing(born, spans, birthday(born, 25) - D(days=1)).kind == FORMER_RELEVANT
    assert standing(born, spans, birthday(born, 25)).kind == ""


@given(borns, st.integers(1, THIRTEEN_WEEKS - 1), st.integers(0, 600))
def test_fewer_than_13_weeks_after_16_makes_a_qualifying_care_leaver_to_21(
    born, length, offset
):
    start = birthday(born, 16) + D(days=offset)
    end = start + D(days=length)
    if end >= birthday(born, 18):
        return
    spans = [(start, end)]
    assert standing(born, spans, end).kind == QUALIFYING
    assert standing(born, spans, birthday(born, 20)).kind == QUALIFYING
    assert standing(born, spans, birthday(born, 21) - D(days=1)).kind == QUALIFYING
    assert standing(born, spans, birthday(born, 21)).kind == ""


@given(borns, st.integers(THIRTEEN_WEEKS, 600))
def test_care_that_ended_before_16_makes_no_care_leaver(born, length):
    """The 13 weeks must end after the 16th birthday."""
    end = birthday(born, 16)  # ends are exclusive: the last day is before 16
    start = max(end - D(days=length), birthday(born, 14))
    for day in (end, birthday(born, 17), birthday(born, 19)):
        assert standing(born, [(start, end)], day).kind == ""


@given(borns, st.integers(0, 365 * 2))
def test_under_16_nobody_is_a_care_leaver(born, offset):
    start = birthday(born, 14)
    day = start + D(days=offset)
    if day >= birthday(born, 16):
        return
    assert standing(born, [(start, None)], day).kind == ""


@given(borns, st.integers(0, 3))
def test_periods_add_up_to_13_weeks(born, gap):
    """Two periods after 14 of 45 and 46 days: eligible at 16 on the 91st."""
    first = (birthday(born, 15), birthday(born, 15) + D(days=45))
    start = birthday(born, 16) + D(days=gap)
    spans = [first, (start, None)]
    assert standing(born, spans, start + D(days=44)).kind == ""
    assert standing(born, spans, start + D(days=45)).kind == ELIGIBLE
