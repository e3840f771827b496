"""The front door queue reads the decision rule's settings once, not per contact."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from haven.frontdoor import selectors, services
from haven.timescales.models import RuleSetting
from tests.factories import ChildFactory
from tests.frontdoor.conftest import details

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(wednesday, maggie, mona):
    return RuleSetting.objects.create(
        rule_id="REF-DECISION",
        deadline="+2 WD",
        applies_from=dt.date(2026, 1, 1),
        reason="Local practice",
        changed_by=maggie,
        approved_by=mona,
        recorded_at=wednesday.at,
    )


def add_contacts(fred, n):
    for _ in range(n):
        services.record_contact(details(), [ChildFactory()], by=fred)


def queries(action):
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def test_the_queue_does_not_query_once_per_contact(setting, fred, maggie, client):
    add_contacts(fred, 1)
    client.force_login(maggie)
    client.get(reverse("frontdoor:queue"))  # warm caches (permissions, rules)
    one = queries(lambda: selectors.awaiting_decision(maggie))
    one_page = queries(lambda: client.get(reverse("frontdoor:queue")))
    add_contacts(fred, 5)
    assert len(selectors.awaiting_decision(maggie)) == 6
    assert queries(lambda: selectors.awaiting_decision(maggie)) <= one
    assert queries(lambda: client.get(reverse("frontdoor:queue"))) <= one_page


def test_the_queue_uses_the_setting_in_force_on_the_day_received(
    setting, fred, maggie, wednesday
):
    add_contacts(fred, 1)
    [row] = selectors.awaiting_decision(maggie)
    # Received Wednesday 4 March 2026: two working days is Friday 6 March.
    assert row.due_on == dt.date(2026, 3, 6)
    assert selectors.decision_due_on(row.contact) == dt.date(2026, 3, 6)
