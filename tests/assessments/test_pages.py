import datetime as dt

import pytest
from django.urls import reverse

from haven.assessments.codes import Factor, Status
from haven.assessments.starting import start_assessment
from haven.cin import services as cin
from haven.core import clock

pytestmark = pytest.mark.django_db

FORM = {
    "reason": "School reports Jasmine is often hungry",
    "primary_need": "N1",
    "factors": ["16A"],
    "childs_voice": "She likes school dinners",
    "risks": "Food is short",
    "strengths": "Mother asks for help",
    "protective_factors": "Grandmother",
    "analysis": "Neglect is likely",
    "recommendation": "A plan",
    "outcome": "cin_plan",
}


@pytest.fixture
def assessment(child, alice):
    episode = cin.open_referral(
        child,
        received_on=clock.today() - dt.timedelta(days=20),
        source="2A",
        contact_id=None,
        by=alice,
    )
    return start_assessment(episode, started_on=episode.referral_date, by=alice)


def _url(assessment):
    return reverse("assessments:detail", args=[assessment.pk])


def _post(client, assessment, data):
    """Post the page's form as read now: at the assessment's current version."""
    version = type(assessment).objects.get(pk=assessment.pk).version
    return client.post(_url(assessment), {**data, "version": str(version)})


def test_the_assessor_sees_the_form_due_date_and_guidance(client, alice, assessment):
    client.force_login(alice)
    html = client.get(_url(assessment)).content.decode()
    assert "Single assessment" in html
    assert 'id="due-on"' in html
    assert (
        "Working Together to Safeguard Children 2023" in html
    )  # the legal source beside the form
    for label in ("The child&#x27;s voice", "Protective factors", "Recommendation"):
        assert label in html
    assert (
        f"{Factor.NEGLECT.label} (16A)" not in html
    )  # read-only list is not shown to the assessor
    assert 'value="16A"' in html
    assert "Submit for authorisation" in html


def test_submitting_with_an_empty_analysis_shows_the_error_and_keeps_the_text(
    client, alice, assessment
):
    client.force_login(alice)
    response = _post(client, assessment, {**FORM, "analysis": "", "action": "submit"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "Write the analysis before submitting the assessment" in html
    assert "School reports Jasmine is often hungry" in html
    assessment.refresh_from_db()
    assert assessment.status == Status.IN_PROGRESS
    assert assessment.reason == FORM["reason"]  # the draft was kept


def test_save_then_submit_then_manager_returns_and_authorises(
    client, alice, mona, assessment
):
    client.force_login(alice)
    response = _post(client, assessment, {**FORM, "action": "save"})
    assert response.status_code == 302
    response = _post(client, assessment, {**FORM, "action": "submit"})
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == Status.SUBMITTED

    client.force_login(mona)
    awaiting = client.get(reverse("assessments:awaiting")).content.decode()
    assert "Jasmine Thackray" in awaiting
    html = client.get(_url(assessment)).content.decode()
    assert "Authorise the assessment" in html
    html = _post(
        client, assessment, {"action": "return", "comments": ""}
    ).content.decode()
    assert "Say what needs to change" in html
    _post(client, assessment, {"action": "return", "comments": "Add dad's view"})
    assessment.refresh_from_db()
    assert assessment.status == Status.RETURNED

    client.force_login(alice)
    assert "Add dad&#x27;s view" in client.get(_url(assessment)).content.decode()
    _post(client, assessment, {**FORM, "action": "submit"})
    client.force_login(mona)
    response = _post(client, assessment, {"action": "authorise"})
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == Status.AUTHORISED
    html = client.get(_url(assessment)).content.decode()
    assert "Start the child in need plan" in html
    assert f"{Factor.NEGLECT.label} (16A)" in html


def test_a_social_worker_cannot_authorise(client, alice, assessment):
    client.force_login(alice)
    _post(client, assessment, {**FORM, "action": "submit"})
    assert _post(client, assessment, {"action": "authorise"}).status_code == 403
    assert client.get(reverse("assessments:awaiting")).status_code == 403


def test_bob_cannot_open_the_assessment(client, bob, assessment):
    client.force_login(bob)
    assert client.get(_url(assessment)).status_code == 403
    assert client.get(reverse("assessments:detail", args=[9999])).status_code == 404


def test_a_late_submission_asks_for_the_reasons_and_keeps_the_text(
    client, alice, assessment, freezer
):
    from haven.assessments.selectors import due_on

    due = due_on(assessment)
    freezer.move_to(dt.timedelta(days=(due - clock.today()).days + 3))
    client.force_login(alice)
    assert "Reasons for any delay" in client.get(_url(assessment)).content.decode()
    response = _post(client, assessment, {**FORM, "action": "submit"})
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        f"The assessment is past its due date ({due:%-d %B %Y}): say why it took longer"
    ) in html
    assert "Neglect is likely" in html
    response = _post(
        client,
        assessment,
        {**FORM, "delay_reason": "Waited for the GP's report", "action": "submit"},
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == Status.SUBMITTED
    html = client.get(_url(assessment)).content.decode()
    assert "Waited for the GP&#x27;s report" in html
