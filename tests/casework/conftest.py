import datetime as dt
import re

import pytest

from haven.core.services import allocate_case
from haven.people import services as people
from tests.factories import ChildFactory


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory(given_name="Jasmine", family_name="Thackray")
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


@pytest.fixture
def sibling(alice, mona, team, child):
    sibling = ChildFactory(given_name="Kai", family_name="Thackray")
    allocate_case(sibling, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    people.record_relationship(child, other=sibling, kind="sibling", by=alice)
    return sibling


def draft_id_on(html: str) -> int:
    """The draft id the note form carries (from the moment it opens)."""
    match = re.search(r'id="draft-id" value="(\d+)"', html)
    assert match, "the note form carries no draft id"
    return int(match.group(1))
