"""A contact waiting for a decision is on the front door manager's My work."""

import pytest
from django.urls import reverse

from haven.frontdoor import services
from haven.frontdoor.models import ContactChild

pytestmark = pytest.mark.django_db


def test_the_manager_sees_the_decision_due_until_it_is_made(
    client, contact, maggie, fred
):
    client.force_login(maggie)
    page = client.get(reverse("timescales:my_work")).content.decode()
    assert "Decide what happens next with the contact about" in page
    assert reverse("frontdoor:decide", args=[contact.pk]) in page
    client.force_login(fred)
    assert "Decide what happens next" not in client.get("/work/").content.decode()
    named = ContactChild.objects.get(contact=contact)
    services.decide_contact(
        named, decision="advice", reasoning="Advice given to the school", by=maggie
    )
    client.force_login(maggie)
    assert "Decide what happens next" not in client.get("/work/").content.decode()
