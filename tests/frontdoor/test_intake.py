"""One transaction per user intention, inside the service (issue 11 item 22):
the contact page's new records and the decision page's acknowledgement and
decisions are written all or none by haven.frontdoor.intake, not by the view."""

import datetime as dt

import pytest

from haven.core import clock
from haven.core.errors import DomainError
from haven.frontdoor import intake
from haven.frontdoor.models import Contact, ContactChild
from haven.people.models import Person
from tests.frontdoor.conftest import details

pytestmark = pytest.mark.django_db

NEW_CHILD = {
    "given_name": "Ottoline",
    "family_name": "Brackwater",
    "date_of_birth": dt.date(2019, 5, 1),
}


def test_a_refused_contact_leaves_no_new_record(wednesday, fred, child):
    with pytest.raises(DomainError) as refused:
        intake.record_contact_with_new_people(
            details(concerns=""), [child, NEW_CHILD], by=fred
        )
    assert refused.value.code == "concerns_required"
    assert not Person.objects.filter(family_name="Brackwater").exists()
    assert not Contact.objects.exists()


def test_a_contact_adds_its_new_child_to_the_register(wednesday, fred, child):
    contact = intake.record_contact_with_new_people(
        details(), [child, NEW_CHILD], by=fred
    )
    named = {c.person.family_name for c in contact.children.select_related("person")}
    assert named == {child.family_name, "Brackwater"}


def test_a_refused_decision_leaves_the_acknowledgement_unwritten(
    wednesday, fred, maggie, child
):
    contact = intake.record_contact_with_new_people(details(), [child], by=fred)
    named = ContactChild.objects.get(contact=contact)
    with pytest.raises(intake.RefusedAt) as refused:
        intake.decide_on_one_page(
            contact,
            acknowledgement={"on": clock.today(), "how": "phone", "not_possible": ""},
            decisions=[(named, {"decision": "nfa", "reasoning": ""})],
            by=maggie,
        )
    assert refused.value.step == 0
    assert refused.value.refused.code == "reasoning_required"
    contact.refresh_from_db()
    assert contact.acknowledged_on is None
    assert not ContactChild.objects.get(contact=contact).decision


def test_a_refused_acknowledgement_is_named_as_the_step(wednesday, fred, maggie, child):
    contact = intake.record_contact_with_new_people(details(), [child], by=fred)
    with pytest.raises(intake.RefusedAt) as refused:
        intake.decide_on_one_page(
            contact,
            acknowledgement={"on": None, "how": "", "not_possible": ""},
            decisions=[],
            by=maggie,
        )
    assert refused.value.step == intake.ACKNOWLEDGEMENT
