"""Each event that is someone's news, made by the real service, notifies them,
and never the person whose own action it was."""

import datetime as dt

import pytest

from haven.assessments import services as assessments
from haven.assessments.starting import start_assessment
from haven.care.missing import recording
from haven.casework import services as casework
from haven.cin import services as cin
from haven.core import clock
from haven.core.services import allocate_case, break_glass
from haven.notifications import words
from haven.notifications.models import Notification
from haven.notifications.selectors import notifications_of
from tests.care.factories import (
    CarerFactory,
    FosteringServiceFactory,
    fostered,
    in_care,
)
from tests.notifications.conftest import news_for

pytestmark = pytest.mark.django_db

Kind = Notification.Kind
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


def _words(user) -> list[str]:
    return [row.words for row in words.shown_to(user, list(notifications_of(user)))]


def test_a_case_allocated_to_a_worker_tells_her_and_not_her_manager(child, alice, mona):
    assert news_for(alice) == [(Kind.CASE_ALLOCATED, "core.case_allocated")]
    assert news_for(mona) == []
    assert _words(alice) == ["Jasmine Thackray's case was allocated to you"]


def test_a_transfer_tells_the_new_worker_who_had_it(
    child, alice, mona, bob, other_team
):
    allocate_case(child, team=other_team, worker=bob, by=mona)
    assert news_for(bob) == [(Kind.CASE_ALLOCATED, "core.case_allocated")]
    assert _words(bob) == [
        "Jasmine Thackray's case was transferred to you from Alice Tester"
    ]


def test_a_worker_taking_a_case_herself_is_not_told(alice, team):
    from tests.factories import ChildFactory

    own = ChildFactory()
    allocate_case(own, team=team, worker=alice, by=alice)
    assert news_for(alice) == []


@pytest.fixture
def submitted(child, alice):
    episode = cin.open_referral(
        child,
        received_on=clock.today() - dt.timedelta(days=20),
        source="2A",
        contact_id=None,
        by=alice,
    )
    assessment = start_assessment(episode, started_on=episode.referral_date, by=alice)
    assessments.save_assessment(assessment, COMPLETE, primary_need="N1", by=alice)
    return assessments.submit_assessment(assessment, by=alice)


def test_an_assessment_returned_and_then_authorised_tells_its_worker(
    submitted, alice, mona
):
    assessments.return_assessment(submitted, comments="Add the school's view", by=mona)
    assessments.submit_assessment(submitted, by=alice)
    assessments.authorise_assessment(submitted, by=mona)
    assert news_for(alice)[1:] == [
        (Kind.ASSESSMENT_RETURNED, "assessments.assessment_returned"),
        (Kind.ASSESSMENT_AUTHORISED, "assessments.assessment_authorised"),
    ]
    assert news_for(mona) == []
    assert _words(alice)[:2] == [
        "Mona Tester authorised Jasmine Thackray's assessment",
        "Mona Tester returned Jasmine Thackray's assessment to you with comments",
    ]


def test_a_supervision_action_tells_its_owner_not_the_manager_who_gave_it(
    child, alice, mona
):
    casework.record_supervision(
        child,
        held_on=clock.today(),
        discussion="Progress against the plan.",
        actions=[
            casework.NewAction("Visit school", alice, clock.today()),
            casework.NewAction("Call the GP", alice, clock.today()),
            casework.NewAction("Book the review", mona, clock.today()),
        ],
        by=mona,
    )
    assert news_for(alice)[1:] == [
        (Kind.SUPERVISION_ACTION, "casework.supervision_recorded")
    ]
    assert news_for(mona) == []
    assert _words(alice)[0] == (
        "Mona Tester gave you an action in Jasmine Thackray's case supervision"
    )


@pytest.fixture
def looked_after(child, alice):
    carer = CarerFactory(provider=FosteringServiceFactory(), person__given_name="Ann")
    on = clock.today() - dt.timedelta(days=30)
    return in_care(child, by=alice, on=on, placement=fostered(carer))


def _missing(period, by):
    started = clock.now() - dt.timedelta(hours=3)
    return recording.report_missing(period, kind="M", started_at=started, by=by)


def test_a_child_gone_missing_tells_the_worker_who_holds_the_case(
    looked_after, alice, mona
):
    _missing(looked_after, mona)
    assert news_for(alice)[-1] == (Kind.CHILD_MISSING, "care.child_went_missing")
    assert _words(alice)[0] == "Jasmine Thackray was reported missing by Mona Tester"


def test_the_worker_who_reports_her_own_child_missing_is_not_told(looked_after, alice):
    _missing(looked_after, alice)
    assert Kind.CHILD_MISSING not in [kind for kind, _ in news_for(alice)]


def test_break_glass_on_a_child_tells_the_worker_who_holds_the_case(child, alice, bob):
    break_glass(child, reason="Police called out of hours about her", by=bob)
    assert news_for(alice)[-1] == (Kind.BREAK_GLASS, "core.break_glass_used")
    assert news_for(bob) == []
    assert _words(alice)[0] == (
        "Bob Tester opened Jasmine Thackray's record with temporary access"
    )


def test_a_write_rolled_back_leaves_no_notification(child, bob, mona, other_team):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        allocate_case(child, team=other_team, worker=bob, by=mona)
        assert len(news_for(bob)) == 1
        raise RuntimeError
    assert news_for(bob) == []
