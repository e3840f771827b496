"""A step up hands the child to social care: never left with the early help
worker, who cannot do social care's work, nor with no one."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.core.errors import DomainError
from haven.core.models import JournalEvent, Team
from haven.earlyhelp import services
from haven.earlyhelp.models import EarlyHelpRequest
from haven.timescales import queue
from tests.conftest import make_user
from tests.earlyhelp.conftest import known_to_early_help
from tests.factories import ChildFactory, current_allocation

pytestmark = pytest.mark.django_db

STEPPED_UP = dt.date(2026, 4, 1)


def test_a_step_up_passes_the_case_to_the_social_care_team_that_held_it(
    allocated, child, ellie, team
):
    services.step_up(
        allocated,
        reason="Disclosure at school",
        consent="given",
        on=STEPPED_UP,
        by=ellie,
    )
    now = current_allocation(child)
    assert (now.team, now.worker, now.started_on) == (team, None, STEPPED_UP)
    closed = JournalEvent.objects.get(person=child, type="earlyhelp.episode_closed")
    assert closed.payload["case"] == "stepped_up_to_team"
    assert closed.payload["case_team"] == team.name
    moved = JournalEvent.objects.filter(type="core.case_allocated").last()
    assert moved.payload["previous_worker"] == str(ellie)


def test_the_decision_clock_lands_on_social_care_not_the_early_help_worker(
    allocated, child, ellie, team
):
    services.step_up(
        allocated,
        reason="Disclosure at school",
        consent="given",
        on=STEPPED_UP,
        by=ellie,
    )
    assert not [i for i in queue.obligations_of([ellie]) if i.person_id == child.pk]
    held = queue.unallocated_obligations({team.pk})
    assert any(i.person_id == child.pk for i in held)


def test_a_family_new_to_social_care_is_stepped_up_to_the_front_door(
    service, team, alice, eh_team, emma, ellie
):
    front_door = Team.objects.create(name="Front Door", parent=service)
    make_user("fred", "front_door_worker", front_door)
    child = ChildFactory()
    known_to_early_help(child, ellie)
    request = services.request_early_help(
        child,
        requested_on=dt.date(2026, 3, 2),
        reason="Support with routines",
        source="direct",
        contact_id=None,
        by=ellie,
    )
    services.allocate_request(request, worker=ellie, on=dt.date(2026, 3, 20), by=emma)
    services.step_up(
        request, reason="Disclosure at school", consent="given", on=STEPPED_UP, by=ellie
    )
    assert (current_allocation(child).team, current_allocation(child).worker) == (
        front_door,
        None,
    )


def test_a_step_up_with_no_social_care_team_is_refused_and_early_help_stays_open(
    eh_team, emma, ellie
):
    child = ChildFactory()
    known_to_early_help(child, ellie)
    request = services.request_early_help(
        child,
        requested_on=dt.date(2026, 3, 2),
        reason="Support with routines",
        source="direct",
        contact_id=None,
        by=ellie,
    )
    services.allocate_request(request, worker=ellie, on=dt.date(2026, 3, 20), by=emma)
    with pytest.raises(DomainError) as refused:
        services.step_up(
            request, reason="Disclosure", consent="given", on=STEPPED_UP, by=ellie
        )
    assert refused.value.code == "no_social_care_team"
    request.refresh_from_db()
    assert request.closed_on is None
    assert current_allocation(child).worker == ellie
    assert not child.journal.filter(type="frontdoor.referral_received").exists()


def test_the_step_up_page_returns_the_worker_to_the_queue(
    client, allocated, child, ellie
):
    client.force_login(ellie)
    response = client.post(
        reverse("earlyhelp:step_up", args=[allocated.pk]),
        {
            "reason": "Disclosure at school",
            "consent": "given",
            "on_day": STEPPED_UP.day,
            "on_month": STEPPED_UP.month,
            "on_year": STEPPED_UP.year,
        },
    )
    assert response.status_code == 302
    assert EarlyHelpRequest.objects.get(pk=allocated.pk).outcome == "step_up"
    assert client.get(response.url).status_code == 200
    # The name's promise: to the queue, not the record she can no longer open.
    assert response.url == reverse("earlyhelp:queue")


def test_a_stepped_up_child_is_on_the_social_care_managers_team_work(
    client, allocated, child, ellie, mona
):
    services.step_up(
        allocated,
        reason="Disclosure at school",
        consent="given",
        on=STEPPED_UP,
        by=ellie,
    )
    client.force_login(mona)
    page = client.get("/work/team/", {"worker": "unallocated"}).content.decode()
    assert child.full_name in page
