"""A looked-after child's personal education plans: the first falls due 10
working days after care starts and the first PEP meeting meets it; the termly
review is due only where the council sets its interval; the Education
section shows the UPN and the PEPs; a stranger can record nothing."""

import datetime as dt

import pytest

from haven.care.education import recording
from haven.care.models import PersonalEducationPlan
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.people.models import Person
from haven.timescales.models import RuleSetting
from tests.care.factories import fostered, in_care
from tests.care.health_helpers import START, due, statuses

pytestmark = pytest.mark.django_db
D = dt.date


def _pep(child, by, on, **kw):
    values = {
        "held_on": on,
        "term": "spring",
        "school": "Moorside Primary",
        "designated_teacher": "Mrs Ada Kettle",
        "virtual_school": "Sam Oyelaran",
        "summary": "Reading catch-up; tutoring twice a week.",
        **kw,
    }
    return recording.record_pep(child, recording.Pep(**values), by=by)


def _codes(refused):
    return sorted(f.code for f in refused.value.failures)


@pytest.fixture
def period(child, alice, carer):
    return in_care(child, by=alice, on=START, placement=fostered(carer))


def test_the_pep_is_due_10_working_days_after_care_starts(child, period):
    # From Friday 10 January 2025: 10 working days is Friday 24 January.
    assert due(child, "LAC-PEP") == [("LAC-PEP", D(2025, 1, 24))]


def test_the_first_pep_meeting_meets_it(child, period, alice):
    made = _pep(child, alice, D(2025, 1, 22))
    assert statuses(child, "LAC-PEP") == [(D(2025, 1, 24), "met_on_time")]
    # No national interval for the termly review.
    assert due(child, "LAC-PEP") == []
    event = JournalEvent.objects.get(person=child, type="care.pep_reviewed")
    assert event.payload["pep"] == made.pk
    assert event.payload["period"] == period.pk


def test_the_termly_review_is_due_where_the_council_sets_it(child, period, alice, mona):
    RuleSetting.objects.create(
        rule_id="LAC-PEP-REVIEW",
        deadline="+4 m",
        interval="+4 m",
        applies_from=D(2020, 1, 1),
        reason="Our standard: once a term",
        changed_by=mona,
        approved_by=mona,
        recorded_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
    )
    _pep(child, alice, D(2025, 1, 22))
    assert due(child, "LAC-PEP-REVIEW") == [("LAC-PEP-REVIEW", D(2025, 5, 22))]
    _pep(child, alice, D(2025, 5, 1), term="summer")
    assert due(child, "LAC-PEP-REVIEW") == [("LAC-PEP-REVIEW", D(2025, 9, 1))]


def test_a_pep_names_every_fault(child, period, alice):
    with pytest.raises(DomainError) as refused:
        _pep(child, alice, None, term="", school=" ", designated_teacher="", summary="")
    assert _codes(refused) == [
        "date_required",
        "designated_teacher_required",
        "school_required",
        "summary_required",
        "term_required",
    ]
    with pytest.raises(DomainError) as refused:
        _pep(child, alice, D(2024, 9, 1))
    assert _codes(refused) == ["not_looked_after"]
    assert not PersonalEducationPlan.objects.exists()


def test_strangers_may_not_record_a_pep(child, period, bob, fiona):
    with pytest.raises(AccessDenied):
        _pep(child, bob, D(2025, 1, 22))
    with pytest.raises(DomainError) as refused:
        _pep(child, fiona, D(2025, 1, 22))
    assert refused.value.code == "not_permitted"


def test_the_section_shows_the_upn_and_the_peps(client, alice, child, period):
    Person.objects.filter(pk=child.pk).update(upn="A123456789012")
    _pep(child, alice, D(2025, 1, 22))
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "UPN: A123456789012" in page
    assert "Moorside Primary: Mrs Ada Kettle, Sam Oyelaran (virtual school)" in page
    assert f"/looked-after/people/{child.pk}/education/pep/" in page


def test_a_stranger_can_open_no_pep_page(client, bob, child, period):
    client.force_login(bob)
    for url in (
        f"/looked-after/people/{child.pk}/education/pep/",
        f"/looked-after/periods/{period.pk}/education/pep/",
    ):
        response = client.get(url)
        assert response.status_code in (403, 404), url
        assert "Thackray" not in response.content.decode()
