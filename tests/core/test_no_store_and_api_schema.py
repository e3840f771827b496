"""Record pages, exports and the API are never kept by a cache; the API schema
is for signed-in staff only."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.core.services import allocate_case
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory()
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


def test_record_pages_exports_and_the_api_are_not_stored(client, alice, child):
    client.force_login(alice)
    chronology = reverse("record:chronology", args=[child.pk])
    for url, params in (
        (reverse("people:detail", args=[child.pk]), {}),
        (chronology, {}),
        (chronology, {"format": "csv"}),
        (f"/api/people/{child.pk}/", {}),
        (f"/api/people/{child.pk}/chronology/", {}),
    ):
        response = client.get(url, params)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url


@pytest.mark.parametrize("url", ["/api/schema/", "/api/docs/"])
def test_the_api_schema_needs_a_sign_in(client, alice, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    client.force_login(alice)
    assert client.get(url).status_code == 200
