"""The rules a missing episode keeps, each fault added to the caller's
`Failures` in words, so a worker sees every one at once.

They are the SSDA903's (returns.md 2.5): the end after the start (rule 567), no
two episodes overlapping or open together (574), the start inside a period of
care and not after care ended (570, 578), the episode closed by the day care
ended (577), and nothing before the child's birth (586). Times are compared,
not only days: a child can go missing twice in one day.
"""

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone

from haven.care.codes import MissingKind
from haven.care.inputs import words
from haven.care.models import MissingEpisode, PeriodOfCare
from haven.core import clock
from haven.core.errors import Failures
from haven.people.models import Person

POLICE_REFERENCE_LENGTH = 40


def when(moment: dt.datetime) -> str:
    """'3 May 2026 at 21:40', in local time."""
    local = timezone.localtime(moment)
    return f"{words(local.date())} at {local:%H:%M}"


def past_moment(
    found: dt.datetime | None, *, field: str, what: str, failures: Failures
) -> dt.datetime | None:
    """A moment that must be given, and be now or earlier."""
    if found is None:
        failures.add(
            f"{field}_required", f"Enter the date and time {what}", field=field
        )
        return None
    if found > clock.now():
        failures.add(
            f"{field}_in_future",
            f"The date and time {what} must be now or earlier",
            field=field,
        )
        return None
    return found


def check_kind(kind: str, failures: Failures) -> None:
    if kind not in MissingKind.values:
        failures.add(
            "kind_required",
            "Say whether the child is missing or away from their placement "
            "without authorisation",
            field="kind",
        )


def check_police(reported: bool, reference: str, failures: Failures) -> None:
    if reference and not reported:
        failures.add(
            "reference_not_reported",
            "A police reference means the police were told: say so, or leave the "
            "reference blank",
            field="reported_to_police",
        )
    if len(reference) > POLICE_REFERENCE_LENGTH:
        failures.add(
            "reference_too_long",
            f"The police reference must be {POLICE_REFERENCE_LENGTH} characters "
            "or fewer",
            field="police_reference",
        )


def check_start(
    child: Person, period: PeriodOfCare, started_at: dt.datetime, failures: Failures
) -> None:
    """Inside the period of care, and not before the child was born."""
    day = timezone.localdate(started_at)
    born = child.date_of_birth
    if born is not None and day < born:
        failures.add(
            "before_birth",
            f"The child went missing before they were born ({words(born)}): check "
            "the date",
            field="started_on",
        )
    elif day < period.started_on:
        failures.add(
            "before_care",
            f"{child} started to be looked after on {words(period.started_on)}: a "
            "missing episode before that is not part of their care",
            field="started_on",
        )
    if period.ended_on is not None and day >= period.ended_on:
        failures.add(
            "after_care",
            f"{child} ceased to be looked after on {words(period.ended_on)}: the "
            "episode must start before that",
            field="started_on",
        )


def check_end(
    period: PeriodOfCare,
    started_at: dt.datetime,
    ended_at: dt.datetime,
    failures: Failures,
) -> None:
    """After the start, and by the day care ended."""
    if ended_at <= started_at:
        failures.add(
            "ends_before_start",
            f"The child went missing on {when(started_at)}: they must have "
            "returned after that",
            field="returned_on",
        )
    ended = period.ended_on
    if ended is not None and timezone.localdate(ended_at) > ended:
        failures.add(
            "ends_after_care",
            f"The child ceased to be looked after on {words(ended)}: record the "
            "return on or before that day (SSDA903 rule 577)",
            field="returned_on",
        )


def _overlap(
    episode: MissingEpisode, start: dt.datetime, end: dt.datetime | None
) -> bool:
    other_end = episode.ended_at
    return (end is None or episode.started_at < end) and (
        other_end is None or start < other_end
    )


def check_overlap(
    episodes: Iterable[MissingEpisode],
    started_at: dt.datetime,
    ended_at: dt.datetime | None,
    failures: Failures,
    *,
    field: str = "started_on",
) -> None:
    """No two episodes of the child overlap, and only one is open (rule 574)."""
    for episode in episodes:
        if not _overlap(episode, started_at, ended_at):
            continue
        span = (
            f"from {when(episode.started_at)} to {when(episode.ended_at)}"
            if episode.ended_at
            else f"from {when(episode.started_at)}, still open"
        )
        failures.add(
            "overlaps_missing",
            f"This would overlap the {episode.get_kind_display().lower()} episode "
            f"{span}: "
            + (
                "record that return first, or correct the dates"
                if episode.ended_at is None
                else "check the dates"
            ),
            field=field,
        )
        return


def check_open_episodes(
    period: PeriodOfCare, on: dt.date | None, failures: Failures
) -> None:
    """Care cannot end while the child is recorded as missing, nor before an
    episode of the period ends (SSDA903 rule 577)."""
    if on is None:
        return
    for episode in period.missing_episodes.all():
        if episode.ended_at is None:
            failures.add(
                "missing_open",
                f"{period.person} is recorded as missing since "
                f"{when(episode.started_at)}: record their return before ending "
                "the period of care (SSDA903 rule 577)",
                field="ended_on",
            )
        elif timezone.localdate(episode.ended_at) > on:
            failures.add(
                "missing_after_end",
                f"A missing episode of this period ended on {when(episode.ended_at)},"
                " after that day: care cannot end before it",
                field="ended_on",
            )
