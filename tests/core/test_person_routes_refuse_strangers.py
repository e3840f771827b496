"""Every person-scoped route, asked by every role for a child it has no
relationship to, a restricted child and a sealed child, refuses: no 2xx, and
no name. The routes are found from the URL patterns, so a new one is covered."""

import datetime as dt

import pytest
from django.urls import get_resolver
from django.urls.resolvers import URLPattern, URLResolver

from haven.core.roles import ROLES
from haven.core.services import allocate_case, restrict_record
from tests.conftest import make_user
from tests.factories import ChildFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rules_unchecked")]

NAME = "Zephyrine"
# A form that names no one and opens nothing until a reason is accepted.
ASKS_FOR_A_REASON = "people/<int:pk>/break-glass/"


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def person_routes() -> list[str]:
    return sorted(
        route
        for route in _walk(get_resolver().url_patterns)
        if "people/<int:pk>/" in route
    )


def test_the_person_routes_are_found():
    routes = person_routes()
    assert "people/<int:pk>/" in routes
    assert "api/people/<int:pk>/chronology/" in routes
    assert len(routes) > 15


@pytest.fixture
def strangers(other_team):
    """One user of every role, in a team that holds none of these children."""
    return [make_user(role.key, role.key, other_team) for role in ROLES]


@pytest.fixture
def children(alice, mona, team):
    held = ChildFactory(given_name=NAME)
    allocate_case(held, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    restricted = ChildFactory(given_name=NAME)
    restrict_record(restricted, kind="restricted", reason="High-profile", by=mona)
    sealed = ChildFactory(given_name=NAME)
    restrict_record(sealed, kind="sealed", reason="Adoption order", by=mona)
    return {"held": held, "restricted": restricted, "sealed": sealed}


def test_no_person_route_answers_a_stranger(client, strangers, children):
    leaks = []
    for user in strangers:
        client.force_login(user)
        for kind, child in children.items():
            for route in person_routes():
                url = "/" + route.replace("<int:pk>", str(child.pk))
                response = client.get(url)
                text = response.content.decode(errors="replace")
                asks = route == ASKS_FOR_A_REASON and kind == "held"
                if (200 <= response.status_code < 300 and not asks) or NAME in text:
                    leaks.append((user.username, kind, url, response.status_code))
    tried = len(person_routes()) * len(strangers) * len(children)
    # The figure for the closing note (pytest -s shows it).
    print(f"\nPERSON routes, GET: {tried} tried, {len(leaks)} leaks")
    assert leaks == []
