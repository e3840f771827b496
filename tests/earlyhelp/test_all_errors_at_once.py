"""A family plan with several faults reports every one at once, each naming the
action it is about (issue 9, defect 8)."""

import datetime as dt
import html as html_lib

import pytest
from django.urls import reverse

from haven.earlyhelp import services
from haven.earlyhelp.models import FamilyPlan
from tests.earlyhelp.test_pages import date_fields

pytestmark = pytest.mark.django_db


def test_every_missing_fact_of_every_action_is_reported_at_once(
    client, allocated, ellie
):
    services.complete_assessment(
        allocated,
        family_agreed_on=allocated.requested_on,
        family_agreed_by="Mum",
        strengths="s",
        needs="n",
        analysis="a",
        completed_on=dt.date(2026, 4, 1),
        by=ellie,
    )
    client.force_login(ellie)
    data = {
        **date_fields("started_on", dt.date(2026, 4, 2)),
        "action_1": "Book course",
        "who_1": "",
        **date_fields("by_when_1", dt.date(2026, 4, 20)),
        "action_2": "",
        "who_2": "Mother",
        "by_when_2_day": "31",
        "by_when_2_month": "2",
        "by_when_2_year": "2026",
        "action_3": "Walk to school",
        "who_3": "Father",
    }
    response = client.post(reverse("earlyhelp:plan", args=[allocated.pk]), data)
    html = html_lib.unescape(response.content.decode())
    for message in (
        "Action 1: enter who will do it",
        "Action 2: enter what will be done",
        "Date action 2 is due by must be a real date",
        "Action 3: enter the date it is due by",
    ):
        assert html.count(message) == 2, message  # in the summary and by the field
    assert not FamilyPlan.objects.exists()
