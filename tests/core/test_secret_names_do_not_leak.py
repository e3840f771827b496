"""Restricted and sealed children are not named to anyone who may not open their
record: unknown, restricted and sealed look the same (no name, the same 404)."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.core.services import allocate_case, restrict_record
from haven.people import services as register
from tests.factories import AdultFactory, ChildFactory

pytestmark = pytest.mark.django_db

SECRET = "Zephyrine"


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory(given_name="Marigold")
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


@pytest.fixture
def restricted(mona):
    person = ChildFactory(given_name=SECRET)
    restrict_record(person, kind="restricted", reason="High-profile case", by=mona)
    return person


@pytest.fixture
def sealed(mona):
    person = ChildFactory(given_name=SECRET)
    restrict_record(
        person,
        kind="sealed",
        reason="Adoption order made",
        sealed_for=["Team manager"],
        by=mona,
    )
    return person


def test_the_break_glass_page_names_no_one_before_access(client, bob, child):
    client.force_login(bob)
    page = client.get(reverse("record:break_glass", args=[child.pk]))
    assert page.status_code == 200
    assert child.given_name not in page.content.decode()


def test_unknown_restricted_and_sealed_records_give_the_same_404(
    client, bob, restricted, sealed
):
    client.force_login(bob)
    for pk in (restricted.pk, sealed.pk, 999_999):
        for url in (
            reverse("record:break_glass", args=[pk]),
            reverse("people:detail", args=[pk]),
        ):
            response = client.get(url)
            assert response.status_code == 404, url
            text = response.content.decode()
            assert SECRET not in text
            assert "restricted" not in text.lower()
        posted = client.post(
            reverse("record:break_glass", args=[pk]),
            {"reason": "Police at the door asking about this child"},
        )
        assert posted.status_code == 404
    assert client.get(f"/api/people/{restricted.pk}/").status_code == 404


@pytest.fixture
def secret_mother(child, alice, mona):
    """Alice's child's mother, whose own record is restricted."""
    mother = AdultFactory(given_name=SECRET)
    register.record_relationship(child, other=mother, kind="mother", by=alice)
    restrict_record(mother, kind="restricted", reason="A member of staff", by=mona)
    return mother


def test_a_restricted_relative_is_not_named_on_the_relationship_list(
    client, alice, child, secret_mother
):
    client.force_login(alice)
    page = client.get(reverse("people:detail", args=[child.pk])).content.decode()
    assert SECRET not in page
    assert "A relative whose record you cannot open" in page


def test_a_restricted_relative_is_not_named_in_the_chronology_page_csv_or_api(
    client, alice, child, secret_mother
):
    client.force_login(alice)
    url = reverse("record:chronology", args=[child.pk])
    page = client.get(url).content.decode()
    csv = client.get(url, {"format": "csv"}).getvalue().decode()
    api = client.get(f"/api/people/{child.pk}/chronology/").content.decode()
    for text in (page, csv, api):
        assert SECRET not in text
        assert "a relative whose record you cannot open" in text


def test_a_relative_named_to_whoever_may_open_their_record(
    client, alice, mona, child, secret_mother
):
    from haven.core.services import grant_access

    grant_access(secret_mother, to=alice, reason="Allocated worker", by=mona)
    client.force_login(alice)
    page = client.get(reverse("people:detail", args=[child.pk])).content.decode()
    assert SECRET in page
    chronology = client.get(reverse("record:chronology", args=[child.pk]))
    assert SECRET in chronology.content.decode()
