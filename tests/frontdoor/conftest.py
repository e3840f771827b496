"""Front door personas: a worker who records contacts and the manager who decides."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.core.models import Team, User
from haven.frontdoor import referrer, services
from haven.frontdoor.codes import ConsentStatus, ReferralSource
from haven.frontdoor.models import Contact
from haven.people.models import Person
from tests.conftest import FrozenClock, make_user
from tests.factories import ChildFactory

# A Wednesday in term time, with no bank holiday near.
WEDNESDAY = timezone.make_aware(dt.datetime(2026, 3, 4, 10, 0))


@pytest.fixture
def wednesday(freezer: FrozenClock) -> FrozenClock:
    freezer.at = WEDNESDAY
    return freezer


@pytest.fixture
def front_door(service: Team) -> Team:
    return Team.objects.create(name="Front Door (MASH)", parent=service)


@pytest.fixture
def fred(front_door: Team) -> User:
    """A front door worker."""
    return make_user("fred", "front_door_worker", front_door)


@pytest.fixture
def maggie(front_door: Team, fred: User) -> User:
    """The front door's team manager, who decides on contacts."""
    manager = make_user("maggie", "team_manager", front_door)
    front_door.managers.add(manager)
    return manager


@pytest.fixture
def child(db: None) -> Person:
    return ChildFactory(given_name="Jasmine", family_name="Thackray")


def details(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "received_at": WEDNESDAY - dt.timedelta(hours=1),
        "source": ReferralSource.SCHOOLS,
        "referrer_name": "Ms Patel",
        "referrer_role": "Designated safeguarding lead",
        "referrer_organisation": "Millbrook Primary",
        "referrer_phone": "01632 960000",
        "concerns": "Arrived at school hungry with bruising to the arm.",
        "consent": ConsentStatus.GIVEN,
        "consent_reason": "",
    }
    base.update(changes)
    return base


def acknowledged(contact: Contact, by: User) -> Contact:
    """The referrer acknowledged by phone today: a decision waits for it."""
    from haven.core import clock

    return referrer.acknowledge(contact, on=clock.today(), how="phone", by=by)


@pytest.fixture
def contact(wednesday: FrozenClock, fred: User, child: Person) -> Contact:
    return acknowledged(services.record_contact(details(), [child], by=fred), fred)
