"""For any child's date of birth and any day of a health assessment while they
are looked after, the next review falls due six months on if they were under 5
that day and a year on if 5 or over (CPPCR reg 7(4)); and an SDQ score is kept
exactly when it is from 0 to 40."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.care.health import records
from haven.care.health.outcomes import age_on
from haven.core.errors import DomainError
from haven.people.models import Person
from haven.timescales.calendar import add_months
from tests.care.factories import fostered, in_care
from tests.care.health_helpers import START, assess, due

TODAY = dt.date(2026, 6, 15)
days_in_care = st.integers(0, (TODAY - START).days).map(
    lambda n: START + dt.timedelta(days=n)
)
births = st.integers(-365 * 12, -30).map(lambda n: START + dt.timedelta(days=n))


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(born=births, assessed_on=days_in_care)
def test_the_review_interval_follows_the_age_on_the_day(
    born, assessed_on, child, alice, carer
):
    with transaction.atomic():
        Person.objects.filter(pk=child.pk).update(date_of_birth=born)
        child.refresh_from_db()
        in_care(child, by=alice, on=START, placement=fostered(carer))
        assess(child, by=alice, on=assessed_on)
        reviews = [d for d in due(child) if d[0].startswith("LAC-HEALTH-RHA")]
        age = age_on(born, assessed_on)
        assert age is not None
        months = 6 if age < 5 else 12
        rule_id = "LAC-HEALTH-RHA" if age < 5 else "LAC-HEALTH-RHA-5"
        assert reviews == [(rule_id, add_months(assessed_on, months))]
        transaction.set_rollback(True)


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(score=st.integers(-5, 60))
def test_an_sdq_score_is_kept_only_from_0_to_40(score, child, alice, carer):
    with transaction.atomic():
        in_care(child, by=alice, on=START, placement=fostered(carer))
        try:
            made = records.record_sdq(
                child,
                score=score,
                completed_by="carer",
                completed_on=dt.date(2025, 6, 1),
                by=alice,
            )
        except DomainError as refused:
            assert not 0 <= score <= 40
            assert [f.code for f in refused.failures] == ["score_out_of_range"]
        else:
            assert 0 <= score <= 40 and made.score == score
        transaction.set_rollback(True)
