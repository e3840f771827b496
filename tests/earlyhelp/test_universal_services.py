"""Closing early help as "stepped down to universal services": needs met, with
support from universal services, counted apart from "needs met"."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.core.models import JournalEvent
from haven.earlyhelp import services
from haven.earlyhelp.chronology import DESCRIBERS
from haven.earlyhelp.codes import ClosureOutcome
from tests.earlyhelp.test_pages import date_fields

pytestmark = pytest.mark.django_db


def test_early_help_closes_as_stepped_down_to_universal_services(
    allocated, ellie, child
):
    closed = services.close_episode(
        allocated,
        closed_on=dt.date(2026, 4, 1),
        outcome=ClosureOutcome.UNIVERSAL,
        notes="School nurse and the children's centre carry on",
        by=ellie,
    )
    assert closed.outcome == "universal"
    event = JournalEvent.objects.get(person=child, type="earlyhelp.episode_closed")
    assert event.payload["outcome"] == "universal"
    words = DESCRIBERS["earlyhelp.episode_closed"](event.payload)
    assert "Stepped down to universal services" in words


def test_the_close_page_offers_universal_services(client, allocated, ellie):
    client.force_login(ellie)
    url = reverse("earlyhelp:close", args=[allocated.pk])
    page = client.get(url).content.decode()
    assert 'value="universal"' in page
    response = client.post(
        url, {"outcome": "universal", **date_fields("closed_on", dt.date(2026, 4, 1))}
    )
    assert response.status_code == 302
    allocated.refresh_from_db()
    assert allocated.outcome == "universal"
