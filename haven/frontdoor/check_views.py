"""Front door pages for multi-agency checks: asking an agency, and its return."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from haven.core import clock
from haven.core.errors import DomainError
from haven.core.forms import show_errors
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.core.templatetags.govuk import error_summary
from haven.frontdoor import checks
from haven.frontdoor.forms import CheckRequestForm, CheckReturnForm
from haven.frontdoor.models import AgencyCheck, Contact
from haven.frontdoor.views import open_contact


def _page(
    request: AuthenticatedRequest,
    contact: Contact,
    form: forms.BaseForm,
    *,
    title: str,
    button: str,
    check: AgencyCheck | None = None,
) -> HttpResponse:
    context = {
        "contact": contact,
        "form": form,
        "check": check,
        "title": title,
        "button": button,
        "errors": error_summary(form)["errors"],
    }
    return render(request, "frontdoor/check.html", context)


@policy(Policy.OBJECT, of="frontdoor.Contact")
def request_check(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    contact, _ = open_contact(request, pk, "Front door multi-agency check")
    post = request.POST if request.method == "POST" else None
    form = CheckRequestForm(post, initial={"on": clock.today()})
    if post is not None and form.is_valid():
        try:
            checks.request_check(
                contact,
                agency=form.cleaned_data["agency"],
                detail=form.cleaned_data["detail"],
                on=form.cleaned_data["on"],
                by=request.user,
            )
        except DomainError as refused:
            show_errors(refused, form)
        else:
            messages.success(request, "Check requested.")
            return redirect("frontdoor:contact", pk=contact.pk)
    return _page(
        request,
        contact,
        form,
        title="Request a multi-agency check",
        button="Record the request",
    )


@policy(Policy.OBJECT, of="frontdoor.Contact")
def check_return(request: AuthenticatedRequest, pk: int, check: int) -> HttpResponse:
    contact, _ = open_contact(request, pk, "Front door multi-agency check")
    found = get_object_or_404(AgencyCheck, pk=check, contact=contact)
    post = request.POST if request.method == "POST" else None
    form = CheckReturnForm(post, initial={"on": clock.today()})
    if post is not None and form.is_valid():
        try:
            checks.record_return(
                found,
                on=form.cleaned_data["on"],
                summary=form.cleaned_data["summary"],
                by=request.user,
            )
        except DomainError as refused:
            show_errors(refused, form)
        else:
            messages.success(request, "Check return recorded.")
            return redirect("frontdoor:contact", pk=contact.pk)
    return _page(
        request,
        contact,
        form,
        title=f"Record the {found.agency_words.lower()} check's return",
        button="Record the return",
        check=found,
    )
