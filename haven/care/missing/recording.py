"""Reporting a looked-after child missing (or away from their placement without
authorisation), recording their return, and the police report. Each write
checks the user's role and access, names every fault at once, writes, and
journals its event on the child's record in one transaction.

The child stays on their placement: nothing here touches the placement history.
A return starts the return home interview's clock (LAC-MISSING-RHI); a long
episode, or a third in 30 days, starts the strategy meeting's
(LAC-MISSING-STRAT, haven/care/missing/protocol.py).

Journal events:
  care.child_went_missing               {"missing_episode", "period", "kind",
                                         "started_at", "placement",
                                         "reported_to_police", "police_reference"}
  care.child_returned_from_missing      {"missing_episode", "period", "kind",
                                         "started_at", "returned_at"}
  care.missing_police_report_recorded   {"missing_episode", "reported_to_police",
                                         "police_reference"}
  care.repeat_missing_episodes_recorded {"missing_child", "episodes", "why"}
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from haven.care import recording
from haven.care.missing import checks, protocol
from haven.care.models import MissingEpisode, PeriodOfCare, Placement
from haven.core import journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.people.models import Person
from haven.people.selectors import records_of


@dataclass(frozen=True)
class Police:
    """Whether the police were told, and the reference they gave."""

    reported: bool = False
    reference: str = ""


def episodes_of(child: Person) -> list[MissingEpisode]:
    """Every missing episode of the child, in every period of care, oldest first."""
    return list(
        MissingEpisode.objects.filter(period__person_id__in=records_of(child))
        .select_related("period")
        .order_by("started_at", "pk")
    )


def report_missing(
    period: PeriodOfCare,
    *,
    kind: str,
    started_at: dt.datetime | None,
    police: Police = Police(),
    returned_at: dt.datetime | None = None,
    by: User,
) -> MissingEpisode:
    """The child went missing at `started_at` (or was away without
    authorisation). A past episode may be recorded whole, with `returned_at`."""
    child = period.person
    recording.may_record(by, child)
    failures = Failures()
    checks.check_kind(kind, failures)
    reference = police.reference.strip()
    checks.check_police(police.reported, reference, failures)
    started_at = checks.past_moment(
        started_at, field="started_on", what="they went missing", failures=failures
    )
    with transaction.atomic(), journal.as_one_step():
        # One writer at a time per child: the overlap check reads every period.
        Person.objects.select_for_update().filter(pk=child.pk).exists()
        period = recording.locked(period)
        if started_at is not None:
            _check_new(child, period, started_at, returned_at, failures)
        failures.raise_any()
        assert started_at is not None
        episode = MissingEpisode.objects.create(
            period=period,
            kind=kind,
            started_at=started_at,
            ended_at=returned_at,
            reported_to_police=police.reported,
            police_reference=reference,
        )
        _journal_missing(child, episode, by)
        if returned_at is not None:
            _journal_returned(child, episode, by)
            _strategy_if_long(child, episode, by)
        _strategy_if_repeated(child, episode, by)
    return episode


def _check_new(
    child: Person,
    period: PeriodOfCare,
    started_at: dt.datetime,
    returned_at: dt.datetime | None,
    failures: Failures,
) -> None:
    checks.check_start(child, period, started_at, failures)
    if returned_at is not None:
        checks.check_end(period, started_at, returned_at, failures)
    elif period.ended_on is not None:
        failures.add(
            "return_required",
            "This period of care has ended: record when the child returned too",
            field="returned_on",
        )
    checks.check_overlap(episodes_of(child), started_at, returned_at, failures)


def record_return(
    episode: MissingEpisode,
    *,
    returned_at: dt.datetime | None,
    police: Police | None = None,
    by: User,
) -> MissingEpisode:
    """The child came back, or was found, at `returned_at`. The police report
    may be completed at the same time."""
    child = episode.period.person
    recording.may_record(by, child)
    failures = Failures()
    returned_at = checks.past_moment(
        returned_at, field="returned_on", what="they returned", failures=failures
    )
    if police is not None:
        checks.check_police(police.reported, police.reference.strip(), failures)
    with transaction.atomic(), journal.as_one_step():
        Person.objects.select_for_update().filter(pk=child.pk).exists()
        episode = _locked(episode)
        if episode.ended_at is not None:
            raise DomainError(
                "already_returned",
                f"The child's return was recorded already, on "
                f"{checks.when(episode.ended_at)}",
            )
        if returned_at is not None:
            checks.check_end(episode.period, episode.started_at, returned_at, failures)
            others = [e for e in episodes_of(child) if e.pk != episode.pk]
            checks.check_overlap(
                others, episode.started_at, returned_at, failures, field="returned_on"
            )
        failures.raise_any()
        assert returned_at is not None
        episode.ended_at = returned_at
        if police is not None and _police_changes(episode, police):
            _set_police(episode, police)
            _journal_police(child, episode, by)
        episode.save()
        _journal_returned(child, episode, by)
        _strategy_if_long(child, episode, by)
    return episode


def record_police_report(
    episode: MissingEpisode, *, police: Police, by: User
) -> MissingEpisode:
    """Whether the police were told, and their reference, added or put right."""
    child = episode.period.person
    recording.may_record(by, child)
    failures = Failures()
    checks.check_police(police.reported, police.reference.strip(), failures)
    with transaction.atomic():
        episode = _locked(episode)
        if not failures and not _police_changes(episode, police):
            failures.add(
                "nothing_changed",
                "This is what is recorded already: change the answer or the reference",
                field="police_reference",
            )
        failures.raise_any()
        _set_police(episode, police)
        episode.save(update_fields=["reported_to_police", "police_reference"])
        _journal_police(child, episode, by)
    return episode


def _locked(episode: MissingEpisode) -> MissingEpisode:
    return (
        MissingEpisode.objects.select_for_update()
        .select_related("period__person")
        .get(pk=episode.pk)
    )


def _police_changes(episode: MissingEpisode, police: Police) -> bool:
    return (episode.reported_to_police, episode.police_reference) != (
        police.reported,
        police.reference.strip(),
    )


def _set_police(episode: MissingEpisode, police: Police) -> None:
    episode.reported_to_police = police.reported
    episode.police_reference = police.reference.strip()


def _placement_on(period: PeriodOfCare, day: dt.date) -> Placement | None:
    """The placement the child stays on while missing."""
    return (
        period.placements.filter(started_on__lte=day)
        .exclude(ended_on__lte=day)
        .order_by("-started_on")
        .first()
    )


def _journal_missing(child: Person, episode: MissingEpisode, by: User) -> None:
    placement = _placement_on(episode.period, timezone.localdate(episode.started_at))
    journal.append(
        child,
        "care.child_went_missing",
        {
            "missing_episode": episode.pk,
            "period": episode.period_id,
            "kind": episode.kind,
            "started_at": episode.started_at,
            "placement": placement.pk if placement else None,
            "reported_to_police": episode.reported_to_police,
            "police_reference": episode.police_reference,
        },
        by=by,
        occurred_at=episode.started_at,
        significant=True,
    )


def _journal_returned(child: Person, episode: MissingEpisode, by: User) -> None:
    journal.append(
        child,
        "care.child_returned_from_missing",
        {
            "missing_episode": episode.pk,
            "period": episode.period_id,
            "kind": episode.kind,
            "started_at": episode.started_at,
            "returned_at": episode.ended_at,
        },
        by=by,
        occurred_at=episode.ended_at,
        significant=True,
    )


def _journal_police(child: Person, episode: MissingEpisode, by: User) -> None:
    journal.append(
        child,
        "care.missing_police_report_recorded",
        {
            "missing_episode": episode.pk,
            "reported_to_police": episode.reported_to_police,
            "police_reference": episode.police_reference,
        },
        by=by,
    )


def _strategy_if_repeated(child: Person, episode: MissingEpisode, by: User) -> None:
    repeated = protocol.repeats_with(episodes_of(child), episode)
    if repeated:
        _journal_strategy(
            child,
            [e.pk for e in repeated],
            protocol.repeat_words(len(repeated)),
            episode.started_at,
            by,
        )


def _strategy_if_long(child: Person, episode: MissingEpisode, by: User) -> None:
    if protocol.is_long(episode):
        assert episode.ended_at is not None
        why = protocol.long_words(protocol.lasted(episode))
        _journal_strategy(child, [episode.pk], why, episode.ended_at, by)


def _journal_strategy(
    child: Person, episodes: list[int], why: str, at: dt.datetime, by: User
) -> None:
    journal.append(
        child,
        "care.repeat_missing_episodes_recorded",
        {"missing_child": child.pk, "episodes": episodes, "why": why},
        by=by,
        occurred_at=at,
    )
