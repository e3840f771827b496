"""Child or adult is derived from the dates and the person's roles, never stored."""

import datetime as dt

import pytest
from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse

from haven.core import journal
from haven.frontdoor.selectors import suggestions
from haven.people import lifestage, services
from haven.people.forms import NewPersonForm
from haven.people.lifestage import is_child_on, life_stage
from haven.people.models import Person, Relationship
from tests.factories import AdultFactory, AllocationFactory, ChildFactory

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 4)


def test_there_is_no_stored_child_or_adult_flag():
    with pytest.raises(FieldDoesNotExist):
        Person._meta.get_field("kind")
    assert "kind" not in NewPersonForm().fields
    assert "kind" not in services.DETAIL_FIELDS


@pytest.mark.parametrize(
    ("born", "on", "child"),
    [
        (dt.date(2008, 3, 5), DAY, True),  # 18 tomorrow
        (dt.date(2008, 3, 4), DAY, False),  # 18 today
        (dt.date(2008, 2, 29), dt.date(2026, 2, 28), True),
        (dt.date(2008, 2, 29), dt.date(2026, 3, 1), False),
        (dt.date(1990, 1, 1), DAY, False),
    ],
)
def test_a_child_is_under_18_on_the_day(born, on, child):
    person = ChildFactory(date_of_birth=born)
    assert is_child_on(person, on) is child
    matched = Person.objects.filter(lifestage.children_on(on), pk=person.pk).exists()
    assert matched is child


def test_an_unborn_child_is_a_child():
    unborn = ChildFactory(date_of_birth=None, expected_date_of_birth=DAY)
    assert is_child_on(unborn, DAY)
    assert str(life_stage(unborn, DAY)) == "Unborn child, expected 4 March 2026"


def test_a_care_leaver_with_a_baby_is_an_adult_and_a_parent():
    leaver = AdultFactory(
        given_name="Tia", family_name="Marsh", date_of_birth=dt.date(2006, 6, 1)
    )
    baby = ChildFactory(
        given_name="Ola", family_name="Marsh", date_of_birth=dt.date(2025, 9, 9)
    )
    Relationship.objects.create(person=baby, other=leaver, kind="mother")
    stage = life_stage(leaver, DAY)
    assert not stage.child
    assert str(stage) == "Adult, aged 19, parent of Ola Marsh"
    young_mum = ChildFactory(given_name="Kaz", date_of_birth=dt.date(2010, 1, 1))
    Relationship.objects.create(person=young_mum, other=baby, kind="child")
    assert str(life_stage(young_mum, DAY)) == "Child, aged 16, parent of Ola Marsh"


def test_an_undated_person_is_treated_by_the_role_they_were_registered_in(alice):
    nobody = ChildFactory(date_of_birth=None)
    assert is_child_on(nobody, DAY)
    assert "treated as a child until a date of birth" in life_stage(nobody, DAY).why
    parent = ChildFactory(date_of_birth=None)
    child = ChildFactory()
    Relationship.objects.create(person=child, other=parent, kind="father")
    assert not is_child_on(parent, DAY)
    assert "parent or carer" in life_stage(parent, DAY).why
    # Registered as an adult before the flag was derived: the journal kept it.
    legacy = ChildFactory(date_of_birth=None)
    journal.append(legacy, "people.person_registered", {"kind": "adult"}, by=alice)
    assert not is_child_on(legacy, DAY)
    assert "as they were registered" in life_stage(legacy, DAY).why


def test_the_front_door_suggests_only_people_who_may_be_children():
    ChildFactory(given_name="Ruby", family_name="Sowerby", date_of_birth=DAY)
    AdultFactory(given_name="Ruby", family_name="Sowerby")
    found = suggestions("Ruby", "Sowerby", None)
    assert [p.date_of_birth for p in found] == [DAY]


def test_the_person_page_says_child_or_adult_and_their_roles(client, alice, team):
    mother = AdultFactory(given_name="Maria", family_name="Thackray")
    child = ChildFactory(given_name="Jasmine", family_name="Thackray")
    for person in (mother, child):
        AllocationFactory(person=person, team=team)
    Relationship.objects.create(person=child, other=mother, kind="mother")
    client.force_login(alice)
    page = client.get(reverse("people:detail", args=[mother.pk])).content.decode()
    assert "Adult, aged" in page
    assert "parent of Jasmine Thackray" in page
    page = client.get(reverse("people:detail", args=[child.pk])).content.decode()
    assert "Child, aged" in page


def test_the_subject_of_a_children_in_need_case_is_a_child_without_a_date(
    alice, mona, team
):
    from haven.cin.services import open_referral
    from haven.core.services import allocate_case

    child = ChildFactory(date_of_birth=None)
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    # Recorded as someone's parent too: the case still says child.
    Relationship.objects.create(person=ChildFactory(), other=child, kind="mother")
    open_referral(child, received_on=DAY, source="2A", contact_id=None, by=mona)
    stage = life_stage(child, DAY)
    assert stage.child
    assert "subject of a children in need case" in stage.why
    assert "the subject of a children in need case" in stage.roles
