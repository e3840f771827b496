"""One Annex A list as its rows: each row is a child's Haven ID and the
list's own columns; the writer adds the columns every list starts with and,
where the list has them, the allocated team and worker."""

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from haven.core import clock
from haven.returns.annex_a.period import Period


@dataclass
class Sheet:
    number: int
    title: str
    header: list[str]  # the list's own columns, after the common ones
    team_role: str | None = None  # whose team and worker end each row
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    note: str = ""  # a row of words in place of rows Haven cannot give

    @property
    def name(self) -> str:
        return f"List {self.number}"


def window(period: Period) -> tuple[Any, Any]:
    """The period as moments, for the records timed to the minute."""
    return clock.start_of(period.start), clock.start_of(
        period.end + dt.timedelta(days=1)
    )


def counted(days: Iterable[tuple[int, Any]], period: Period) -> Counter[int]:
    """How many of each child's dated records fall in the last 12 months."""
    return Counter(pk for pk, day in days if period.year_ago <= day <= period.end)


def last_seen(
    person_ids: Iterable[int], period: Period, *, statutory: bool = False
) -> dict[int, tuple[Any, bool]]:
    """Each child's latest case note (a statutory visit, or any note where
    they were seen) in the twelve months to the end of the period: its day,
    and whether they were seen alone. One query, however many children."""
    from haven.casework.models import CaseNote

    notes = CaseNote.objects.filter(
        person_id__in=set(person_ids),
        occurred_at__gte=clock.start_of(period.year_ago),
        occurred_at__lt=window(period)[1],
    )
    notes = notes.filter(statutory_visit=True) if statutory else notes
    notes = notes.filter(child_seen=True) if not statutory else notes
    found: dict[int, tuple[Any, bool]] = {}
    for pk, at, alone in notes.order_by("occurred_at", "pk").values_list(
        "person_id", "occurred_at", "seen_alone"
    ):
        found[pk] = (timezone.localtime(at).date(), alone)
    return found
