"""A contact with several faults reports every one on the first submit, each
naming the child it is about (issue 9, defect 8)."""

import html as html_lib

import pytest
from django.urls import reverse

from haven.frontdoor.models import Contact
from tests.frontdoor.test_pages import _contact_post

pytestmark = pytest.mark.django_db


def _page(response) -> str:
    return html_lib.unescape(response.content.decode())


def test_every_fault_in_a_contact_is_reported_at_once(client, wednesday, fred):
    client.force_login(fred)
    data = _contact_post(
        source="",
        consent_reason="",
        **{
            "child-1-given_name": "Poppy",
            "child-1-date_of_birth_day": "31",
            "child-1-date_of_birth_month": "2",
            "child-1-date_of_birth_year": "2020",
            "child-2-family_name": "Wainwright",
        },
    )
    response = client.post(reverse("frontdoor:new_contact"), data)
    html = _page(response)
    assert response.status_code == 200
    for message in (
        "Choose who got in touch (the source)",
        "Give the reason consent was not given or not sought",
        "Enter the last name of the second child",
        "Date of birth of the second child must be a real date",
        "Enter the first name of the third child",
    ):
        assert html.count(message) == 2, message  # in the summary and by the field
    assert not Contact.objects.exists()


def test_the_summary_links_each_childs_error_to_its_box(client, wednesday, fred):
    client.force_login(fred)
    data = _contact_post(
        **{
            "child-1-given_name": "Poppy",
            "child-1-date_of_birth_day": "31",
            "child-1-date_of_birth_month": "2",
            "child-1-date_of_birth_year": "2020",
        }
    )
    html = _page(client.post(reverse("frontdoor:new_contact"), data))
    assert '<a href="#id_child-1-family_name">Enter the last name' in html
    assert '<a href="#id_child-1-date_of_birth_day">Date of birth of the' in html
    assert 'id="id_child-1-date_of_birth_day"' in html


def test_a_contact_with_no_child_and_other_faults_says_so_all_at_once(
    client, wednesday, fred
):
    client.force_login(fred)
    data = _contact_post(
        concerns="",
        **{
            "child-0-given_name": "",
            "child-0-family_name": "",
            "child-0-date_of_birth_day": "",
            "child-0-date_of_birth_month": "",
            "child-0-date_of_birth_year": "",
        },
    )
    html = _page(client.post(reverse("frontdoor:new_contact"), data))
    assert "Name at least one child" in html
    assert "Describe the presenting concerns" in html
