"""Correcting a term's attendance and an exclusion: the reason is required,
every fault is named at once, a term cannot be corrected onto another already
recorded, nothing unchanged is "corrected", and the journal keeps the record
before and after (nothing is overwritten in silence); someone who may not
record the child's education is refused."""

import datetime as dt

import pytest

from haven.care.education import attendance, corrections, schools
from haven.core import establishments
from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from tests.care.factories import fostered, in_care
from tests.care.test_schools import HEAD, ROWS
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
D = dt.date


def _codes(refused):
    return sorted(f.code for f in refused.value.failures)


@pytest.fixture
def school(child, alice, carer):
    establishments.load(HEAD + ROWS)
    in_care(child, by=alice, on=D(2024, 1, 10), placement=fostered(carer))
    new = schools.NewEnrolment(
        urn="990101", kind="main", started_on=D(2024, 9, 4), ended_on=None
    )
    return schools.record_enrolment(child, new, by=alice)


def test_a_terms_attendance_is_corrected_with_its_reason(child, alice, school):
    autumn = attendance.Term(year=2024, term="autumn", possible=140, attended=119)
    spring = attendance.Term(year=2024, term="spring", possible=120, attended=100)
    made = attendance.record_attendance(child, school, autumn, by=alice)
    attendance.record_attendance(child, school, spring, by=alice)
    with pytest.raises(DomainError) as refused:
        corrections.correct_attendance(
            made, attendance.Term(2024, "spring", 100, 101), why=" ", by=alice
        )
    assert _codes(refused) == ["attended_too_many", "term_recorded", "why_required"]
    with pytest.raises(DomainError) as refused:
        corrections.correct_attendance(made, autumn, why="Typed twice", by=alice)
    assert _codes(refused) == ["nothing_changed"]
    fixed = attendance.Term(year=2024, term="autumn", possible=140, attended=129)
    corrections.correct_attendance(made, fixed, why="Report corrected", by=alice)
    made.refresh_from_db()
    assert (made.attended, made.percentage) == (129, 92.1)
    event = JournalEvent.objects.get(
        person=child, type=corrections.ATTENDANCE_CORRECTED
    )
    assert event.payload["before"]["attended"] == 119
    assert event.payload["after"]["attended"] == 129
    assert event.payload["why"] == "Report corrected"


def test_an_exclusion_is_corrected_with_every_fault_named(child, alice, school):
    made = attendance.record_exclusion(
        child,
        school,
        attendance.NewExclusion("suspension", D(2025, 2, 3), D(2025, 2, 4), 4, "VA"),
        by=alice,
    )
    with pytest.raises(DomainError) as refused:
        corrections.correct_exclusion(
            made,
            attendance.NewExclusion("permanent", D(2024, 1, 1), D(2024, 2, 1), 2, ""),
            why="",
            by=alice,
        )
    assert _codes(refused) == [
        "outside_enrolment",
        "permanent_has_no_end",
        "reason_required",
        "why_required",
    ]
    new = attendance.NewExclusion("suspension", D(2025, 2, 3), D(2025, 2, 5), 6, "PD")
    corrections.correct_exclusion(made, new, why="Three days, not two", by=alice)
    made.refresh_from_db()
    assert (made.ended_on, made.sessions, made.reason) == (D(2025, 2, 5), 6, "PD")
    event = JournalEvent.objects.get(person=child, type=corrections.EXCLUSION_CORRECTED)
    assert (event.payload["before"]["reason"], event.payload["after"]["reason"]) == (
        "VA",
        "PD",
    )


def test_someone_who_may_not_record_education_is_refused(child, alice, school, team):
    made = attendance.record_attendance(
        child, school, attendance.Term(2024, "autumn", 140, 119), by=alice
    )
    analyst = make_user("pam", "performance_analyst", team)
    with pytest.raises(DomainError):
        corrections.correct_attendance(
            made, attendance.Term(2024, "autumn", 140, 120), why="x", by=analyst
        )
    made.refresh_from_db()
    assert made.attended == 119
