"""Correcting a term's attendance or an exclusion as the school should have
reported it (a figure mistyped, the wrong term, the wrong reason). A correction
never overwrites in silence: it needs a reason, and its journal event keeps
the record before and after. The school it was recorded at stays: a record at
the wrong school is a new record there.

Journal events:
  care.attendance_corrected {"attendance", "school", "before", "after", "why"}
  care.exclusion_corrected  {"exclusion", "school", "before", "after", "why"}
"""

from typing import Any

from django.db import transaction

from haven.care.education import attendance, who
from haven.care.health import common
from haven.care.models import Attendance, Exclusion
from haven.core import clock
from haven.core.errors import Failures
from haven.core.models import User

ATTENDANCE_CORRECTED = "care.attendance_corrected"
EXCLUSION_CORRECTED = "care.exclusion_corrected"
TERM_FIELDS = ("year", "term", "possible", "attended")
EXCLUSION_FIELDS = ("kind", "started_on", "ended_on", "sessions", "reason")


def correct_attendance(
    found: Attendance, term: attendance.Term, *, why: str, by: User
) -> Attendance:
    """Correct a term's attendance, for a reason."""
    child = found.enrolment.person
    failures = who.start(child, by)
    _why(why, "the attendance", failures)
    attendance.check_year(found.enrolment, term.year, failures)
    attendance.check_sessions(term, failures)
    with transaction.atomic():
        common.lock(child)
        found = Attendance.objects.select_related("enrolment__establishment").get(
            pk=found.pk
        )
        clash = Attendance.objects.filter(
            enrolment=found.enrolment, year=term.year or 0, term=term.term
        ).exclude(pk=found.pk)
        if term.year and clash.exists():
            failures.add(
                "term_recorded",
                "That term's attendance at this school is already recorded: "
                "correct that record instead",
                field="term",
            )
        before = _facts(found, TERM_FIELDS)
        after = {name: getattr(term, name) for name in TERM_FIELDS}
        _changed(before, after, failures)
        failures.raise_any()
        for name, value in after.items():
            setattr(found, name, value)
        found.save(update_fields=list(TERM_FIELDS))
        payload = _payload("attendance", found, before, why)
        common.journal_on(child, ATTENDANCE_CORRECTED, payload, clock.today(), by)
    return found


def correct_exclusion(
    found: Exclusion, new: attendance.NewExclusion, *, why: str, by: User
) -> Exclusion:
    """Correct a suspension or exclusion, for a reason."""
    child = found.enrolment.person
    failures = who.start(child, by)
    _why(why, "the exclusion", failures)
    attendance.check_exclusion(found.enrolment, new, failures)
    with transaction.atomic():
        common.lock(child)
        found = Exclusion.objects.select_related("enrolment__establishment").get(
            pk=found.pk
        )
        before = _facts(found, EXCLUSION_FIELDS)
        after = {name: getattr(new, name) for name in EXCLUSION_FIELDS}
        _changed(before, after, failures)
        failures.raise_any()
        for name, value in after.items():
            setattr(found, name, value)
        found.save(update_fields=list(EXCLUSION_FIELDS))
        payload = _payload("exclusion", found, before, why)
        common.journal_on(child, EXCLUSION_CORRECTED, payload, clock.today(), by)
    return found


def _why(why: str, what: str, failures: Failures) -> None:
    if not why.strip():
        failures.add("why_required", f"Say why {what} is being corrected", field="why")


def _changed(before: dict[str, Any], after: dict[str, Any], failures: Failures) -> None:
    if before == after:
        failures.add(
            "nothing_changed",
            "Nothing has been changed: correct at least one answer, or go back",
        )


def _facts(record: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(record, name) for name in names}


def _payload(
    what: str, record: Any, before: dict[str, Any], why: str
) -> dict[str, Any]:
    names = TERM_FIELDS if what == "attendance" else EXCLUSION_FIELDS
    return {
        what: record.pk,
        "school": record.enrolment.establishment.name,
        "before": before,
        "after": _facts(record, names),
        "why": why.strip(),
    }
