"""Deadline expressions in the research note's notation, and the dates they give."""

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haven.timescales.deadlines import Deadline

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+15 WD", Deadline(15, "working_days")),
        ("+1 WD", Deadline(1, "working_days")),
        ("+45WD", Deadline(45, "working_days")),
        ("+1 wd", Deadline(1, "working_days")),
        ("+3 m", Deadline(3, "months")),
        ("+6 w", Deadline(6, "weeks")),
        ("+28 d", Deadline(28, "days")),
        ("  +28 d ", Deadline(28, "days")),
        ("12 m", Deadline(12, "months")),
        ("-6 w", Deadline(-6, "weeks")),
        ("15 Feb", Deadline(0, "fixed_date", month=2, day=15)),
        ("15 February", Deadline(0, "fixed_date", month=2, day=15)),
        ("31 mar", Deadline(0, "fixed_date", month=3, day=31)),
        ("29 Feb", Deadline(0, "fixed_date", month=2, day=29)),
    ],
)
def test_parse_reads_the_research_note_notation(text: str, expected: Deadline) -> None:
    assert Deadline.parse(text) == expected


@pytest.mark.parametrize(
    "text", ["", "+15", "WD", "+3 y", "+1.5 m", "15 Fab", "31 Apr", "30 Feb", "Feb 15"]
)
def test_parse_refuses_anything_else(text: str) -> None:
    with pytest.raises(ValueError):
        Deadline.parse(text)


@pytest.mark.parametrize(
    ("deadline", "words"),
    [
        (Deadline(15, "working_days"), "15 working days"),
        (Deadline(1, "working_days"), "1 working day"),
        (Deadline(3, "months"), "3 months"),
        (Deadline(1, "months"), "1 month"),
        (Deadline(6, "weeks"), "6 weeks"),
        (Deadline(1, "weeks"), "1 week"),
        (Deadline(28, "days"), "28 days"),
        (Deadline(1, "days"), "1 day"),
        (Deadline(0, "days"), "the same day"),
        (Deadline(-6, "weeks"), "6 weeks before"),
        (Deadline(-1, "months"), "1 month before"),
        (Deadline(0, "fixed_date", month=2, day=15), "by 15 February"),
        (Deadline(0, "fixed_date", month=3, day=31), "by 31 March"),
    ],
)
def test_str_gives_the_deadline_in_words_for_a_social_worker(
    deadline: Deadline, words: str
) -> None:
    assert str(deadline) == words


@pytest.mark.parametrize(
    ("notation", "trigger", "due"),
    [
        pytest.param("+1 WD", D(2026, 8, 28), D(2026, 9, 1), id="1 WD over a BH"),
        pytest.param("+45 WD", D(2026, 12, 1), D(2027, 2, 5), id="45 WD Christmas"),
        pytest.param("+15 WD", D(2026, 4, 1), D(2026, 4, 24), id="15 WD over Easter"),
        pytest.param("+28 d", D(2026, 12, 24), D(2027, 1, 21), id="28 calendar days"),
        pytest.param("+6 w", D(2026, 12, 24), D(2027, 2, 4), id="6 calendar weeks"),
        pytest.param("+3 m", D(2026, 11, 30), D(2027, 2, 28), id="3 months, clamped"),
        pytest.param("-6 w", D(2026, 9, 1), D(2026, 7, 21), id="6 weeks before"),
        pytest.param("-5 m", D(2027, 1, 31), D(2026, 8, 31), id="5 months before"),
        pytest.param("15 Feb", D(2026, 9, 1), D(2027, 2, 15), id="next 15 February"),
        pytest.param("15 Feb", D(2027, 2, 15), D(2027, 2, 15), id="15 Feb itself"),
    ],
)
def test_due_from_counts_from_the_trigger_date(
    notation: str, trigger: dt.date, due: dt.date
) -> None:
    assert Deadline.parse(notation).due_from(trigger) == due


@pytest.mark.parametrize(
    "kwargs",
    [
        {"amount": 0, "unit": "fixed_date"},
        {"amount": 0, "unit": "fixed_date", "month": 4, "day": 31},
        {"amount": 3, "unit": "fixed_date", "month": 2, "day": 15},
        {"amount": 3, "unit": "months", "month": 2, "day": 15},
    ],
)
def test_a_deadline_that_makes_no_sense_cannot_be_made(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        Deadline(**kwargs)


periods = st.builds(
    Deadline,
    amount=st.integers(min_value=-500, max_value=500),
    unit=st.sampled_from(["working_days", "days", "weeks", "months"]),
)
fixed_dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2000, 12, 31)).map(
    lambda d: Deadline(0, "fixed_date", month=d.month, day=d.day)
)


@given(st.one_of(periods, fixed_dates))
def test_notation_reads_back_as_the_same_deadline(deadline: Deadline) -> None:
    assert Deadline.parse(deadline.notation) == deadline


@given(st.one_of(periods, fixed_dates))
def test_words_never_show_the_notation(deadline: Deadline) -> None:
    words = str(deadline)
    assert "WD" not in words
    assert "+" not in words
    assert words[0].isdigit() or words.startswith(("by ", "the same day"))


@given(
    periods.filter(lambda d: d.amount >= 0),
    st.dates(min_value=D(1990, 1, 1), max_value=D(2080, 12, 31)),
)
def test_a_deadline_after_its_trigger_is_never_before_it(
    deadline: Deadline, trigger: dt.date
) -> None:
    assert deadline.due_from(trigger) >= trigger
