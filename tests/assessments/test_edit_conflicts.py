"""Two people save the same assessment from the same version: the first save
stands, the second is refused with both texts shown and saves once merged; a
manager's decision on an assessment changed since they read it is refused."""

import html as html_lib
import re

import pytest

from haven.assessments import services
from haven.assessments.codes import Status
from haven.core.versions import StaleEdit
from tests.assessments import test_pages
from tests.assessments.test_pages import FORM, _post, _url
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

assessment = test_pages.assessment  # the fixture: an assessment in progress


@pytest.fixture
def bea(team):
    return make_user("bea", "social_worker", team)


def test_a_stale_save_is_refused_and_the_first_text_kept(alice, bea, assessment):
    read_at = assessment.version
    services.save_assessment(
        assessment, {"analysis": "Alice's"}, by=alice, expected_version=read_at
    )
    with pytest.raises(StaleEdit) as refused:
        services.save_assessment(
            assessment, {"analysis": "Bea's"}, by=bea, expected_version=read_at
        )
    assert refused.value.current["analysis"] == "Alice's"
    assessment.refresh_from_db()
    assert assessment.analysis == "Alice's"
    services.save_assessment(
        assessment,
        {"analysis": "Alice's and Bea's"},
        by=bea,
        expected_version=refused.value.version,
    )
    assessment.refresh_from_db()
    assert assessment.analysis == "Alice's and Bea's"
    texts = [
        e.payload["after"]["analysis"]
        for e in assessment.person.journal.filter(
            type="assessments.assessment_updated"
        ).order_by("pk")
    ]
    assert texts == ["Alice's", "Alice's and Bea's"]  # every text can be read back


def test_the_second_save_gets_a_page_showing_both_texts(client, alice, bea, assessment):
    read_at = str(assessment.version)
    client.force_login(alice)
    first = client.post(
        _url(assessment),
        {**FORM, "analysis": "Neglect is likely", "version": read_at, "action": "save"},
    )
    assert first.status_code == 302

    client.force_login(bea)
    typed = {**FORM, "analysis": "Neglect is unlikely", "version": read_at}
    second = client.post(_url(assessment), {**typed, "action": "submit"})
    assert second.status_code == 409
    page = html_lib.unescape(second.content.decode())
    assert "Someone else changed this record since you opened it" in page
    row = page.split('id="conflict-analysis"')[1].split("</tr>")[0]
    assert "Neglect is likely" in row and "Neglect is unlikely" in row
    assert ">Neglect is unlikely</textarea>" in page  # Bea's text is kept
    assessment.refresh_from_db()
    assert assessment.analysis == "Neglect is likely"
    assert assessment.status == Status.IN_PROGRESS  # nor submitted

    merged = _post(
        client,
        assessment,
        {**FORM, "analysis": "Neglect is likely; see school", "action": "submit"},
    )
    assert merged.status_code == 302
    assessment.refresh_from_db()
    assert assessment.analysis == "Neglect is likely; see school"
    assert assessment.status == Status.SUBMITTED


def test_a_manager_cannot_authorise_a_resubmission_they_have_not_read(
    client, alice, mona, assessment
):
    client.force_login(alice)
    _post(client, assessment, {**FORM, "action": "submit"})
    client.force_login(mona)
    read_at = str(type(assessment).objects.get(pk=assessment.pk).version)
    _post(client, assessment, {"action": "return", "comments": "Add dad's view"})
    client.force_login(alice)
    _post(client, assessment, {**FORM, "risks": "Dad drinks", "action": "submit"})

    client.force_login(mona)
    stale = client.post(_url(assessment), {"action": "authorise", "version": read_at})
    assert stale.status_code == 409
    assert "Someone else changed this record" in stale.content.decode()
    assessment.refresh_from_db()
    assert assessment.status == Status.SUBMITTED
    assert _post(client, assessment, {"action": "authorise"}).status_code == 302


def test_a_refused_submit_leaves_the_page_at_its_own_saved_version(
    client, alice, assessment
):
    """The draft saves though the submission is refused (no analysis yet); the
    next submit from the same page is not a conflict with the worker's own save."""
    from django.urls import reverse

    client.force_login(alice)
    url = reverse("assessments:detail", args=[assessment.pk])
    page = client.get(url).content.decode()
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    posted = {
        "action": "submit",
        "version": version,
        "reason": "School reports bruising",
        "primary_need": "N1",
        "factors": ["16A"],
        "recommendation": "A plan",
        "outcome": "cin_plan",
    }
    refused = client.post(url, posted)
    assert refused.status_code == 200
    assert "Write the analysis before submitting" in refused.content.decode()
    moved = re.search(r'name="version" value="(\d+)"', refused.content.decode())
    assert int(moved.group(1)) == int(version) + 1
    done = client.post(
        url,
        posted | {"version": moved.group(1), "analysis": "Neglect is likely"},
    )
    assert done.status_code == 302, done.content.decode()[:3000]
