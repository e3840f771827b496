"""The information governance report: bursts of refused reads and of break-glass
across the whole authority, whoever the user and whichever team (or none) they
are in, so a burst in a service with no manager still reaches someone."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncHour

from haven.core import clock
from haven.core.models import BreakGlass, DeniedAccess, User

REPORT_DAYS = 30


@dataclass(frozen=True)
class Burst:
    """One user's refusals or break-glass uses within one hour, above the limit."""

    hour: dt.datetime
    user: User
    what: str
    count: int


def _bursts(rows: list[Any], what: str, users: dict[int, User]) -> list[Burst]:
    return [Burst(row["hour"], users[row["user"]], what, row["count"]) for row in rows]


def bursts(*, days: int = REPORT_DAYS) -> list[Burst]:
    """Hours in the last `days` in which one user was refused at least
    HAVEN_DENIALS_BURST reads, or used break-glass at least
    HAVEN_BREAK_GLASS_BURST times; newest first."""
    since = clock.now() - dt.timedelta(days=days)
    denied = list(
        DeniedAccess.objects.filter(at__gte=since)
        .annotate(hour=TruncHour("at"))
        .values("hour", "user")
        .annotate(count=Count("pk"))
        .filter(count__gte=settings.HAVEN_DENIALS_BURST)
    )
    glass = list(
        BreakGlass.objects.filter(started_at__gte=since)
        .annotate(hour=TruncHour("started_at"))
        .values("hour", "user")
        .annotate(count=Count("pk"))
        .filter(count__gte=settings.HAVEN_BREAK_GLASS_BURST)
    )
    ids = {row["user"] for row in denied + glass}
    users = User.objects.select_related("team").in_bulk(ids)
    found = _bursts(denied, "Refused reads", users) + _bursts(
        glass, "Break-glass uses", users
    )
    return sorted(found, key=lambda b: (b.hour, b.count), reverse=True)


def recent_denials(*, limit: int = 200) -> list[DeniedAccess]:
    """The latest refused reads, newest first: who, which Haven ID, which page."""
    return list(DeniedAccess.objects.select_related("user")[:limit])


def recent_break_glass(*, limit: int = 200) -> list[BreakGlass]:
    """The latest break-glass uses across the authority, newest first."""
    return list(
        BreakGlass.objects.select_related("user", "user__team").order_by("-started_at")[
            :limit
        ]
    )
