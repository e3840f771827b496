"""The "Education" section of a looked-after child's page: their UPN, when
the next personal education plan is due (from the timescale engine), and the
PEPs recorded."""

from typing import Any

from haven.care.education.who import may_record_education
from haven.care.models import Attendance, Enrolment, Exclusion, PersonalEducationPlan
from haven.care.selectors import care_for_page
from haven.core import few
from haven.core.models import User
from haven.people import sections
from haven.people.identifiers import is_temporary_upn
from haven.people.models import Person
from haven.timescales import selectors as timescales

SHOWN = 6


def education_section(
    person: Person, user: User, record_ids: list[int]
) -> dict[str, Any] | None:
    """The section's context; None for a child never looked after."""
    cares = care_for_page(person)
    if not cares:
        return None
    current = cares[0].period if cares[0].period.is_open else None
    obligations = timescales.due_for_page(record_ids)
    due = [
        day
        for rule_id, subject in (
            ("LAC-PEP", current.pk if current else None),
            ("LAC-PEP-REVIEW", person.pk),
        )
        if subject is not None
        and (day := timescales.next_due_in(obligations, person.pk, rule_id, subject))
    ]
    return {
        "person": person,
        "current": current,
        "upn": person.upn,
        # An EHC plan, from SEND: the virtual school reads it beside the PEPs.
        "education_flags": sections.flags_of(record_ids, "education"),
        "temporary_upn": is_temporary_upn(person.upn or ""),
        "next_pep": min(due) if due else None,
        "peps": few.of(
            "care.education.peps",
            PersonalEducationPlan,
            record_ids,
            lambda ids: PersonalEducationPlan.objects.filter(
                person_id__in=ids
            ).order_by("-held_on", "-pk")[:SHOWN],
        ),
        **schools(record_ids),
        "may_record": may_record_education(user) and sections.may_change(user, person),
    }


def schools(record_ids: list[int]) -> dict[str, Any]:
    """The child's school history: enrolments, newest first, each with its
    terms' attendance and its exclusions."""
    enrolments = few.of(
        "care.education.enrolments",
        Enrolment,
        record_ids,
        lambda ids: Enrolment.objects.filter(person_id__in=ids).select_related(
            "establishment"
        ),
    )
    ids = [e.pk for e in enrolments]
    return {
        "enrolments": enrolments,
        "attendances": few.of(
            "care.education.attendances",
            Attendance,
            ids,
            lambda found: (
                Attendance.objects.filter(enrolment_id__in=found)
                .select_related("enrolment__establishment")
                .order_by("-year", "-pk")
            ),
        ),
        "exclusions": few.of(
            "care.education.exclusions",
            Exclusion,
            ids,
            lambda found: Exclusion.objects.filter(
                enrolment_id__in=found
            ).select_related("enrolment__establishment"),
        ),
    }
