"""Missing from care through the services: an episode is recorded beside the
placement, its return starts the return home interview's clock, long or
repeated episodes call for a strategy meeting, and every refusal names every
fault at once."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.care import services
from haven.care.missing import followup, missing_now, missing_table, recording
from haven.care.missing.followup import Interview
from haven.care.missing.recording import Police
from haven.care.models import MissingEpisode, Placement
from haven.core import clock
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.timescales.models import Obligation, RuleSetting
from tests.care.factories import fostered, in_care

pytestmark = pytest.mark.django_db

START = dt.date(2025, 1, 10)


def at(day: dt.date, hour: int = 21, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _codes(refused):
    return sorted(f.code for f in refused.value.failures)


@pytest.fixture
def period(child, alice, carer):
    return in_care(child, by=alice, placement=fostered(carer))


def _missing(period, by, day, hours=None, kind="M", **kw):
    started = at(day)
    returned = started + dt.timedelta(hours=hours) if hours is not None else None
    return recording.report_missing(
        period, kind=kind, started_at=started, returned_at=returned, by=by, **kw
    )


def _due(child, rule_id):
    return sorted(
        (o.subject, o.due_on, o.status)
        for o in Obligation.objects.filter(person=child, rule_id=rule_id)
    )


def test_a_child_goes_missing_and_stays_on_their_placement(child, alice, period):
    placement = period.placements.get()
    episode = _missing(
        period, alice, dt.date(2026, 6, 1), police=Police(True, "WY-1234")
    )
    assert (episode.kind, episode.ended_at, episode.police_reference) == (
        "M",
        None,
        "WY-1234",
    )
    assert list(Placement.objects.filter(period=period)) == [placement]
    assert placement.ended_on is None
    event = JournalEvent.objects.get(person=child, type="care.child_went_missing")
    assert event.payload["placement"] == placement.pk
    assert event.occurred_at == at(dt.date(2026, 6, 1))


def test_every_fault_in_a_report_is_named_at_once(child, alice, period):
    with pytest.raises(DomainError) as refused:
        recording.report_missing(
            period,
            kind="",
            started_at=None,
            police=Police(False, "WY-1234"),
            by=alice,
        )
    assert _codes(refused) == [
        "kind_required",
        "reference_not_reported",
        "started_on_required",
    ]
    with pytest.raises(DomainError) as refused:
        _missing(period, alice, dt.date(2026, 6, 20))
    assert _codes(refused) == ["started_on_in_future"]
    assert not MissingEpisode.objects.exists()


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (dt.date(2010, 1, 1), "before_birth"),
        (START - dt.timedelta(days=1), "before_care"),
    ],
)
def test_an_episode_is_inside_the_period_of_care(child, alice, period, day, code):
    with pytest.raises(DomainError) as refused:
        _missing(period, alice, day)
    assert _codes(refused) == [code]


def test_a_past_episode_after_care_ended_is_refused(child, alice, period):
    services.end_period_of_care(period, on=dt.date(2026, 1, 1), reason="E4A", by=alice)
    with pytest.raises(DomainError) as refused:
        _missing(period, alice, dt.date(2026, 2, 1), hours=5)
    assert _codes(refused) == ["after_care", "ends_after_care"]
    with pytest.raises(DomainError) as refused:
        _missing(period, alice, dt.date(2025, 12, 1))
    assert _codes(refused) == ["return_required"]
    whole = _missing(period, alice, dt.date(2025, 12, 1), hours=5)
    assert whole.ended_at == at(dt.date(2025, 12, 2), 2)


def test_episodes_never_overlap(child, alice, period):
    _missing(period, alice, dt.date(2026, 5, 1), hours=10)
    with pytest.raises(DomainError) as refused:
        recording.report_missing(
            period, kind="A", started_at=at(dt.date(2026, 5, 2), 1), by=alice
        )
    assert _codes(refused) == ["overlaps_missing"]
    # The hour after the return, they may go again.
    again = recording.report_missing(
        period, kind="A", started_at=at(dt.date(2026, 5, 2), 7), by=alice
    )
    with pytest.raises(DomainError) as refused:
        _missing(period, alice, dt.date(2026, 6, 1))
    assert "still open" in refused.value.message
    assert again.is_open


def test_the_return_starts_the_return_interviews_clock(child, alice, period):
    episode = _missing(period, alice, dt.date(2026, 6, 1))
    recording.record_return(
        episode, returned_at=at(dt.date(2026, 6, 3), 9, 30), by=alice
    )
    subject = str(episode.pk)
    assert _due(child, "LAC-MISSING-RHI") == [(subject, dt.date(2026, 6, 6), "due")]
    followup.record_return_interview(
        episode,
        Interview(offered_on=dt.date(2026, 6, 5), interviewed_by="Open Door"),
        by=alice,
    )
    assert _due(child, "LAC-MISSING-RHI") == [
        (subject, dt.date(2026, 6, 6), "met_on_time")
    ]
    # Held later: recorded again, the duty stays met on the day it was offered.
    followup.record_return_interview(
        episode,
        Interview(offered_on=dt.date(2026, 6, 5), held_on=dt.date(2026, 6, 9)),
        by=alice,
    )
    episode.refresh_from_db()
    assert episode.interview_held_on == dt.date(2026, 6, 9)
    assert _due(child, "LAC-MISSING-RHI") == [
        (subject, dt.date(2026, 6, 6), "met_on_time")
    ]


def test_a_return_before_the_start_is_refused_and_named(child, alice, period):
    episode = _missing(period, alice, dt.date(2026, 6, 1))
    with pytest.raises(DomainError) as refused:
        recording.record_return(
            episode,
            returned_at=at(dt.date(2026, 5, 31)),
            police=Police(False, "X1"),
            by=alice,
        )
    assert _codes(refused) == ["ends_before_start", "reference_not_reported"]
    recording.record_return(episode, returned_at=at(dt.date(2026, 6, 2)), by=alice)
    with pytest.raises(DomainError) as refused:
        recording.record_return(episode, returned_at=at(dt.date(2026, 6, 3)), by=alice)
    assert _codes(refused) == ["already_returned"]


def test_the_interview_follows_the_return(child, alice, period):
    episode = _missing(period, alice, dt.date(2026, 6, 1))
    with pytest.raises(DomainError) as refused:
        followup.record_return_interview(
            episode, Interview(offered_on=dt.date(2026, 6, 2)), by=alice
        )
    assert _codes(refused) == ["not_returned"]
    recording.record_return(episode, returned_at=at(dt.date(2026, 6, 3)), by=alice)
    with pytest.raises(DomainError) as refused:
        followup.record_return_interview(
            episode,
            Interview(
                offered_on=dt.date(2026, 6, 2),
                held_on=dt.date(2026, 6, 1),
                declined=True,
            ),
            by=alice,
        )
    assert _codes(refused) == [
        "held_and_declined",
        "held_before_offered",
        "offered_before_return",
    ]


def test_the_police_report_is_added_later(child, alice, period):
    episode = _missing(period, alice, dt.date(2026, 6, 1))
    with pytest.raises(DomainError) as refused:
        recording.record_police_report(episode, police=Police(), by=alice)
    assert _codes(refused) == ["nothing_changed"]
    recording.record_police_report(episode, police=Police(True, " WY-9 "), by=alice)
    episode.refresh_from_db()
    assert (episode.reported_to_police, episode.police_reference) == (True, "WY-9")
    assert JournalEvent.objects.filter(
        person=child, type="care.missing_police_report_recorded"
    ).exists()


def test_care_cannot_end_while_the_child_is_missing(child, alice, period):
    episode = _missing(period, alice, dt.date(2026, 6, 1))
    with pytest.raises(DomainError) as refused:
        services.end_period_of_care(
            period, on=dt.date(2026, 6, 10), reason="E8", by=alice
        )
    assert _codes(refused) == ["missing_open"]
    recording.record_return(episode, returned_at=at(dt.date(2026, 6, 12)), by=alice)
    with pytest.raises(DomainError) as refused:
        services.end_period_of_care(
            period, on=dt.date(2026, 6, 10), reason="E8", by=alice
        )
    assert _codes(refused) == ["missing_after_end"]
    services.end_period_of_care(period, on=dt.date(2026, 6, 12), reason="E8", by=alice)


def _strategy_setting(mona, alice):
    RuleSetting.objects.create(
        rule_id="LAC-MISSING-STRAT",
        deadline="+2 WD",
        applies_from=dt.date(2020, 1, 1),
        reason="Our protocol: within two working days",
        changed_by=mona,
        approved_by=mona,
        recorded_at=clock.now(),
    )


def test_a_third_episode_in_30_days_calls_for_a_strategy_meeting(
    child, alice, mona, period
):
    _strategy_setting(mona, alice)
    for day in (1, 10):
        _missing(period, alice, dt.date(2026, 5, day), hours=4)
    assert not JournalEvent.objects.filter(
        person=child, type="care.repeat_missing_episodes_recorded"
    ).exists()
    third = _missing(period, alice, dt.date(2026, 5, 29), hours=4)  # Friday
    event = JournalEvent.objects.get(
        person=child, type="care.repeat_missing_episodes_recorded"
    )
    assert len(event.payload["episodes"]) == 3 and third.pk in event.payload["episodes"]
    assert "3 times in 30 days" in event.payload["why"]
    # The council's two working days, from the engine (past the weekend).
    assert _due(child, "LAC-MISSING-STRAT") == [
        (str(child.pk), dt.date(2026, 6, 2), "due")
    ]
    followup.record_strategy_meeting(
        child, held_on=dt.date(2026, 6, 1), decisions="Return interview", by=alice
    )
    assert _due(child, "LAC-MISSING-STRAT") == [
        (str(child.pk), dt.date(2026, 6, 2), "met_on_time")
    ]


def test_with_no_local_timescale_the_meeting_has_no_due_date(child, alice, period):
    for day in (1, 10, 20):
        _missing(period, alice, dt.date(2026, 5, day), hours=4)
    assert _due(child, "LAC-MISSING-STRAT") == []


def test_a_long_episode_calls_for_a_strategy_meeting_on_return(child, alice, period):
    episode = _missing(period, alice, dt.date(2026, 6, 1))
    recording.record_return(episode, returned_at=at(dt.date(2026, 6, 4), 22), by=alice)
    event = JournalEvent.objects.get(
        person=child, type="care.repeat_missing_episodes_recorded"
    )
    assert event.payload["why"].startswith("was missing for 3 days and 1 hour")


def test_a_meeting_needs_its_date_and_decisions(child, alice):
    with pytest.raises(DomainError) as refused:
        followup.record_strategy_meeting(child, held_on=None, decisions="", by=alice)
    assert _codes(refused) == ["never_looked_after"]


def test_strangers_may_not_report_a_child_missing(child, bob, fiona, period):
    with pytest.raises(AccessDenied):
        _missing(period, bob, dt.date(2026, 6, 1))
    with pytest.raises(DomainError) as refused:
        _missing(period, fiona, dt.date(2026, 6, 1))
    assert refused.value.code == "not_permitted"


def test_missing_now_answers_for_now_and_for_a_past_moment(child, alice, period, today):
    past = _missing(period, alice, dt.date(2026, 5, 1), hours=30)
    now = _missing(period, alice, dt.date(2026, 6, 14), kind="A")
    assert missing_now([child.pk, 999]) == {child.pk: now}
    assert missing_now([child.pk], at=at(dt.date(2026, 5, 2))) == {child.pk: past}
    assert missing_now([child.pk], at=at(dt.date(2026, 5, 3))) == {}


def test_the_missing_table_for_a_year(child, alice, period):
    before = _missing(period, alice, dt.date(2025, 3, 30), hours=72)
    during = _missing(period, alice, dt.date(2025, 11, 5), hours=2, kind="A")
    open_at_31_march = _missing(period, alice, dt.date(2026, 3, 30), hours=80)
    rows = missing_table(2026)
    assert [(r.child, r.missing, r.mis_start, r.mis_end) for r in rows] == [
        (child.pk, "M", dt.date(2025, 3, 30), dt.date(2025, 4, 2)),
        (child.pk, "A", dt.date(2025, 11, 5), dt.date(2025, 11, 5)),
        (child.pk, "M", dt.date(2026, 3, 30), None),
    ]
    assert [r.episode for r in rows] == [before, during, open_at_31_march]
    assert [r.episode for r in missing_table(2027)] == [open_at_31_march]
    assert missing_table(2026, person_ids=[999]) == []
