"""Missing from care: the episodes of looked-after children going missing (or
away without authorisation) that started in each month, counted from the
episodes themselves (SSDA903 MISSING, MIS_START). How soon a return home
interview was offered is on_time.py's (the engine's LAC-MISSING-RHI)."""

import datetime as dt

from django.utils import timezone

from haven.care.codes import MissingKind
from haven.care.models import MissingEpisode
from haven.reporting.figures import Figure, Item, declare
from haven.reporting.spans import Span


def _episodes(span: Span) -> list[Item]:
    # Read a day either side: a start near midnight falls on its local day.
    rows = (
        MissingEpisode.objects.filter(
            started_at__date__gte=span.first - _DAY,
            started_at__date__lte=span.last + _DAY,
        )
        .order_by("started_at", "pk")
        .values_list("period__person_id", "kind", "started_at", "ended_at")
    )
    items = []
    for person_id, kind, started_at, ended_at in rows:
        day = timezone.localdate(started_at)
        month = span.month_of(day)
        if month is None:
            continue
        returned = timezone.localdate(ended_at) if ended_at else None
        words = MissingKind(kind).label
        items.append(Item(person_id, month.key, day, details=(words, returned)))
    return items


_DAY = dt.timedelta(days=1)

MISSING = declare(
    Figure(
        key="missing_episodes",
        name="Missing from care",
        counts="Episodes of looked-after children missing, or away without "
        "authorisation, that started in each month",
        source="Each episode recorded on the child's record, from when they went "
        "to when they returned or were found (SSDA903 MISSING, MIS_START and "
        "MIS_END).",
        compute=_episodes,
        unit="episodes",
        columns=("Missing or away", "Returned"),
        team_words="the team holding the child's case on the day it started",
    )
)
