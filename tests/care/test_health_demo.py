"""The demo's health and education records for a child in care leave nothing
overdue on the queues: the initial assessment and PEP soon after care began,
then the latest review, SDQ and PEP."""

import datetime as dt

import pytest

from haven.care.health import demo
from haven.care.models import HealthAssessment, PersonalEducationPlan, SdqScore
from haven.timescales.models import Obligation
from tests.care.factories import fostered, in_care

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("years_in_care", [1, 3])
def test_nothing_is_overdue_after_the_demo_tells_it(
    child, alice, carer, today, years_in_care
):
    start = today - dt.timedelta(days=365 * years_in_care)
    period = in_care(child, by=alice, on=start, placement=fostered(carer))
    demo.tell(child, period, alice, today)
    assert HealthAssessment.objects.filter(person=child, kind="initial").exists()
    assert SdqScore.objects.filter(person=child).exists()
    assert PersonalEducationPlan.objects.filter(person=child).exists()
    # Health's and education's own rules (the reviews' and plans' demos tell
    # theirs, and are checked with the demo authority in test_demo.py).
    overdue = Obligation.objects.filter(
        person=child,
        status="due",
        due_on__lt=today,
        rule_id__regex=r"^LAC-(HEALTH|SDQ|PEP)",
    )
    assert [(o.rule_id, o.due_on) for o in overdue] == []
