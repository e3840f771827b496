"""Pages for correcting a term's attendance and an exclusion, with the
reason (haven/care/education/corrections.py). Each is reached from the
attendance and exclusions tables of the child's "Education" section."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from haven.care import pages
from haven.care.education import attendance, corrections
from haven.care.education import school_forms as f
from haven.care.education.school_views import back, opened
from haven.care.models import Attendance, Exclusion
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy


@policy(Policy.OBJECT, of="care.Attendance")
def attendance_page(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(
        Attendance.objects.select_related("enrolment__person"), pk=pk
    )
    person = opened(request, found.enrolment.person_id, "Correct attendance")
    initial = {name: getattr(found, name) for name in corrections.TERM_FIELDS}
    form = f.AttendanceCorrectionForm(pages.posted(request), initial=initial)
    data = lambda name: form.cleaned_data.get(name)  # noqa: E731
    if request.method == "POST" and pages.done(
        form,
        lambda: corrections.correct_attendance(
            found,
            attendance.Term(
                year=data("year"),
                term=data("term") or "",
                possible=data("possible"),
                attended=data("attended"),
            ),
            why=data("why") or "",
            by=request.user,
        ),
    ):
        return back(person, "Attendance corrected", request)
    return pages.page(request, person, form, **f.ATTENDANCE_CORRECTION)


@policy(Policy.OBJECT, of="care.Exclusion")
def exclusion_page(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(
        Exclusion.objects.select_related("enrolment__person"), pk=pk
    )
    person = opened(request, found.enrolment.person_id, "Correct an exclusion")
    initial = {name: getattr(found, name) for name in corrections.EXCLUSION_FIELDS}
    form = f.ExclusionCorrectionForm(pages.posted(request), initial=initial)
    data = lambda name: form.cleaned_data.get(name)  # noqa: E731
    if request.method == "POST" and pages.done(
        form,
        lambda: corrections.correct_exclusion(
            found,
            attendance.NewExclusion(
                kind=data("kind") or "",
                started_on=data("started_on"),
                ended_on=data("ended_on"),
                sessions=data("sessions"),
                reason=data("reason") or "",
            ),
            why=data("why") or "",
            by=request.user,
        ),
    ):
        return back(person, "Exclusion corrected", request)
    return pages.page(request, person, form, **f.EXCLUSION_CORRECTION)
