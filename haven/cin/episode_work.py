"""Work other apps record on a child's CIN episode, as closing it must know it.

CIN sits below the apps that work on an episode (the single assessment), so it
cannot import them. Such an app registers what closing needs to know about its
work, from its plugin.py:

    episode_work(EpisodeWork(name="assessment", recorded=..., dates=...,
                             check_closure=..., proposed_closure=...))

and, if its work rules out a child in need plan for a time (a child protection
plan does: census rule 4001), `check_plan_start`.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

from haven.cin.models import CinEpisode


@dataclass(frozen=True)
class EpisodeWork:
    """One kind of work recorded on an episode, as its closure sees it."""

    name: str
    # Whether any is recorded on the episode: one closed with none of any kind
    # (and no plan) is a referral that led to no further action (ReferralNFA).
    recorded: Callable[[CinEpisode], bool]
    # Dates on the episode it cannot close before, each with what happened then.
    dates: Callable[[CinEpisode], list[tuple[dt.date, str]]]
    # Refuse (raise DomainError) closing the locked episode for this reason;
    # with history=True (a past closure recorded as it was) only the DfE's
    # rules apply, never Haven's local ones.
    check_closure: Callable[[CinEpisode, str, bool], None]
    # The reason for closure the work proposes (the worker chooses), or "".
    proposed_closure: Callable[[CinEpisode], str]
    # Refuse (raise DomainError) a child in need plan starting on the locked
    # episode on this day.
    check_plan_start: Callable[[CinEpisode, dt.date], None] = lambda *_: None


EPISODE_WORK: dict[str, EpisodeWork] = {}


def episode_work(work: EpisodeWork) -> EpisodeWork:
    if work.name in EPISODE_WORK:
        raise ImproperlyConfigured(f"The episode work {work.name!r} is declared twice")
    EPISODE_WORK[work.name] = work
    return work


def _each() -> list[EpisodeWork]:
    return [EPISODE_WORK[name] for name in sorted(EPISODE_WORK)]


def work_recorded(episode: CinEpisode) -> bool:
    return any(work.recorded(episode) for work in _each())


def dates_on(episode: CinEpisode) -> list[tuple[dt.date, str]]:
    return [day for work in _each() for day in work.dates(episode)]


def check_closure(episode: CinEpisode, reason: str, *, history: bool = False) -> None:
    for work in _each():
        work.check_closure(episode, reason, history)


def proposed_closure(episode: CinEpisode) -> str:
    for work in _each():
        proposed = work.proposed_closure(episode)
        if proposed:
            return proposed
    return ""


def check_plan_start(episode: CinEpisode, started_on: dt.date) -> None:
    for work in _each():
        work.check_plan_start(episode, started_on)
