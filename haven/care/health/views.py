"""Pages to record a looked-after child's health, and the links My work gives
for a health assessment or an SDQ due about a period of care. The records
themselves are shown on the child's page (section.py)."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from haven.care import pages
from haven.care.health import assessments, forms, guidance, records
from haven.care.models import PeriodOfCare
from haven.core.forms import Form
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.people.models import Person
from haven.people.views import open_person


def _page(
    request: AuthenticatedRequest,
    pk: int,
    form_class: type[Form],
    words: dict[str, str],
    write: Callable[[Person, dict[str, Any]], object],
    initial: dict[str, Any] | None = None,
) -> HttpResponse:
    """Open the child's record for a user who may record care, and run the
    form through its service."""
    person = open_person(request, pk, f"Record a {words['heading'].lower()}")
    pages.may_record(request)
    form = form_class(pages.posted(request), initial=initial)
    if request.method == "POST" and pages.done(
        form, lambda: write(person, form.cleaned_data)
    ):
        messages.success(request, f"{words['heading']} recorded")
        return redirect(reverse("people:detail", args=[person.pk]) + "#health")
    return pages.page(request, person, form, **words)


@policy(Policy.PERSON)
def assessment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def write(person: Person, data: dict[str, Any]) -> object:
        return assessments.record_health_assessment(
            person,
            assessments.Assessment(
                kind=data.get("kind") or "",
                completed_on=data.get("completed_on"),
                professional=data.get("professional") or "",
                role=data.get("role") or "",
                outcome=data.get("outcome") or "",
            ),
            by=request.user,
        )

    kind = request.GET.get("kind")
    initial = {"kind": kind} if kind else None
    return _page(
        request, pk, forms.HealthAssessmentForm, guidance.ASSESSMENT, write, initial
    )


@policy(Policy.PERSON)
def dental(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def write(person: Person, data: dict[str, Any]) -> object:
        return records.record_dental_check(
            person,
            checked_on=data.get("checked_on"),
            notes=data.get("notes") or "",
            by=request.user,
        )

    return _page(request, pk, forms.DentalCheckForm, guidance.DENTAL, write)


@policy(Policy.PERSON)
def up_to_date(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def write(person: Person, data: dict[str, Any]) -> object:
        return records.record_up_to_date(
            person,
            what=data.get("what") or "",
            answer=data.get("answer") or "",
            checked_on=data.get("checked_on"),
            by=request.user,
        )

    return _page(request, pk, forms.UpToDateForm, guidance.UP_TO_DATE, write)


@policy(Policy.PERSON)
def sdq(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def write(person: Person, data: dict[str, Any]) -> object:
        return records.record_sdq(
            person,
            score=data.get("score"),
            completed_by=data.get("completed_by") or "",
            completed_on=data.get("completed_on"),
            by=request.user,
        )

    return _page(request, pk, forms.SdqForm, guidance.SDQ, write)


@policy(Policy.PERSON)
def substance(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def write(person: Person, data: dict[str, Any]) -> object:
        return records.record_substance_misuse(
            person,
            identified_on=data.get("identified_on"),
            intervention_offered=data.get("intervention_offered") == "yes",
            intervention_received=data.get("intervention_received") == "yes",
            details=data.get("details") or "",
            by=request.user,
        )

    return _page(request, pk, forms.SubstanceMisuseForm, guidance.SUBSTANCE, write)


@policy(Policy.PERSON)
def offence(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def write(person: Person, data: dict[str, Any]) -> object:
        return records.record_offence(
            person,
            kind=data.get("kind") or "",
            on=data.get("on"),
            details=data.get("details") or "",
            by=request.user,
        )

    return _page(request, pk, forms.OffenceForm, guidance.OFFENCE, write)


def _period(request: AuthenticatedRequest, pk: int, what: str) -> PeriodOfCare:
    period = get_object_or_404(PeriodOfCare, pk=pk)
    open_person(request, period.person_id, what)
    return period


@policy(Policy.OBJECT, of="care.PeriodOfCare")
def initial_assessment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """An initial health assessment due for a period of care (My work's link)."""
    period = _period(request, pk, "Record an initial health assessment")
    url = reverse("care:health_assessment", args=[period.person_id])
    return redirect(f"{url}?kind=initial")


@policy(Policy.OBJECT, of="care.PeriodOfCare")
def period_sdq(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """An SDQ due for a period of care (My work's link)."""
    period = _period(request, pk, "Record an SDQ score")
    return redirect("care:health_sdq", pk=period.person_id)
