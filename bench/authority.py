"""A synthetic large authority for the benchmarks: 50,000 persons, built in bulk.

Records are written with bulk inserts for speed, each with a backfilled
`people.person_registered` journal event so the chains verify like real ones.
"""

import datetime as dt
import random

from django.db import transaction

from haven.core import clock, journal
from haven.core.models import Allocation, JournalEvent, Team, User
from haven.demo.names import FAMILY_NAMES, GIVEN_NAMES_F, GIVEN_NAMES_M
from haven.people.codes import Ethnicity, Sex
from haven.people.keys import name_keys, postcode_key
from haven.people.models import Address, Person

BATCH = 5000


def _person(rng: random.Random, today: dt.date) -> Person:
    child = rng.random() < 0.45
    sex = rng.choice([Sex.FEMALE, Sex.MALE])
    given = rng.choice(GIVEN_NAMES_F if sex == Sex.FEMALE else GIVEN_NAMES_M)
    family = rng.choice(FAMILY_NAMES) + rng.choice(
        ["", "", "s", "-" + rng.choice(FAMILY_NAMES)]
    )
    age_days = rng.randint(30, 17 * 365) if child else rng.randint(18 * 365, 70 * 365)
    given_key, family_key = name_keys(given, family)
    return Person(
        kind=Person.Kind.CHILD if child else Person.Kind.ADULT,
        given_name=given,
        family_name=family,
        given_key=given_key,
        family_key=family_key,
        date_of_birth=today - dt.timedelta(days=age_days),
        sex=sex,
        ethnicity=rng.choice(list(Ethnicity)),
    )


def _registered(person: Person, actor: User) -> JournalEvent:
    at = clock.now()
    event = JournalEvent(
        person_id=person.pk,
        sequence=1,
        type="people.person_registered",
        payload={"given_name": person.given_name, "family_name": person.family_name},
        occurred_at=at,
        recorded_at=at,
        actor=actor,
        source=JournalEvent.Source.IMPORT,
        backfilled=True,
        previous_hash=journal.GENESIS,
    )
    event.hash = journal.hash_of(event)
    return event


def build(persons: int, seed: int = 2026) -> None:
    """Add persons (with addresses, allocations and journals) up to `persons`."""
    rng = random.Random(seed)
    today = clock.today()
    teams = list(
        Team.objects.filter(
            kind=Team.Kind.TEAM, members__groups__name="Social worker"
        ).distinct()
    )
    workers = {
        team.pk: list(team.members.filter(groups__name="Social worker"))
        for team in teams
    }
    actor = User.objects.filter(groups__name="Team manager").first()
    assert actor is not None, "seed the demo staff first"
    while (have := Person.objects.count()) < persons:
        with transaction.atomic():
            batch = Person.objects.bulk_create(
                [_person(rng, today) for _ in range(min(BATCH, persons - have))]
            )
            JournalEvent.objects.bulk_create([_registered(p, actor) for p in batch])
            Address.objects.bulk_create(
                Address(
                    person=p,
                    line_1=f"{rng.randint(1, 300)} Bench Street",
                    town="Havenford",
                    postcode=postcode_key(code, spaced=True),
                    postcode_key=postcode_key(code),
                    started_on=today - dt.timedelta(days=rng.randint(1, 2000)),
                )
                for p in batch
                for code in [f"ZZ99 {rng.randint(1, 9)}{rng.choice('ABDEFGHJ')}Z"]
            )
            allocations = []
            for p in batch:
                if p.kind == Person.Kind.CHILD:
                    team = rng.choice(teams)
                    allocations.append(
                        Allocation(
                            person=p,
                            team=team,
                            worker=rng.choice(workers[team.pk]),
                            started_on=today - dt.timedelta(days=rng.randint(1, 900)),
                        )
                    )
            Allocation.objects.bulk_create(allocations)
