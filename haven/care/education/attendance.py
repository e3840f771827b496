"""Recording a looked-after child's attendance each term and their
exclusions, at a school they were enrolled at (schools.py).

Journal events:
  care.attendance_recorded {"attendance", "enrolment", "school", "year", "term",
                            "possible", "attended"}
  care.exclusion_recorded  {"exclusion", "enrolment", "school", "kind",
                            "started_on", "ended_on", "sessions", "reason"}
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from haven.care import inputs
from haven.care.education import who
from haven.care.health import common
from haven.care.models import Attendance, Enrolment, Exclusion
from haven.core import clock
from haven.core.errors import Failures
from haven.core.models import User
from haven.people.models import Person

RECORDED = "care.attendance_recorded"
EXCLUDED = "care.exclusion_recorded"
TERMS = Attendance._meta.get_field("term").choices


@dataclass(frozen=True)
class Term:
    """A term's sessions, as the school reported them."""

    year: int | None
    term: str
    possible: int | None
    attended: int | None


def record_attendance(
    child: Person, enrolment: Enrolment | None, term: Term, *, by: User
) -> Attendance:
    """The school reported the child's attendance for a term at a school
    they were enrolled at."""
    failures = who.start(child, by)
    enrolment = who.at_school(child, enrolment, failures)
    if enrolment:
        check_year(enrolment, term.year, failures)
    check_sessions(term, failures)
    with transaction.atomic():
        common.lock(child)
        if (
            enrolment
            and term.year
            and Attendance.objects.filter(
                enrolment=enrolment, year=term.year, term=term.term
            ).exists()
        ):
            failures.add(
                "term_recorded",
                "This term's attendance at this school is already recorded",
                field="term",
            )
        failures.raise_any()
        assert enrolment and term.year and term.possible
        assert term.attended is not None
        made = Attendance.objects.create(
            enrolment=enrolment,
            year=term.year,
            term=term.term,
            possible=term.possible,
            attended=term.attended,
            recorded_by=by,
        )
        payload = {
            "attendance": made.pk,
            "enrolment": enrolment.pk,
            "school": enrolment.establishment.name,
            "year": made.year,
            "term": made.term,
            "possible": made.possible,
            "attended": made.attended,
        }
        common.journal_on(child, RECORDED, payload, clock.today(), by)
    return made


def check_year(enrolment: Enrolment, year: int | None, failures: Failures) -> None:
    """A school year the child was on the roll, not one still to come."""
    first = enrolment.started_on.year - 1
    last = (enrolment.ended_on or clock.today()).year
    if year is None or not first <= year <= min(last, clock.today().year):
        failures.add(
            "year_outside_enrolment",
            "Enter a school year when the child was on this school's roll, "
            "by its first calendar year (2025 for 2025/26)",
            field="year",
        )


@dataclass(frozen=True)
class NewExclusion:
    """What the worker enters about a suspension or permanent exclusion."""

    kind: str
    started_on: dt.date | None
    ended_on: dt.date | None
    sessions: int | None
    reason: str


def record_exclusion(
    child: Person, enrolment: Enrolment | None, new: NewExclusion, *, by: User
) -> Exclusion:
    """The school suspended or permanently excluded the child."""
    failures = who.start(child, by)
    enrolment = who.at_school(child, enrolment, failures)
    check_exclusion(enrolment, new, failures)
    with transaction.atomic():
        common.lock(child)
        failures.raise_any()
        assert enrolment is not None and new.started_on is not None
        made = Exclusion.objects.create(
            enrolment=enrolment,
            kind=new.kind,
            started_on=new.started_on,
            ended_on=new.ended_on,
            sessions=new.sessions,
            reason=new.reason,
            recorded_by=by,
        )
        payload = {
            "exclusion": made.pk,
            "enrolment": enrolment.pk,
            "school": enrolment.establishment.name,
            "kind": made.kind,
            "started_on": made.started_on,
            "ended_on": made.ended_on,
            "sessions": made.sessions,
            "reason": made.reason,
        }
        common.journal_on(child, EXCLUDED, payload, made.started_on, by)
    return made


def check_exclusion(
    enrolment: Enrolment | None, new: NewExclusion, failures: Failures
) -> None:
    common.choice(
        new.kind,
        Exclusion.Kind,
        field="kind",
        what="Choose a suspension or a permanent exclusion",
        failures=failures,
    )
    common.choice(
        new.reason,
        Exclusion.Reason,
        field="reason",
        what="Choose the reason the school gave",
        failures=failures,
    )
    start = inputs.past_date(
        new.started_on,
        field="started_on",
        what="the exclusion started",
        failures=failures,
    )
    if start and enrolment and not _on_roll(enrolment, start):
        failures.add(
            "outside_enrolment",
            f"The child was not on {enrolment.establishment.name}'s roll on "
            f"{inputs.words(start)}",
            field="started_on",
        )
    if new.kind == Exclusion.Kind.SUSPENSION and not new.sessions:
        failures.add(
            "sessions_required",
            "Enter the number of sessions (half days) of the suspension",
            field="sessions",
        )
    if start and new.ended_on and new.ended_on < start:
        failures.add(
            "ended_before_start",
            "The last day must be on or after the first day",
            field="ended_on",
        )
    if new.kind == Exclusion.Kind.PERMANENT and new.ended_on:
        failures.add(
            "permanent_has_no_end",
            "A permanent exclusion has no last day: leave it blank",
            field="ended_on",
        )


def _on_roll(enrolment: Enrolment, day: dt.date) -> bool:
    return enrolment.started_on <= day and (
        enrolment.ended_on is None or day <= enrolment.ended_on
    )


def check_sessions(term: Term, failures: Failures) -> None:
    if term.term not in {value for value, _label in TERMS or ()}:
        failures.add("term_required", "Choose the school term", field="term")
    if not term.possible:
        failures.add(
            "possible_required",
            "Enter the number of sessions possible (two a school day)",
            field="possible",
        )
    if term.attended is None:
        failures.add(
            "attended_required",
            "Enter the number of sessions attended",
            field="attended",
        )
    elif term.possible and term.attended > term.possible:
        failures.add(
            "attended_too_many",
            "Sessions attended cannot be more than the sessions possible",
            field="attended",
        )
