"""A worker's caseload: every child allocated to them with age, legal context,
where they live or are placed, when last seen (and alone), the next thing due
as the timescales engine holds it, and warnings; sorted on the server; a
manager sees any of their workers'."""

import datetime as dt

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from haven.casework import services
from haven.casework.caseload import caseload_of, workers_for
from haven.casework.seeing import Seen
from haven.casework.visits import Visit
from haven.core import clock, journal
from haven.core.services import allocate_case
from haven.people.models import Address, PersonWarning
from haven.timescales.models import Obligation
from tests.factories import ChildFactory, objects_about

pytestmark = pytest.mark.django_db


def _visit(children, by, seen, when):
    return services.record_note(
        children,
        kind="visit",
        occurred_at=when,
        subject="Home visit",
        body="Saw the children at home.",
        seen=seen,
        visit=Visit(True, "home", True, "yes"),
        by=by,
    )


def _plan_started(child, by, day):
    with transaction.atomic():
        journal.append(
            child,
            "cin.child_in_need_plan_started",
            {"plan": 1, "episode": 1, "seen_on_visit": child.pk},
            by=by,
            occurred_at=clock.start_of(day),
        )


def test_it_lists_the_workers_children_only(
    alice, bob, mona, other_team, child, sibling
):
    other = ChildFactory(given_name="Otto")
    allocate_case(other, team=other_team, worker=bob, by=mona)
    found = caseload_of(alice, reader=alice, today=clock.today(), sort="name")
    assert [r.person for r in found.rows] == [child, sibling]
    assert found.rows[0].person.age == child.age


def test_last_seen_and_seen_alone_come_from_the_visit_notes(alice, child):
    now = clock.now()
    _visit([child], alice, Seen(True, "yes"), now - dt.timedelta(days=9))
    _visit([child], alice, Seen(True, "no", "Mum stayed"), now - dt.timedelta(days=2))
    row = caseload_of(alice, reader=alice, today=clock.today()).rows[0]
    assert row.last_seen == now - dt.timedelta(days=2)
    assert row.last_seen_alone == now - dt.timedelta(days=9)


def test_a_child_never_seen_sorts_last_either_way(alice, child, sibling):
    _visit([sibling], alice, Seen(True, "yes"), clock.now() - dt.timedelta(days=1))
    up = caseload_of(alice, reader=alice, today=clock.today(), sort="seen")
    down = caseload_of(
        alice, reader=alice, today=clock.today(), sort="seen", descending=True
    )
    assert [r.person for r in up.rows] == [sibling, child]
    assert [r.person for r in down.rows] == [sibling, child]


def test_the_next_thing_due_is_the_engines_obligation(alice, child, sibling):
    _plan_started(child, alice, clock.today() - dt.timedelta(days=3))
    due = Obligation.objects.get(person=child, rule_id="CIN-VISIT", status="due")
    rows = {
        r.person: r for r in caseload_of(alice, reader=alice, today=clock.today()).rows
    }
    assert rows[child].next_due is not None
    assert rows[child].next_due.due_on == due.due_on
    assert rows[child].next_due.rule_id == "CIN-VISIT"
    assert rows[child].next_due.url == f"/casework/people/{child.pk}/visit/"
    assert rows[sibling].next_due is None


def _row(worker, child):
    rows = caseload_of(worker, reader=worker, today=clock.today()).rows
    return next(r for r in rows if r.person == child)


def test_legal_context_comes_from_the_apps_that_hold_it(alice, mona, child):
    objects_about(child, worker=alice, manager=mona)
    words = [context.words for context in _row(alice, child).legal]
    assert words == [
        "Child protection plan",
        "Child in need plan",
        "Looked after (C1)",
        "Early help",
    ]


def test_a_looked_after_child_is_where_placed_unless_missing(alice, mona, child):
    about = objects_about(child, worker=alice, manager=mona)
    row = _row(alice, child)
    assert row.placed and row.where.startswith("Missing from")
    about["care.MissingEpisode"].delete()
    assert _row(alice, child).where.startswith("1 Home Street")


def test_home_address_and_warnings_are_shown(alice, child):
    today = clock.today()
    Address.objects.create(
        person=child,
        line_1="4 Elm Row",
        town="Leeds",
        postcode="LS1 1AA",
        started_on=today - dt.timedelta(days=100),
    )
    PersonWarning.objects.create(
        person=child,
        kind=PersonWarning._meta.get_field("kind").choices[0][0],
        detail="Dog",
        started_on=today,
        recorded_by=alice,
    )
    row = caseload_of(alice, reader=alice, today=today).rows[0]
    assert row.where == "4 Elm Row, Leeds"
    assert len(row.warnings) == 1 and not row.placed


def test_a_manager_sees_their_workers_but_not_another_teams(alice, bob, mona):
    assert alice in workers_for(mona)
    assert bob not in workers_for(mona)


def test_the_query_count_does_not_grow_with_the_caseload(alice, mona, team, child):
    objects_about(child, worker=alice, manager=mona)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            caseload_of(alice, reader=alice, today=clock.today())
        return len(queries)

    before = count()
    for n in range(5):
        more = ChildFactory(given_name=f"More{n}")
        allocate_case(more, team=team, worker=alice, by=mona)
        objects_about(more, worker=alice, manager=mona)
    assert count() <= before
