"""Dated immigration statuses, UASC among them (DfE SSDA903 UASC table)."""

import datetime as dt

from django.db import transaction

from haven.core import access, clock, few, journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.core.roles import records_about_children
from haven.people import lifestage
from haven.people.codes import ImmigrationStatusKind
from haven.people.models import IMMIGRATION_PERIOD, ImmigrationStatus, Person


def eighteenth_birthday(person: Person) -> dt.date | None:
    born = person.date_of_birth
    if born is None:
        return None
    try:
        return born.replace(year=born.year + lifestage.ADULTHOOD)
    except ValueError:  # born on 29 February: 18 on 1 March
        return dt.date(born.year + lifestage.ADULTHOOD, 3, 1)


def _check_dates(
    person: Person,
    status: str,
    started_on: dt.date | None,
    ended_on: dt.date | None,
    failures: Failures,
) -> None:
    if started_on is None:
        failures.add("start_required", "Enter the date it started", field="started_on")
    elif started_on > clock.today():
        failures.add(
            "start_in_future",
            "The date it started must be today or in the past",
            field="started_on",
        )
    if started_on and ended_on and ended_on < started_on:
        failures.add(
            "end_before_start",
            "The date it ended must be on or after the date it started",
            field="ended_on",
        )
    if status != ImmigrationStatusKind.UASC:
        return
    if started_on and not lifestage.is_child_on(person, started_on):
        failures.add(
            "uasc_not_a_child",
            f"{person} was not a child on that date: UASC status is for a child "
            "under 18",
            field="started_on",
        )
    eighteen = eighteenth_birthday(person)
    if eighteen and ended_on and ended_on > eighteen:
        failures.add(
            "uasc_after_18",
            f"UASC status ceases no later than {person}'s 18th birthday, "
            f"{eighteen:%-d %B %Y} (SSDA903 rule 304)",
            field="ended_on",
        )


def _check_overlap(
    person: Person,
    status: str,
    started_on: dt.date | None,
    ended_on: dt.date | None,
    failures: Failures,
) -> None:
    """One status of a kind at a time (the database refuses it too on
    PostgreSQL); both ends are days it held."""
    if started_on is None or (ended_on and ended_on < started_on):
        return
    same = ImmigrationStatus.objects.filter(person=person, status=status)
    clash = IMMIGRATION_PERIOD.clash(same, started_on, ended_on, what="")
    if clash is not None:
        failures.add(
            "status_overlaps",
            f"{person} already has this status "
            f"{IMMIGRATION_PERIOD.words(clash.row)}: change the dates so they do "
            "not overlap",
            field="started_on",
        )


def record_immigration_status(
    person: Person,
    *,
    status: str,
    started_on: dt.date | None,
    ended_on: dt.date | None = None,
    detail: str = "",
    by: User,
) -> ImmigrationStatus:
    """Record a status a person had from one date (to another); journaled."""
    if not records_about_children(by):
        raise DomainError("not_permitted", "Your role does not include recording")
    access.require_lasting_access(by, person)
    detail = detail.strip()
    failures = Failures()
    if status not in ImmigrationStatusKind.values:
        failures.add("status_required", "Choose the status", field="status")
    if status == ImmigrationStatusKind.OTHER and not detail:
        failures.add("detail_required", "Describe the status", field="detail")
    _check_dates(person, status, started_on, ended_on, failures)
    _check_overlap(person, status, started_on, ended_on, failures)
    failures.raise_any()
    with transaction.atomic():
        row = ImmigrationStatus.objects.create(
            person=person,
            status=status,
            detail=detail,
            started_on=started_on,
            ended_on=ended_on,
            recorded_by=by,
            recorded_at=clock.now(),
        )
        journal.append(
            person,
            "people.immigration_status_recorded",
            {
                "status": status,
                "words": str(row),
                "from": started_on,
                "to": ended_on,
            },
            by=by,
            significant=status == ImmigrationStatusKind.UASC,
        )
    return row


def statuses_of(ids: list[int]) -> list[ImmigrationStatus]:
    return few.of(
        "people.statuses_of",
        ImmigrationStatus,
        ids,
        lambda found: ImmigrationStatus.objects.filter(
            person_id__in=found
        ).select_related("recorded_by"),
    )
