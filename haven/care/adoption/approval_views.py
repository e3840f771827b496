"""The pages of prospective adopters' approval: the adoption team's list,
the registration of interest, and one page for each later step. Only
adoption workers reach them (the applicants' record is sealed for them)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from haven.care import pages
from haven.care.adoption import approval, approval_forms, guidance
from haven.care.adoption.permissions import MANAGE, may_manage_adoption
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.people.views import open_person


def _may(request: AuthenticatedRequest) -> None:
    if not may_manage_adoption(request.user):
        raise PermissionDenied("Only the adoption team records prospective adopters")


@policy(Policy.ROLE, permission=MANAGE)
def approvals(request: AuthenticatedRequest) -> HttpResponse:
    """The prospective adopters the user may open."""
    _may(request)
    listed = approval.approvals_for(request.user)
    return render(request, "care/adopter_approvals.html", {"listed": listed})


@policy(Policy.ROLE, permission=MANAGE)
def register(request: AuthenticatedRequest) -> HttpResponse:
    _may(request)
    form = approval_forms.RegisterInterestForm(pages.posted(request))

    def write() -> object:
        data = form.cleaned_data
        return approval.register_interest(
            approval.Applicants(**{f: data.get(f) or "" for f in _APPLICANT_FIELDS}),
            received_on=data.get("received_on"),
            by=request.user,
        )

    made: list[Any] = []
    if request.method == "POST" and pages.done(form, lambda: made.append(write())):
        messages.success(request, "Registration of interest recorded")
        return _back(made[0].applicant_id)
    step = guidance.REGISTER
    context = {"form": form, "step": step}
    return render(request, "care/adopter_register.html", context)


_APPLICANT_FIELDS = (
    "given_name",
    "family_name",
    "joint_applicant",
    "address_line_1",
    "town",
    "postcode",
)


def _back(person_pk: int) -> HttpResponse:
    return redirect(reverse("people:detail", args=[person_pk]) + "#adopter-approval")


_WRITES = {
    "stage_one": lambda a, d, by: approval.complete_stage_one(
        a, on=d.get("on"), outcome=d.get("outcome") or "", by=by
    ),
    "stage_two": lambda a, d, by: approval.start_stage_two(a, on=d.get("on"), by=by),
    "panel": lambda a, d, by: approval.receive_recommendation(
        a, on=d.get("on"), recommends=d.get("outcome") or "", by=by
    ),
    "decision": lambda a, d, by: approval.decide_approval(
        a, on=d.get("on"), outcome=d.get("outcome") or "", by=by
    ),
}


@policy(Policy.PERSON)
def step(request: AuthenticatedRequest, pk: int, step: str) -> HttpResponse:
    """One step of the approval of the applicant whose record is `pk`."""
    person = open_person(request, pk, "Record adopter approval")
    _may(request)
    case = approval.approval_of(person, request.user)
    if case is None:
        raise Http404("No approval of prospective adopters recorded")
    form = approval_forms.ApprovalStepForm(pages.posted(request), step=step)
    write = _WRITES[step]
    if request.method == "POST" and pages.done(
        form, lambda: write(case, form.cleaned_data, request.user)
    ):
        messages.success(request, guidance.APPROVAL_STEPS[step].done)
        return _back(person.pk)
    words = guidance.APPROVAL_STEPS[step]
    return pages.page(
        request,
        person,
        form,
        heading=words.heading,
        guidance=words.guidance,
        source=words.source,
        button=words.button,
    )
