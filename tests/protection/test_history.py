"""A child's child protection history on their page: every plan with its
dates, categories (initial and latest) and why it ended, and how many plans
they have had, counted from history with those recorded elsewhere."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.protection import conferences, plans
from haven.protection.history import person_section
from tests.protection.conftest import TRANSFER, day, meeting, on_a_plan

pytestmark = pytest.mark.django_db


def _second_plan(episode, alice, cath, *, on, elsewhere=0):
    transfer = conferences.Transfer(TRANSFER.from_authority, elsewhere)
    conference = conferences.hold_initial_conference(
        episode,
        meeting(cath, on=on, category="EMO"),
        by=alice,
        kind="transfer_in",
        transfer=transfer,
    )
    return conference.started_plan


def test_no_plans_no_section(child, alice):
    assert person_section(child, alice, [child.pk]) is None


def test_every_plan_and_the_count(child, episode, alice, cath):
    first = on_a_plan(episode, alice, cath)
    conferences.hold_review_conference(
        first, meeting(cath, on=day(29), decision="continue", category="MUL"), by=alice
    )
    plans.end_plan(first, ended_on=day(36), reason="transferred", by=alice)
    second = _second_plan(episode, alice, cath, on=day(43), elsewhere=2)
    history = person_section(child, alice, [child.pk])["history"]
    assert history.plans == [first, second]
    assert (history.here, history.elsewhere, history.total) == (2, 2, 4)
    # The census's count for the second plan: one here before it, two elsewhere.
    assert second.previous_plans == 3


def test_the_page_shows_the_history(client, child, episode, alice, cath):
    first = on_a_plan(episode, alice, cath)
    conferences.hold_review_conference(
        first, meeting(cath, on=day(29), decision="continue", category="MUL"), by=alice
    )
    plans.end_plan(
        first, ended_on=day(36), reason="other", note="Returned to Wales", by=alice
    )
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    section = page.split("Child protection history", 1)[1]
    assert "1 child protection plan." in section
    first.refresh_from_db()
    assert first.latest_category == "MUL"
    assert f"{first.get_latest_category_display()} (initially Neglect)" in section
    assert "Other (Returned to Wales)" in section


def _page_queries(client, child) -> int:
    url = f"/people/{child.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as made:
        assert client.get(url).status_code == 200
    return len(made)


def test_the_page_asks_no_more_for_more_plans(client, child, episode, alice, cath):
    client.force_login(alice)
    first = on_a_plan(episode, alice, cath)
    plans.end_plan(first, ended_on=day(18), reason="transferred", by=alice)
    second = _second_plan(episode, alice, cath, on=day(22))
    plans.end_plan(second, ended_on=day(25), reason="transferred", by=alice)
    two = _page_queries(client, child)
    for start in (29, 36):
        more = _second_plan(episode, alice, cath, on=day(start))
        plans.end_plan(more, ended_on=day(start + 3), reason="transferred", by=alice)
    _second_plan(episode, alice, cath, on=day(43))
    assert len(person_section(child, alice, [child.pk])["history"].plans) == 5
    assert _page_queries(client, child) == two
