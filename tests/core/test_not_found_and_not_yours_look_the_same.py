"""'Not found' and 'not yours' look the same (issue 11 item 22): every PERSON
and OBJECT route answers a stranger asking for a restricted or sealed child's
object exactly as it answers an id that does not exist: the same status and
the same page, apart from the path asked for. (A held child's record answers a
stranger 403 with the offer of break-glass, by design: see
test_object_routes_refuse_strangers.py, which proves it names no one.)"""

import re

import pytest

from haven.core.params import MAX_ID
from haven.core.route_policy import Policy
from tests.core.test_every_route_has_a_policy import routes_with
from tests.core.test_object_routes_refuse_strangers import (  # noqa: F401
    objects,
    strangers,
)

pytestmark = pytest.mark.django_db

# Per-request values that differ between any two pages.
VARYING = [
    re.compile(r'nonce="[^"]*"'),
    re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"'),
    re.compile(r'name="csrf-token" content="[^"]*"'),
    re.compile(r'"X-CSRFToken": "[^"]*"'),
]
MISSING = MAX_ID - 1
HIDDEN = ("restricted", "sealed")


def _routes() -> dict[str, str]:
    person = {route: "people.Person" for route in routes_with(Policy.PERSON)}
    return person | {r: d.of for r, d in routes_with(Policy.OBJECT).items()}


def _page(response, path: str) -> tuple[int, str, str]:
    text = response.content.decode(errors="replace").replace(path, "<path>")
    for pattern in VARYING:
        text = pattern.sub("", text)
    return response.status_code, response.get("Location", ""), text


def test_a_strangers_object_looks_like_one_that_does_not_exist(
    client, strangers, objects
):
    differ = []
    for user in strangers:
        client.force_login(user)
        for route, label in _routes().items():
            missing = "/" + route.replace("<int:pk>", str(MISSING))
            absent = _page(client.get(missing), missing)
            for kind in HIDDEN:
                made = objects[kind]
                pk = made[label].pk
                url = "/" + route.replace("<int:pk>", str(pk))
                found = _page(client.get(url), url)
                if found != absent:
                    differ.append((user.username, kind, route, found[:2], absent[:2]))
    assert differ == [], "\n".join(map(str, differ))
