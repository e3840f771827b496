"""A contact submitted twice (a retry after a dropped connection) is recorded
once, and its new child registered once (haven.core.once)."""

import pytest
from django.urls import reverse

from haven.frontdoor.models import Contact
from haven.people.models import Person
from tests.casework.test_idempotent import token_on
from tests.frontdoor.test_pages import _contact_post

pytestmark = pytest.mark.django_db


def test_posting_the_same_contact_twice_records_one_contact(client, wednesday, fred):
    client.force_login(fred)
    url = reverse("frontdoor:new_contact")
    token = token_on(client.get(url).content.decode())
    first = client.post(url, _contact_post(submission=token))
    again = client.post(url, _contact_post(submission=token))
    assert first.status_code == again.status_code == 302
    assert again.url == first.url
    assert Contact.objects.count() == 1
    assert Person.objects.filter(given_name="Oscar").count() == 1
