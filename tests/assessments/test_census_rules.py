"""The census's asks of an assessment: the DfE's factor list of the year, factor
21 only with no further action or early help, the child's disabilities answered
by authorisation; Haven's own extra refusal (deprecated factors) labelled local,
switchable, and never met when recording history."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.assessments import census, services
from haven.assessments.codes import Factor, Status
from haven.assessments.models import Assessment
from haven.assessments.starting import start_assessment
from haven.cin import services as cin
from haven.core import clock
from haven.core.errors import DomainError, Failures

pytestmark = pytest.mark.django_db

COMPLETE = {
    "reason": "School reports Jasmine is often hungry",
    "factors": ["16A", "4B"],
    "childs_voice": "Jasmine said she likes school dinners best",
    "analysis": "Neglect is likely without support",
    "recommendation": "A child in need plan",
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


def _complete(assessment, alice, **changes):
    return services.save_assessment(
        assessment, {**COMPLETE, **changes}, primary_need="N1", by=alice
    )


def _codes(raised):
    return [failure.code for failure in raised.value.failures]


def test_factor_21_with_a_plan_is_refused_at_submission(assessment, alice):
    _complete(assessment, alice, factors=["21"], outcome="cin_plan")
    with pytest.raises(DomainError) as refused:
        services.submit_assessment(assessment, by=alice)
    assert _codes(refused) == ["no_factors_outcome"]
    assert "no further action is being taken" in refused.value.message


@pytest.mark.parametrize("outcome", ["nfa", "early_help"])
def test_factor_21_with_no_further_action_or_early_help_is_submitted(
    assessment, alice, outcome
):
    _complete(assessment, alice, factors=["21"], outcome=outcome)
    services.submit_assessment(assessment, by=alice)
    assessment.refresh_from_db()
    assert assessment.status == Status.SUBMITTED


def test_factor_21_with_a_plan_is_refused_at_authorisation(assessment, alice, mona):
    _complete(assessment, alice, factors=["21"], outcome="nfa")
    services.submit_assessment(assessment, by=alice)
    # Changed under the manager (as an older record might be): still refused.
    Assessment.objects.filter(pk=assessment.pk).update(outcome="cin_plan")
    with pytest.raises(DomainError) as refused:
        services.authorise_assessment(assessment, by=mona)
    assert "no_factors_outcome" in _codes(refused)


def test_factor_wording_is_the_dfes_own():
    assert Factor.DV_PARENT.label == (
        "Domestic violence: concerns about the child’s parent(s)/carer(s) being "
        "the subject of domestic violence"
    )


def test_a_factor_not_in_this_years_list_is_refused(assessment, alice):
    # 18A left the DfE schema for 2025-26; today is later.
    with pytest.raises(DomainError) as refused:
        _complete(assessment, alice, factors=["18A"])
    assert _codes(refused) == ["bad_factor"]


def test_a_deprecated_factor_is_refused_as_local_practice(settings):
    settings.HAVEN_REFUSE_DEPRECATED_FACTORS = True
    failures = Failures()
    census.check_factors(["18A"], year=2025, history=False, failures=failures)
    with pytest.raises(DomainError) as refused:
        failures.raise_any()
    assert refused.value.code == "deprecated_factor"
    assert refused.value.message.startswith("Local practice, not a DfE rule")
    assert "8945Q" in refused.value.message


def test_the_deprecated_factor_refusal_can_be_switched_off(settings):
    settings.HAVEN_REFUSE_DEPRECATED_FACTORS = False
    failures = Failures()
    census.check_factors(["18A"], year=2025, history=False, failures=failures)
    failures.raise_any()


def test_history_never_meets_the_deprecated_factor_refusal(settings):
    settings.HAVEN_REFUSE_DEPRECATED_FACTORS = True
    failures = Failures()
    census.check_factors(["18A", "19A"], year=2025, history=True, failures=failures)
    failures.raise_any()


def test_history_checks_factors_against_the_list_of_its_own_year(assessment, alice):
    # An assessment from 2024-25 recorded as it was: 18A was in that year's list.
    Assessment.objects.filter(pk=assessment.pk).update(started_on=dt.date(2024, 6, 3))
    assessment.refresh_from_db()
    services.save_assessment(assessment, {"factors": ["18A"]}, by=alice, history=True)
    assessment.refresh_from_db()
    assert assessment.factors == ["18A"]


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ([], "Record the child's disabilities, or 'No disability'"),
        (["NONE", "MOB"], "rule 8790"),
        (["MOB", "MOB"], "rule 8794"),
    ],
)
def test_authorisation_needs_the_childs_disability_answer(
    assessment, alice, mona, child, answer, words
):
    _complete(assessment, alice)
    services.submit_assessment(assessment, by=alice)
    type(child).objects.filter(pk=child.pk).update(disabilities=answer)
    with pytest.raises(DomainError) as refused:
        services.authorise_assessment(assessment, by=mona)
    assert _codes(refused) == ["disabilities_required"]
    assert words in refused.value.message
    type(child).objects.filter(pk=child.pk).update(disabilities=["MOB", "HEAR"])
    services.authorise_assessment(assessment, by=mona)
    assessment.refresh_from_db()
    assert assessment.status == Status.AUTHORISED


def test_the_assessment_page_links_to_the_childs_details_for_disabilities(
    client, assessment, alice, child
):
    type(child).objects.filter(pk=child.pk).update(disabilities=[])
    client.force_login(alice)
    url = reverse("assessments:detail", args=[assessment.pk])
    html = client.get(url).content.decode()
    assert 'id="disabilities-needed"' in html
    assert reverse("people:edit", args=[child.pk]) + "#id_disabilities_0" in html
    type(child).objects.filter(pk=child.pk).update(disabilities=["NONE"])
    assert 'id="disabilities-needed"' not in client.get(url).content.decode()
