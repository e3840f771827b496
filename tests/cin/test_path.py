"""The whole path: referral, assessment, return, authorisation, plan, review,
closure, with the obligations the journal gives rise to."""

import datetime as dt

import pytest

from haven.assessments import services as assess
from haven.assessments.starting import start_assessment
from haven.cin import plans
from haven.cin import services as cin
from haven.cin.rules import ActionLine
from haven.core import clock
from haven.core.models import JournalEvent
from haven.timescales.models import Obligation
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


def _status(child, rule_id):
    return list(
        Obligation.objects.filter(person=child, rule_id=rule_id)
        .order_by("pk")
        .values_list("status", flat=True)
    )


def test_referral_to_closure(child, alice, mona, freezer):
    freezer.move_to(-dt.timedelta(days=40))
    episode = cin.open_referral(
        child,
        received_on=clock.today(),
        source="3A",
        contact_id=ContactFactory().pk,
        by=alice,
    )
    # The referral alone starts no assessment clock: it may end in no
    # further action. Starting the assessment starts it.
    assert _status(child, "ASSESS-CF") == []
    assessment = start_assessment(episode, started_on=clock.today(), by=alice)
    assert _status(child, "ASSESS-CF") == ["due"]

    freezer.move_to(dt.timedelta(days=10))
    assess.save_assessment(
        assessment,
        {
            "reason": "GP worried about weight loss",
            "factors": ["16A"],
            "analysis": "Neglect",
            "recommendation": "Plan",
            "outcome": "cin_plan",
        },
        primary_need="N1",
        by=alice,
    )
    assess.submit_assessment(assessment, by=alice)
    assess.return_assessment(assessment, comments="Add the child's voice", by=mona)
    assess.save_assessment(assessment, {"childs_voice": "I am hungry"}, by=alice)
    assess.submit_assessment(assessment, by=alice)
    assess.authorise_assessment(assessment, by=mona)
    assert _status(child, "ASSESS-CF") == ["met_on_time"]

    plan = plans.start_plan(
        episode,
        started_on=clock.today(),
        actions=[
            ActionLine(
                "Regular meals",
                "Mother",
                clock.today() + dt.timedelta(days=30),
                "Consider a strategy discussion",
            )
        ],
        by=alice,
    )
    assert _status(child, "CIN-REVIEW") == ["due"]

    freezer.move_to(dt.timedelta(days=20))
    plans.review_plan(
        plan,
        held_on=clock.today(),
        summary="Eating well",
        decision="close",
        attended="Mother and social worker",
        by=alice,
    )
    assert _status(child, "CIN-REVIEW")[0] == "met_on_time"

    cin.close_episode(
        episode,
        closed_on=clock.today(),
        reason="RC7",
        summary="Child no longer in need",
        by=alice,
    )
    assert not Obligation.objects.filter(person=child, status="due").exists()
    types = list(
        JournalEvent.objects.filter(person=child)
        .exclude(type__startswith="core.")
        .order_by("sequence")
        .values_list("type", flat=True)
    )
    assert types == [
        "frontdoor.referral_received",
        "assessments.assessment_started",
        "cin.primary_need_set",
        "assessments.assessment_updated",
        "assessments.assessment_submitted",
        "assessments.assessment_returned",
        "assessments.assessment_updated",
        "assessments.assessment_submitted",
        "assessments.assessment_authorised",
        "cin.child_in_need_plan_started",
        "cin.plan_reviewed",
        "cin.episode_closed",
    ]


def test_chronology_words(child, alice):
    from haven.core.chronology import describe

    cin.open_referral(
        child, received_on=clock.today(), source="3A", contact_id=None, by=alice
    )
    event = JournalEvent.objects.get(type="frontdoor.referral_received")
    assert describe(event) == "Referral received: child in need episode opened"
