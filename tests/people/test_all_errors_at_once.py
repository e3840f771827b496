"""A person's details with several faults report every one at once: the form's
own and the register's rules together (issue 9, defect 8)."""

import html as html_lib

import pytest
from django.urls import reverse

from haven.core import clock
from haven.people import services
from haven.people.models import Person
from tests.people.test_record_forms import NEW

pytestmark = pytest.mark.django_db

NEXT_YEAR = str(clock.today().year + 1)


def test_a_new_person_with_many_faults_hears_of_them_all_at_once(client, alice):
    client.force_login(alice)
    data = {
        **NEW,
        "family_name": "",
        "nhs_number": "1234567890",
        "upn": "X12",
        "date_of_birth_year": NEXT_YEAR,
        "disabilities": ["NONE", "HAND"],
    }
    html = html_lib.unescape(client.post(reverse("people:new"), data).content.decode())
    for message in (
        "Enter the last name",
        "This NHS number's check digit is wrong",
        "Enter a UPN of 13 characters",
        "Date of birth must be today or in the past",
        "Choose 'No disability' on its own",
    ):
        assert html.count(message) == 2, message  # in the summary and by the field
    assert '<a href="#id_disabilities_0">' in html
    assert not Person.objects.exists()


def test_changing_details_reports_every_wrong_identifier_at_once(client, alice):
    person = services.register_person(
        {k: v for k, v in NEW.items() if not k.startswith("date")}, by=alice
    )
    client.force_login(alice)
    data = {**NEW, "nhs_number": "1234567890", "upn": "X12", "version": "1"}
    html = html_lib.unescape(
        client.post(reverse("people:edit", args=[person.pk]), data).content.decode()
    )
    assert "This NHS number's check digit is wrong" in html
    assert "Enter a UPN of 13 characters" in html
