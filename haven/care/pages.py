"""What every care form page shares: the page around a form, the form's data,
the check of the user's role, and running the service so that every fault,
the form's and the service's, is shown on one submit."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from haven.care import recording
from haven.care.models import PeriodOfCare
from haven.care.permissions import may_record_care
from haven.core.errors import DomainError
from haven.core.forms import show_errors
from haven.core.http import AuthenticatedRequest
from haven.people import selectors as people
from haven.people.models import Person
from haven.people.views import open_person


def page(
    request: AuthenticatedRequest, person: Person, form: forms.Form, **extra: Any
) -> HttpResponse:
    context = {
        "person": person,
        "bar": people.identity_bar(person),
        "tab": "details",
        "form": form,
        **extra,
    }
    return render(request, "care/form.html", context)


def posted(request: AuthenticatedRequest) -> Any:
    """The form's data: bound on a POST, even an empty one."""
    return request.POST if request.method == "POST" else None


def may_record(request: AuthenticatedRequest) -> None:
    if not may_record_care(request.user):
        raise PermissionDenied("Your role does not include recording care")


def done(form: forms.Form, action: Callable[[], object]) -> bool:
    """Do the service's action if the form is sound (True once done). On a form
    with faults of its own, the service's checks still run, writing nothing, so
    every fault is shown on this submit."""
    sound = form.is_valid()
    try:
        if sound:
            action()
            return True
        recording.rehearse(action)
    except DomainError as refused:
        show_errors(refused, form)
    return False


def open_period(request: AuthenticatedRequest, pk: int, what: str) -> PeriodOfCare:
    """The period of care named in the URL, its child's record opened (the read
    logged, access checked) for a user who may record care."""
    period = get_object_or_404(PeriodOfCare.objects.select_related("person"), pk=pk)
    open_person(request, period.person_id, what)
    may_record(request)
    return period
