"""The school history's pages: a school, leaving it, a term's attendance and
an exclusion. Each opens the child's record (access checked, the read logged)
and calls a service; the child's page shows the history (section.py)."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from haven.care import pages
from haven.care.education import attendance, schools, who
from haven.care.education import school_forms as f
from haven.care.models import Enrolment
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.people.models import Person
from haven.people.selectors import records_of
from haven.people.views import open_person


def back(person: Person, said: str, request: AuthenticatedRequest) -> HttpResponse:
    messages.success(request, said)
    return redirect(reverse("people:detail", args=[person.pk]) + "#education")


def opened(request: AuthenticatedRequest, pk: int, what: str) -> Person:
    person = open_person(request, pk, what)
    who.may_record(request)
    return person


@policy(Policy.PERSON)
def enrolment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = opened(request, pk, "Record a school")
    form = f.EnrolmentForm(pages.posted(request))
    data = lambda name: form.cleaned_data.get(name)  # noqa: E731
    if request.method == "POST" and pages.done(
        form,
        lambda: schools.record_enrolment(
            person,
            schools.NewEnrolment(
                urn=data("urn") or "",
                kind=data("kind") or "",
                started_on=data("started_on"),
                ended_on=data("ended_on"),
            ),
            by=request.user,
        ),
    ):
        return back(person, "School recorded", request)
    return pages.page(request, person, form, **f.ENROLMENT)


@policy(Policy.OBJECT, of="care.Enrolment")
def left(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Enrolment.objects.select_related("person"), pk=pk)
    person = opened(request, found.person_id, "Record that a child left a school")
    form = f.LeftForm(pages.posted(request))
    if request.method == "POST" and pages.done(
        form,
        lambda: schools.end_enrolment(
            found, on=form.cleaned_data.get("ended_on"), by=request.user
        ),
    ):
        return back(person, "Leaving date recorded", request)
    return pages.page(request, person, form, **f.LEFT)


def _enrolments(person: Person) -> list[Enrolment]:
    return list(
        Enrolment.objects.filter(person_id__in=records_of(person)).select_related(
            "establishment", "person"
        )
    )


def _chosen(enrolments: list[Enrolment], form: Any) -> Enrolment | None:
    chosen = form.cleaned_data.get("enrolment") if hasattr(form, "cleaned_data") else ""
    return next((e for e in enrolments if str(e.pk) == chosen), None)


@policy(Policy.PERSON)
def attendance_page(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = opened(request, pk, "Record a term's attendance")
    enrolments = _enrolments(person)
    form = f.AttendanceForm(pages.posted(request), enrolments=enrolments)
    data = lambda name: form.cleaned_data.get(name)  # noqa: E731
    if request.method == "POST" and pages.done(
        form,
        lambda: attendance.record_attendance(
            person,
            _chosen(enrolments, form),
            attendance.Term(
                year=data("year"),
                term=data("term") or "",
                possible=data("possible"),
                attended=data("attended"),
            ),
            by=request.user,
        ),
    ):
        return back(person, "Attendance recorded", request)
    return pages.page(request, person, form, **f.ATTENDANCE)


@policy(Policy.PERSON)
def exclusion(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = opened(request, pk, "Record a suspension or exclusion")
    enrolments = _enrolments(person)
    form = f.ExclusionForm(pages.posted(request), enrolments=enrolments)
    data = lambda name: form.cleaned_data.get(name)  # noqa: E731
    if request.method == "POST" and pages.done(
        form,
        lambda: attendance.record_exclusion(
            person,
            _chosen(enrolments, form),
            attendance.NewExclusion(
                kind=data("kind") or "",
                started_on=data("started_on"),
                ended_on=data("ended_on"),
                sessions=data("sessions"),
                reason=data("reason") or "",
            ),
            by=request.user,
        ),
    ):
        return back(person, "Exclusion recorded", request)
    return pages.page(request, person, form, **f.EXCLUSION)
