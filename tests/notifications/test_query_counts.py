"""The header's count is one query; the list asks the database no more often
for twenty-five notifications than for one (one access check for them all)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from haven.core.services import allocate_case, break_glass
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


def _count(client, url):
    client.get(url)  # a session's first page warms its caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in queries.captured_queries]


def _news(count, team, alice, mona, bob):
    for n in range(count):
        child = ChildFactory(family_name=f"Family{n}")
        allocate_case(child, team=team, worker=alice, by=mona)
        break_glass(child, reason="Police called out of hours about him", by=bob)


def test_the_header_count_is_one_query(client, child, alice):
    client.force_login(alice)
    sql = _count(client, reverse("home"))
    counts = [q for q in sql if "notifications_notification" in q]
    assert len(counts) == 1 and "COUNT(" in counts[0]


def test_the_list_asks_no_more_for_more_notifications(
    client, alice, mona, bob, team, settings
):
    settings.HAVEN_BREAK_GLASS_PER_HOUR = 100
    settings.HAVEN_BREAK_GLASS_BURST = 100
    client.force_login(alice)
    _news(1, team, alice, mona, bob)
    few = _count(client, reverse("notifications:list"))
    _news(12, team, alice, mona, bob)
    many = _count(client, reverse("notifications:list"))
    assert client.get(reverse("notifications:list")).content.count(b"<tr") == 26
    assert len(many) == len(few), "\n".join(many)
