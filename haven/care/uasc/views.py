"""The UASC pages: the status recorded, and its ceasing. The child's page
shows them (section.py)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from haven.care import pages
from haven.care.models import UascStatus
from haven.care.uasc import forms, recording
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.people.models import Person
from haven.people.views import open_person


def _back(request: AuthenticatedRequest, person: Person, said: str) -> HttpResponse:
    messages.success(request, said)
    return redirect(reverse("people:detail", args=[person.pk]) + "#uasc")


@policy(Policy.PERSON)
def uasc(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Record UASC status")
    pages.may_record(request)
    form = forms.UascForm(pages.posted(request))
    if request.method == "POST" and pages.done(
        form,
        lambda: recording.record_uasc(
            person,
            started_on=form.cleaned_data.get("started_on"),
            ceased_on=form.cleaned_data.get("ceased_on"),
            by=request.user,
        ),
    ):
        return _back(request, person, "UASC status recorded")
    return pages.page(request, person, form, **forms.STARTED)


@policy(Policy.OBJECT, of="care.UascStatus")
def ceased(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    status = get_object_or_404(UascStatus.objects.select_related("person"), pk=pk)
    person = open_person(request, status.person_id, "Record that UASC status ceased")
    pages.may_record(request)
    form = forms.CeasedForm(pages.posted(request))
    if request.method == "POST" and pages.done(
        form,
        lambda: recording.cease_uasc(
            status, on=form.cleaned_data.get("ceased_on"), by=request.user
        ),
    ):
        return _back(request, person, "Date recorded")
    return pages.page(request, person, form, **forms.CEASED)
