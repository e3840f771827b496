"""The pages of a worker's day: the home page's caseload, the caseload page
(a manager's choice of worker), the visit form reached in one click, the visits
calendar and the plan form."""

import datetime as dt

import pytest

from haven.casework.planning import plan_visit
from haven.core import clock

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_a_workers_caseload(client, alice, child, sibling):
    client.force_login(alice)
    page = client.get("/").content.decode()
    assert 'id="caseload"' in page
    assert f"/casework/people/{child.pk}/visit/" in page
    assert sibling.full_name in page


def test_the_home_page_sorts_the_caseload(client, alice, child, sibling):
    client.force_login(alice)
    page = client.get("/?sort=name&order=descending").content.decode()
    assert page.index(sibling.full_name) < page.index(child.full_name)
    assert 'aria-sort="descending"' in page


def test_a_manager_chooses_a_workers_caseload(client, mona, alice, child):
    client.force_login(mona)
    page = client.get(f"/casework/caseload/?worker={alice.pk}").content.decode()
    assert child.full_name in page
    assert f"Caseload of {alice}" in page


def test_a_manager_cannot_see_another_teams_worker(client, mona, bob):
    client.force_login(mona)
    assert client.get(f"/casework/caseload/?worker={bob.pk}").status_code == 404


def test_the_visit_form_ticks_siblings_on_the_same_caseload(
    client, alice, child, sibling
):
    client.force_login(alice)
    page = client.get(f"/casework/people/{child.pk}/visit/").content.decode()
    for person in (child, sibling):
        assert f'name="children" type="checkbox" value="{person.pk}" checked' in page
        assert f'name="seen_{person.pk}" type="radio" value="yes" checked' in page
    assert 'name="kind" type="radio" value="visit" checked' in page


def test_a_worker_without_a_relationship_is_refused_the_visit_form(client, bob, child):
    client.force_login(bob)
    assert client.get(f"/casework/people/{child.pk}/visit/").status_code in (403, 404)


def test_the_calendar_and_the_childs_page_show_a_planned_visit(client, alice, child):
    on = clock.today() + dt.timedelta(days=2)
    plan_visit(child, on=on, visitor=alice, purpose="Tea time", by=alice)
    client.force_login(alice)
    calendar = client.get("/casework/visits/").content.decode()
    assert "Visit planned: Tea time" in calendar
    team = client.get("/casework/visits/?who=team").content.decode()
    assert "Visit planned: Tea time" in team
    record = client.get(f"/people/{child.pk}/").content.decode()
    assert 'id="planned-visits"' in record and "Tea time" in record


def test_the_plan_form_posts_through_the_service(client, alice, child):
    client.force_login(alice)
    on = clock.today() + dt.timedelta(days=5)
    response = client.post(
        f"/casework/people/{child.pk}/visits/plan/",
        {
            "planned_for_day": on.day,
            "planned_for_month": on.month,
            "planned_for_year": on.year,
            "visitor": alice.pk,
            "purpose": "",
        },
    )
    assert response.status_code == 302
    assert child.planned_visits.get().planned_for == on
