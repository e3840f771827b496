"""Issue 11 item 9: parents and the alleged perpetrator named on the contact,
each a person in the register (matched to an existing record or added)."""

import pytest
from django.urls import reverse

from haven.core.chronology import describe
from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.frontdoor import services
from haven.frontdoor.models import Contact, ContactPerson
from haven.people.models import Person
from tests.factories import ChildFactory
from tests.frontdoor.conftest import details
from tests.frontdoor.test_pages import _contact_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def mother(db) -> Person:
    return ChildFactory(given_name="Lorna", family_name="Thackray")


def test_adults_are_named_with_their_role_and_journalled(
    wednesday, fred, child, mother
):
    contact = services.record_contact(
        details(), [child], by=fred, adults=[(mother, "parent"), (mother, "alleged")]
    )
    assert [(a.person, a.role) for a in contact.adults.all()] == [
        (mother, "parent"),
        (mother, "alleged"),
    ]
    events = JournalEvent.objects.filter(
        person=mother, type="frontdoor.named_on_contact"
    )
    assert [describe(e) for e in events.order_by("sequence")] == [
        "Named on a contact: parent or carer",
        "Named on a contact: alleged perpetrator",
    ]


def test_an_adult_needs_a_role_and_is_named_once(wednesday, fred, child, mother):
    with pytest.raises(DomainError) as refused:
        services.record_contact(
            details(),
            [child],
            by=fred,
            adults=[(mother, "uncle"), (mother, "parent"), (mother, "parent")],
        )
    assert refused.value.codes == ["role_required", "adult_named_twice"]
    assert not Contact.objects.exists()


def test_the_contact_page_registers_a_new_adult_and_matches_a_known_one(
    client, wednesday, fred, mother
):
    client.force_login(fred)
    url = reverse("frontdoor:new_contact")
    data = _contact_post(
        **{
            "adult-0-given_name": "Lorna",
            "adult-0-family_name": "Thackray",
            "adult-0-role": "parent",
            "adult-0-match": "",
            "adult-1-given_name": "Dale",
            "adult-1-family_name": "Ormerod",
            "adult-1-role": "alleged",
            "adult-1-match": "",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Is this a person already on the register?" in html
    data["adult-0-match"] = str(mother.pk)
    response = client.post(url, data)
    assert response.status_code == 302
    contact = Contact.objects.get()
    named = {
        a.person.given_name: a for a in ContactPerson.objects.filter(contact=contact)
    }
    assert named["Lorna"].person == mother
    assert named["Lorna"].role == "parent"
    assert named["Dale"].role == "alleged"
    assert Person.objects.filter(given_name="Dale", family_name="Ormerod").count() == 1
    page = client.get(reverse("frontdoor:contact", args=[contact.pk])).content.decode()
    assert "Dale Ormerod" in page and "(alleged perpetrator)" in page


def test_an_adult_row_without_a_role_is_refused(client, wednesday, fred):
    client.force_login(fred)
    response = client.post(
        reverse("frontdoor:new_contact"),
        _contact_post(
            **{"adult-0-given_name": "Dale", "adult-0-family_name": "Ormerod"}
        ),
    )
    assert "Say why the first adult is named" in response.content.decode()
