"""One freshly seeded demo authority for every test in this folder (the
returns' checks on the demo: each return passes its validator, the figures
agree), rolled back at the end. Seeding is the slow part, so it happens once
for the folder and tests/care/test_demo.py together (tests/demo_authority.py),
not once for each module."""

import pytest

from haven.core import clock
from tests import demo_authority as shared_demo

CHILDREN = shared_demo.CHILDREN


@pytest.fixture(scope="module", autouse=True)
def authority(demo_authority: None) -> None:
    """Seeded once for this folder and tests/care/test_demo.py
    (tests/demo_authority.py)."""


@pytest.fixture
def last_year() -> int:
    """The latest collection year that has ended: 2026 from 1 April 2026 (its
    period ran from 1 April 2025 to 31 March 2026)."""
    today = clock.today()
    return today.year if today.month >= 4 else today.year - 1
