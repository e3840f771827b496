"""The front door queue a page at a time, oldest first, with the whole queue
counted above it (issue 12: four hundred contacts on one page took 160 ms)."""

import datetime as dt

import pytest
from django.test import Client

from haven.frontdoor import services, views
from haven.frontdoor.models import Contact
from tests.factories import ChildFactory
from tests.frontdoor.conftest import WEDNESDAY, acknowledged, details

pytestmark = pytest.mark.django_db


def test_the_queue_pages_oldest_first_and_counts_everything(
    client: Client, wednesday, fred, maggie, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "QUEUE_PAGE", 2)
    for hours, name in ((5, "Ada"), (4, "Bea"), (3, "Cai")):
        received = WEDNESDAY - dt.timedelta(hours=hours)
        acknowledged(
            services.record_contact(
                details(received_at=received), [ChildFactory(given_name=name)], by=fred
            ),
            fred,
        )
    assert Contact.objects.count() == 3
    client.force_login(maggie)
    first = client.get("/front-door/").content.decode()
    assert "3 contacts awaiting a decision" in first
    assert "Ada " in first and "Bea " in first and "Cai " not in first
    assert "Page 1 of 2" in first and "Decide" in first
    second = client.get("/front-door/", {"page": 2}).content.decode()
    assert "Cai " in second and "Ada " not in second
    assert "3 contacts awaiting a decision" in second
