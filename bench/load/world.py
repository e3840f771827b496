"""Who works on what in the load test's copy of the authority, read before the
load starts (in its own process, with the server's settings and database).

    python -m bench.load.world OUT.json

Writes, for the locust users to sign in as: each social worker with open cases
and the children allocated to them; each manager of those workers' teams and
the children of the team; the front door's staff. Every member of staff's
password is set to the demo's, hashed by the server's own hasher: the cached
authority is built with the tests' fast hasher, which production settings do
not accept. Only the copy is changed.
"""

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

# A worker's cases to choose from: enough for variety, few enough to keep the
# file small at 20,000 children.
CHILDREN_EACH = 40
FRONT_DOOR_TEAM = "Front Door (MASH)"


def _setup() -> None:
    import django

    django.setup()


def _set_passwords() -> None:
    from django.contrib.auth.hashers import make_password

    from haven.core.models import User
    from haven.demo.staff import DEMO_PASSWORD

    # One hash for all: hashing 600 passwords with the production hasher would
    # take minutes, and every sign-in still checks it the production way.
    User.objects.update(password=make_password(DEMO_PASSWORD))


def _caseloads() -> tuple[dict[str, list[int]], dict[int, list[int]]]:
    """Each social worker's open cases, and each team's, by child id. A
    restricted record is left out of the team's: only the people named on the
    restriction open it, and its worker's manager is refused as a stranger."""
    from haven.core.models import Allocation

    by_worker: dict[str, list[int]] = defaultdict(list)
    by_team: dict[int, list[int]] = defaultdict(list)
    rows = (
        Allocation.objects.filter(
            ended_on=None,
            worker__isnull=False,
            worker__is_active=True,
            worker__groups__name="Social worker",
        )
        .order_by("worker__username", "person_id")
        .values_list("worker__username", "team_id", "person_id", "person__restriction")
    )
    for username, team, child, restriction in rows:
        if len(by_worker[username]) < CHILDREN_EACH:
            by_worker[username].append(child)
        if restriction is None and len(by_team[team]) < CHILDREN_EACH:
            by_team[team].append(child)
    return dict(by_worker), dict(by_team)


def _family_names(children: set[int]) -> dict[int, str]:
    from haven.people.models import Person

    return dict(Person.objects.filter(pk__in=children).values_list("pk", "family_name"))


def _managers(by_team: dict[int, list[int]]) -> list[dict[str, Any]]:
    from haven.core.models import Team

    found = []
    for team in Team.objects.filter(pk__in=by_team).prefetch_related("managers"):
        for manager in team.managers.filter(is_active=True):
            found.append({"username": manager.username, "children": by_team[team.pk]})
    return sorted(found, key=lambda m: m["username"])


def _front_door() -> list[dict[str, Any]]:
    """The front door's workers, who record contacts, and its manager, who
    works the queue too."""
    from django.db.models import Q

    from haven.core.models import User
    from haven.frontdoor.permissions import may_record_contacts

    staff = User.objects.filter(
        Q(groups__name="Front door (MASH) worker")
        | Q(managed_teams__name=FRONT_DOOR_TEAM),
        is_active=True,
    ).distinct()
    return [
        {"username": user.username, "records_contacts": may_record_contacts(user)}
        for user in staff.order_by("username")
    ]


def world() -> dict[str, Any]:
    by_worker, by_team = _caseloads()
    names = _family_names({c for cases in by_worker.values() for c in cases})
    return {
        "social_workers": [
            {
                "username": username,
                "children": cases,
                "family_names": sorted({names[c] for c in cases}),
            }
            for username, cases in sorted(by_worker.items())
        ],
        "managers": _managers(by_team),
        "front_door": _front_door(),
    }


def main() -> None:
    _setup()
    _set_passwords()
    found = world()
    Path(sys.argv[1]).write_text(json.dumps(found))
    print(
        f"staff signing in: {len(found['social_workers'])} social workers, "
        f"{len(found['managers'])} managers, {len(found['front_door'])} at the "
        "front door"
    )


if __name__ == "__main__":
    main()
