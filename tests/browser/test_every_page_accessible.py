"""Every page a demo user can reach is accessible, at desktop width and on a phone.

For each demo role, the crawl of tests/demo/test_every_link.py finds every page the
role can reach by following links; Chromium opens one page for each URL pattern (one
person page stands for all person pages) and, at 1200 px and at 320 px wide (WCAG 2.2
1.4.10 Reflow), axe-core must find no violation of any impact and the page must not
scroll sideways. A wide table may scroll inside its own box (.haven-table-container).
Pages the role is refused are left to the status crawl, which fails on them.
"""

import time

import pytest
from django.test import Client
from playwright.sync_api import Page

from haven.core.models import User
from tests.browser.conftest import (
    accessibility_violations,
    seed_crawled_demo,
    sideways_scrolling,
    sign_in,
)
from tests.demo.test_every_link import DEMO, USERNAMES, Reached, crawl, url_pattern
from tests.snapshots import seeded

WIDTHS = (1200, 320)


@pytest.fixture
def crawled_demo(django_db_serialized_rollback: None, transactional_db: None) -> None:
    # Serialized rollback puts back what data migrations wrote (the default oversight
    # policy), which an earlier browser test's flush removed. Seeded once a session
    # (tests/snapshots.py), shared with test_csp.py.
    seeded(("crawled demo", *DEMO.items()), seed_crawled_demo)


def one_page_per_pattern(reached: list[Reached]) -> list[str]:
    """The first page the crawl opened for each URL pattern, of those that opened."""
    pages: dict[str, str] = {}
    for page in reached:
        if page.status == 200 and page.is_html:
            pages.setdefault(url_pattern(page.url), page.url)
    return list(pages.values())


def problems_on(page: Page, url: str) -> list[str]:
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        found = accessibility_violations(page) + sideways_scrolling(page)
        problems += [f"{url} at {width}px: {problem}" for problem in found]
    return problems


@pytest.mark.parametrize("username", USERNAMES)
def test_every_page_has_no_accessibility_violation_and_fits_a_phone(
    page: Page, live_server, crawled_demo, username: str
) -> None:
    started = time.monotonic()
    client = Client()
    client.force_login(User.objects.get(username=username))
    urls = one_page_per_pattern(crawl(client))
    sign_in(page, live_server.url, username)
    page.wait_for_url(f"{live_server.url}/")
    problems = []
    for url in urls:
        response = page.goto(live_server.url + url)
        assert response is not None and response.status == 200, url
        problems += problems_on(page, url)
    print(f"{username}: {len(urls)} patterns in {time.monotonic() - started:.0f}s")
    assert not problems, "\n".join(problems)
