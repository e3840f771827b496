"""What the child protection pages share: opening a child's object through the
access-checked selector, the page's context, and saving a form through its
service so every fault is shown on one submit."""

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import Http404

from haven.core.errors import AccessDenied, DomainError
from haven.core.forms import DateField, show_errors
from haven.core.http import AuthenticatedRequest
from haven.people import selectors as people
from haven.people.models import Person
from haven.protection.permissions import may_record_conferences, may_record_protection

M = TypeVar("M", bound=Model)
T = TypeVar("T")


def open_object(
    request: AuthenticatedRequest,
    model: type[M],
    pk: int,
    *,
    what: str,
    person_of: Callable[[M], int],
    related: Sequence[str] = (),
) -> tuple[M, Person]:
    """The object and its child, the read logged: 404 for an unknown id and
    for a child hidden from the user alike, 403 for one they may not open."""
    try:
        found = model._default_manager.select_related(*related).get(pk=pk)
        person = people.person_for(
            request.user, person_of(found), what=what, route=request.path
        )
    except AccessDenied as denied:
        raise PermissionDenied(denied.message) from None
    except (model.DoesNotExist, Person.DoesNotExist):  # type: ignore[attr-defined]
        raise Http404 from None
    return found, person


def may_record(request: AuthenticatedRequest) -> None:
    if not may_record_protection(request.user):
        raise PermissionDenied("Your role does not include casework")


def may_record_conference(request: AuthenticatedRequest) -> None:
    """The chair, the administrator or the social worker writes a held
    conference's record."""
    if not may_record_conferences(request.user):
        raise PermissionDenied("Your role does not include conference records")


def context(person: Person, **extra: object) -> dict[str, object]:
    return {"person": person, "bar": people.identity_bar(person), "tab": "cin", **extra}


def save(
    valid: bool,
    form: forms.BaseForm,
    action: Callable[[], T],
    check: Callable[[], object],
    **groups: Sequence[forms.BaseForm],
) -> T | None:
    """Do the service's action, returning what it made; None if refused, its
    reasons shown on the form (and rows). A form with faults of its own runs
    the service's checks alone on what could be read, so their faults show on
    the same submit."""
    try:
        if valid:
            return action()
        check()
    except DomainError as refused:
        show_errors(refused, form, **groups)
    return None


def attendees(formset: forms.BaseFormSet) -> list[dict[str, Any]]:
    """The agencies typed for a conference or core group, blank rows left out."""
    return [
        row
        for row in rows(formset, "agency", "name", "role", "attended", "report")
        if any(str(row[k]).strip() for k in ("agency", "name", "role"))
    ]


def _empty(field: forms.Field) -> Any:
    if isinstance(field, DateField):
        return None
    return False if isinstance(field, forms.BooleanField) else ""


def rows(formset: forms.BaseFormSet, *names: str) -> list[dict[str, Any]]:
    """Each row of a repeated group as typed (blank rows kept, so a fault's
    row number is the one on the page); a part that could not be read is
    empty."""
    typed = []
    for row in formset.forms:
        data = getattr(row, "cleaned_data", None) or {}
        typed.append({name: data.get(name, _empty(row.fields[name])) for name in names})
    return typed
