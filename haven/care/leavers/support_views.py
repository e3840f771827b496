"""The pages to record a care leaver's accommodation, the personal adviser's
visits and staying put or staying close. What is recorded is shown in the
person's Leaving care section (section.py)."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from haven.care import pages
from haven.care.leavers import accommodation, staying, support_forms
from haven.care.leavers.local_offer import local_offer
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.people.views import open_person

ACCOMMODATION_GUIDANCE = (
    "Record each place the care leaver lives, from the day they move in, with "
    "whether it suits them. Their personal adviser visits within 7 days of "
    "accommodation first being provided."
)
VISIT_GUIDANCE = (
    "The personal adviser visits the young person where they live within 7 "
    "days of it first being provided, before each pathway plan review, and at "
    "least every two months."
)
VISIT_SOURCE = "Care Leavers (England) Regulations 2010 reg 8(2)"
STAYING_GUIDANCE = (
    "Staying put: a young person stays on with their former foster carer "
    "after 18, at the latest to their 21st birthday. Staying close: a young "
    "person leaving a children's home lives nearby with its support, at the "
    "latest to the birthday the council sets ({close})."
)
STAYING_SOURCE = "Children Act 1989 s23CZA (staying put) and s23CZB"


def _back(person_pk: int) -> HttpResponse:
    return redirect(reverse("people:detail", args=[person_pk]) + "#leaving-care")


def _offer_words() -> str:
    offer = local_offer()
    if offer is None:
        return " The council's local offer for care leavers is not set."
    return f" The council's local offer for care leavers: {offer.url}"


@policy(Policy.PERSON)
def provide_accommodation(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Record a care leaver's accommodation")
    pages.may_record(request)
    form = support_forms.AccommodationForm(pages.posted(request))

    def write() -> object:
        data = form.cleaned_data
        return accommodation.provide_accommodation(
            person,
            started_on=data.get("started_on"),
            accommodation=data.get("accommodation") or "",
            place=data.get("place") or "",
            by=request.user,
        )

    if request.method == "POST" and pages.done(form, write):
        messages.success(request, "Accommodation recorded")
        return _back(person.pk)
    return pages.page(
        request,
        person,
        form,
        heading="Where they live",
        guidance=ACCOMMODATION_GUIDANCE,
        source="Children Act 1989 s23B and s24B; SSDA903 OC3 ACCOM",
        button="Record the accommodation",
    )


@policy(Policy.PERSON)
def adviser_visit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Record a personal adviser's visit")
    pages.may_record(request)
    form = support_forms.AdviserVisitForm(pages.posted(request))

    def write() -> object:
        data = form.cleaned_data
        return accommodation.record_adviser_visit(
            person,
            visited_on=data.get("visited_on"),
            note=data.get("note") or "",
            by=request.user,
        )

    if request.method == "POST" and pages.done(form, write):
        messages.success(request, "Visit recorded")
        return _back(person.pk)
    return pages.page(
        request,
        person,
        form,
        heading="Personal adviser's visit",
        guidance=VISIT_GUIDANCE + _offer_words(),
        source=VISIT_SOURCE,
        button="Record the visit",
    )


@policy(Policy.PERSON)
def record_staying(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Record staying put or staying close")
    pages.may_record(request)
    form = support_forms.StayingForm(pages.posted(request))

    def write() -> object:
        data = form.cleaned_data
        return staying.record_staying(
            person,
            kind=data.get("kind") or "",
            started_on=data.get("started_on"),
            ends_on=data.get("ends_on"),
            with_whom=data.get("with_whom") or "",
            by=request.user,
        )

    if request.method == "POST" and pages.done(form, write):
        messages.success(request, "Arrangement recorded")
        return _back(person.pk)
    return pages.page(
        request,
        person,
        form,
        heading="Staying put or staying close",
        guidance=STAYING_GUIDANCE.format(
            close=f"here, {settings.HAVEN_STAYING_CLOSE_UNTIL_AGE}"
        ),
        source=STAYING_SOURCE,
        button="Record the arrangement",
    )
