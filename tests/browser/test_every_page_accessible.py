"""Every page a demo user can reach is accessible, at desktop width and on a phone,
and runs under the Content-Security-Policy without a violation.

For each demo role, the crawl of tests/demo/test_every_link.py finds every page the
role can reach by following links; Chromium opens one page for each URL pattern (one
person page stands for all person pages) and, at 1200 px and at 320 px wide (WCAG 2.2
1.4.10 Reflow), axe-core must find no violation of any impact and the page must not
scroll sideways. A wide table may scroll inside its own box (.haven-table-container).
Pages the role is refused are left to the status crawl, which fails on them.

A pattern is opened for the first role of a run that reaches it: the roles share
templates, and opening each of them again for every role that reaches it made this
the slowest part of the suite. A role tested alone opens every pattern it reaches.
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
    violations,
    watch_policy,
)
from tests.demo.test_every_link import DEMO, USERNAMES, Reached, crawl, url_pattern
from tests.snapshots import seeded

WIDTHS = (1200, 320)
# The URL patterns opened so far in this run (by an earlier role).
OPENED: set[str] = set()


@pytest.fixture
def crawled_demo(django_db_serialized_rollback: None, transactional_db: None) -> None:
    # Serialized rollback puts back what data migrations wrote (the default oversight
    # policy), which an earlier browser test's flush removed. Seeded once a session
    # (tests/snapshots.py), shared with test_csp.py.
    seeded(("crawled demo", *DEMO.items()), seed_crawled_demo)


def one_page_per_pattern(reached: list[Reached]) -> dict[str, str]:
    """The first page the crawl opened for each URL pattern, of those that opened."""
    pages: dict[str, str] = {}
    for page in reached:
        if page.status == 200 and page.is_html:
            pages.setdefault(url_pattern(page.url), page.url)
    return pages


def problems_on(page: Page, url: str) -> list[str]:
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        found = accessibility_violations(page) + sideways_scrolling(page)
        problems += [f"{url} at {width}px: {problem}" for problem in found]
    return problems


@pytest.mark.usefixtures("rules_unchecked")
@pytest.mark.parametrize("username", USERNAMES)
def test_every_page_has_no_accessibility_violation_and_fits_a_phone(
    page: Page, live_server, crawled_demo, username: str
) -> None:
    started = time.monotonic()
    client = Client()
    client.force_login(User.objects.get(username=username))
    patterns = one_page_per_pattern(crawl(client))
    urls = [url for pattern, url in patterns.items() if pattern not in OPENED]
    console = watch_policy(page)
    sign_in(page, live_server.url, username)
    page.wait_for_url(f"{live_server.url}/")
    problems = []
    for url in urls:
        response = page.goto(live_server.url + url)
        assert response is not None and response.status == 200, url
        problems += problems_on(page, url)
        problems += [f"{url}: {found}" for found in violations(page, console)]
        console.clear()
    OPENED.update(patterns)
    print(
        f"{username}: {len(urls)} of {len(patterns)} patterns "
        f"in {time.monotonic() - started:.0f}s"
    )
    assert not problems, "\n".join(problems)
