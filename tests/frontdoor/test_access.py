import datetime as dt

import pytest

from haven.core import access
from haven.frontdoor import services
from haven.frontdoor.models import ContactChild

pytestmark = pytest.mark.django_db


def test_the_front_door_may_open_a_child_while_the_contact_is_open(
    contact, child, fred, maggie
):
    assert access.why_user_may_open(fred, child) == "Front door: open contact"
    assert access.why_user_may_open(maggie, child) == "Front door: open contact"


def test_other_workers_are_refused(contact, child, bob, alice):
    assert access.why_user_may_open(bob, child) is None
    assert access.why_user_may_open(alice, child) is None


def test_without_a_contact_the_front_door_has_no_relationship(wednesday, fred, child):
    assert access.why_user_may_open(fred, child) is None


def test_access_lasts_until_the_day_after_the_decision(
    contact, child, fred, maggie, wednesday
):
    named = ContactChild.objects.get(contact=contact)
    services.decide_contact(named, decision="nfa", reasoning="No concerns", by=maggie)
    wednesday.move_to(dt.timedelta(days=1))
    assert access.why_user_may_open(fred, child) == "Front door: open contact"
    wednesday.move_to(dt.timedelta(days=1))
    assert access.why_user_may_open(fred, child) is None
