"""The periods of care overlapping a period, each as the care app's own
history (haven.care.recording.history_of) with its SSDA903 episodes
(haven.care.episodes.episodes, which place the child and measure how far from
home), read in a fixed number of queries whatever the number of children: the
periods, their legal statuses, their placements and, when asked, the
children's addresses (for HOME_POST)."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F, Q

from haven.care.episodes import Episode, Lived, episodes
from haven.care.history import CareHistory
from haven.care.models import PeriodOfCare
from haven.care.models.looked_after import PERIOD_OF_CARE
from haven.care.recording import history_of, with_histories
from haven.people.models import Address


@dataclass(frozen=True)
class Cared:
    """One period of care of a child."""

    person_id: int
    born: dt.date | None
    history: CareHistory
    episodes: list[Episode]


def cared_for(
    first: dt.date, last: dt.date, *, homes: bool = False, only: Q | None = None
) -> list[Cared]:
    """Each period of care with a day from `first` to `last`; with `homes`,
    its episodes carry the child's home postcode and the distance to each
    placement. `only` narrows the periods in the database, for a figure that
    can never count the rest (and need not build their histories)."""
    overlapping = PeriodOfCare.objects.filter(
        PERIOD_OF_CARE.overlapping_days(first, last)
    )
    periods = with_histories(
        overlapping.filter(only or Q()).annotate(born=F("person__date_of_birth"))
    )
    found = list(periods)
    lived = _lived({p.person_id for p in found}) if homes and found else {}
    cared = []
    for period in found:
        history = history_of(
            period, list(period.legal_statuses.all()), list(period.placements.all())
        )
        theirs = lived.get(period.person_id, ())
        cared.append(
            Cared(period.person_id, period.born, history, episodes(history, theirs))
        )
    return cared


def _lived(people: set[int]) -> dict[int, Lived]:
    rows = (
        Address.objects.filter(person_id__in=people)
        .order_by("started_on", "pk")
        .values_list("person_id", "started_on", "ended_on", "postcode")
    )
    found: dict[int, list[tuple[dt.date, dt.date | None, str]]] = defaultdict(list)
    for person_id, start, end, postcode in rows:
        found[person_id].append((start, end, postcode))
    return dict(found)
