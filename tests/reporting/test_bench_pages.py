"""The benchmark's performance pages (bench/reporting_pages.py) are the
dashboards their readers open: each is served to its reader, and the team's
is read by the manager of the team holding the most cases."""

import pytest
from django.test import Client

from bench import reporting_pages
from bench.budgets import SERVICE_MANAGER, TEAM_MANAGER

pytestmark = pytest.mark.django_db


def test_each_dashboard_is_served_to_its_reader(sam, mona, jasmine, kai) -> None:
    pages = reporting_pages.pages(sam)
    readers = {(page.label, audience) for page in pages for _, audience in page.users}
    kept = reporting_pages.KEPT
    assert (f"performance dashboard, a team, {kept}", TEAM_MANAGER) in readers
    assert (f"performance dashboard, the authority, {kept}", SERVICE_MANAGER) in readers
    for page in pages:
        for user, _ in page.users:
            client = Client()
            client.force_login(user)
            assert client.get(page.url, page.query).status_code == 200, page.label
    team_page = next(p for p in pages if ", a team," in p.label)
    assert team_page.users[0][0] == mona
