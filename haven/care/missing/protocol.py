"""When a child's missing episodes call for a strategy meeting
(LAC-MISSING-STRAT): the local protocol's thresholds, and the words that say
which was met.

There is no national threshold. These are the catalogue's example (three
episodes in 30 days) and a long episode, here more than 72 hours, as many
local "runaway and missing from home and care" protocols set it; a council
with other numbers changes them here. The meeting's due date, if the council
sets one (the rule has no national timescale), comes from the timescale
engine like any other.
"""

import datetime as dt
from collections.abc import Sequence

from django.utils import timezone

from haven.care.models import MissingEpisode
from haven.core import clock

REPEATS = 3
REPEAT_WINDOW = dt.timedelta(days=30)
LONG = dt.timedelta(hours=72)


def repeats_with(
    episodes: Sequence[MissingEpisode], episode: MissingEpisode
) -> list[MissingEpisode]:
    """The episodes that started in the 30 days up to this one's start, itself
    included, when there are enough of them to need a meeting; else none."""
    window = [
        e
        for e in episodes
        if episode.started_at - REPEAT_WINDOW < e.started_at <= episode.started_at
    ]
    return window if len(window) >= REPEATS else []


def lasted(episode: MissingEpisode, now: dt.datetime | None = None) -> dt.timedelta:
    return (episode.ended_at or now or clock.now()) - episode.started_at


def is_long(episode: MissingEpisode, now: dt.datetime | None = None) -> bool:
    return lasted(episode, now) > LONG


def duration_words(span: dt.timedelta) -> str:
    """'3 days and 4 hours', '20 hours'."""
    days, hours = span.days, span.seconds // 3600
    parts = []
    if days:
        parts.append(f"{days} day{'s' if days != 1 else ''}")
    if hours or not days:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    return " and ".join(parts)


def repeat_words(count: int) -> str:
    return (
        f"went missing {count} times in {REPEAT_WINDOW.days} days (the local "
        f"protocol asks for a strategy meeting at {REPEATS})"
    )


def long_words(span: dt.timedelta) -> str:
    hours = int(LONG.total_seconds() // 3600)
    return (
        f"was missing for {duration_words(span)} (the local protocol asks for a "
        f"strategy meeting after {hours} hours)"
    )


def needed(
    episodes: Sequence[MissingEpisode],
    last_meeting: dt.date | None,
    now: dt.datetime | None = None,
) -> str:
    """Why a strategy meeting is needed now, in words; "" if it is not: a long
    or repeated run of episodes that started after the last meeting (a meeting
    held during an episode covers it), or ever if there was none."""
    now = now or clock.now()
    since = [
        e
        for e in episodes
        if last_meeting is None or timezone.localdate(e.started_at) > last_meeting
    ]
    for episode in reversed(since):
        if is_long(episode, now):
            return long_words(lasted(episode, now))
    for episode in reversed(since):
        found = repeats_with(since, episode)
        if found:
            return repeat_words(len(found))
    return ""
