"""A chair's work queue: the conferences due in the next 15 working days for
the children they chair (due dates from the engine), the records they have to
sign off and the plans whose review is overdue; their manager's view of every
chair's workload; and pages that ask the database no more for six children
than for two."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.cin import services as cin
from haven.core import clock
from haven.core.models import Restriction
from haven.core.services import allocate_case, restrict_record
from haven.protection import (
    arrangements,
    chair_queue,
    chair_work,
    conferences,
    enquiries,
    strategy,
)
from haven.protection.roles import IRO_SERVICE_MANAGER
from haven.timescales import queue, selectors
from haven.timescales.calendar import add_working_days
from tests.conftest import make_user
from tests.factories import ChildFactory
from tests.protection.conftest import ATTENDANCE, PARTICIPANTS

pytestmark = pytest.mark.django_db


def weekday_on_or_before(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def ahead(n: int) -> dt.date:
    found = clock.today()
    while n:
        found += dt.timedelta(days=1)
        n -= found.weekday() < 5
    return found


def ago(days: int) -> dt.date:
    return weekday_on_or_before(clock.today() - dt.timedelta(days=days))


def _enquiry(worker, manager, team, *, on: dt.date, name: str):
    child = ChildFactory(given_name=name, family_name="Queue")
    allocate_case(child, team=team, worker=worker, on=ago(300), by=manager)
    episode = cin.open_referral(
        child, received_on=ago(200), source="2A", contact_id=None, by=worker
    )
    typed = strategy.Discussion(
        held_on=on,
        participants=PARTICIPANTS,
        information_shared="Bruising",
        decision="section_47",
    )
    held = strategy.record_strategy_discussion(episode, typed, by=worker)
    found = enquiries.start_section_47(held, started_on=on, by=worker)
    return enquiries.record_section_47_outcome(
        found, outcome="significant_harm", completed_on=on, by=worker
    )


def booked_child(worker, manager, team, chair, name="Ivy"):
    """A child whose initial conference is booked with `chair`: due in 15
    working days from yesterday's strategy discussion."""
    found = _enquiry(worker, manager, team, on=ago(1), name=name)
    booking = arrangements.Booking(ahead(3), chair)
    arrangements.arrange_initial(found, booking, by=worker)
    return found


def planned_child(worker, manager, team, chair, name="Rue"):
    """A child on a plan since about 130 days ago (its first review overdue),
    whose initial conference's record the chair has not signed off."""
    found = _enquiry(worker, manager, team, on=ago(140), name=name)
    meeting = conferences.Meeting(
        held_on=ago(130),
        chair=chair,
        decision="plan",
        attendance=ATTENDANCE,
        category="NEG",
    )
    conference = conferences.hold_initial_conference(
        found.episode, meeting, by=worker, section_47=found
    )
    return conference.started_plan


@pytest.fixture
def iris(reviewing):
    """The IRO service manager: manages the chairs' team."""
    manager = make_user("iris", "cp_chair", reviewing)
    manager.groups.set([Group.objects.get(name=IRO_SERVICE_MANAGER.name)])
    reviewing.managers.add(manager)
    return manager


def test_the_chairs_queue_holds_each_kind_of_work(alice, mona, team, cath, freezer):
    booked = booked_child(alice, mona, team, cath)
    plan = planned_child(alice, mona, team, cath)
    [mine] = chair_queue.queues([cath], cath)
    [due] = mine.due
    assert due.person_id == booked.episode.person_id
    # The engine's date, with the booking's day beside it.
    assert due.due_on == selectors.due_on(due.person_id, "CP-ICPC", booked.pk)
    assert due.due_on == add_working_days(ago(1), 15)
    assert due.title.endswith(f"(arranged for {ahead(3):%-d %B %Y})")
    [minutes] = mine.minutes
    assert (
        minutes.url == f"/child-protection/conferences/{plan.starting_conference.pk}/"
    )
    [late] = mine.overdue_reviews
    assert (late.rule_id, late.person_id) == ("CP-RCPC1", plan.person_id)
    assert late.due_on < clock.today()
    conferences.sign_off(plan.starting_conference, by=cath)
    [mine] = chair_queue.queues([cath], cath)
    assert mine.counts == (1, 0, 1)


def test_only_conferences_within_fifteen_working_days(alice, mona, team, cath):
    found = _enquiry(alice, mona, team, on=ago(1), name="Wren")
    conference = conferences.hold_initial_conference(
        found.episode,
        conferences.Meeting(
            held_on=ago(0) if clock.today().weekday() < 5 else ago(1),
            chair=cath,
            decision="plan",
            attendance=ATTENDANCE,
            category="PHY",
        ),
        by=alice,
        section_47=found,
    )
    # Its first review is three months away: not yet on the queue.
    [mine] = chair_queue.queues([cath], cath)
    assert mine.due == [] and [i.url for i in mine.minutes] == [
        f"/child-protection/conferences/{conference.pk}/"
    ]


def test_another_chairs_children_are_not_on_the_queue(
    alice, mona, team, cath, reviewing
):
    other = make_user("colin", "cp_chair", reviewing)
    booked_child(alice, mona, team, other)
    [mine] = chair_queue.queues([cath], cath)
    assert mine.counts == (0, 0, 0)


def test_the_queue_is_on_the_chairs_my_work(alice, mona, team, cath):
    booked_child(alice, mona, team, cath)
    overdue, upcoming = queue.my_work(cath)
    assert [i.kind for i in overdue + upcoming] == [chair_work.DUE]
    # The social worker's own items do not include the chair's.
    overdue, upcoming = queue.my_work(alice)
    assert chair_work.DUE not in {i.kind for i in overdue + upcoming}


def test_the_manager_sees_each_chairs_workload_and_names_only_whom_they_may_open(
    client, alice, mona, team, cath, iris, reviewing
):
    other = make_user("colin", "cp_chair", reviewing)
    booked_child(alice, mona, team, cath, name="Ivy")
    secret = booked_child(alice, mona, team, cath, name="Sable")
    planned_child(alice, mona, team, other)
    restrict_record(
        secret.episode.person,
        kind=Restriction.Kind.RESTRICTED,
        reason="A staff member's child",
        by=mona,
    )
    client.force_login(iris)
    page = client.get("/child-protection/chairs/")
    assert page.status_code == 200
    rows = {q.chair.username: q.counts for q in page.context["queues"]}
    assert rows == {"cath": (2, 0, 0), "colin": (0, 1, 1), "iris": (0, 0, 0)}
    one = client.get(f"/child-protection/chairs/{cath.pk}/").content.decode()
    assert "Ivy Queue" in one and "Sable" not in one
    assert "1 more about children whose records you cannot open" in one


def test_only_chairs_and_their_manager_see_the_pages(client, alice, cath, iris):
    client.force_login(alice)
    assert client.get("/child-protection/conferences/").status_code == 403
    assert client.get("/child-protection/chairs/").status_code == 403
    client.force_login(cath)
    assert client.get("/child-protection/conferences/").status_code == 200
    assert client.get("/child-protection/chairs/").status_code == 403
    client.force_login(iris)
    assert client.get(f"/child-protection/chairs/{alice.pk}/").status_code == 404


def test_conferences_with_no_chair_are_counted_for_the_manager(
    client, alice, mona, team, iris
):
    _enquiry(alice, mona, team, on=ago(1), name="Nell")
    client.force_login(iris)
    assert client.get("/child-protection/chairs/").context["unchaired"] == 1


def _queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as made:
        assert client.get(url).status_code == 200
    return len(made)


@pytest.mark.parametrize(
    "url", ["/child-protection/conferences/", "/child-protection/chairs/"]
)
def test_the_pages_ask_no_more_for_more_children(
    client, alice, mona, team, cath, iris, url
):
    client.force_login(iris if url.endswith("chairs/") else cath)
    for n in range(2):
        booked_child(alice, mona, team, cath, name=f"Ada{n}")
        planned_child(alice, mona, team, cath, name=f"Bea{n}")
    two = _queries(client, url)
    for n in range(2, 6):
        booked_child(alice, mona, team, cath, name=f"Ada{n}")
        planned_child(alice, mona, team, cath, name=f"Bea{n}")
    [mine] = chair_queue.queues([cath], cath)
    assert mine.counts == (6, 6, 6)
    assert _queries(client, url) == two
