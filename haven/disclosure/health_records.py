"""A looked-after child's health and education records in the subject access
export: health assessments (naming the professional, for the officer to
review), dental checks, immunisations and development checks, SDQ scores,
substance misuse, warnings and convictions, and personal education plans
(naming the teachers). The record has been opened (access checked, the read
logged) before this runs, as for the rest of the export."""

from collections.abc import Iterator

from haven.care.models import (
    DentalCheck,
    HealthAssessment,
    Offence,
    PersonalEducationPlan,
    SdqScore,
    SubstanceMisuse,
    UpToDate,
)
from haven.disclosure.rows import Row


def health_records(ids: list[int]) -> Iterator[Row]:
    mine = {"person_id__in": ids}
    for a in HealthAssessment.objects.filter(**mine).order_by("completed_on", "pk"):
        yield Row(
            "Health assessment",
            a.completed_on,
            a.get_kind_display(),
            a.outcome,
            named=(f"health professional: {a.professional}, {a.role}",),
        )
    for d in DentalCheck.objects.filter(**mine).order_by("checked_on", "pk"):
        yield Row("Dental check", d.checked_on, "Dental check", d.notes)
    for u in UpToDate.objects.filter(**mine).order_by("checked_on", "pk"):
        yield Row("Health checks", u.checked_on, u.get_what_display(), str(u))
    for s in SdqScore.objects.filter(**mine).order_by("completed_on", "pk"):
        yield Row(
            "SDQ",
            s.completed_on,
            f"Score {s.score}",
            f"Completed by {s.get_completed_by_display().lower()}",
        )
    for m in SubstanceMisuse.objects.filter(**mine).order_by("identified_on", "pk"):
        offered = "offered" if m.intervention_offered else "not offered"
        received = "received" if m.intervention_received else "not received"
        text = f"Intervention {offered}, {received}. {m.details}".strip()
        yield Row("Substance misuse", m.identified_on, "Identified", text)
    for o in Offence.objects.filter(**mine).order_by("on", "pk"):
        yield Row("Offending", o.on, o.get_kind_display(), o.details)
    yield from _peps(ids)


def _peps(ids: list[int]) -> Iterator[Row]:
    peps = PersonalEducationPlan.objects.filter(person_id__in=ids)
    for p in peps.order_by("held_on", "pk"):
        named = [f"designated teacher: {p.designated_teacher}"]
        if p.virtual_school:
            named.append(f"virtual school: {p.virtual_school}")
        yield Row(
            "Personal education plan",
            p.held_on,
            f"{p.get_term_display()} term, {p.school}",
            p.summary,
            named=tuple(named),
        )
