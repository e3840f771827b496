"""A looked-after child is a child in need: the CIN census counts every case
open in the year, looked-after children included, so a period of care starts
inside an open child in need episode, and that episode stays open while the
child is looked after. What care means to the episode is registered with
haven.cin (which cannot import this app) from plugin.py."""

import datetime as dt

from django.db.models import Q

from haven.care.models import PeriodOfCare
from haven.cin import selectors as cin
from haven.cin.episode_work import EpisodeWork
from haven.cin.models import CinEpisode
from haven.core.errors import DomainError, Failures
from haven.people.models import Person
from haven.people.selectors import records_of

NO_EPISODE = (
    "The child has no open child in need episode: a looked-after child is a "
    "child in need, so record the referral first (a contact at the front door, "
    "decided as a referral), then start the period of care"
)


def refuse_without_episode(child: Person, on: dt.date, failures: Failures) -> None:
    """A period of care starts on or after the referral of the child's open
    episode (read under the caller's lock on the child)."""
    episode = cin.open_episode(child)
    if episode is None:
        failures.add("no_open_episode", NO_EPISODE)
    elif on < episode.referral_date:
        failures.add(
            "before_referral",
            "The period of care cannot start before the referral that opened the "
            f"child in need episode ({episode.referral_date:%-d %B %Y})",
            field="started_on",
        )


def _periods(episode: CinEpisode) -> list[PeriodOfCare]:
    """The periods of care that started while the episode was open."""
    within = Q(started_on__gte=episode.referral_date)
    if episode.closed_on is not None:
        within &= Q(started_on__lte=episode.closed_on)
    mine = PeriodOfCare.objects.filter(person_id__in=records_of(episode.person))
    return list(mine.filter(within).order_by("started_on"))


def recorded(episode: CinEpisode) -> bool:
    """A period of care on the episode: the referral led to more than no
    further action."""
    return bool(_periods(episode))


def dates(episode: CinEpisode) -> list[tuple[dt.date, str]]:
    """The episode cannot close before its periods of care started or ended."""
    found = []
    for period in _periods(episode):
        found.append((period.started_on, "the child started to be looked after"))
        if period.ended_on is not None:
            found.append((period.ended_on, "the child ceased to be looked after"))
    return found


def check_closure(episode: CinEpisode, reason: str, history: bool) -> None:
    # Haven's rule, not one of the DfE's: recording history is not held to it.
    if history:
        return
    still = [p for p in _periods(episode) if p.ended_on is None]
    if still:
        raise DomainError(
            "looked_after",
            "The child is looked after: end the period of care before closing the "
            "child in need episode",
        )


WORK = EpisodeWork(
    name="care",
    recorded=recorded,
    dates=dates,
    check_closure=check_closure,
    proposed_closure=lambda episode: "",
)
