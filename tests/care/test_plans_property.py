"""For any sequence of attempts to record a care plan or a placement plan,
some refused, the versions kept form one chain: numbered 1 to n, each later
one superseding the one before and saying why, agreed in order, with one
journal event each, naming its version."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from haven.care.models import CarePlan, PlacementPlan
from haven.care.plans import recording
from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from tests.care.factories import fostered, in_care
from tests.care.test_plans import placement_sections, sections

START = dt.date(2026, 1, 12)
attempt = st.tuples(
    st.sampled_from(["care", "placement"]),
    st.integers(-10, 160).map(lambda n: START + dt.timedelta(days=n)),
    st.sampled_from(["", "Contact changed after the review"]),
)


def _record(kind, agreed_on, why, period, alice):
    if kind == "care":
        recording.record_care_plan(
            period, sections=sections(), agreed_on=agreed_on, what_changed=why, by=alice
        )
    else:
        recording.record_placement_plan(
            period.placements.get(),
            sections=placement_sections(),
            agreed_with="Maureen",
            agreed_on=agreed_on,
            what_changed=why,
            by=alice,
        )


def _one_chain(versions, events):
    assert [v.number for v in versions] == list(range(1, len(versions) + 1))
    for before, after in zip(versions, versions[1:], strict=False):
        assert after.supersedes_id == before.pk and after.what_changed
        assert after.agreed_on >= before.agreed_on
    if versions:
        assert versions[0].supersedes_id is None
    assert [e.payload["version"] for e in events] == [v.number for v in versions]


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(attempts=st.lists(attempt, max_size=8))
def test_the_versions_always_form_one_chain(attempts, child, alice, carer):
    with transaction.atomic():
        period = in_care(child, by=alice, on=START, placement=fostered(carer))
        for kind, agreed_on, why in attempts:
            try:
                _record(kind, agreed_on, why, period, alice)
                event("accepted")
            except DomainError:
                event("refused")
        journal = JournalEvent.objects.filter(person=child).order_by("sequence")
        _one_chain(
            list(CarePlan.objects.filter(period=period).order_by("number")),
            list(journal.filter(type=recording.AGREED)),
        )
        _one_chain(
            list(
                PlacementPlan.objects.filter(placement__period=period).order_by(
                    "number"
                )
            ),
            list(journal.filter(type=recording.PLACEMENT_AGREED)),
        )
        transaction.set_rollback(True)
