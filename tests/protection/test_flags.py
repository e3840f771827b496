"""A child on a child protection plan is flagged: in the identity bar on every
page of their record, and beside their name on My work, the team's queue and
the chair's queue. A flag names no one: a restricted child stays unnamed."""

import pytest

from haven.core.models import Restriction
from haven.core.services import restrict_record
from haven.people.selectors import identity_bar
from haven.protection import chair_queue, plans
from haven.timescales import queue
from tests.protection.conftest import day, on_a_plan

pytestmark = pytest.mark.django_db

WORDS = "On a child protection plan"


def _flags(items, child):
    return {f.words for i in items if i.person_id == child.pk for f in i.flags}


def test_the_identity_bar_flags_a_child_on_a_plan(child, episode, alice, cath):
    assert identity_bar(child).flags == []
    plan = on_a_plan(episode, alice, cath)
    assert [f.words for f in identity_bar(child).flags] == [WORDS]
    plans.end_plan(plan, ended_on=day(30), reason="transferred", by=alice)
    assert identity_bar(child).flags == []


@pytest.mark.parametrize(
    "url",
    [
        "/people/{pk}/",
        "/people/{pk}/chronology/",
        "/casework/people/{pk}/",
        "/children-in-need/people/{pk}/",
    ],
)
def test_every_page_of_the_childs_record_shows_the_flag(
    client, child, episode, alice, cath, url
):
    on_a_plan(episode, alice, cath)
    client.force_login(alice)
    page = client.get(url.format(pk=child.pk))
    assert page.status_code == 200
    bar = page.content.decode().split('id="identity-bar"', 1)[1].split("</section>")[0]
    assert WORDS in bar


def test_the_queues_flag_the_child(child, episode, alice, mona, cath):
    on_a_plan(episode, alice, cath)
    overdue, upcoming = queue.my_work(alice)
    assert _flags(overdue + upcoming, child) == {WORDS}
    summaries = queue.team_view(mona)
    team_items = [i for s in summaries for i in s.urgent]
    assert _flags(team_items, child) == {WORDS}
    # A worker's page shows all her items: each flagged.
    [hers] = [
        s for s in queue.team_view(mona, worker=str(alice.pk)) if s.worker == alice
    ]
    assert _flags(hers.items, child) == {WORDS}
    [chairs] = chair_queue.queues([cath], cath)
    assert _flags(chairs.minutes, child) == {WORDS}


def test_a_restricted_child_on_a_plan_is_not_named_on_a_queue(
    client, child, episode, alice, mona, cath
):
    on_a_plan(episode, alice, cath)
    restrict_record(
        child, kind=Restriction.Kind.RESTRICTED, reason="High profile", by=mona
    )
    client.force_login(mona)
    page = client.get("/work/team/").content.decode()
    assert "Kai" not in page and "Ashdown" not in page
    client.force_login(cath)
    page = client.get("/child-protection/conferences/").content.decode()
    assert "Ashdown" not in page and WORDS not in page
