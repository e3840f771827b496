"""The rest of a looked-after child's health record: dental checks,
immunisations and development checks, SDQ scores (and their yearly duty),
substance misuse and offences, each refused with every fault named at once."""

import datetime as dt

import pytest

from haven.care.health import records
from haven.care.models import DentalCheck, Offence, SdqScore, SubstanceMisuse, UpToDate
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.core.services import allocate_case
from tests.care.factories import fostered, in_care
from tests.care.health_helpers import START, due, statuses
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db
D = dt.date


def _codes(refused):
    return sorted(f.code for f in refused.value.failures)


def _types(child):
    return list(
        JournalEvent.objects.filter(person=child, type__startswith="care.")
        .exclude(type__startswith="care.period")
        .exclude(type__startswith="care.placement")
        .values_list("type", flat=True)
    )


@pytest.fixture
def period(child, alice, carer):
    return in_care(child, by=alice, on=START, placement=fostered(carer))


def test_a_dental_check_is_recorded(child, period, alice):
    made = records.record_dental_check(child, checked_on=D(2025, 3, 1), by=alice)
    assert made.checked_on == D(2025, 3, 1)
    assert "care.dental_check_recorded" in _types(child)


def test_a_dental_check_needs_a_day_in_care(child, period, alice):
    with pytest.raises(DomainError) as refused:
        records.record_dental_check(child, checked_on=D(2024, 3, 1), by=alice)
    assert _codes(refused) == ["not_looked_after"]
    assert not DentalCheck.objects.exists()


def test_immunisations_up_to_date_are_recorded_with_the_day_checked(
    child, period, alice
):
    made = records.record_up_to_date(
        child,
        what="immunisations",
        answer="not_known",
        checked_on=D(2025, 3, 1),
        by=alice,
    )
    assert (made.what, made.answer) == ("immunisations", "not_known")
    event = JournalEvent.objects.get(person=child, type="care.up_to_date_recorded")
    assert event.payload["answer"] == "not_known"


def test_an_up_to_date_check_names_every_fault(child, period, alice):
    with pytest.raises(DomainError) as refused:
        records.record_up_to_date(
            child, what="", answer="maybe", checked_on=None, by=alice
        )
    assert _codes(refused) == ["answer_required", "date_required", "what_required"]
    assert not UpToDate.objects.exists()


def test_the_sdq_is_due_a_year_after_care_starts_and_yearly_after(child, period, alice):
    assert due(child, "LAC-SDQ") == [("LAC-SDQ", D(2026, 1, 10))]
    records.record_sdq(
        child, score=14, completed_by="carer", completed_on=D(2025, 12, 1), by=alice
    )
    assert statuses(child, "LAC-SDQ") == [
        (D(2026, 1, 10), "met_on_time"),
        (D(2026, 12, 1), "due"),
    ]


def test_no_sdq_is_due_for_a_toddler(alice, mona, team, carer, today):
    toddler = ChildFactory(given_name="Rosie", date_of_birth=D(2023, 2, 1))
    allocate_case(toddler, team=team, worker=alice, on=D(2024, 1, 5), by=mona)
    in_care(toddler, by=alice, on=START, placement=fostered(carer))
    assert due(toddler, "LAC-SDQ") == []


def test_an_sdq_score_is_between_0_and_40(child, period, alice):
    with pytest.raises(DomainError) as refused:
        records.record_sdq(
            child, score=41, completed_by="", completed_on=D(2025, 12, 1), by=alice
        )
    assert _codes(refused) == ["completed_by_required", "score_out_of_range"]
    with pytest.raises(DomainError) as refused:
        records.record_sdq(
            child, score=None, completed_by="teacher", completed_on=None, by=alice
        )
    assert _codes(refused) == ["date_required", "score_required"]
    assert not SdqScore.objects.exists()


def test_substance_misuse_and_the_intervention_are_recorded(child, period, alice):
    made = records.record_substance_misuse(
        child,
        identified_on=D(2025, 5, 1),
        intervention_offered=True,
        intervention_received=False,
        by=alice,
    )
    assert (made.intervention_offered, made.intervention_received) == (True, False)
    assert "care.substance_misuse_recorded" in _types(child)


def test_an_intervention_received_must_have_been_offered(child, period, alice):
    with pytest.raises(DomainError) as refused:
        records.record_substance_misuse(
            child,
            identified_on=None,
            intervention_offered=False,
            intervention_received=True,
            by=alice,
        )
    assert _codes(refused) == ["date_required", "received_not_offered"]
    assert not SubstanceMisuse.objects.exists()


def test_an_offence_is_recorded(child, period, alice):
    made = records.record_offence(child, kind="reprimand", on=D(2025, 7, 7), by=alice)
    assert str(made) == "Reprimand on 7 July 2025"
    event = JournalEvent.objects.get(person=child, type="care.offence_recorded")
    assert event.payload == {
        "offence": made.pk,
        "kind": "reprimand",
        "on": "2025-07-07",
    }


def test_an_offence_needs_its_kind_and_date(child, period, alice):
    with pytest.raises(DomainError) as refused:
        records.record_offence(child, kind="caution", on=None, by=alice)
    assert _codes(refused) == ["date_required", "kind_required"]
    assert not Offence.objects.exists()


def test_strangers_may_record_nothing(child, period, bob, fiona):
    for user in (bob, fiona):
        with pytest.raises((AccessDenied, DomainError)):
            records.record_dental_check(child, checked_on=D(2025, 3, 1), by=user)
        with pytest.raises((AccessDenied, DomainError)):
            records.record_offence(child, kind="reprimand", on=D(2025, 3, 1), by=user)
        with pytest.raises((AccessDenied, DomainError)):
            records.record_sdq(
                child,
                score=3,
                completed_by="carer",
                completed_on=D(2025, 3, 1),
                by=user,
            )
    assert not (DentalCheck.objects.exists() or Offence.objects.exists())
    assert not SdqScore.objects.exists()
