"""A query compiled once (haven/core/compiled.py) gives its rows as the ORM
would: dates, times in their zone and JSON decoded, and model instances equal
to the queryset's."""

import datetime as dt

import pytest
from django.db import transaction

from haven.core import compiled, journal
from haven.core.models import JournalEvent
from haven.timescales import reading
from haven.timescales.models import Obligation
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


def _fields(event: JournalEvent) -> tuple:
    return (
        event.pk,
        event.person_id,
        event.sequence,
        event.type,
        event.payload,
        event.occurred_at,
        event.corrects_id,
    )


def test_instances_are_the_querysets(alice) -> None:
    child = ChildFactory(date_of_birth=dt.date(2017, 5, 4))
    at = dt.datetime(2026, 3, 4, 9, 30, 15, 123456, tzinfo=dt.UTC)
    with transaction.atomic():
        first = journal.append(
            child,
            "frontdoor.referral_received",
            {"episode": 7, "on": dt.date(2026, 3, 4), "nested": {"a": [1, 2]}},
            by=alice,
            occurred_at=at,
        )
        journal.append(
            child,
            "frontdoor.referral_received",
            {"episode": 8},
            by=alice,
            reason="Wrong episode",
            corrects=first,
        )
    by_orm = JournalEvent.objects.filter(person=child).order_by("sequence")
    got = reading.events(child.pk)
    assert [_fields(e) for e in got] == [_fields(e) for e in by_orm]
    assert got[0].occurred_at == at and got[0].payload["on"] == "2026-03-04"
    assert not got[0]._state.adding
    assert reading.events_and_birth_date(child.pk)[1] == dt.date(2017, 5, 4)
    assert reading.events_and_birth_date(compiled.ID_STAND_IN) == ([], None)
    Obligation.objects.create(
        person=child,
        rule_id="ASSESS-CF",
        subject="7",
        due_on=dt.date(2026, 5, 6),
        status=Obligation.Status.MET_LATE,
        trigger_event=first,
        closed_on=dt.date(2026, 5, 8),
    )
    stored = reading.obligations(child.pk)
    assert stored
    assert [vars_of(o) for o in stored] == [
        vars_of(o) for o in Obligation.objects.filter(person=child).order_by("pk")
    ]


def vars_of(obligation: Obligation) -> dict:
    return {f.attname: getattr(obligation, f.attname) for f in Obligation._meta.fields}


def test_the_journals_insert_writes_what_save_writes(alice) -> None:
    from django.db import connection

    def event(person) -> JournalEvent:
        return JournalEvent(
            person_id=person.pk,
            sequence=1,
            type="casework.note_recorded",
            payload={"note": 3, "on": "2026-03-04", "children": [1, 2]},
            occurred_at=dt.datetime(2026, 3, 4, 9, 30, 15, 123456, tzinfo=dt.UTC),
            recorded_at=dt.datetime(2026, 3, 5, 10, 0, tzinfo=dt.UTC),
            actor=alice,
            source=JournalEvent.Source.SCREEN,
            significant=True,
            reason="Typed on the wrong child",
            backfilled=True,
            previous_hash=journal.GENESIS,
            hash="a" * 64,
        )

    inserted, saved = event(ChildFactory()), event(ChildFactory())
    journal._insert(inserted)
    saved.save(force_insert=True)
    assert inserted.pk and not inserted._state.adding
    columns = [
        f.column
        for f in JournalEvent._meta.concrete_fields
        if f.name not in ("id", "person")
    ]
    with connection.cursor() as cursor:
        rows = []
        for pk in (inserted.pk, saved.pk):
            cursor.execute(
                f"SELECT {', '.join(columns)} FROM core_journalevent WHERE id = %s",
                [pk],
            )
            rows.append(cursor.fetchone())
    assert rows[0] == rows[1]


def test_objects_come_with_what_they_select_related(
    alice, mona, team, django_assert_num_queries
) -> None:
    from haven.core.models import Allocation
    from haven.core.selectors import current_allocation
    from haven.core.services import allocate_case

    child = ChildFactory()
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    by_orm = (
        Allocation.objects.filter(person=child, ended_on__isnull=True)
        .select_related("team", "worker")
        .first()
    )
    current_allocation(child)  # compiled
    with django_assert_num_queries(1):
        got = current_allocation(child.pk)
        assert (got.team.name, got.worker.username) == (team.name, alice.username)
    assert got is not None and by_orm is not None
    assert vars_of_model(got) == vars_of_model(by_orm)
    assert not got._state.adding and got._state.db == "default"
    assert current_allocation(ChildFactory()) is None


def vars_of_model(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.fields}


def test_a_query_of_many_ids_is_planned_for_them_each_run() -> None:
    """Over `plan_each_over` ids a compiled query is never prepared, so that
    PostgreSQL plans it for the ids given; fewer, it is prepared and kept.
    Either way the rows are the queryset's."""
    from django.db import connection

    from haven.people.models import Person

    children = [ChildFactory() for _ in range(4)]
    ids, slot = compiled.ids_in("default")
    query = compiled.Compiled(
        Person.objects.filter(pk__in=ids).order_by("pk").values_list("pk"),
        [slot],
        plan_each_over=3,
    )

    def run_prepared() -> int:
        """How many runs the statement, once prepared, has had."""
        if connection.vendor != "postgresql":
            return 0
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT generic_plans + custom_plans FROM pg_prepared_statements"
                " WHERE statement = %s",
                [query.numbered_sql],
            )
            return sum(n for (n,) in cursor.fetchall())

    seen = []
    for asked in (children[:3], children):
        wanted = sorted(c.pk for c in asked)
        value = compiled.ids_value("default", wanted)
        for _ in range(compiled.SETTLED_AFTER):
            assert [pk for (pk,) in query.rows(ids=value)] == wanted
        seen.append(run_prepared())
    if connection.vendor == "postgresql":
        few, many = seen
        assert few > 0  # three ids: prepared
        assert many == few  # four: not one run more of the prepared statement
