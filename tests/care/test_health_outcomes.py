"""The SSDA903 OC2 row is derived from a looked-after child's health and
offending records, for children looked after continuously for 12 months at 31
March only, with each age-bound field blank outside its ages."""

import datetime as dt

import pytest

from haven.care import services
from haven.care.health import records
from haven.care.health.outcomes import continuously_looked_after, oc2_row
from haven.core.services import allocate_case
from tests.care.factories import fostered, in_care
from tests.care.health_helpers import START, assess
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db
D = dt.date
YEAR = 2026  # 1 April 2025 to 31 March 2026


@pytest.fixture
def period(child, alice, carer):
    return in_care(child, by=alice, on=START, placement=fostered(carer))


def _child(alice, mona, team, carer, born, name):
    made = ChildFactory(given_name=name, date_of_birth=born)
    allocate_case(made, team=team, worker=alice, on=D(2024, 1, 5), by=mona)
    in_care(made, by=alice, on=START, placement=fostered(carer))
    return made


def test_a_child_with_nothing_recorded_has_zeros(child, period):
    row = oc2_row(child, YEAR)
    assert row is not None
    assert row.fields() == {
        "SDQ_SCORE": None,
        "SDQ_REASON": None,
        "CONVICTED": None,  # Jasmine is 9 at 31 March 2026
        "HEALTH_CHECK": None,  # and 5 or over
        "IMMUNISATIONS": 0,
        "TEETH_CHECK": 0,
        "HEALTH_ASSESSMENT": 0,
        "SUBSTANCE_MISUSE": 0,
        "INTERVENTION_RECEIVED": None,
        "INTERVENTION_OFFERED": None,
    }


def test_the_years_records_set_the_flags(child, period, alice):
    assess(child, by=alice, on=D(2025, 2, 1), kind="initial")  # the year before
    assess(child, by=alice, on=D(2026, 1, 20))
    records.record_dental_check(child, checked_on=D(2025, 4, 1), by=alice)
    records.record_up_to_date(
        child, what="immunisations", answer="yes", checked_on=D(2025, 6, 1), by=alice
    )
    records.record_sdq(
        child, score=12, completed_by="carer", completed_on=D(2025, 5, 1), by=alice
    )
    records.record_sdq(
        child, score=19, completed_by="teacher", completed_on=D(2026, 3, 31), by=alice
    )
    records.record_substance_misuse(
        child,
        identified_on=D(2025, 9, 1),
        intervention_offered=True,
        intervention_received=False,
        by=alice,
    )
    row = oc2_row(child, YEAR)
    assert row is not None
    assert (row.health_assessment, row.teeth_check, row.immunisations) == (1, 1, 1)
    assert row.sdq_score == 19  # the latest in the year
    assert (row.substance_misuse, row.intervention_offered) == (1, 1)
    assert row.intervention_received == 0
    # The year before has only the initial assessment.
    assert oc2_row(child, 2025) is None  # in care for under 12 months then


def test_the_latest_immunisation_answer_in_the_year_counts(child, period, alice):
    records.record_up_to_date(
        child, what="immunisations", answer="yes", checked_on=D(2025, 6, 1), by=alice
    )
    records.record_up_to_date(
        child, what="immunisations", answer="no", checked_on=D(2025, 12, 1), by=alice
    )
    row = oc2_row(child, YEAR)
    assert row is not None and row.immunisations == 0


def test_convicted_is_asked_from_10(alice, mona, team, carer, today):
    older = _child(alice, mona, team, carer, D(2011, 1, 1), "Kieran")
    records.record_offence(older, kind="conviction", on=D(2025, 10, 1), by=alice)
    row = oc2_row(older, YEAR)
    assert row is not None and row.convicted == 1
    assert row.sdq_score is None  # no SDQ recorded: the reason is not kept yet


def test_health_check_is_asked_under_5_and_sdq_not(alice, mona, team, carer, today):
    young = _child(alice, mona, team, carer, D(2022, 6, 1), "Poppy")
    records.record_up_to_date(
        young, what="development", answer="yes", checked_on=D(2025, 8, 1), by=alice
    )
    records.record_sdq(
        young, score=5, completed_by="carer", completed_on=D(2025, 8, 1), by=alice
    )
    row = oc2_row(young, YEAR)
    assert row is not None
    assert (row.health_check, row.sdq_score, row.convicted) == (1, None, None)


def test_a_child_who_came_into_care_in_the_year_has_no_row(
    alice, mona, team, carer, today
):
    late = ChildFactory(given_name="Ivo")
    allocate_case(late, team=team, worker=alice, on=D(2024, 1, 5), by=mona)
    in_care(late, by=alice, on=D(2025, 6, 1), placement=fostered(carer))
    assert not continuously_looked_after(late, YEAR)
    assert oc2_row(late, YEAR) is None


def test_a_child_who_left_care_in_the_year_has_no_row(child, period, alice):
    services.end_period_of_care(period, on=D(2026, 3, 30), reason="E11", by=alice)
    assert oc2_row(child, YEAR) is None


def test_care_ending_on_31_march_still_covers_the_twelve_months(child, period, alice):
    """As the DfE's validator counts them (CONTINUOUSLY_LOOKED_AFTER: an end
    of care before 31 March breaks the 12 months, one on it does not)."""
    services.end_period_of_care(period, on=D(2026, 3, 31), reason="E11", by=alice)
    assert continuously_looked_after(child, YEAR)
