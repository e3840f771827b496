"""The child's "Health" section and its forms, through the pages; a stranger
can open none of them, and never sees a restricted child's name."""

import datetime as dt

import pytest

from haven.care.models import HealthAssessment, SdqScore, SubstanceMisuse
from haven.core.services import restrict_record
from tests.care.factories import fostered, in_care
from tests.care.health_helpers import START, assess

pytestmark = pytest.mark.django_db


def _date(name, day):
    return {
        f"{name}_day": day.day,
        f"{name}_month": day.month,
        f"{name}_year": day.year,
    }


@pytest.fixture
def period(child, alice, carer):
    return in_care(child, by=alice, on=START, placement=fostered(carer))


def _urls(child, period):
    base = f"/looked-after/people/{child.pk}/health/"
    return [
        base + "assessment/",
        base + "dental/",
        base + "up-to-date/",
        base + "sdq/",
        base + "substance-misuse/",
        base + "offence/",
        f"/looked-after/periods/{period.pk}/health/initial-assessment/",
        f"/looked-after/periods/{period.pk}/health/sdq/",
    ]


def test_no_health_section_for_a_child_never_looked_after(client, alice, child):
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert 'id="health-heading"' not in page


def test_the_section_shows_the_assessment_due_and_the_links(
    client, alice, child, period
):
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Next health assessment by 7 February 2025 (LAC-HEALTH-IHA-20)" in page
    for url in _urls(child, period)[:6]:
        assert url in page


def test_an_assessment_is_recorded_through_the_page(client, alice, child, period):
    client.force_login(alice)
    url = f"/looked-after/people/{child.pk}/health/assessment/"
    response = client.post(
        url,
        {
            "kind": "initial",
            **_date("completed_on", dt.date(2025, 2, 3)),
            "professional": "Dr Priya Okafor",
            "role": "Community paediatrician",
            "outcome": "Healthy.",
        },
    )
    assert response.status_code == 302
    assert HealthAssessment.objects.get().kind == "initial"
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Dr Priya Okafor, Community paediatrician" in page
    assert "Next health assessment by 3 February 2026 (LAC-HEALTH-RHA-5)" in page


def test_my_works_link_opens_the_form_as_an_initial_assessment(
    client, alice, child, period
):
    client.force_login(alice)
    response = client.get(_urls(child, period)[6], follow=True)
    page = response.content.decode()
    assert 'value="initial" checked' in page or 'checked value="initial"' in page


def test_the_forms_faults_and_the_services_show_together(client, alice, child, period):
    client.force_login(alice)
    response = client.post(
        f"/looked-after/people/{child.pk}/health/sdq/",
        {"score": "45", **_date("completed_on", dt.date(2024, 1, 1))},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The score must be between 0 and 40" in page
    assert "Choose who completed the questionnaire" in page
    assert "The child was not looked after on 1 January 2024" in page
    assert not SdqScore.objects.exists()


def test_substance_misuse_through_the_page(client, alice, child, period):
    client.force_login(alice)
    response = client.post(
        f"/looked-after/people/{child.pk}/health/substance-misuse/",
        {
            **_date("identified_on", dt.date(2025, 5, 1)),
            "intervention_offered": "yes",
            "intervention_received": "yes",
        },
    )
    assert response.status_code == 302
    assert SubstanceMisuse.objects.get().intervention_received
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "intervention offered and received" in page


def test_the_chronology_reads_the_assessment(client, alice, child, period):
    assess(child, by=alice, on=dt.date(2025, 2, 3), kind="initial")
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/chronology/").content.decode()
    assert (
        "Initial health assessment completed (Dr Priya Okafor, Community "
        "paediatrician)" in page
    )


def test_a_stranger_can_open_none_of_the_pages(client, bob, child, period):
    client.force_login(bob)
    for url in _urls(child, period):
        assert client.get(url).status_code in (403, 404), url
        assert client.post(url, {}).status_code in (403, 404), url
    assert not HealthAssessment.objects.exists()


def test_a_restricted_childs_name_never_appears_to_a_stranger(
    client, bob, mona, child, period, alice
):
    assess(child, by=alice, on=dt.date(2025, 2, 3), kind="initial")
    restrict_record(child, kind="restricted", reason="High profile", by=mona)
    client.force_login(bob)
    for url in [*_urls(child, period), "/", f"/people/{child.pk}/"]:
        response = client.get(url)
        assert "Thackray" not in response.content.decode(), url
