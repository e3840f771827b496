"""CIN closes an episode by the rules of the work other apps register on it,
without knowing those apps (issue 11 item 17): a stand-in app's work here."""

import datetime as dt

import pytest

from haven.cin import episode_work, selectors, services
from haven.cin.episode_work import EpisodeWork
from haven.core import clock
from haven.core.errors import DomainError

pytestmark = pytest.mark.django_db


def _days_ago(n: int) -> dt.date:
    return clock.today() - dt.timedelta(days=n)


def _refuse(episode, reason, history):
    if reason == "RC5":
        raise DomainError("visit_unfinished", "Finish the visit first")


@pytest.fixture
def visits(monkeypatch):
    """A stand-in app recording a visit two days ago on every episode."""
    work = EpisodeWork(
        name="visit",
        recorded=lambda episode: True,
        dates=lambda episode: [(_days_ago(2), "the visit")],
        check_closure=_refuse,
        proposed_closure=lambda episode: "RC6",
    )
    monkeypatch.setitem(episode_work.EPISODE_WORK, "visit", work)
    return work


def _referred(child, alice):
    return services.open_referral(
        child, received_on=_days_ago(10), source="2A", contact_id=None, by=alice
    )


def test_closing_runs_the_checks_other_apps_register(child, alice, visits):
    episode = _referred(child, alice)
    with pytest.raises(DomainError) as refused:
        services.close_episode(
            episode, closed_on=clock.today(), reason="RC5", summary="Moved", by=alice
        )
    assert refused.value.code == "visit_unfinished"


def test_closing_waits_for_the_dates_of_registered_work(child, alice, visits):
    episode = _referred(child, alice)
    with pytest.raises(DomainError) as refused:
        services.close_episode(
            episode, closed_on=_days_ago(3), reason="RC7", summary="Done", by=alice
        )
    assert refused.value.message == (
        f"The date of closure must be on or after the visit ({_days_ago(2):%-d %B %Y})"
    )


def test_registered_work_means_the_referral_was_not_nfa(child, alice, visits):
    episode = _referred(child, alice)
    assert selectors.proposed_closure(episode) == "RC6"
    services.close_episode(
        episode, closed_on=clock.today(), reason="RC7", summary="Done", by=alice
    )
    episode.refresh_from_db()
    assert episode.referral_nfa is False
