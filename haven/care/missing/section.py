"""The "Missing from care" section of a looked-after child's page: every
episode with the police report and the return home interview, when the
interview is due (from the timescale engine), and whether a strategy meeting
is needed."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from haven.care.missing import protocol
from haven.care.models import MissingEpisode, StrategyMeeting
from haven.care.permissions import may_record_care
from haven.care.selectors import care_for_page
from haven.core import few
from haven.core.models import User
from haven.people import sections
from haven.people.models import Person
from haven.timescales import selectors as timescales

INTERVIEW = "LAC-MISSING-RHI"
STRATEGY = "LAC-MISSING-STRAT"


@dataclass(frozen=True)
class Row:
    episode: MissingEpisode
    lasted: str
    interview_due: dt.date | None

    @property
    def interview_outstanding(self) -> bool:
        e = self.episode
        return e.ended_at is not None and not (
            e.interview_held_on or e.interview_declined
        )


def _rows(episodes: list[MissingEpisode]) -> list[Row]:
    due = timescales.due_dates(
        INTERVIEW, [(e.period.person_id, e.pk) for e in episodes]
    )
    return [
        Row(
            e,
            protocol.duration_words(protocol.lasted(e)),
            due.get((e.period.person_id, str(e.pk))),
        )
        for e in reversed(episodes)
    ]


def missing_section(
    person: Person, user: User, record_ids: list[int]
) -> dict[str, Any] | None:
    """The section's context; None for a child never looked after."""
    periods = [care.period for care in care_for_page(person)]
    if not periods:
        return None
    episodes = few.of(
        "care.missing.episodes",
        MissingEpisode,
        record_ids,
        lambda ids: (
            MissingEpisode.objects.filter(period__person_id__in=ids)
            .select_related("period")
            .order_by("started_at", "pk")
        ),
    )
    meeting = few.first_of(
        "care.missing.meeting",
        StrategyMeeting,
        record_ids,
        lambda ids: StrategyMeeting.objects.filter(person_id__in=ids).order_by(
            "-held_on", "-pk"
        ),
    )
    open_period = periods[0] if periods[0].ended_on is None else None
    missing = next((e for e in episodes if e.ended_at is None), None)
    return {
        "person": person,
        "open_period": open_period,
        "missing": missing,
        "rows": _rows(episodes),
        "meeting": meeting,
        "strategy_needed": protocol.needed(
            episodes, meeting.held_on if meeting else None
        ),
        "strategy_due": timescales.next_due_in(
            timescales.due_for_page(record_ids), person.pk, STRATEGY, person.pk
        ),
        "may_record": may_record_care(user) and sections.may_change(user, person),
    }
