"""A child in need plan with several faults reports every one at once, each
naming the action it is about (issue 9, defect 8)."""

import html as html_lib

import pytest
from django.urls import reverse

from haven.cin.models import Plan
from tests.cin.test_pages import _plan_post, episode  # noqa: F401

pytestmark = pytest.mark.django_db


def test_every_missing_part_of_every_action_is_reported_at_once(
    client,
    alice,
    episode,  # noqa: F811
):
    client.force_login(alice)
    data = _plan_post(
        **{
            "actions-0-who": "",
            "actions-1-what_must_change": "Jasmine goes to school every day",
            "actions-2-who": "School nurse",
            "actions-2-by_when_day": "31",
            "actions-2-by_when_month": "2",
            "actions-2-by_when_year": "2027",
        }
    )
    response = client.post(reverse("cin:start_plan", args=[episode.pk]), data)
    html = html_lib.unescape(response.content.decode())
    assert response.status_code == 200
    for message in (
        "Action 1: enter who will do it",
        "Action 2: enter who will do it",
        "Action 2: enter the date it must be done by",
        "Action 2: enter what happens if it does not change",
        "The date for action 3 must be a real date",
        "Action 3: enter what must change",
    ):
        assert html.count(message) == 2, message  # in the summary and by the field
    assert '<a href="#id_actions-1-by_when_day">Action 2: enter the date' in html
    assert not Plan.objects.exists()
