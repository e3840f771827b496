"""Every page a demo user can reach by following links opens without an error.

A crawl from the home page as each role, following every link Haven renders: a
broken link, a page that fails on real demo data, or a link to a page the user
is refused is a defect users would meet.
"""

import re
from collections import deque

import pytest
from django.core.management import call_command
from django.test import Client

from haven.core.models import User

LINK = re.compile(r'href="(/[^"#]*)"')
SKIP = ("/assets/", "/admin/", "/api/", "/sign-out")
USERS = [
    "social-worker",
    "team-manager",
    "service-manager",
    "front-door-worker",
    "early-help-worker",
    "administrator",
    "finance-officer",
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock():
        call_command("seed_demo", children=24, seed=5, verbosity=0)
        yield
        call_command("flush", interactive=False, verbosity=0)


def crawl(client: Client, limit: int = 300) -> dict[str, str]:
    """Status of each page reached, with the page whose link led there."""
    seen: dict[str, int] = {}
    came_from: dict[str, str] = {}
    queue = deque(["/"])
    while queue and len(seen) < limit:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        for link in LINK.findall(response.content.decode()):
            link = link.replace("&amp;", "&")
            if not link.startswith(SKIP) and link not in seen:
                came_from.setdefault(link, url)
                queue.append(link)
    return {
        url: f"{status} (linked from {came_from.get(url, 'nowhere')})"
        for url, status in seen.items()
        if status not in (200, 302)
    } | {"pages crawled": str(len(seen))}


@pytest.mark.django_db
@pytest.mark.parametrize("username", USERS)
def test_every_link_opens(demo, username: str) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(User.objects.get(username=username))
    broken = crawl(client)
    crawled = int(broken.pop("pages crawled"))
    assert broken == {}
    assert crawled >= 1
