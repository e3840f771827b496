"""Every page a demo user can reach by following links opens without an error.

A crawl from the home page as each role, following every link Haven renders: a
broken link, a page that fails on real demo data, or a link to a page the user
is refused is a defect users would meet. tests/browser/test_every_page_accessible.py
opens the pages this crawl reaches in a browser and checks their accessibility.
"""

import re
from collections import deque
from dataclasses import dataclass
from html import unescape
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve

from haven.core.models import User
from haven.core.roles import ROLES

LINK = re.compile(r'href="([^"#]*)')
# A table with the scrolling box it needs on a narrow screen, or without one.
TABLE = re.compile(r'(<div class="haven-table-container"[^>]*>\s*)?<table\b')
SKIP = ("/assets/", "/static/", "/admin/", "/api/", "/sign-out")
# The demo authority the crawls run over: enough children for every kind of page.
DEMO = {"children": 24, "seed": 5}
# Every role, as the demo names its first account in it (haven.demo.staff).
USERNAMES = [role.key.replace("_", "-") for role in ROLES]
# More pages than any role reaches in the demo: a crawl that stops here missed some.
LIMIT = 1500


@dataclass(frozen=True)
class Reached:
    """A page the crawl opened, and the page whose link led there."""

    url: str
    status: int
    is_html: bool
    linked_from: str
    tables_without_a_box: int = 0


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock():
        call_command("seed_demo", **DEMO, verbosity=0)
        yield
        call_command("flush", interactive=False, verbosity=0)


def links(html: str, base: str) -> list[str]:
    """Haven's own pages that a page links to, relative links ("?page=2") included."""
    found = []
    for href in LINK.findall(html):
        if not href:  # a link within the page ("#main-content")
            continue
        url = urljoin(base, unescape(href))
        if url.startswith("/") and not url.startswith(SKIP):
            found.append(url)
    return found


def tables_without_box(html: str) -> int:
    """How many tables are not the first thing in a .haven-table-container.

    A table's width depends on its data: one that fits the demo at 320 px may not
    fit real names, so every table gets the box that scrolls it.
    """
    return sum(1 for box in TABLE.findall(html) if not box)


def crawl(client: Client) -> list[Reached]:
    """Each page reached from the home page, breadth first."""
    reached: dict[str, Reached] = {}
    queue = deque([("/", "nowhere")])
    while queue and len(reached) < LIMIT:
        url, linked_from = queue.popleft()
        if url in reached:
            continue
        response = client.get(url)
        is_html = "text/html" in response.get("Content-Type", "")
        html = response.content.decode() if is_html else ""
        reached[url] = Reached(
            url, response.status_code, is_html, linked_from, tables_without_box(html)
        )
        if response.status_code == 200 and is_html:
            queue.extend(
                (link, url) for link in links(html, url) if link not in reached
            )
    return list(reached.values())


def url_pattern(url: str) -> str:
    """The route a URL matches, with its query's keys: pages built by one view."""
    parts = urlsplit(url)
    try:
        route = resolve(parts.path).route
    except Resolver404:
        route = parts.path
    keys = sorted({key for key, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return route + ("?" + "&".join(keys) if keys else "")


@pytest.mark.django_db
@pytest.mark.usefixtures("rules_unchecked")
@pytest.mark.parametrize("username", USERNAMES)
def test_every_link_opens(demo, username: str) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(User.objects.get(username=username))
    reached = crawl(client)
    broken = {
        page.url: f"{page.status} (linked from {page.linked_from})"
        for page in reached
        if page.status not in (200, 302)
    }
    assert broken == {}
    assert 1 <= len(reached) < LIMIT
    assert [page.url for page in reached if page.tables_without_a_box] == []


def test_a_url_pattern_names_the_view_not_the_record() -> None:
    assert url_pattern("/people/9/") == url_pattern("/people/21/")
    assert url_pattern("/people/9/") != url_pattern("/people/9/chronology/")
    assert url_pattern("/casework/people/9/notes/new/?kind=visit") == (
        "casework/people/<int:pk>/notes/new/?kind"
    )


def test_a_table_outside_a_scrolling_box_is_counted() -> None:
    boxed = '<div class="haven-table-container" tabindex="0">\n<table class="x">'
    assert tables_without_box(boxed + "</table></div>") == 0
    assert tables_without_box('<table class="govuk-table"></table>') == 1


def test_the_crawl_follows_relative_links() -> None:
    page = (
        '<a href="#main-content">Skip</a> <a href="?page=2&amp;significant=on">Next</a>'
        ' <a href="/people/">People</a> <a href="https://example.org/">Elsewhere</a>'
    )
    assert links(page, "/people/9/chronology/") == [
        "/people/9/chronology/?page=2&significant=on",
        "/people/",
    ]
