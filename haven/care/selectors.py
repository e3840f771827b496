"""Reads about a child's care: their periods of care with both histories, the
SSDA903 episodes derived from them, and where the child was on a day.

The child has been opened by the page (its read logged and its access checked)
before these are asked; records merged into the child's are counted as theirs.
"""

import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from haven.care import episodes as derived
from haven.care.episodes import Episode
from haven.care.history import CareHistory
from haven.care.models import LegalStatus, PeriodOfCare, Placement
from haven.care.recording import history_of
from haven.core import few
from haven.people.models import Address, Person
from haven.people.sections import read_once
from haven.people.selectors import record_ids, records_of

T = TypeVar("T", LegalStatus, Placement)


@dataclass(frozen=True)
class Care:
    """One period of care as the child's page shows it."""

    period: PeriodOfCare
    statuses: list[LegalStatus]
    placements: list[Placement]
    history: CareHistory
    episodes: list[Episode]

    @property
    def current_placement(self) -> Placement | None:
        last = self.placements[-1] if self.placements else None
        return last if last is not None and last.ended_on is None else None

    @property
    def current_status(self) -> LegalStatus | None:
        last = self.statuses[-1] if self.statuses else None
        return last if last is not None and last.ended_on is None else None


def care_of(person: Person) -> list[Care]:
    """The child's periods of care, newest first, each with its legal statuses
    and placements (oldest first) and its SSDA903 episodes, their HOME_POST
    read from the child's address history. (Its queries are compiled once
    for a child with a few periods: haven.core.few.)"""
    ids = record_ids(person)
    periods = few.of(
        "care.care_of.periods",
        PeriodOfCare,
        ids,
        lambda found: PeriodOfCare.objects.filter(person_id__in=found).order_by(
            "-started_on", "-pk"
        ),
    )
    period_ids = [period.pk for period in periods]
    statuses = _by_period(
        few.of(
            "care.care_of.statuses",
            LegalStatus,
            period_ids,
            lambda found: LegalStatus.objects.filter(period_id__in=found).order_by(
                "started_on", "pk"
            ),
        )
    )
    placements = _by_period(
        few.of(
            "care.care_of.placements",
            Placement,
            period_ids,
            lambda found: (
                Placement.objects.filter(period_id__in=found)
                .select_related("provider", "carer__person")
                .order_by("started_on", "pk")
            ),
        )
    )
    lived = [
        (row["started_on"], row["ended_on"], row["postcode"])
        for row in few.values_of(
            "care.care_of.addresses",
            Address,
            ids,
            lambda found: Address.objects.filter(person_id__in=found).values(
                "started_on", "ended_on", "postcode"
            ),
        )
    ]
    found = []
    for period in periods:
        held = statuses.get(period.pk, [])
        placed = placements.get(period.pk, [])
        history = history_of(period, held, placed)
        episodes = derived.episodes(history, lived)
        found.append(Care(period, held, placed, history, episodes))
    return found


def _by_period(rows: list[T]) -> dict[int, list[T]]:
    """Rows of a period's history, by period (in the order read)."""
    grouped: dict[int, list[T]] = {}
    for row in rows:
        grouped.setdefault(row.period_id, []).append(row)
    return grouped


def care_for_page(person: Person) -> list[Care]:
    """`care_of`, read once for all the sections of the child's page."""
    return read_once(("care.care_of", person.pk), lambda: care_of(person))


def open_period(person: Person) -> PeriodOfCare | None:
    """The child's open period of care, if they are looked after now."""
    return (
        PeriodOfCare.objects.filter(
            person_id__in=records_of(person), ended_on__isnull=True
        )
        .select_related("person")
        .first()
    )


def episodes_of(person: Person) -> list[Episode]:
    """Every SSDA903 episode of the child, oldest first."""
    return [e for care in reversed(care_of(person)) for e in care.episodes]


def placement_on(person: Person, day: dt.date) -> Placement | None:
    """Where the child was placed on a day, from the placement history."""
    for care in care_of(person):
        stay = derived.placement_on(care.history, day)
        if stay is not None:
            return next(p for p in care.placements if p.pk == stay.pk)
    return None


def looked_after_on(person: Person, day: dt.date) -> bool:
    """Whether the child counts as looked after on a day (short breaks, V3 and
    V4, are not counted: see haven.care.episodes)."""
    return any(derived.looked_after_on(care.history, day) for care in care_of(person))
