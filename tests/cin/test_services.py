import datetime as dt

import pytest

from haven.assessments import services as assess
from haven.assessments.codes import Status
from haven.assessments.starting import start_assessment
from haven.cin import plans, selectors, services
from haven.cin.models import CinEpisode
from haven.cin.rules import ActionLine
from haven.core import clock
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.frontdoor.models import Contact
from haven.timescales.models import Obligation
from tests.conftest import make_user
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


def _days_ago(n: int) -> dt.date:
    return clock.today() - dt.timedelta(days=n)


def _contact():
    """The front door contact the referrals here come from (id 17)."""
    return Contact.objects.filter(pk=17).first() or ContactFactory(pk=17)


def _refer(child, by, on=None, **kw):
    return services.open_referral(
        child,
        received_on=on or _days_ago(30),
        source=kw.pop("source", "2A"),
        contact_id=kw.pop("contact_id", None) or _contact().pk,
        by=by,
        **kw,
    )


def _action(**kw):
    values = {
        "what_must_change": "Jasmine attends school every day",
        "who": "Mother, with the school's attendance officer",
        "by_when": clock.today() + dt.timedelta(days=30),
        "if_not_met": "A meeting with the school and a review of the plan",
    }
    values.update(kw)
    return ActionLine(**values)


def _authorised(child, alice, mona, outcome="cin_plan"):
    episode = _refer(child, alice)
    assessment = start_assessment(episode, started_on=episode.referral_date, by=alice)
    assessment = assess.save_assessment(
        assessment,
        {
            "reason": "School reports bruising",
            "factors": ["16A"],
            "analysis": "Neglect is likely",
            "recommendation": "A plan",
            "outcome": outcome,
        },
        primary_need="N1",
        by=alice,
    )
    assess.submit_assessment(assessment, by=alice)
    assess.authorise_assessment(assessment, by=mona)
    episode.refresh_from_db()
    return episode


def _closed_no_further_action(child, alice, mona, reason="RC8"):
    """Assessed, authorised as no further action, and closed by the worker."""
    episode = _authorised(child, alice, mona, outcome="nfa")
    services.close_episode(
        episode,
        closed_on=clock.today(),
        reason=reason,
        summary="No further action after assessment",
        by=alice,
    )
    episode.refresh_from_db()
    return episode


# --- referral ---------------------------------------------------------------


def test_open_referral_opens_the_episode_with_no_assessment(child, alice):
    # Issue 11: a referral may end in no further action, so it starts no
    # assessment by itself.
    episode = _refer(child, alice)
    assert not episode.assessments.exists()
    assert episode.re_referral is False
    event = JournalEvent.objects.get(person=child, type="frontdoor.referral_received")
    assert event.payload == {
        "episode": episode.pk,
        "contact": 17,
        "source": "2A",
        "re_referral": False,
    }
    assert event.occurred_at == clock.start_of(episode.referral_date)
    assert selectors.open_episode(child) == episode
    assert not Obligation.objects.filter(person=child, rule_id="ASSESS-CF").exists()


def test_starting_an_assessment_starts_its_45_working_day_clock(child, alice):
    from haven.timescales import calendar

    episode = _refer(child, alice, on=_days_ago(10))
    assessment = start_assessment(episode, started_on=_days_ago(3), by=alice)
    assert (assessment.status, assessment.started_on) == (
        Status.IN_PROGRESS,
        _days_ago(3),
    )
    started = JournalEvent.objects.get(type="assessments.assessment_started")
    assert started.payload == {
        "assessment": assessment.pk,
        "episode": episode.pk,
        "referral_date": _days_ago(10).isoformat(),
    }
    obligation = Obligation.objects.get(person=child, rule_id="ASSESS-CF")
    assert obligation.subject == str(assessment.pk)
    assert obligation.status == Obligation.Status.DUE
    # The episode's first assessment: 45 working days from the point of
    # referral (Working Together 2023), though it started a week later.
    assert obligation.due_on == calendar.add_working_days(_days_ago(10), 45)
    # And on the worker's My work.
    from haven.timescales import queue

    assert any(
        i.person_id == child.pk and i.rule_id == "ASSESS-CF"
        for i in queue.obligations_of([alice])
    )


def test_a_later_assessment_counts_from_its_own_start(child, alice, mona):
    from haven.assessments.models import Assessment
    from haven.timescales import calendar

    episode = _refer(child, alice, on=_days_ago(60))
    first = start_assessment(episode, started_on=_days_ago(60), by=alice)
    Assessment.objects.filter(pk=first.pk).update(status=Status.AUTHORISED)
    second = start_assessment(episode, started_on=_days_ago(5), by=alice)
    obligation = Obligation.objects.get(
        person=child, rule_id="ASSESS-CF", subject=str(second.pk)
    )
    assert obligation.due_on == calendar.add_working_days(_days_ago(5), 45)


def test_an_assessment_starts_between_the_referral_and_today(child, alice):
    episode = _refer(child, alice, on=_days_ago(10))
    for day, code in (
        (_days_ago(11), "date_too_early"),
        (_days_ago(-1), "date_in_future"),
    ):
        with pytest.raises(DomainError) as refused:
            start_assessment(episode, started_on=day, by=alice)
        assert (refused.value.code, refused.value.field) == (code, "started_on")


def test_an_episode_may_hold_several_assessments_one_at_a_time(child, alice, mona):
    episode = _authorised(child, alice, mona)
    with pytest.raises(DomainError) as refused:
        start_assessment(episode, started_on=_days_ago(1), by=alice)
        start_assessment(episode, started_on=_days_ago(1), by=alice)
    assert refused.value.code == "assessment_unfinished"
    assert episode.assessments.count() == 2


def test_a_referral_closed_before_any_assessment_is_referral_nfa(child, alice):
    episode = _refer(child, alice, on=_days_ago(2))
    services.close_episode(
        episode,
        closed_on=_days_ago(1),
        reason="RC7",
        summary="Checks found no further action is needed",
        by=alice,
    )
    episode.refresh_from_db()
    assert episode.referral_nfa is True
    event = JournalEvent.objects.get(type="cin.episode_closed")
    assert event.payload["referral_nfa"] is True


def test_an_episode_closed_after_assessment_is_not_referral_nfa(child, alice, mona):
    from tests.cin.test_services import _closed_no_further_action

    episode = _closed_no_further_action(child, alice, mona)
    assert episode.referral_nfa is False


def test_a_child_may_have_only_one_open_episode(child, alice):
    _refer(child, alice)
    with pytest.raises(DomainError) as refused:
        _refer(child, alice, on=_days_ago(1))
    assert refused.value.code == "open_episode"
    assert CinEpisode.objects.filter(person=child).count() == 1


def test_the_database_refuses_a_second_open_episode(child):
    from django.db import IntegrityError, transaction

    CinEpisode.objects.create(person=child, referral_date=_days_ago(5), source="1A")
    with pytest.raises(IntegrityError), transaction.atomic():
        CinEpisode.objects.create(person=child, referral_date=_days_ago(2), source="1A")


def test_a_referral_received_before_a_closed_episode_is_refused(child, alice, mona):
    # CIN census rule 8820 again: the new episode would run on through the
    # later one.
    first = _closed_no_further_action(child, alice, mona)
    before = first.referral_date - dt.timedelta(days=3)
    with pytest.raises(DomainError) as refused:
        _refer(child, alice, on=before)
    assert refused.value.code == "overlaps_closed_episode"
    assert (
        f"before {child}'s child in need episode from "
        f"{first.referral_date:%-d %B %Y} to {first.closed_on:%-d %B %Y}"
        in refused.value.message
    )
    assert CinEpisode.objects.filter(person=child).count() == 1


def test_a_referral_within_12_months_of_another_is_a_re_referral(
    child, alice, mona, freezer
):
    first = _closed_no_further_action(child, alice, mona)
    assert first.closed_on is not None
    freezer.move_to(dt.timedelta(days=5))
    second = _refer(child, alice, on=_days_ago(2))
    assert second.re_referral is True
    assert selectors.previous_referral_within(child, _days_ago(2)) == first
    assert selectors.previous_referral_within(child, first.referral_date) is None


def test_a_referral_received_while_a_closed_episode_was_open_is_refused(
    child, alice, mona
):
    # CIN census rule 8820: a contact received before the episode closed but
    # decided after it would open a second episode overlapping the first.
    first = _closed_no_further_action(child, alice, mona)
    with pytest.raises(DomainError) as refused:
        _refer(child, alice, on=_days_ago(3))
    assert refused.value.code == "overlaps_closed_episode"
    assert (
        f"while {child}'s child in need episode (referred on "
        f"{first.referral_date:%-d %B %Y}) was still open" in refused.value.message
    )
    assert CinEpisode.objects.filter(person=child).count() == 1


def test_a_referral_more_than_12_months_later_is_not_a_re_referral(child):
    CinEpisode.objects.create(
        person=child,
        referral_date=clock.today() - dt.timedelta(days=400),
        source="1A",
        closed_on=clock.today() - dt.timedelta(days=390),
        closure_reason="RC8",
    )
    assert selectors.previous_referral_within(child, clock.today()) is None


def test_referral_checks_source_and_date(child, alice):
    with pytest.raises(DomainError) as refused:
        _refer(child, alice, source="ZZ")
    assert refused.value.field == "source"
    with pytest.raises(DomainError) as refused:
        _refer(child, alice, on=clock.today() + dt.timedelta(days=1))
    assert refused.value.code == "date_in_future"


def test_a_front_door_worker_may_refer_but_bob_may_not(child, alice, bob, team):
    with pytest.raises(AccessDenied):
        _refer(child, bob)
    fiona = make_user("fiona", "finance_officer", team)
    with pytest.raises(DomainError) as refused:
        _refer(child, fiona)
    assert refused.value.code == "not_permitted"


# --- plans ------------------------------------------------------------------


def test_start_plan_records_the_actions_and_starts_the_review_clock(child, alice, mona):
    episode = _authorised(child, alice, mona)
    plan = plans.start_plan(
        episode, started_on=_days_ago(1), actions=[_action()], by=alice
    )
    assert plan.actions.count() == 1
    event = JournalEvent.objects.get(type="cin.child_in_need_plan_started")
    assert event.payload == {
        "plan": plan.pk,
        "episode": episode.pk,
        "actions": 1,
        "seen_on_visit": child.pk,
    }
    review = Obligation.objects.get(person=child, rule_id="CIN-REVIEW")
    assert review.subject == str(plan.pk)


def test_a_plan_needs_an_action(child, alice, mona):
    episode = _authorised(child, alice, mona)
    with pytest.raises(DomainError) as refused:
        plans.start_plan(episode, started_on=_days_ago(1), actions=[], by=alice)
    assert refused.value.code == "actions_required"


@pytest.mark.parametrize(
    ("blank", "words"),
    [
        ("what_must_change", "what must change"),
        ("who", "who will do it"),
        ("by_when", "the date it must be done by"),
        ("if_not_met", "what happens if it does not change"),
    ],
)
def test_every_action_needs_all_four_parts(child, alice, mona, blank, words):
    episode = _authorised(child, alice, mona)
    empty = None if blank == "by_when" else ""
    with pytest.raises(DomainError) as refused:
        plans.start_plan(
            episode,
            started_on=_days_ago(1),
            actions=[_action(**{blank: empty})],
            by=alice,
        )
    assert refused.value.code == "action_incomplete"
    assert words in refused.value.message


def test_a_plan_needs_the_primary_need(child, alice):
    episode = _refer(child, alice)
    with pytest.raises(DomainError) as refused:
        plans.start_plan(
            episode, started_on=_days_ago(1), actions=[_action()], by=alice
        )
    assert refused.value.field == "primary_need"
    plan = plans.start_plan(
        episode,
        started_on=_days_ago(1),
        actions=[_action()],
        primary_need="N4",
        by=alice,
    )
    episode.refresh_from_db()
    assert episode.primary_need == "N4" and plan.pk


def test_a_plan_cannot_start_before_the_referral_or_twice(child, alice, mona):
    episode = _authorised(child, alice, mona)
    with pytest.raises(DomainError) as refused:
        plans.start_plan(
            episode, started_on=_days_ago(40), actions=[_action()], by=alice
        )
    assert refused.value.code == "date_too_early"
    plans.start_plan(episode, started_on=_days_ago(1), actions=[_action()], by=alice)
    with pytest.raises(DomainError) as refused:
        plans.start_plan(
            episode, started_on=clock.today(), actions=[_action()], by=alice
        )
    assert refused.value.code == "open_plan"


def test_review_plan_meets_the_review_and_checks_its_parts(child, alice, mona):
    episode = _authorised(child, alice, mona)
    plan = plans.start_plan(
        episode, started_on=_days_ago(5), actions=[_action()], by=alice
    )
    with pytest.raises(DomainError) as refused:
        plans.review_plan(
            plan,
            held_on=clock.today(),
            summary=" ",
            decision="continue",
            attended="Mother and social worker",
            by=alice,
        )
    assert refused.value.field == "summary"
    with pytest.raises(DomainError) as refused:
        plans.review_plan(
            plan,
            held_on=clock.today(),
            summary="Better",
            decision="",
            attended="Mother and social worker",
            by=alice,
        )
    assert refused.value.field == "decision"
    with pytest.raises(DomainError) as refused:
        plans.review_plan(
            plan,
            held_on=_days_ago(6),
            summary="Better",
            decision="continue",
            attended="Mother and social worker",
            by=alice,
        )
    assert refused.value.field == "held_on"
    review = plans.review_plan(
        plan,
        held_on=clock.today(),
        summary="Better",
        decision="continue",
        attended="Mother and social worker",
        by=alice,
    )
    event = JournalEvent.objects.get(type="cin.plan_reviewed")
    assert event.payload["plan"] == plan.pk and event.payload["review"] == review.pk
    statuses = set(
        Obligation.objects.filter(rule_id="CIN-REVIEW").values_list("status", flat=True)
    )
    assert Obligation.Status.MET_ON_TIME in statuses


def test_bob_may_not_start_or_review_a_plan(child, alice, mona, bob):
    episode = _authorised(child, alice, mona)
    with pytest.raises(AccessDenied):
        plans.start_plan(episode, started_on=_days_ago(1), actions=[_action()], by=bob)
    plan = plans.start_plan(
        episode, started_on=_days_ago(1), actions=[_action()], by=alice
    )
    with pytest.raises(AccessDenied):
        plans.review_plan(
            plan,
            held_on=clock.today(),
            summary="x",
            decision="continue",
            attended="Mother and social worker",
            by=bob,
        )


# --- closure ----------------------------------------------------------------


def test_close_episode_ends_the_plan_and_every_obligation(child, alice, mona):
    episode = _authorised(child, alice, mona)
    plan = plans.start_plan(
        episode, started_on=_days_ago(2), actions=[_action()], by=alice
    )
    services.close_episode(
        episode,
        closed_on=clock.today(),
        reason="RC7",
        summary="Attendance is good now",
        by=alice,
    )
    episode.refresh_from_db()
    plan.refresh_from_db()
    assert (episode.closure_reason, episode.closed_on) == ("RC7", clock.today())
    assert plan.ended_on == clock.today()
    event = JournalEvent.objects.get(type="cin.episode_closed")
    assert event.payload == {
        "episode": episode.pk,
        "reason": "RC7",
        "ended_plan": plan.pk,
        "step_down": False,
        "existing_early_help_request": None,
        "referral_nfa": False,
    }
    assert not Obligation.objects.filter(
        person=child, status=Obligation.Status.DUE
    ).exists()
    assert selectors.open_episode(child) is None


def test_closing_needs_a_reason_a_summary_and_a_sensible_date(child, alice):
    episode = _refer(child, alice)
    good = {"closed_on": clock.today(), "reason": "RC7", "summary": "Done"}
    for change, field in (
        ({"reason": ""}, "reason"),
        ({"summary": "  "}, "summary"),
        ({"closed_on": None}, "closed_on"),
        ({"closed_on": _days_ago(40)}, "closed_on"),
        ({"closed_on": clock.today() + dt.timedelta(days=1)}, "closed_on"),
        ({"reason": "RC2"}, "reason"),
    ):
        with pytest.raises(DomainError) as refused:
            services.close_episode(episode, by=alice, **{**good, **change})
        assert refused.value.field == field, change


def test_closing_after_assessment_needs_an_authorised_assessment(child, alice):
    episode = _refer(child, alice)
    with pytest.raises(DomainError) as refused:
        services.close_episode(
            episode, closed_on=clock.today(), reason="RC8", summary="x", by=alice
        )
    assert refused.value.code == "assessment_not_authorised"


def test_closing_with_step_down_asks_early_help(child, alice, mona):
    from haven.earlyhelp.models import EarlyHelpRequest

    episode = _authorised(child, alice, mona)
    plans.start_plan(episode, started_on=_days_ago(2), actions=[_action()], by=alice)
    services.close_episode(
        episode,
        closed_on=clock.today(),
        reason="RC7",
        summary="Family want support from the children's centre",
        step_down=True,
        by=alice,
    )
    request = EarlyHelpRequest.objects.get(person=child)
    assert request.source == "step_down"
    assert request.contact_id == 17


def test_a_closed_episode_cannot_be_changed(child, alice, mona):
    episode = _authorised(child, alice, mona)
    services.close_episode(
        episode, closed_on=clock.today(), reason="RC5", summary="Moved", by=alice
    )
    with pytest.raises(DomainError) as refused:
        services.set_primary_need(episode, "N1", by=alice)
    assert refused.value.code == "episode_closed"


def test_set_primary_need_journals_the_code(child, alice, bob):
    episode = _refer(child, alice)
    with pytest.raises(DomainError) as refused:
        services.set_primary_need(episode, "N0", by=alice)
    assert refused.value.field == "primary_need"
    with pytest.raises(AccessDenied):
        services.set_primary_need(episode, "N2", by=bob)
    services.set_primary_need(episode, "N2", by=alice)
    event = JournalEvent.objects.get(type="cin.primary_need_set")
    assert event.payload == {"episode": episode.pk, "need": "N2"}


# --- review findings ----------------------------------------------------------


def test_an_episode_on_a_record_merged_into_the_child_counts_as_theirs(
    child, alice, mona, team
):
    from haven.core.services import allocate_case
    from haven.people.services import merge_records
    from tests.factories import ChildFactory

    duplicate = ChildFactory(given_name="Jasmin", family_name="Thackray")
    allocate_case(duplicate, team=team, worker=alice, on=_days_ago(40), by=mona)
    episode = _refer(duplicate, alice)
    merge_records(duplicate, into=child, reason="The same child", by=alice)

    assert selectors.open_episode(child) == episode
    assert list(selectors.episodes_of(child)) == [episode]
    with pytest.raises(DomainError) as refused:
        _refer(child, alice, on=_days_ago(1))
    assert refused.value.code == "open_episode"
    assert not CinEpisode.objects.filter(person=child).exists()


def test_closing_cannot_come_before_the_last_thing_recorded(
    child, alice, mona, freezer
):
    freezer.move_to(-dt.timedelta(days=10))
    episode = _authorised(child, alice, mona)  # referred 40 days ago
    freezer.move_to(dt.timedelta(days=10))
    authorised_on = _days_ago(10)

    def refusal(closed_on):
        with pytest.raises(DomainError) as refused:
            services.close_episode(
                episode, closed_on=closed_on, reason="RC7", summary="Done", by=alice
            )
        assert refused.value.field == "closed_on"
        return refused.value.message

    assert refusal(_days_ago(11)) == (
        "The date of closure must be on or after the assessment was authorised "
        f"({authorised_on:%-d %B %Y})"
    )
    plan = plans.start_plan(
        episode, started_on=_days_ago(5), actions=[_action()], by=alice
    )
    assert refusal(_days_ago(6)) == (
        "The date of closure must be on or after the plan started "
        f"({_days_ago(5):%-d %B %Y})"
    )
    plans.review_plan(
        plan,
        held_on=_days_ago(2),
        summary="Better",
        decision="close",
        attended="Mother and social worker",
        by=alice,
    )
    assert refusal(_days_ago(3)) == (
        "The date of closure must be on or after the last plan review "
        f"({_days_ago(2):%-d %B %Y})"
    )
    services.close_episode(
        episode, closed_on=_days_ago(2), reason="RC7", summary="Done", by=alice
    )
    episode.refresh_from_db()
    assert episode.closed_on == _days_ago(2)


def test_closing_waits_for_the_assessment_to_be_authorised(child, alice, mona):
    episode = _refer(child, alice)
    start_assessment(episode, started_on=_days_ago(1), by=alice)
    with pytest.raises(DomainError) as refused:
        services.close_episode(
            episode, closed_on=clock.today(), reason="RC5", summary="Moved", by=alice
        )
    assert refused.value.code == "assessment_not_finished"
    assert refused.value.message == (
        "Authorise or finish the assessment before closing the episode"
    )
    episode.refresh_from_db()
    assert episode.closed_on is None


def _early_help_request(child, alice):
    from haven.earlyhelp.services import request_early_help

    return request_early_help(
        child,
        requested_on=_days_ago(3),
        reason="Parenting support",
        source="direct",
        contact_id=None,
        by=alice,
    )


def test_stepping_down_joins_an_open_early_help_request(child, alice, mona):
    from haven.earlyhelp.models import EarlyHelpRequest

    episode = _authorised(child, alice, mona)
    plans.start_plan(episode, started_on=_days_ago(2), actions=[_action()], by=alice)
    request = _early_help_request(child, alice)
    services.close_episode(
        episode,
        closed_on=clock.today(),
        reason="RC7",
        summary="Early help will carry on",
        step_down=True,
        by=alice,
    )
    assert list(EarlyHelpRequest.objects.filter(person=child)) == [request]
    event = JournalEvent.objects.get(type="cin.episode_closed")
    assert event.payload["step_down"] is True
    assert event.payload["existing_early_help_request"] == request.pk


def test_plan_actions_are_numbered_by_their_row(child, alice, mona):
    episode = _authorised(child, alice, mona)
    blank = ActionLine("", " ", None, "  ")
    with pytest.raises(DomainError) as refused:
        plans.start_plan(
            episode,
            started_on=_days_ago(1),
            actions=[_action(), blank, _action(who="")],
            by=alice,
        )
    assert refused.value.message == "Action 3: enter who will do it"
    plan = plans.start_plan(
        episode, started_on=_days_ago(1), actions=[_action(), blank], by=alice
    )
    assert plan.actions.count() == 1


def test_review_locks_the_episode_before_the_plan(child, alice, mona):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from haven.cin.models import Plan

    episode = _authorised(child, alice, mona)
    plan = plans.start_plan(
        episode, started_on=_days_ago(1), actions=[_action()], by=alice
    )
    plan = Plan.objects.select_related("episode__person").get(pk=plan.pk)
    with CaptureQueriesContext(connection) as queries:
        plans.review_plan(
            plan,
            held_on=clock.today(),
            summary="Going well",
            decision="continue",
            attended="Mother and social worker",
            by=alice,
        )
    sql = [q["sql"] for q in queries.captured_queries]
    first_episode = next(i for i, s in enumerate(sql) if 'FROM "cin_cinepisode"' in s)
    first_plan = next(i for i, s in enumerate(sql) if 'FROM "cin_plan"' in s)
    assert first_episode < first_plan


def test_a_referral_on_a_merged_record_makes_the_next_one_a_re_referral(
    alice, mona, team
):
    from haven.core.services import allocate_case
    from haven.people.services import merge_records
    from tests.factories import ChildFactory

    child, twin = ChildFactory(), ChildFactory()
    for person in (child, twin):
        allocate_case(person, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    earlier = services.open_referral(
        twin, received_on=dt.date(2026, 2, 2), source="2A", contact_id=None, by=alice
    )
    merge_records(twin, into=child, reason="Same child", by=alice)
    found = selectors.previous_referral_within(child, dt.date(2026, 6, 1))
    assert found == earlier


def test_a_referral_recorded_before_issue_11_keeps_its_assessments_clock(child, alice):
    # Older referrals started their assessment and named it in their event:
    # those assessments' 45 working days still run from it.
    from haven.assessments.models import Assessment
    from haven.core import journal
    from haven.timescales import calendar

    episode = CinEpisode.objects.create(
        person=child, referral_date=_days_ago(10), source="2A"
    )
    assessment = Assessment.objects.create(
        episode=episode, person=child, started_on=_days_ago(10)
    )
    journal.append(
        child,
        "frontdoor.referral_received",
        {"episode": episode.pk, "assessment": assessment.pk, "contact": None},
        by=alice,
        occurred_at=clock.start_of(_days_ago(10)),
    )
    obligation = Obligation.objects.get(person=child, rule_id="ASSESS-CF")
    assert obligation.subject == str(assessment.pk)
    assert obligation.due_on == calendar.add_working_days(_days_ago(10), 45)


def test_a_review_records_who_attended_the_views_and_the_next_review(
    child, alice, mona
):
    episode = _authorised(child, alice, mona)
    plan = plans.start_plan(
        episode, started_on=_days_ago(5), actions=[_action()], by=alice
    )
    base = {"held_on": clock.today(), "summary": "Better", "decision": "continue"}
    with pytest.raises(DomainError) as refused:
        plans.review_plan(plan, attended=" ", by=alice, **base)
    assert refused.value.field == "attended"
    with pytest.raises(DomainError) as refused:
        plans.review_plan(
            plan, attended="Mum", next_review_on=clock.today(), by=alice, **base
        )
    assert refused.value.code == "next_review_not_after"
    review = plans.review_plan(
        plan,
        attended="Jasmine, her mother, the school nurse",
        childs_views="I like my new school",
        parents_views="Mum feels listened to",
        by=alice,
        **base,
    )
    review.refresh_from_db()
    assert review.attended == "Jasmine, her mother, the school nurse"
    assert (review.childs_views, review.parents_views) == (
        "I like my new school",
        "Mum feels listened to",
    )
    # Not agreed at the review: none is recorded, and the plan page shows the
    # engine's due date (CIN-REVIEW, with any local value).
    assert review.next_review_on is None
    assert selectors.next_review_due(plan) is not None
    event = JournalEvent.objects.get(type="cin.plan_reviewed")
    assert event.payload["attended"] == review.attended
    closing = plans.review_plan(
        plan, attended="Mum", by=alice, **(base | {"decision": "close"})
    )
    assert closing.next_review_on is None
