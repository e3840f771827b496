"""The page to record what was found at a care leaver's birthday. The status,
the personal adviser and the records are shown on the person's page
(section.py)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from haven.care import pages
from haven.care.leavers import booking, education_return, forms, needs, pathway
from haven.care.leavers.keeping_in_touch import Contact, record_birthday_contact
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.people.views import open_person

HEADING = "Keeping in touch at a birthday"
GUIDANCE = (
    "Around each birthday from 17 to 21 the authority records whether it is in "
    "touch with the care leaver, their main activity, and their accommodation "
    "with whether it suits them. Only a relevant or former relevant young "
    "person is recorded: their status on the birthday decides."
)
SOURCE = (
    "SSDA903 children looked after return, OC3 table (care leavers); Children "
    "Act 1989 s23B and s23C (keeping in touch)"
)


def _back(person_pk: int) -> HttpResponse:
    return redirect(reverse("people:detail", args=[person_pk]) + "#leaving-care")


@policy(Policy.PERSON)
def birthday_contact(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Record keeping in touch at a birthday")
    pages.may_record(request)
    form = forms.BirthdayContactForm(pages.posted(request))

    def write() -> object:
        data = form.cleaned_data
        return record_birthday_contact(
            person,
            Contact(
                age=data.get("age"),
                in_touch=data.get("in_touch") or "",
                activity=data.get("activity") or "",
                accommodation=data.get("accommodation") or "",
                contacted_on=data.get("contacted_on"),
            ),
            by=request.user,
        )

    if request.method == "POST" and pages.done(form, write):
        messages.success(request, "Keeping in touch recorded")
        return _back(person.pk)
    return pages.page(
        request,
        person,
        form,
        heading=HEADING,
        guidance=GUIDANCE,
        source=SOURCE,
        button="Record keeping in touch",
    )


PLAN_GUIDANCE = (
    "The pathway plan sets out the support the young person will have as they "
    "leave care. Each change is a new version that says what changed and why; "
    "the earlier versions are kept."
)
PLAN_SOURCE = (
    "Care Leavers (England) Regulations 2010 reg 6 and Schedule 1; CPPCR 2010 "
    "reg 43 (an eligible child's pathway plan)"
)
REVIEW_GUIDANCE = (
    "The pathway plan is reviewed at least every six months, and sooner when "
    "the young person asks or the personal adviser thinks it necessary."
)
REVIEW_SOURCE = "Care Leavers (England) Regulations 2010 reg 7"


@policy(Policy.PERSON)
def pathway_plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Record a pathway plan")
    pages.may_record(request)
    form = forms.PathwayPlanForm(pages.posted(request))

    def write() -> object:
        data = form.cleaned_data
        return pathway.agree_pathway_plan(
            person,
            pathway.PathwaySections(
                **{name: data.get(name) or "" for name in pathway.WORDS}
            ),
            agreed_on=data.get("agreed_on"),
            what_changed=data.get("what_changed") or "",
            by=request.user,
        )

    if request.method == "POST" and pages.done(form, write):
        messages.success(request, "Pathway plan recorded")
        return _back(person.pk)
    return pages.page(
        request,
        person,
        form,
        heading="Pathway plan",
        guidance=PLAN_GUIDANCE,
        source=PLAN_SOURCE,
        button="Record the pathway plan",
    )


@policy(Policy.PERSON)
def pathway_review(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Record a pathway plan review")
    pages.may_record(request)
    form = forms.PathwayReviewForm(pages.posted(request))

    def write() -> object:
        data = form.cleaned_data
        return pathway.review_pathway_plan(
            person,
            held_on=data.get("held_on"),
            outcome=data.get("outcome") or "",
            by=request.user,
        )

    if request.method == "POST" and pages.done(form, write):
        messages.success(request, "Pathway plan review recorded")
        return _back(person.pk)
    return pages.page(
        request,
        person,
        form,
        heading="Pathway plan review",
        guidance=REVIEW_GUIDANCE,
        source=REVIEW_SOURCE,
        button="Record the review",
    )


NEEDS_GUIDANCE = (
    "Assess what the young person will need when they leave care, within three "
    "months of their becoming an eligible child (a relevant child without a "
    "pathway plan: within three months of becoming relevant). Keep each heading "
    "short; the pathway plan is written from it, as soon as possible after."
)
NEEDS_SOURCE = (
    "Care Planning, Placement and Case Review (England) Regulations 2010 regs "
    "42 and 43; Care Leavers (England) Regulations 2010 reg 5"
)


@policy(Policy.PERSON)
def needs_assessment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Record a leaving care needs assessment")
    pages.may_record(request)
    form = forms.NeedsAssessmentForm(pages.posted(request))

    def write() -> object:
        data = form.cleaned_data
        return needs.complete_needs_assessment(
            person,
            needs.Needs(**{name: data.get(name) or "" for name in needs.WORDS}),
            completed_on=data.get("completed_on"),
            assessor=data.get("assessor") or "",
            by=request.user,
        )

    if request.method == "POST" and pages.done(form, write):
        messages.success(request, "Needs assessment recorded")
        return _back(person.pk)
    return pages.page(
        request,
        person,
        form,
        heading="Leaving care needs assessment",
        guidance=NEEDS_GUIDANCE,
        source=NEEDS_SOURCE,
        button="Record the assessment",
    )


BOOKING_GUIDANCE = (
    "Book the next pathway plan review. The personal adviser visits the young "
    "person before each review: the visit is due by the review's day and is on "
    "their work until it is recorded."
)
BOOKING_SOURCE = "Care Leavers (England) Regulations 2010 regs 7 and 8(2)(b)"


@policy(Policy.PERSON)
def book_pathway_review(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Book a pathway plan review")
    pages.may_record(request)
    form = forms.PathwayReviewBookingForm(pages.posted(request))

    def write() -> object:
        return booking.book_pathway_review(
            person, review_on=form.cleaned_data.get("review_on"), by=request.user
        )

    if request.method == "POST" and pages.done(form, write):
        messages.success(request, "Pathway plan review booked")
        return _back(person.pk)
    return pages.page(
        request,
        person,
        form,
        heading="Book a pathway plan review",
        guidance=BOOKING_GUIDANCE,
        source=BOOKING_SOURCE,
        button="Book the review",
    )


RETURN_GUIDANCE = (
    "A former relevant young person who tells the authority they are pursuing, "
    "or want to pursue, education or training has their needs assessed within "
    "three months, and may have a personal adviser and a pathway plan while "
    "they study (to 25). Record a needs assessment once it is done."
)
RETURN_SOURCE = (
    "Children Act 1989 s23CA; Care Leavers (England) Regulations 2010 reg 5(2)(b)"
)


@policy(Policy.PERSON)
def return_to_education(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Record a return to education")
    pages.may_record(request)
    form = forms.ReturnToEducationForm(pages.posted(request))

    def write() -> object:
        return education_return.record_return_to_education(
            person,
            notified_on=form.cleaned_data.get("notified_on"),
            programme=form.cleaned_data.get("programme") or "",
            by=request.user,
        )

    if request.method == "POST" and pages.done(form, write):
        messages.success(request, "Return to education recorded")
        return _back(person.pk)
    return pages.page(
        request,
        person,
        form,
        heading="Record a return to education or training",
        guidance=RETURN_GUIDANCE,
        source=RETURN_SOURCE,
        button="Record the return",
    )
