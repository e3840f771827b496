import datetime as dt

import pytest

from haven.assessments import selectors, services
from haven.assessments.codes import Status
from haven.assessments.starting import start_assessment
from haven.cin import services as cin
from haven.core import clock
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.timescales.models import Obligation

pytestmark = pytest.mark.django_db

COMPLETE = {
    "reason": "School reports Jasmine is often hungry",
    "factors": ["16A", "4B"],
    "childs_voice": "Jasmine said she likes school dinners best",
    "risks": "Food is short at home",
    "strengths": "Mother asks for help",
    "protective_factors": "Grandmother nearby",
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


def test_saving_a_draft_journals_the_fields_changed(assessment, alice):
    services.save_assessment(assessment, {"reason": "Bruise seen"}, by=alice)
    assessment.refresh_from_db()
    assert assessment.reason == "Bruise seen"
    event = JournalEvent.objects.get(type="assessments.assessment_updated")
    assert event.payload == {
        "assessment": assessment.pk,
        "fields": ["reason"],
        "before": {"reason": ""},
        "after": {"reason": "Bruise seen"},
    }
    services.save_assessment(assessment, {"reason": "Bruise seen"}, by=alice)
    assert (
        JournalEvent.objects.filter(type="assessments.assessment_updated").count() == 1
    )


@pytest.mark.parametrize(
    ("factors", "code"),
    [
        (["99Z"], "bad_factor"),
        (["16A", "16A"], "duplicate_factor"),
        (["21", "16A"], "none_alone"),
    ],
)
def test_factors_follow_the_census_rules(assessment, alice, factors, code):
    with pytest.raises(DomainError) as refused:
        services.save_assessment(assessment, {"factors": factors}, by=alice)
    assert (refused.value.code, refused.value.field) == (code, "factors")


@pytest.mark.parametrize(
    ("blank", "field"),
    [
        ({"reason": ""}, "reason"),
        ({"analysis": ""}, "analysis"),
        ({"recommendation": ""}, "recommendation"),
        ({"outcome": ""}, "outcome"),
        ({"factors": []}, "factors"),
    ],
)
def test_submission_needs_every_required_part(assessment, alice, blank, field):
    _complete(assessment, alice, **blank)
    with pytest.raises(DomainError) as refused:
        services.submit_assessment(assessment, by=alice)
    assert refused.value.field == field
    assessment.refresh_from_db()
    assert assessment.status == Status.IN_PROGRESS


def test_submission_needs_the_primary_need(assessment, alice):
    services.save_assessment(assessment, COMPLETE, by=alice)
    with pytest.raises(DomainError) as refused:
        services.submit_assessment(assessment, by=alice)
    assert refused.value.field == "primary_need"


def test_submit_return_resubmit_authorise(assessment, alice, mona, child):
    _complete(assessment, alice)
    services.submit_assessment(assessment, by=alice)
    assessment.refresh_from_db()
    assert assessment.status == Status.SUBMITTED
    assert list(selectors.awaiting_authorisation(mona)) == [assessment]
    with pytest.raises(DomainError):
        services.save_assessment(assessment, {"risks": "more"}, by=alice)

    with pytest.raises(DomainError) as refused:
        services.return_assessment(assessment, comments=" ", by=mona)
    assert refused.value.field == "comments"
    services.return_assessment(assessment, comments="Add the father's view", by=mona)
    assessment.refresh_from_db()
    assert assessment.status == Status.RETURNED
    event = JournalEvent.objects.get(type="assessments.assessment_returned")
    assert event.payload == {
        "assessment": assessment.pk,
        "comments": "Add the father's view",
    }

    services.save_assessment(assessment, {"childs_voice": "Dad: no comment"}, by=alice)
    services.submit_assessment(assessment, by=alice)
    services.authorise_assessment(assessment, by=mona)
    assessment.refresh_from_db()
    assert assessment.status == Status.AUTHORISED
    assert assessment.authorised_by == mona
    event = JournalEvent.objects.get(type="assessments.assessment_authorised")
    assert event.payload == {
        "assessment": assessment.pk,
        "episode": assessment.episode_id,
        "outcome": "cin_plan",
    }
    obligation = Obligation.objects.get(person=child, rule_id="ASSESS-CF")
    assert obligation.status == Obligation.Status.MET_ON_TIME
    assert assessment.returns.count() == 1
    assessment.episode.refresh_from_db()
    assert assessment.episode.closed_on is None


def test_only_a_manager_who_did_not_submit_may_authorise(assessment, alice, mona, mo):
    _complete(assessment, alice)
    with pytest.raises(DomainError) as refused:
        services.authorise_assessment(assessment, by=mona)
    assert refused.value.code == "wrong_status"
    services.submit_assessment(assessment, by=alice)
    with pytest.raises(DomainError) as refused:
        services.authorise_assessment(assessment, by=alice)
    assert refused.value.code == "not_permitted"

    # A manager who wrote and submitted it cannot authorise their own work.
    services.return_assessment(assessment, comments="Let me finish it", by=mona)
    services.submit_assessment(assessment, by=mona)
    with pytest.raises(DomainError) as refused:
        services.authorise_assessment(assessment, by=mona)
    assert refused.value.code == "own_assessment"
    services.authorise_assessment(assessment, by=mo)


def test_bob_is_refused(assessment, alice, bob):
    with pytest.raises(AccessDenied):
        services.save_assessment(assessment, {"reason": "x"}, by=bob)
    _complete(assessment, alice)
    with pytest.raises(AccessDenied):
        services.submit_assessment(assessment, by=bob)


def _close_as_proposed(episode, alice, reason=None):
    from haven.cin import selectors as cin_selectors

    return cin.close_episode(
        episode,
        closed_on=clock.today(),
        reason=reason or cin_selectors.proposed_closure(episode),
        summary="Closed after assessment",
        by=alice,
    )


def test_no_further_action_proposes_rc8_and_the_worker_closes(
    assessment, alice, mona, child
):
    from haven.cin import selectors as cin_selectors

    _complete(assessment, alice, outcome="nfa", factors=["21"])
    services.submit_assessment(assessment, by=alice)
    services.authorise_assessment(assessment, by=mona)
    episode = assessment.episode
    episode.refresh_from_db()
    # Authorising closes nothing: the outcome proposes RC8, the worker closes.
    assert episode.closed_on is None
    assert cin_selectors.proposed_closure(episode) == "RC8"
    _close_as_proposed(episode, alice)
    episode.refresh_from_db()
    assert (episode.closure_reason, episode.closed_on) == ("RC8", clock.today())
    assert not Obligation.objects.filter(
        person=child, status=Obligation.Status.DUE
    ).exists()
    # Closed the day it was authorised, the assessment still counts as done
    # on time (the dashboard and the CIN census count it).
    duty = Obligation.objects.get(person=child, rule_id="ASSESS-CF")
    assert duty.status == Obligation.Status.MET_ON_TIME


def test_early_help_proposes_rc9_which_asks_early_help(assessment, alice, mona, child):
    from haven.earlyhelp.models import EarlyHelpRequest

    _complete(assessment, alice, outcome="early_help")
    services.submit_assessment(assessment, by=alice)
    services.authorise_assessment(assessment, by=mona)
    assert not EarlyHelpRequest.objects.filter(person=child).exists()
    _close_as_proposed(assessment.episode, alice)
    assessment.episode.refresh_from_db()
    assert assessment.episode.closure_reason == "RC9"
    assert EarlyHelpRequest.objects.get(person=child).source == "step_down"


def test_a_family_that_moved_away_mid_assessment_closes_rc5(
    assessment, alice, mona, child
):
    # Issue 11: the assessment ends early; the worker, not the outcome, says why
    # the episode closes.
    from haven.cin import selectors as cin_selectors

    _complete(assessment, alice, outcome="ended_early", factors=["20"])
    services.submit_assessment(assessment, by=alice)
    services.authorise_assessment(assessment, by=mona)
    episode = assessment.episode
    episode.refresh_from_db()
    assert episode.closed_on is None
    assert cin_selectors.proposed_closure(episode) == ""
    _close_as_proposed(episode, alice, reason="RC5")
    episode.refresh_from_db()
    assert episode.closure_reason == "RC5"


def test_no_further_action_can_still_close_for_another_reason(assessment, alice, mona):
    _complete(assessment, alice, outcome="nfa", factors=["21"])
    services.submit_assessment(assessment, by=alice)
    services.authorise_assessment(assessment, by=mona)
    _close_as_proposed(assessment.episode, alice, reason="RC5")
    assessment.episode.refresh_from_db()
    assert assessment.episode.closure_reason == "RC5"


def test_due_date_is_45_working_days_from_referral(assessment):
    from haven.timescales import calendar

    assert selectors.due_on(assessment) == calendar.add_working_days(
        assessment.episode.referral_date, 45
    )


def test_a_submitted_assessment_is_on_the_managers_work(assessment, alice, mona):
    from haven.core.work import items_for

    _complete(assessment, alice)
    services.submit_assessment(assessment, by=alice)
    items = [i for i in items_for([mona]) if i.kind == "Assessment to authorise"]
    assert [(i.worker_id, i.person_id) for i in items] == [
        (mona.pk, assessment.person_id)
    ]
    assert not [i for i in items_for([alice]) if i.kind == "Assessment to authorise"]


def test_a_late_assessment_needs_the_reasons_for_the_delay(assessment, alice, freezer):
    due = selectors.due_on(assessment)
    _complete(assessment, alice)
    freezer.move_to(dt.timedelta(days=(due - clock.today()).days + 1))
    with pytest.raises(DomainError) as refused:
        services.submit_assessment(assessment, by=alice)
    assert refused.value.field == "delay_reason"
    assert refused.value.message == (
        f"The assessment is past its due date ({due:%-d %B %Y}): say why it took longer"
    )
    services.save_assessment(
        assessment, {"delay_reason": "The family were away for a month"}, by=alice
    )
    services.submit_assessment(assessment, by=alice)
    assessment.refresh_from_db()
    assert assessment.status == Status.SUBMITTED
    assert assessment.delay_reason == "The family were away for a month"


def test_on_the_due_date_no_reason_is_needed(assessment, alice, freezer):
    due = selectors.due_on(assessment)
    _complete(assessment, alice)
    freezer.move_to(dt.timedelta(days=(due - clock.today()).days))
    services.submit_assessment(assessment, by=alice)


def test_a_closed_episodes_assessment_is_not_awaiting_authorisation(
    assessment, alice, mona
):
    from haven.cin.models import CinEpisode

    _complete(assessment, alice)
    services.submit_assessment(assessment, by=alice)
    # An episode closed before closing waited for the assessment.
    CinEpisode.objects.filter(pk=assessment.episode_id).update(
        closed_on=clock.today(), closure_reason="RC5"
    )
    assert list(selectors.awaiting_authorisation(mona)) == []


def test_early_help_outcome_joins_an_open_early_help_request(
    assessment, alice, mona, child
):
    from haven.earlyhelp.models import EarlyHelpRequest
    from haven.earlyhelp.services import request_early_help

    request = request_early_help(
        child,
        requested_on=clock.today(),
        reason="Parenting support",
        source="direct",
        contact_id=None,
        by=alice,
    )
    _complete(assessment, alice, outcome="early_help")
    services.submit_assessment(assessment, by=alice)
    services.authorise_assessment(assessment, by=mona)
    _close_as_proposed(assessment.episode, alice)
    assessment.episode.refresh_from_db()
    assert assessment.episode.closure_reason == "RC9"
    assert list(EarlyHelpRequest.objects.filter(person=child)) == [request]
    event = JournalEvent.objects.get(type="cin.episode_closed")
    assert event.payload["existing_early_help_request"] == request.pk


def test_a_late_assessment_is_authorised_only_with_the_reasons_for_the_delay(
    assessment, alice, mona, freezer
):
    # Submitted on time, authorised late: the census counts the authorisation.
    _complete(assessment, alice)
    services.submit_assessment(assessment, by=alice)
    due = selectors.due_on(assessment)
    freezer.move_to(dt.timedelta(days=(due - clock.today()).days + 1))
    with pytest.raises(DomainError) as refused:
        services.authorise_assessment(assessment, by=mona)
    assert refused.value.field == "delay_reason"
    assert f"past its due date ({due:%-d %B %Y})" in refused.value.message
    assessment.refresh_from_db()
    assert assessment.status == Status.SUBMITTED

    services.authorise_assessment(
        assessment, delay_reason="  Waiting for the police check  ", by=mona
    )
    assessment.refresh_from_db()
    assert assessment.status == Status.AUTHORISED
    assert assessment.delay_reason == "Waiting for the police check"
    event = JournalEvent.objects.get(type="assessments.assessment_authorised")
    assert event.payload["delay_reason"] == "Waiting for the police check"


def test_lateness_at_authorisation_is_the_engines_due_date(assessment, alice, mona):
    # The engine's obligation is the due date (a local setting may move it),
    # not a count made again from the referral.
    _complete(assessment, alice)
    services.submit_assessment(assessment, by=alice)
    yesterday = clock.today() - dt.timedelta(days=1)
    Obligation.objects.filter(rule_id="ASSESS-CF", subject=str(assessment.pk)).update(
        due_on=yesterday
    )
    assert selectors.due_on(assessment) == yesterday
    with pytest.raises(DomainError) as refused:
        services.authorise_assessment(assessment, by=mona)
    assert refused.value.code == "delay_reason_required"


def test_the_parents_views_are_recorded_with_the_version_check(assessment, alice):
    from haven.core.versions import StaleEdit

    read_at = assessment.version
    services.save_assessment(
        assessment,
        {"parents_views": "Mum says the school never told her"},
        by=alice,
        expected_version=read_at,
    )
    assessment.refresh_from_db()
    assert assessment.parents_views == "Mum says the school never told her"
    event = JournalEvent.objects.get(type="assessments.assessment_updated")
    assert event.payload["after"] == {
        "parents_views": "Mum says the school never told her"
    }
    # A second tab still at the old version is refused, nothing overwritten.
    with pytest.raises(StaleEdit):
        services.save_assessment(
            assessment,
            {"parents_views": "Dad disagrees"},
            by=alice,
            expected_version=read_at,
        )
    assessment.refresh_from_db()
    assert assessment.parents_views == "Mum says the school never told her"
