"""A page's floor (bench/floors.py): the statements a request ran, replayed
through a raw cursor, read the same rows and leave nothing behind."""

import datetime as dt

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from bench import floors
from haven.core.models import AccessLogEntry, Team, User
from haven.core.services import allocate_case
from haven.people.models import Person
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def children(alice: User, mona: User, team: Team) -> list[Person]:
    made = [ChildFactory(given_name=name) for name in ("Jasmine", "Kai", "Lola")]
    for child in made:
        allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return made


def test_the_replay_reads_the_rows_the_queries_read(children: list[Person]) -> None:
    people = Person.objects.order_by("pk").values_list("pk", "given_name")
    with floors.capturing() as statements:
        read = list(people.filter(given_name__in=["Jasmine", "Lola"]))
        count = Person.objects.filter(family_name="Testington").count()
    assert floors.replay(statements) == [read, [(count,)]]
    assert read == [(children[0].pk, "Jasmine"), (children[2].pk, "Lola")]


def test_the_replay_runs_every_statement_of_a_page(
    client, alice: User, children: list[Person]
) -> None:
    client.force_login(alice)
    url = f"/people/{children[0].pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as counted, floors.capturing() as captured:
        assert client.get(url).status_code == 200
    assert len(captured) == len(counted) > 5
    rows = floors.replay(captured)
    assert len(rows) == len(captured)
    assert any("Jasmine" in row for result in rows for row in result)
    assert floors.replay_ms(captured) > 0


def test_the_replay_leaves_nothing_behind(
    client, alice: User, children: list[Person]
) -> None:
    client.force_login(alice)
    with floors.capturing() as statements:
        client.get(f"/people/{children[0].pk}/")  # writes to the access log
        with transaction.atomic():
            ChildFactory(given_name="Mo")
    assert any(s.controls_transaction for s in statements)
    logged, people = AccessLogEntry.objects.count(), Person.objects.count()
    floors.replay(statements)
    floors.replay(statements)
    assert (AccessLogEntry.objects.count(), Person.objects.count()) == (logged, people)
