"""Submitting an assessment with several faults reports every one at once
(issue 9, defect 8)."""

import datetime as dt
import html as html_lib

import pytest

from haven.assessments.codes import Status
from haven.assessments.selectors import due_on
from haven.assessments.starting import start_assessment
from haven.cin import services as cin
from haven.core import clock
from tests.assessments.test_pages import FORM, _post

pytestmark = pytest.mark.django_db


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


def _late(assessment, freezer):
    due = due_on(assessment)
    freezer.move_to(dt.timedelta(days=(due - clock.today()).days + 3))
    return due


def test_a_late_submission_with_gaps_reports_every_gap_at_once(
    client, alice, assessment, freezer
):
    due = _late(assessment, freezer)
    client.force_login(alice)
    response = _post(
        client,
        assessment,
        {**FORM, "reason": "", "analysis": "", "outcome": "", "action": "submit"},
    )
    html = html_lib.unescape(response.content.decode())
    assert response.status_code == 200
    for message in (
        "Say why the child is being assessed",
        "Write the analysis before submitting the assessment",
        "Choose the outcome you recommend",
        f"The assessment is past its due date ({due:%-d %B %Y}): say why it took "
        "longer",
    ):
        assert html.count(message) == 2, message  # in the summary and by the field
    assert '<a href="#id_outcome_0">Choose the outcome' in html
    assessment.refresh_from_db()
    assert assessment.status == Status.IN_PROGRESS


def test_a_refused_save_on_submit_also_reports_what_submitting_needs(
    client, alice, assessment
):
    client.force_login(alice)
    response = _post(
        client,
        assessment,
        {**FORM, "factors": ["16A", "21"], "analysis": "", "action": "submit"},
    )
    html = html_lib.unescape(response.content.decode())
    assert "Choose 'No factors identified' on its own" in html
    assert "Write the analysis before submitting the assessment" in html


def test_submitting_names_every_missing_part_in_one_refusal(alice, assessment):
    from haven.assessments import services
    from haven.core.errors import DomainErrors

    with pytest.raises(DomainErrors) as refused:
        services.submit_assessment(assessment, by=alice)
    assert {"reason_required", "analysis_required", "outcome_required"} <= set(
        refused.value.codes
    )
