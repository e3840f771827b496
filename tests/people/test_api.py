"""The register's API: same access rules as the pages, every read logged."""

import datetime as dt

import pytest

from haven.core.models import AccessLogEntry
from haven.core.services import allocate_case
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory(given_name="Jasmine", family_name="Thackray")
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


def test_search_returns_only_records_the_user_may_open(client, alice, bob, child):
    client.force_login(alice)
    found = client.get("/api/people/", {"name": "Jasmin Thakray"}).json()
    assert [p["id"] for p in found] == [child.pk]
    client.force_login(bob)
    assert client.get("/api/people/", {"name": "Jasmine Thackray"}).json() == []


def test_reading_a_record_is_logged_and_refused_without_a_relationship(
    client, alice, bob, child
):
    client.force_login(alice)
    body = client.get(f"/api/people/{child.pk}/").json()
    assert body["family_name"] == "Thackray"
    assert AccessLogEntry.objects.get().what == "API: person"
    client.force_login(bob)
    assert client.get(f"/api/people/{child.pk}/").status_code == 403
    assert client.get(f"/api/people/{child.pk}/chronology/").status_code == 403
    assert AccessLogEntry.objects.count() == 1


def test_the_chronology_in_words(client, alice, child):
    client.force_login(alice)
    rows = client.get(f"/api/people/{child.pk}/chronology/").json()
    assert rows[0]["description"].startswith("Allocated to")


def test_administrators_do_not_read_records_through_the_api(client, adam, child):
    client.force_login(adam)
    assert client.get(f"/api/people/{child.pk}/").status_code == 403
    assert client.get("/api/people/", {"name": "Jasmine"}).status_code == 403


def test_the_schema_documents_the_register(client, alice):
    client.force_login(alice)
    schema = client.get("/api/schema/").content.decode()
    assert "/api/people/{id}/chronology/" in schema
