"""A former relevant young person returning to education or training (Children
Act 1989 s23CA): telling the authority starts CL-23CA-ASSESS, three months from
the day they told it, on the personal adviser's My work; the leaving care needs
assessment meets it; every fault is named at once, and only a former relevant
young person's return is recorded."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.care.leavers import education_return, needs
from haven.core.errors import DomainError
from tests.care.test_leaving_care_rules import (  # noqa: F401 (fixtures)
    _due,
    _events,
    _needs,
    _queued,
    eligible,
    former_relevant,
)

pytestmark = pytest.mark.django_db
D = dt.date


def test_a_return_to_education_starts_the_assessment_the_adviser_owes(
    former_relevant,  # noqa: F811
):
    person, adviser = former_relevant
    notice = education_return.record_return_to_education(
        person,
        notified_on=D(2026, 6, 1),
        programme="  A nursing degree from September  ",
        by=adviser,
    )
    assert notice.programme == "A nursing degree from September"
    ((at, payload),) = _events(person, education_return.NOTIFIED)
    assert timezone.localdate(at) == D(2026, 6, 1)
    assert payload == {
        "child": person.pk,
        "notice": notice.pk,
        "notified_on": "2026-06-01",
    }
    assert _due(person, "CL-23CA-ASSESS") == [(D(2026, 9, 1), "due")]
    (item,) = _queued(adviser, "CL-23CA-ASSESS")
    assert item.url.endswith(f"/people/{person.pk}/leaving-care/needs-assessment/")
    needs.complete_needs_assessment(
        person, _needs(), completed_on=D(2026, 6, 10), assessor="Pat", by=adviser
    )
    assert _due(person, "CL-23CA-ASSESS") == [(D(2026, 9, 1), "met_on_time")]


def test_only_a_former_relevant_young_persons_return_is_recorded(
    eligible,  # noqa: F811
    alice,
):
    child, _ = eligible
    with pytest.raises(DomainError) as refused:
        education_return.record_return_to_education(
            child, notified_on=D(2026, 6, 1), programme=" ", by=alice
        )
    assert sorted(f.code for f in refused.value.failures) == [
        "not_former_relevant",
        "programme_required",
    ]
    with pytest.raises(DomainError) as refused:
        education_return.record_return_to_education(
            child, notified_on=None, programme="College", by=alice
        )
    assert [f.field for f in refused.value.failures] == ["notified_on"]
    assert _events(child, education_return.NOTIFIED) == []
