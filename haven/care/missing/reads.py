"""Reads about children missing from care: who is missing now (for the
whereabouts board), the SSDA903 Missing table for a collection year, and the
child's own episodes with what is due after each.

The board and the return read episodes the same way the child's page does:
from the episodes as recorded, never from a copy.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from haven.care.away import Away
from haven.care.models import MissingEpisode
from haven.core import clock


def missing_now(
    person_ids: Iterable[int], at: dt.datetime | None = None
) -> dict[int, MissingEpisode]:
    """The children among `person_ids` who are missing, or away from their
    placement without authorisation, at `at` (now if not given): each child's
    id to the episode, with its period. Past moments are answered from the
    episodes' times, so the board as at a past date asks the same."""
    at = at or clock.now()
    ids = list(person_ids)
    open_then = MissingEpisode.objects.filter(
        Q(ended_at__isnull=True) | Q(ended_at__gt=at),
        period__person_id__in=ids,
        started_at__lte=at,
    ).select_related("period")
    return {e.period.person_id: e for e in open_then.order_by("started_at", "pk")}


def away_among(person_ids: Iterable[int], at: dt.datetime) -> dict[int, Away]:
    """The whereabouts board's "Missing now" column, from the same episodes."""
    return {
        person_id: Away(
            kind="missing" if episode.kind == "M" else "away",
            since=episode.started_at,
            words=str(episode),
            url=reverse("care:missing_return", args=[episode.pk]),
        )
        for person_id, episode in missing_now(person_ids, at).items()
    }


@dataclass(frozen=True)
class MissingRow:
    """One row of the SSDA903 Missing table."""

    child: int  # CHILD: the child's id in Haven
    missing: str  # MISSING: M or A
    mis_start: dt.date  # MIS_START
    mis_end: dt.date | None  # MIS_END, blank while open at 31 March
    episode: MissingEpisode


def collection_span(year: int) -> tuple[dt.date, dt.date]:
    """1 April to 31 March of a collection year (2026 is 2025-26)."""
    return dt.date(year - 1, 4, 1), dt.date(year, 3, 31)


def _local_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def missing_table(
    year: int, person_ids: Iterable[int] | None = None
) -> list[MissingRow]:
    """The SSDA903 Missing table for a collection year: every episode open on
    any day of it, oldest first. An episode still open at 31 March has no
    MIS_END, as it had when the return was made."""
    first, last = collection_span(year)
    after = _local_start(last + dt.timedelta(days=1))
    episodes = MissingEpisode.objects.filter(
        Q(ended_at__isnull=True) | Q(ended_at__gte=_local_start(first)),
        started_at__lt=after,
    ).select_related("period")
    if person_ids is not None:
        episodes = episodes.filter(period__person_id__in=list(person_ids))
    rows = []
    for episode in episodes.order_by("period__person_id", "started_at", "pk"):
        ended = episode.ended_at
        end = timezone.localdate(ended) if ended is not None else None
        rows.append(
            MissingRow(
                child=episode.period.person_id,
                missing=episode.kind,
                mis_start=timezone.localdate(episode.started_at),
                mis_end=end if end is not None and end <= last else None,
                episode=episode,
            )
        )
    return rows
