"""The list of one's notifications, newest first and paged, marking them read,
and the count in the header of every page."""

import pytest
from django.urls import reverse

from haven.core.services import allocate_case
from haven.notifications.models import Notification
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

LIST = reverse("notifications:list")


def _allocate(count, team, worker, manager, first=0):
    children = [
        ChildFactory(family_name=f"Family{n:02d}") for n in range(first, first + count)
    ]
    for child in children:
        allocate_case(child, team=team, worker=worker, by=manager)
    return children


def test_the_header_counts_the_unread_on_every_page(client, child, alice, mona):
    client.force_login(alice)
    html = client.get(reverse("home")).content.decode()
    assert 'id="header-notifications"' in html
    assert '1<span class="govuk-visually-hidden"> unread</span>' in html
    client.force_login(mona)
    html = client.get(reverse("home")).content.decode()
    assert 'id="header-notifications"' in html
    assert "unread</span>" not in html


def test_the_list_is_newest_first_and_paged(client, alice, mona, team, freezer):
    import datetime as dt

    for n in range(27):
        freezer.move_to(dt.timedelta(minutes=1))
        _allocate(1, team, alice, mona, first=n)
    client.force_login(alice)
    first = client.get(LIST).content.decode()
    assert first.index("Family26") < first.index("Family25")
    assert "Family01" not in first and 'rel="next"' in first
    second = client.get(LIST, {"page": 2}).content.decode()
    assert "Family01" in second and "Family00" in second and "Family02" not in second


def test_a_worker_marks_one_read_then_all(client, alice, mona, team):
    _allocate(3, team, alice, mona)
    mine = Notification.objects.filter(recipient=alice)
    client.force_login(alice)
    response = client.post(reverse("notifications:mark_read", args=[mine[0].pk]))
    assert response.status_code == 302
    assert mine.filter(read_at__isnull=True).count() == 2
    client.post(reverse("notifications:mark_all_read"), {"page": "2"})
    assert mine.filter(read_at__isnull=True).count() == 0
    html = client.get(LIST).content.decode()
    assert "Mark all as read" not in html and "Mark as read" not in html


def test_another_users_notification_is_not_found(client, child, alice, bob):
    theirs = Notification.objects.get(recipient=alice)
    client.force_login(bob)
    response = client.post(reverse("notifications:mark_read", args=[theirs.pk]))
    assert response.status_code == 404
    assert Notification.objects.get(pk=theirs.pk).read_at is None


def test_marking_read_is_a_post(client, child, alice):
    theirs = Notification.objects.get(recipient=alice)
    client.force_login(alice)
    response = client.get(reverse("notifications:mark_read", args=[theirs.pk]))
    assert response.status_code == 405
