"""A team of ten workers with 30 children each (300 for their manager), every
child with recorded work that puts statutory due dates on the queues."""

import datetime as dt
import random

from django.contrib.auth.models import Group
from django.db import transaction

from haven.core import clock, journal
from haven.core.models import Allocation, Team, User
from haven.core.roles import ROLES_BY_KEY
from haven.people.models import Person

WORKERS = 10
CHILDREN_EACH = 30


def _user(username: str, role: str, team: Team) -> User:
    user, made = User.objects.get_or_create(
        username=username,
        defaults={"first_name": username.title(), "last_name": "Bench", "team": team},
    )
    if made:
        user.groups.add(Group.objects.get(name=ROLES_BY_KEY[role].name))
    return user


def _record_work(
    child: Person, worker: User, rng: random.Random, today: dt.date
) -> None:
    """A contact, then often a referral and a plan: the events the rules watch."""
    received = today - dt.timedelta(days=rng.randint(0, 120))
    with transaction.atomic():
        journal.append(
            child,
            "frontdoor.contact_received",
            {"contact": child.pk},
            by=worker,
            occurred_at=clock.start_of(received),
        )
        if rng.random() < 0.7:
            journal.append(
                child,
                "frontdoor.contact_decided",
                {"contact": child.pk, "decision": "referral"},
                by=worker,
                occurred_at=clock.start_of(received + dt.timedelta(days=1)),
            )
            journal.append(
                child,
                "frontdoor.referral_received",
                {"episode": child.pk, "assessment": child.pk},
                by=worker,
                occurred_at=clock.start_of(received + dt.timedelta(days=1)),
            )
        if rng.random() < 0.4:
            journal.append(
                child,
                "cin.child_in_need_plan_started",
                {"plan": child.pk, "episode": child.pk},
                by=worker,
                occurred_at=clock.start_of(received + dt.timedelta(days=40)),
            )


def build(seed: int = 4) -> tuple[User, User]:
    """The bench team (made once); returns its first worker and its manager."""
    rng = random.Random(seed)
    today = clock.today()
    service = Team.objects.filter(kind=Team.Kind.SERVICE).first()
    team, made = Team.objects.get_or_create(
        name="Bench queue team", defaults={"parent": service}
    )
    manager = _user("bench-manager", "team_manager", team)
    team.managers.add(manager)
    workers = [
        _user(f"bench-worker-{n:02}", "social_worker", team) for n in range(WORKERS)
    ]
    if made:
        for worker in workers:
            children = Person.objects.bulk_create(
                Person(
                    given_name=f"Bench{n}",
                    family_name=worker.username.title(),
                    date_of_birth=today - dt.timedelta(days=rng.randint(100, 6000)),
                )
                for n in range(CHILDREN_EACH)
            )
            Allocation.objects.bulk_create(
                Allocation(person=c, team=team, worker=worker, started_on=today)
                for c in children
            )
            for child in children:
                _record_work(child, worker, rng, today)
    return workers[0], manager
