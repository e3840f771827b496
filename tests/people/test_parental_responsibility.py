"""Parental responsibility has dates and a legal basis (Children Act 1989)."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.core.services import allocate_case
from haven.people import responsibility, services
from haven.people.models import ParentalResponsibility, Relationship
from haven.people.responsibility import Holder, record_responsibility
from tests.factories import AdultFactory, ChildFactory

pytestmark = pytest.mark.django_db

BORN = dt.date(2016, 5, 4)


def _codes(refused):
    return {e.code for e in getattr(refused.value, "failures", [refused.value])}


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory(given_name="Jasmine", family_name="Thackray")
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


@pytest.fixture
def mother(child, alice, mona, team):
    mother = AdultFactory(given_name="Maria", family_name="Thackray")
    allocate_case(mother, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    services.record_relationship(child, other=mother, kind="mother", by=alice)
    return mother


def _holder(child, person):
    [found] = [h for h in responsibility.holders_for(child) if h.person == person]
    return found


def test_the_mother_has_it_from_the_birth_journaled_on_both(alice, child, mother):
    row = record_responsibility(
        child,
        holder=_holder(child, mother),
        basis="mother",
        started_on=BORN,
        by=alice,
    )
    assert (row.holder, row.child, row.relationship.kind) == (mother, child, "mother")
    events = JournalEvent.objects.filter(type="people.responsibility_recorded")
    assert {e.person_id for e in events} == {child.pk, mother.pk}


def test_only_the_mother_has_it_automatically(alice, child):
    uncle = AdultFactory(given_name="Ian")
    services.record_relationship(child, other=uncle, kind="aunt_uncle", by=alice)
    with pytest.raises(DomainError) as refused:
        record_responsibility(
            child,
            holder=_holder(child, uncle),
            basis="mother",
            started_on=BORN,
            by=alice,
        )
    assert _codes(refused) == {"not_the_mother"}


def test_a_care_order_gives_it_to_the_local_authority_not_a_person(
    alice, child, mother
):
    with pytest.raises(DomainError) as refused:
        record_responsibility(
            child,
            holder=_holder(child, mother),
            basis="care_order",
            started_on=dt.date(2026, 2, 1),
            by=alice,
        )
    assert _codes(refused) == {"basis_for_authority"}
    with pytest.raises(DomainError) as refused:
        record_responsibility(
            child,
            holder=Holder(None, None),
            basis="special_guardianship",
            started_on=dt.date(2026, 2, 1),
            by=alice,
        )
    assert _codes(refused) == {"basis_not_for_authority"}
    row = record_responsibility(
        child,
        holder=Holder(None, None),
        basis="care_order",
        started_on=dt.date(2026, 2, 1),
        by=alice,
    )
    assert row.holder is None
    assert str(row).startswith("The local authority: A care order")


def test_every_date_fault_is_named_at_once(alice, child, mother):
    with pytest.raises(DomainError) as refused:
        record_responsibility(
            child,
            holder=_holder(child, mother),
            basis="agreement",
            started_on=dt.date(2015, 1, 1),  # before the birth
            ended_on=dt.date(2034, 6, 1),  # after 18
            by=alice,
        )
    assert _codes(refused) == {"before_birth", "after_18"}
    assert not ParentalResponsibility.objects.exists()


def test_the_person_page_shows_who_has_it_on_what_basis(client, alice, child, mother):
    record_responsibility(
        child, holder=_holder(child, mother), basis="mother", started_on=BORN, by=alice
    )
    client.force_login(alice)
    page = client.get(reverse("people:detail", args=[child.pk])).content.decode()
    assert "Maria has parental responsibility for Jasmine" in page
    assert "from 4 May 2016: The child&#x27;s mother (Children Act 1989 s.2(1)" in page
    page = client.get(reverse("people:detail", args=[mother.pk])).content.decode()
    assert "Maria has parental responsibility for Jasmine" in page


def test_the_form_page_lists_the_related_people_and_the_authority(
    client, alice, child, mother
):
    client.force_login(alice)
    url = reverse("people:add_responsibility", args=[child.pk])
    body = client.get(url).content.decode()
    assert "Maria Thackray (mother)" in body
    assert "The local authority" in body
    assert "Children Act 1989" in body
    link = Relationship.objects.get(person=child, other=mother)
    data = {
        "holder": f"person-{link.pk}",
        "basis": "mother",
        "started_on_day": "4",
        "started_on_month": "5",
        "started_on_year": "2016",
    }
    assert client.post(url, data).status_code == 302
    assert ParentalResponsibility.objects.get().holder == mother


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_the_old_ticks(alice):
    executor = MigrationExecutor(connection)
    before = [("people", "0007_dated_immigration_status")]
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    person = apps.get_model("people", "Person")
    link = apps.get_model("people", "Relationship")
    child = person.objects.create(given_name="Ava", family_name="Lee")
    mum = person.objects.create(given_name="Jo", family_name="Lee")
    link.objects.create(
        person=child,
        other=mum,
        kind="mother",
        started_on=dt.date(2020, 1, 1),
        has_parental_responsibility=True,
    )
    link.objects.create(person=mum, other=child, kind="child")
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # every app forward again
    [row] = ParentalResponsibility.objects.all()
    assert (row.child_id, row.holder_id) == (child.pk, mum.pk)
    assert (row.basis, row.started_on) == ("not_recorded", dt.date(2020, 1, 1))
