"""The page after signing in reads only what it shows, once."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_administrators_home_counts_staff_by_role_in_one_query(
    client, adam, alice, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(adam)
    client.get(reverse("home"))  # a session's first page also notes it has no app
    with (
        django_assert_max_num_queries(12),
        CaptureQueriesContext(connection) as queries,
    ):
        html = client.get(reverse("home")).content.decode()
    assert "Staff by role" in html
    # The name's promise: one query counts the staff of every role (one count
    # per role was the old way).
    staff_counts = [
        q["sql"]
        for q in queries.captured_queries
        if "COUNT(" in q["sql"] and '_user_groups"' in q["sql"]
    ]
    assert len(staff_counts) == 1, staff_counts


def test_a_workers_home_reads_her_groups_once(client, alice, mona, bob):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(alice)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("home"))
    group_reads = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('SELECT "auth_group"."id", "auth_group"."name"')
    ]
    assert len(group_reads) == 1
