import datetime as dt

import pytest
from django.urls import reverse

from haven.core.models import AccessLogEntry
from haven.core.services import allocate_case
from haven.people import services
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory(given_name="Jasmine", family_name="Thackray")
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


def test_search_finds_a_misspelt_name_among_records_the_user_may_open(
    client, alice, child
):
    client.force_login(alice)
    html = client.get(
        reverse("people:list"), {"name": "Jasmin Thakray"}
    ).content.decode()
    assert ">Jasmine Thackray</a>" in html


def test_search_never_shows_a_record_the_user_may_not_open(client, bob, child):
    client.force_login(bob)
    html = client.get(
        reverse("people:list"), {"name": "Jasmine Thackray"}
    ).content.decode()
    assert ">Jasmine Thackray</a>" not in html
    assert "No records you can open match" in html


def test_the_person_page_logs_the_read(client, alice, child):
    client.force_login(alice)
    response = client.get(reverse("people:detail", args=[child.pk]))
    assert response.status_code == 200
    assert "moj-identity-bar" in response.content.decode()
    entry = AccessLogEntry.objects.get(person=child)
    assert (entry.user, entry.what, entry.why) == (
        alice,
        "Person page",
        "Allocated worker",
    )


def test_a_worker_without_a_relationship_gets_403_and_no_log(client, bob, child):
    client.force_login(bob)
    response = client.get(reverse("people:detail", args=[child.pk]))
    assert response.status_code == 403
    assert "no relationship" in response.content.decode()
    assert not AccessLogEntry.objects.exists()


def test_a_merged_record_redirects_to_the_survivor(client, alice, mona, team, child):
    twin = ChildFactory(given_name="Jasmin", family_name="Thackray")
    allocate_case(twin, team=team, worker=alice, by=mona)
    services.merge_records(twin, into=child, reason="Same child", by=alice)
    client.force_login(alice)
    response = client.get(reverse("people:detail", args=[twin.pk]))
    assert response["Location"] == reverse("people:detail", args=[child.pk])


def test_the_identity_bar_shows_warnings(client, alice, child):
    services.add_warning(
        child, kind="risk_to_staff", detail="Dog at the address", by=alice
    )
    client.force_login(alice)
    html = client.get(reverse("people:detail", args=[child.pk])).content.decode()
    assert "Risk to staff" in html
