"""The child's "Care plan" section and the plans' pages: a version recorded
through the form, the next starting from it, the history with what changed,
and strangers refused without learning the child's name."""

import datetime as dt

import pytest

from haven.care.models import CarePlan, PlacementPlan
from haven.core.services import restrict_record
from tests.care.factories import fostered, in_care
from tests.care.test_plans import sections

pytestmark = pytest.mark.django_db

START = dt.date(2026, 6, 10)


def _date(name, day):
    return {
        f"{name}_day": day.day,
        f"{name}_month": day.month,
        f"{name}_year": day.year,
    }


@pytest.fixture
def period(child, alice, carer):
    return in_care(child, by=alice, on=START, placement=fostered(carer))


def _care_plan(**kw):
    return {**vars(sections()), **_date("agreed_on", dt.date(2026, 6, 12)), **kw}


def test_no_section_for_a_child_never_looked_after(client, alice, child):
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert 'id="care-plan"' not in page


def test_a_care_plan_is_recorded_then_changed_through_the_pages(
    client, alice, child, period
):
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "None recorded" in page and "by 24 June 2026 (LAC-CAREPLAN)" in page
    url = f"/looked-after/periods/{period.pk}/care-plan/"
    assert url in page
    form = client.get(url).content.decode()
    assert "What changed since the last version" not in form  # the first
    assert "Vol2 ch.2" in form  # the permanence plan's source, shown
    response = client.post(url, _care_plan())
    assert response.status_code == 302
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Version 1, agreed on 12 June 2026" in page
    assert "LAC-CAREPLAN" not in page
    form = client.get(url).content.decode()
    assert "What changed since the last version" in form
    assert "Mother fortnightly, supervised" in form  # starts from version 1
    response = client.post(
        url,
        _care_plan(
            contact="Mother weekly",
            permanence="return_home",
            permanence_reason="Mother has made the changes asked",
            what_changed="Contact increased after good sessions",
            **_date("agreed_on", dt.date(2026, 6, 15)),
        ),
    )
    assert response.status_code == 302
    history = client.get(url).content.decode()
    assert "Contact increased after good sessions" in history
    assert "Superseded" in history and "In force" in history
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Return home to their parents" in page
    chronology = client.get(f"/people/{child.pk}/chronology/").content.decode()
    assert "Care plan version 2 agreed" in chronology
    assert "Plan for permanence: return home to their parents" in chronology


def test_a_care_plan_shows_the_forms_faults_and_the_services_together(
    client, alice, child, period
):
    client.force_login(alice)
    response = client.post(
        f"/looked-after/periods/{period.pk}/care-plan/",
        _care_plan(
            health="",
            permanence="adoption",
            **{"agreed_on_day": "31", "agreed_on_month": "2"},
        ),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Say what the child&#x27;s health needs are" in page
    assert "Say why this is the plan for permanence" in page
    assert not CarePlan.objects.exists()


def test_a_placement_plan_is_agreed_with_the_carer_through_the_pages(
    client, alice, child, period
):
    client.force_login(alice)
    placement = period.placements.get()
    url = f"/looked-after/placements/{placement.pk}/placement-plan/"
    assert url in client.get(f"/people/{child.pk}/").content.decode()
    form = client.get(url).content.decode()
    assert "Maureen Fairweather" in form  # the carer, offered
    response = client.post(
        url,
        {
            "agreed_with": "Maureen Fairweather",
            **_date("agreed_on", dt.date(2026, 6, 11)),
            "needs": "Routine",
            "health": "GP",
            "education": "School run",
            "contact": "Family centre",
            "delegated_authority": "Haircuts",
            "support": "Monthly",
        },
    )
    assert response.status_code == 302
    plan = PlacementPlan.objects.get()
    assert (plan.placement, plan.written_by) == (placement, alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "agreed with Maureen Fairweather on 11 June 2026" in page


def test_a_stranger_is_refused_both_plans(client, bob, child, period):
    client.force_login(bob)
    for url in (
        f"/looked-after/periods/{period.pk}/care-plan/",
        f"/looked-after/placements/{period.placements.get().pk}/placement-plan/",
    ):
        for response in (client.get(url), client.post(url, _care_plan())):
            assert response.status_code == 403
            assert "Thackray" not in response.content.decode()
    assert not CarePlan.objects.exists()


def test_a_restricted_childs_plan_does_not_name_them_to_a_stranger(
    client, alice, bob, mona, child, period
):
    restrict_record(child, kind="restricted", reason="Adoption", by=mona)
    client.force_login(bob)
    for url in (
        f"/looked-after/periods/{period.pk}/care-plan/",
        f"/looked-after/placements/{period.placements.get().pk}/placement-plan/",
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert "Jasmine" not in response.content.decode()
    work = client.get("/work/").content.decode()
    assert "Jasmine" not in work and "Thackray" not in work
