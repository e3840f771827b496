"""One early help request, assessment and plan for a family's children: each
child's record gets the events, each child's case follows the request."""

import datetime as dt

import pytest

from haven.core.errors import DomainError
from haven.core.models import Allocation, JournalEvent
from haven.core.services import allocate_case
from haven.earlyhelp import selectors, services
from haven.earlyhelp.codes import ClosureOutcome
from haven.earlyhelp.models import EarlyHelpRequest
from haven.people.codes import RelationshipKind
from haven.people.models import Relationship
from tests.earlyhelp.conftest import REQUESTED
from tests.earlyhelp.test_services import assess, plan
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sister(child, alice, mona, team):
    sister = ChildFactory()
    allocate_case(sister, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    Relationship.objects.create(
        person=child, other=sister, kind=RelationshipKind.SIBLING
    )
    return sister


@pytest.fixture
def family(child, sister, alice, ellie):
    return services.request_early_help(
        child,
        requested_on=REQUESTED,
        reason="Parents need support with routines",
        source="step_down",
        contact_id=None,
        by=alice,
        siblings=[sister],
    )


def test_one_request_covers_the_siblings_and_each_record_shows_it(
    family, child, sister
):
    assert set(family.children.all()) == {child, sister}
    assert family.family()[0] == child
    for each in (child, sister):
        event = JournalEvent.objects.get(person=each, type="earlyhelp.requested")
        assert event.payload["request"] == family.pk
        assert set(event.payload["children"]) == {child.pk, sister.pk}
        assert list(selectors.requests_of(each)) == [family]
        assert selectors.open_request(each) == family


def test_a_child_who_is_not_a_sibling_is_refused(child, alice):
    stranger = ChildFactory()
    with pytest.raises(DomainError) as err:
        services.request_early_help(
            child,
            requested_on=REQUESTED,
            reason="x",
            source="direct",
            contact_id=None,
            by=alice,
            siblings=[stranger],
        )
    assert (err.value.code, err.value.field) == ("not_a_sibling", "siblings")
    assert not EarlyHelpRequest.objects.exists()


def test_a_sibling_with_open_early_help_cannot_join_another_request(
    family, sister, alice
):
    with pytest.raises(DomainError) as err:
        services.request_early_help(
            sister,
            requested_on=REQUESTED,
            reason="x",
            source="direct",
            contact_id=None,
            by=alice,
        )
    assert err.value.code == "open_request"


def test_allocation_gives_each_childs_case_to_the_worker_and_closing_hands_back(
    family, child, sister, emma, ellie, team
):
    family = services.allocate_request(
        family, worker=ellie, on=dt.date(2026, 3, 20), by=emma
    )
    for each in (child, sister):
        held = Allocation.objects.get(person=each, ended_on__isnull=True)
        assert held.worker == ellie
        assert JournalEvent.objects.filter(
            person=each, type="earlyhelp.request_allocated"
        ).exists()
    assess(family, ellie)
    plan(family, ellie)
    for each in (child, sister):
        types = set(
            JournalEvent.objects.filter(person=each).values_list("type", flat=True)
        )
        assert {"earlyhelp.assessment_completed", "earlyhelp.plan_started"} <= types
    services.close_episode(
        family,
        closed_on=dt.date(2026, 6, 1),
        outcome=ClosureOutcome.NEEDS_MET,
        by=ellie,
    )
    for each in (child, sister):
        held = Allocation.objects.get(person=each, ended_on__isnull=True)
        assert (held.team, held.worker) == (team, None)
        closed = JournalEvent.objects.get(person=each, type="earlyhelp.episode_closed")
        assert closed.payload["case"] == "returned_to_team"


def test_a_family_steps_up_each_child_to_the_front_door(
    family, child, sister, emma, ellie
):
    from haven.frontdoor.models import Contact

    family = services.allocate_request(
        family, worker=ellie, on=dt.date(2026, 3, 20), by=emma
    )
    first = services.step_up(
        family,
        reason="Bruises seen at school",
        consent="given",
        on=dt.date(2026, 4, 1),
        by=ellie,
    )
    family.refresh_from_db()
    assert (family.outcome, family.stepped_up_contact_id) == ("step_up", first.pk)
    for each in (child, sister):
        closed = JournalEvent.objects.get(person=each, type="earlyhelp.episode_closed")
        contact = Contact.objects.get(pk=closed.payload["contact"])
        assert contact.children.get().person == each
        held = Allocation.objects.get(person=each, ended_on__isnull=True)
        assert held.worker != ellie


def test_a_single_child_request_still_covers_its_child(request_, child):
    assert list(request_.children.all()) == [child]


def test_the_request_page_offers_the_siblings_and_covers_those_ticked(
    client, child, sister, alice
):
    from django.urls import reverse

    from tests.earlyhelp.test_pages import date_fields

    client.force_login(alice)
    url = reverse("earlyhelp:request", args=[child.pk])
    assert f'value="{sister.pk}"' in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "source": "direct",
            "reason": "Routines",
            "siblings": [sister.pk],
            **date_fields("requested_on", REQUESTED),
        },
    )
    assert response.status_code == 302
    request = EarlyHelpRequest.objects.get()
    assert set(request.children.all()) == {child, sister}


def test_queue_and_waiting_times_count_families_and_children(
    client, family, child, sister, emma
):
    client.force_login(emma)
    from django.urls import reverse

    html = client.get(reverse("earlyhelp:queue")).content.decode()
    assert "Waiting (1 family, 2 children)" in html
    assert str(sister) in html
    [hub] = selectors.waiting_times_by_team()
    assert (hub.waiting_count, hub.waiting_children) == (1, 2)
    html = client.get(reverse("earlyhelp:waiting_times")).content.decode()
    assert "Each family is counted once" in html


def test_the_sisters_early_help_page_shows_the_family_request(
    client, family, sister, child, ellie
):
    from django.urls import reverse

    client.force_login(ellie)
    html = client.get(reverse("earlyhelp:person", args=[sister.pk])).content.decode()
    assert "One request, assessment and plan for 2 children" in html
    assert str(child) in html
