"""The child's "Missing from care" section and its forms, through the pages."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.care.missing import recording
from haven.care.models import MissingEpisode
from tests.care.factories import fostered, in_care

pytestmark = pytest.mark.django_db


def _date(name, day):
    return {
        f"{name}_day": day.day,
        f"{name}_month": day.month,
        f"{name}_year": day.year,
    }


@pytest.fixture
def period(child, alice, carer):
    return in_care(child, by=alice, placement=fostered(carer))


def test_no_section_for_a_child_never_looked_after(client, alice, child):
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Missing from care" not in page


def test_a_child_is_reported_missing_and_returns_through_the_pages(
    client, alice, child, period
):
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Not missing now" in page
    url = f"/looked-after/periods/{period.pk}/missing/"
    assert url in page
    response = client.post(
        url,
        {
            "kind": "M",
            **_date("started_on", dt.date(2026, 6, 14)),
            "started_time": "22:15",
            "reported_to_police": "on",
            "police_reference": "WY-77",
        },
    )
    assert response.status_code == 302
    episode = MissingEpisode.objects.get()
    assert timezone.localtime(episode.started_at).hour == 22
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Missing since 14 June 2026, 22:15" in page
    response = client.post(
        f"/looked-after/missing/{episode.pk}/return/",
        {
            **_date("returned_on", dt.date(2026, 6, 15)),
            "returned_time": "9am",
            "reported_to_police": "on",
            "police_reference": "WY-77",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/people/{child.pk}/").content.decode()
    # The interview's date is the engine's: 72 hours after the return.
    assert "Due by 18 Jun 2026" in page
    assert f"/looked-after/missing/{episode.pk}/interview/" in page


def test_a_report_shows_the_forms_faults_and_the_services_together(
    client, alice, child, period
):
    client.force_login(alice)
    response = client.post(
        f"/looked-after/periods/{period.pk}/missing/",
        {
            **_date("started_on", dt.date(2026, 6, 14)),
            "started_time": "25:99",
            "police_reference": "WY-1",
        },
    )
    page = response.content.decode()
    assert "Enter a real time, for example 21:30" in page
    assert "Say whether the child is missing or away" in page
    assert "A police reference means the police were told" in page
    assert not MissingEpisode.objects.exists()


def test_a_strategy_meeting_is_asked_for_and_recorded(client, alice, child, period):
    for day in (1, 8, 15):
        start = timezone.make_aware(dt.datetime(2026, 5, day, 20))
        recording.report_missing(
            period,
            kind="M",
            started_at=start,
            returned_at=start + dt.timedelta(hours=3),
            by=alice,
        )
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "A strategy meeting is needed" in page
    assert "went missing 3 times in 30 days" in page
    response = client.post(
        f"/looked-after/people/{child.pk}/strategy-meeting/",
        {**_date("held_on", dt.date(2026, 5, 18)), "decisions": "Safety plan"},
    )
    assert response.status_code == 302
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "A strategy meeting is needed" not in page
    assert "Last strategy meeting: 18 May 2026" in page


def test_a_stranger_cannot_open_the_forms(client, bob, child, period, alice):
    episode = recording.report_missing(
        period,
        kind="A",
        started_at=timezone.make_aware(dt.datetime(2026, 6, 1, 20)),
        by=alice,
    )
    client.force_login(bob)
    for url in (
        f"/looked-after/periods/{period.pk}/missing/",
        f"/looked-after/missing/{episode.pk}/return/",
        f"/looked-after/missing/{episode.pk}/police/",
        f"/looked-after/missing/{episode.pk}/interview/",
        f"/looked-after/people/{child.pk}/strategy-meeting/",
    ):
        assert client.get(url).status_code in (403, 404), url
