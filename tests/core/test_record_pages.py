import datetime as dt

import pytest
from django.urls import reverse

from haven.core.models import AccessLogEntry, BreakGlass
from haven.core.services import allocate_case
from haven.people import services
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory()
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    services.add_warning(
        child, kind="risk_to_staff", detail="Dog at the address", by=alice
    )
    return child


def test_the_chronology_reads_in_words_newest_first(client, alice, child):
    client.force_login(alice)
    html = client.get(reverse("record:chronology", args=[child.pk])).content.decode()
    table = html[html.index('id="chronology"') :]
    assert table.index("Warning added: Dog at the address") < table.index(
        "Allocated to"
    )


def test_significant_only_hides_ordinary_events(client, alice, child):
    client.force_login(alice)
    url = reverse("record:chronology", args=[child.pk])
    html = client.get(url, {"significant": "on"}).content.decode()
    table = html[html.index('id="chronology"') :]
    assert "Warning added" in table
    assert "Allocated to" not in table


def test_a_backdated_allocation_is_marked(client, alice, child):
    client.force_login(alice)
    html = client.get(reverse("record:chronology", args=[child.pk])).content.decode()
    assert "Backdated" in html  # allocated on 5 January 2026, recorded today


def test_the_csv_export_is_logged_as_a_read(client, alice, child):
    client.force_login(alice)
    url = reverse("record:chronology", args=[child.pk])
    response = client.get(url, {"format": "csv"})
    body = response.getvalue().decode()
    assert body.splitlines()[0].startswith("occurred,recorded,type,description")
    assert "Dog at the address" in body
    assert AccessLogEntry.objects.filter(what="Chronology CSV export").exists()


def test_only_managers_see_who_viewed(client, alice, mona, child):
    client.force_login(alice)
    assert client.get(reverse("record:access_log", args=[child.pk])).status_code == 403
    client.force_login(mona)
    response = client.get(reverse("record:access_log", args=[child.pk]))
    assert response.status_code == 200
    assert "Who viewed this record" in response.content.decode()


def test_break_glass_asks_for_a_reason_then_opens_the_record(client, bob, child):
    client.force_login(bob)
    url = reverse("record:break_glass", args=[child.pk])
    response = client.post(url, {"reason": "urgent"})
    assert "There is a problem" in response.content.decode()
    assert not BreakGlass.objects.exists()
    response = client.post(
        url, {"reason": "Police at the door asking about this child"}
    )
    assert response["Location"] == reverse("people:detail", args=[child.pk])
    assert client.get(response["Location"]).status_code == 200
