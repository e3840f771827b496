"""A small authority for the performance figures, built through the services:
on Monday 15 June 2026, Jasmine (Alice's, in the assessment team) has been
looked after since 10 March; Kai (Alice's too) has been on a child protection
plan since his initial conference on 5 May; Robin (Bob's, in the children in
care team) has been looked after since 2 February and his record is
restricted; and the front door decided on two contacts in June, one the day
it came and one three working days late."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from haven.core import clock
from haven.core.models import Team, User
from haven.core.services import allocate_case, restrict_record
from haven.frontdoor import services as frontdoor
from haven.frontdoor.models import ContactChild
from haven.people.models import Person
from tests.care.factories import CarerFactory, fostered, in_care
from tests.conftest import FrozenClock, make_user
from tests.factories import ChildFactory
from tests.frontdoor.conftest import acknowledged, details
from tests.protection.conftest import on_a_plan

TODAY = dt.date(2026, 6, 15)


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@pytest.fixture(autouse=True)
def no_kept_panels() -> None:
    """Each test works its panels out from its own records (panels.py keeps
    them in the process's cache, which outlives a test's database)."""
    cache.clear()


@pytest.fixture
def today(freezer: FrozenClock) -> dt.date:
    freezer.at = at(TODAY, 12)
    return TODAY


@pytest.fixture
def sam(service: Team) -> User:
    """The service manager, over both teams."""
    manager = make_user("sam", "service_manager", service)
    service.managers.add(manager)
    return manager


@pytest.fixture
def pat(db: None) -> User:
    """A performance analyst, who opens no child's record."""
    return make_user("pat", "performance_analyst")


@pytest.fixture
def cath(service: Team) -> User:
    reviewing = Team.objects.create(
        name="Independent Reviewing Service", parent=service
    )
    return make_user("cath", "cp_chair", reviewing)


@pytest.fixture
def jasmine(today, alice, mona, team) -> Person:
    child = ChildFactory(given_name="Jasmine", family_name="Thackray")
    allocate_case(child, team=team, worker=alice, on=dt.date(2024, 1, 5), by=mona)
    in_care(
        child, by=alice, on=dt.date(2026, 3, 10), placement=fostered(CarerFactory())
    )
    return child


@pytest.fixture
def kai(today, alice, mona, team, cath) -> Person:
    child = ChildFactory(given_name="Kai", family_name="Ashdown")
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 3, 1), by=mona)
    from haven.cin import services as cin

    episode = cin.open_referral(
        child, received_on=dt.date(2026, 4, 20), source="2A", contact_id=None, by=alice
    )
    on_a_plan(episode, alice, cath)
    return child


@pytest.fixture
def robin(today, bob, other_team, sam) -> Person:
    child = ChildFactory(given_name="Robin", family_name="Quell")
    allocate_case(child, team=other_team, worker=bob, on=dt.date(2025, 9, 1), by=sam)
    in_care(child, by=bob, on=dt.date(2026, 2, 2), placement=fostered(CarerFactory()))
    restrict_record(child, kind="restricted", reason="A staff member's child", by=sam)
    return child


@pytest.fixture
def front_door(service: Team) -> Team:
    return Team.objects.create(name="Front Door (MASH)", parent=service)


@pytest.fixture
def maggie(front_door: Team) -> User:
    manager = make_user("maggie", "team_manager", front_door)
    front_door.managers.add(manager)
    return manager


def decided(child: Person, received: dt.date, decided_on: dt.date, maggie: User):
    """A contact about the child received on one day, decided on another."""
    fred = make_user(f"fred{child.pk}", "front_door_worker", maggie.team)
    with clock.held_at(at(received)):
        contact = frontdoor.record_contact(
            details(received_at=at(received, 9)), [child], by=fred
        )
        acknowledged(contact, fred)
    with clock.held_at(at(decided_on, 15)):
        return frontdoor.decide_contact(
            ContactChild.objects.get(contact=contact),
            decision="advice",
            reasoning="School can support.",
            by=maggie,
        )


@pytest.fixture
def contacts(today, maggie) -> list[Person]:
    """Two children in contacts in June: Lily's decided that day, Noah's three
    working days later."""
    lily = ChildFactory(given_name="Lily", family_name="Marsh")
    noah = ChildFactory(given_name="Noah", family_name="Pike")
    decided(lily, dt.date(2026, 6, 3), dt.date(2026, 6, 3), maggie)
    decided(noah, dt.date(2026, 6, 3), dt.date(2026, 6, 8), maggie)
    return [lily, noah]
