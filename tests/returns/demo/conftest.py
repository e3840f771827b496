"""One freshly seeded demo authority for every test in this folder (the
returns' checks on the demo: each return passes its validator, the figures
agree), rolled back at the end. Seeding is the slow part, so it happens once
for the folder, not once for each module."""

from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.db import transaction

from haven.core import clock

CHILDREN = 300


@pytest.fixture(scope="package", autouse=True)
def authority(django_db_setup, django_db_blocker) -> Iterator[None]:  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", children=CHILDREN, seed=3, verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def last_year() -> int:
    """The latest collection year that has ended: 2026 from 1 April 2026 (its
    period ran from 1 April 2025 to 31 March 2026)."""
    today = clock.today()
    return today.year if today.month >= 4 else today.year - 1
