"""One demo authority of 300 children (seed 3), seeded once a run for every test
that checks the demo at that size (tests/care/test_demo.py, tests/returns/demo/),
not once for each module or package: seeding it is the slow part.

Tests that ask for `demo_authority` (tests/conftest.py) run one after another;
the authority is seeded in a transaction before the first and rolled back after
the last, so no other test sees it (a test run apart from the others, in some
order this did not make, seeds it again). Each test runs in a savepoint of its own
inside that transaction, rolled back after it, so none sees another's writes.
"""

from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction

CHILDREN = 300
SEED = 3
FIXTURE = "demo_authority"

_open: dict[str, Any] = {}


def uses(item: pytest.Item | None) -> bool:
    return item is not None and FIXTURE in getattr(item, "fixturenames", ())


def side_by_side(items: list[pytest.Item]) -> None:
    """Move the tests that use the authority next to the first of them, each
    keeping its order, so the authority is seeded once."""
    users = [item for item in items if uses(item)]
    if not users:
        return
    first = items.index(users[0])
    others = [item for item in items if not uses(item)]
    items[:] = others[:first] + users + others[first:]


def seed(django_db_blocker: Any) -> None:
    """Seed the authority in a transaction left open, unless it is open."""
    if _open:
        return
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        _open.update(atomic=atomic, blocker=django_db_blocker)
        call_command("seed_demo", children=CHILDREN, seed=SEED, verbosity=0)


def roll_back() -> None:
    """Roll the authority back (after its last test; again does nothing)."""
    if not _open:
        return
    atomic, blocker = _open.pop("atomic"), _open.pop("blocker")
    with blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
