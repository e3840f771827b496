"""A merge touching another team's record waits for a manager of that team to
agree; once merged, whoever held either side still opens and finds the record."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.core.services import allocate_case
from haven.people import finder, merging, services
from haven.people.models import MergeRequest
from tests.conftest import make_user
from tests.factories import AllocationFactory, ChildFactory

pytestmark = pytest.mark.django_db

REASON = "Same child: same date of birth and school"


@pytest.fixture
def olga(other_team):
    """The manager of the team holding the twin."""
    manager = make_user("olga", "team_manager", other_team)
    other_team.managers.add(manager)
    return manager


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory(given_name="Primrose", family_name="Ashdown")
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


@pytest.fixture
def twin(alice, other_team):
    """Held by the other team, co-worked by Alice (so she holds lasting access)."""
    twin = ChildFactory(given_name="Primrose", family_name="Ashdowne")
    AllocationFactory(person=twin, team=other_team, worker=alice)
    return twin


def test_merging_another_teams_record_asks_its_manager(client, alice, child, twin):
    client.force_login(alice)
    url = reverse("people:merge", args=[child.pk])
    response = client.post(url, {"duplicate": twin.pk, "reason": REASON})
    assert response.status_code == 302
    twin.refresh_from_db()
    assert twin.merged_into is None
    asked = MergeRequest.objects.get()
    assert (asked.duplicate, asked.into, asked.requested_by) == (twin, child, alice)
    assert asked.holding_team == twin.allocations.get().team
    assert asked.state == MergeRequest.State.PENDING
    with pytest.raises(DomainError):
        services.merge_records(twin, into=child, reason=REASON, by=alice)


def test_the_holding_teams_manager_agrees_and_the_merge_names_both(
    client, alice, olga, mona, child, twin
):
    asked = merging.merge_or_ask(twin, into=child, reason=REASON, by=alice)
    client.force_login(mona)  # a manager, but not of the holding team
    assert (
        client.get(reverse("people:merge_request", args=[asked.pk])).status_code == 404
    )
    client.force_login(olga)
    listing = client.get(reverse("people:merge_requests")).content.decode()
    assert reverse("people:merge_request", args=[asked.pk]) in listing
    # Olga cannot open Alice's child: it is given by Haven ID only.
    assert "Primrose Ashdown," not in listing
    assert f"A record you cannot open (Haven ID {child.pk})" in listing
    page = reverse("people:merge_request", args=[asked.pk])
    assert client.post(page, {"decision": "agree"}).status_code == 302
    twin.refresh_from_db()
    assert twin.merged_into == child
    asked.refresh_from_db()
    assert (asked.state, asked.decided_by) == ("agreed", olga)
    for person in (twin, child):
        event = JournalEvent.objects.filter(person=person).order_by("sequence").last()
        assert event.payload["requested_by"] == str(alice)
        assert event.payload["agreed_by"] == str(olga)


def test_declining_needs_a_reason_and_merges_nothing(client, alice, olga, child, twin):
    asked = merging.merge_or_ask(twin, into=child, reason=REASON, by=alice)
    client.force_login(olga)
    page = reverse("people:merge_request", args=[asked.pk])
    html = client.post(page, {"decision": "decline"}).content.decode()
    assert "Say why you are declining the merge" in html
    client.post(page, {"decision": "decline", "note": "Different children: twins"})
    asked.refresh_from_db()
    twin.refresh_from_db()
    assert asked.state == "declined" and twin.merged_into is None
    with pytest.raises(DomainError):
        merging.agree(asked, by=olga)


def test_the_same_team_holding_both_merges_at_once(alice, mona, team, child):
    other = ChildFactory(given_name="Primrose", family_name="Ashdowne")
    allocate_case(other, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    assert merging.merge_or_ask(other, into=child, reason=REASON, by=alice) is None
    other.refresh_from_db()
    assert other.merged_into == child
    assert not MergeRequest.objects.exists()


def test_whoever_held_either_side_still_opens_and_finds_the_record(
    client, alice, olga, bob, child, twin
):
    """Bob is in the team that held the twin, with no tie to Alice's child."""
    client.force_login(bob)
    assert client.get(reverse("people:detail", args=[child.pk])).status_code == 403
    asked = merging.merge_or_ask(twin, into=child, reason=REASON, by=alice)
    merging.agree(asked, by=olga)
    for user in (bob, olga, alice):
        client.force_login(user)
        assert client.get(reverse("people:detail", args=[twin.pk])).status_code == 302
        assert client.get(reverse("people:detail", args=[child.pk])).status_code == 200
        api = client.get(reverse("people-api:detail", args=[child.pk]))
        assert api.status_code == 200
        assert child in finder.search(user, name="Primrose Ashdown")
        listing = client.get(reverse("people:list"), {"name": "Primrose Ashdown"})
        assert reverse("people:detail", args=[child.pk]) in listing.content.decode()


def test_the_request_waits_on_the_managers_work(client, alice, olga, mona, child, twin):
    merging.merge_or_ask(twin, into=child, reason=REASON, by=alice)
    client.force_login(olga)
    mine = client.get(reverse("timescales:my_work")).content.decode()
    assert "Agree to or decline a merge" in mine
    assert "Primrose Ashdowne" in mine  # her team's record, not Alice's
    detail = client.get(reverse("people:detail", args=[twin.pk])).content.decode()
    assert 'id="merge-waiting"' in detail
    client.force_login(mona)  # not her team's record
    assert (
        "Agree to or decline"
        not in client.get(reverse("timescales:my_work")).content.decode()
    )


def test_agreement_is_refused_once_the_requester_no_longer_holds_a_side(
    alice, olga, bob, child, twin
):
    asked = merging.merge_or_ask(twin, into=child, reason=REASON, by=alice)
    twin.allocations.update(worker=bob)  # the co-working ended: Alice lost access
    with pytest.raises(DomainError):
        merging.agree(asked, by=olga)
    twin.refresh_from_db()
    asked.refresh_from_db()
    assert twin.merged_into is None and asked.state == "pending"
