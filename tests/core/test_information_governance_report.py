"""Bursts of refused reads and break-glass reach the information governance
report, whoever the user is and whether or not their service has a manager."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.core.services import allocate_case, break_glass
from tests.conftest import make_user
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

REASON = "Reviewing this child's care plan today"


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory(given_name="Marigold")
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


def test_break_glass_by_someone_with_no_manager_reaches_the_report(client, adam):
    iro = make_user("ivy", "independent_reviewing_officer")
    children = [ChildFactory(given_name="Marigold") for _ in range(3)]
    for child in children:
        break_glass(child, reason=REASON, by=iro)
    client.force_login(adam)
    page = client.get(reverse("information_governance"))
    assert page.status_code == 200
    html = page.content.decode()
    bursts = html[html.index('id="bursts"') : html.index('id="denials"')]
    assert "Ivy Tester" in bursts
    assert "Break-glass uses" in bursts
    assert "Marigold" not in html


def test_a_burst_of_refused_reads_reaches_the_report(client, adam, bob, child):
    client.force_login(bob)
    for _ in range(10):
        client.get(reverse("people:detail", args=[child.pk]))
    client.force_login(adam)
    html = client.get(reverse("information_governance")).content.decode()
    bursts = html[html.index('id="bursts"') : html.index('id="denials"')]
    assert "Bob Tester" in bursts
    assert "Refused reads" in bursts


def test_only_the_information_governance_role_sees_the_report(client, alice, mona):
    for user in (alice, mona):
        client.force_login(user)
        assert client.get(reverse("information_governance")).status_code == 403
