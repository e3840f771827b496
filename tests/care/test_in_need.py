"""A looked-after child is a child in need (haven/care/in_need.py): care starts
inside an open child in need episode, which stays open while they are looked
after."""

import datetime as dt

import pytest

from haven.care import services
from haven.care.models import PeriodOfCare
from haven.cin import services as cin
from haven.cin.episode_work import proposed_closure, work_recorded
from haven.core.errors import DomainError
from tests.care.factories import fostered, in_care, in_need

pytestmark = pytest.mark.django_db

START = dt.date(2025, 1, 10)


def _close(episode, by, on=dt.date(2026, 6, 1), **kw):
    return cin.close_episode(
        episode, closed_on=on, reason="RC7", summary="Services ceased.", by=by, **kw
    )


def test_a_child_with_no_open_episode_is_not_taken_into_care(child, alice, carer):
    with pytest.raises(DomainError) as refused:
        services.start_period_of_care(
            child,
            on=START,
            need="N1",
            legal_status="C1",
            placement=fostered(carer),
            by=alice,
        )
    assert refused.value.code == "no_open_episode"
    assert "record the referral first" in str(refused.value)
    assert not PeriodOfCare.objects.exists()


def test_care_cannot_start_before_the_referral(child, alice, carer):
    in_need(child, by=alice, on=START)
    with pytest.raises(DomainError) as refused:
        in_care(
            child, by=alice, on=START - dt.timedelta(days=1), placement=fostered(carer)
        )
    assert refused.value.code == "before_referral"
    assert "10 January 2025" in str(refused.value)
    assert in_care(child, by=alice, on=START, placement=fostered(carer))


def test_the_episode_stays_open_while_the_child_is_looked_after(child, alice, carer):
    period = in_care(child, by=alice, on=START, placement=fostered(carer))
    episode = in_need(child, by=alice, on=START)
    assert work_recorded(episode) and proposed_closure(episode) == ""
    with pytest.raises(DomainError) as refused:
        _close(episode, alice)
    assert refused.value.code == "looked_after"
    services.end_period_of_care(period, on=dt.date(2026, 5, 1), reason="E4A", by=alice)
    # Not before the day care ended, then closed.
    with pytest.raises(DomainError):
        _close(episode, alice, on=dt.date(2026, 4, 30))
    assert _close(episode, alice).closed_on == dt.date(2026, 6, 1)


def test_history_recorded_as_it_was_is_not_held_to_havens_rule(child, alice, carer):
    in_care(child, by=alice, on=START, placement=fostered(carer))
    episode = in_need(child, by=alice, on=START)
    assert _close(episode, alice, history=True).closed_on == dt.date(2026, 6, 1)
