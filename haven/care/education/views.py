"""The personal education plan page, and the link My work gives for a PEP due
about a period of care. PEPs are shown on the child's page (section.py)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from haven.care import pages
from haven.care.education import recording, who
from haven.care.education.forms import GUIDANCE, PepForm
from haven.care.models import PeriodOfCare
from haven.core.flags import topic_flags
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.people.views import open_person


@policy(Policy.PERSON)
def pep(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Record a personal education plan")
    who.may_record(request)
    form = PepForm(pages.posted(request))
    if request.method == "POST" and pages.done(
        form,
        lambda: recording.record_pep(
            person,
            recording.Pep(
                held_on=form.cleaned_data.get("held_on"),
                term=form.cleaned_data.get("term") or "",
                school=form.cleaned_data.get("school") or "",
                designated_teacher=form.cleaned_data.get("designated_teacher") or "",
                virtual_school=form.cleaned_data.get("virtual_school") or "",
                summary=form.cleaned_data.get("summary") or "",
            ),
            by=request.user,
        ),
    ):
        messages.success(request, "Personal education plan recorded")
        return redirect(reverse("people:detail", args=[person.pk]) + "#education")
    flags = topic_flags([person.pk], "education")
    return pages.page(request, person, form, education_flags=flags, **GUIDANCE)


@policy(Policy.OBJECT, of="care.PeriodOfCare")
def period_pep(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A PEP due for a period of care (My work's link)."""
    period = get_object_or_404(PeriodOfCare, pk=pk)
    open_person(request, period.person_id, "Record a personal education plan")
    return redirect("care:pep", pk=period.person_id)
