"""The benchmark's writes (bench/writes.py) post what the forms accept: each
repeat records a note, or decides a new contact, through the real pages."""

import datetime as dt

import pytest

from bench import writes
from haven.casework.models import CaseNote
from haven.core import compiled
from haven.core.models import Team, User
from haven.core.services import allocate_case
from haven.frontdoor.models import ContactChild
from haven.people.models import Person
from tests.conftest import make_user
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db
# A posted write and a called one, each warmed, counted and repeated twice.
WRITES = 2 * (compiled.SETTLED_AFTER + 1 + 2)


@pytest.fixture
def child(alice: User, mona: User, team: Team) -> Person:
    child = ChildFactory(given_name="Jasmine", family_name="Thackray")
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


@pytest.fixture
def maggie(service: Team) -> User:
    """The front door's manager, with a worker who records the contacts."""
    front_door = Team.objects.create(name="Front Door (MASH)", parent=service)
    make_user("front-door-worker", "front_door_worker", front_door)
    manager = make_user("maggie", "team_manager", front_door)
    front_door.managers.add(manager)
    return manager


def test_the_case_note_is_posted_and_called(alice: User, child: Person) -> None:
    posted, called = writes.case_note(alice, child, repeat=2)
    assert (posted.kind, called.kind) == ("request", "write")
    assert posted.queries and called.queries
    # Each: those to warm, one to count the queries, then the repeats.
    assert CaseNote.objects.filter(person=child, subject="Home visit").count() == WRITES


def test_the_contact_decision_is_posted_and_called(maggie: User) -> None:
    posted, called = writes.contact_decision(maggie, repeat=2)
    assert posted.queries and called.queries
    decided = ContactChild.objects.filter(decision="referral", decided_by=maggie)
    assert decided.count() == WRITES
