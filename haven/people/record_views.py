"""Pages that add to or change the register: new person (with the duplicate
check), details, addresses, relationships, warnings, merge and unmerge."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from haven.core import params
from haven.core.conflicts import CONFLICT_STATUS, show_conflict
from haven.core.errors import DomainError
from haven.core.forms import show_errors, show_refusal
from haven.core.http import AuthenticatedRequest, posted
from haven.core.roles import records_about_children
from haven.core.route_policy import Policy, policy
from haven.core.versions import StaleEdit
from haven.people import finder, merging, responsibility, selectors, services, statuses
from haven.people import permissions as rules
from haven.people.codes import RelationshipKind
from haven.people.forms import (
    AddressForm,
    EditPersonForm,
    ImmigrationStatusForm,
    KnownAsForm,
    MergeForm,
    NewPersonForm,
    ReasonForm,
    RelationshipForm,
    ResponsibilityForm,
    WarningForm,
)
from haven.people.models import MergeRequest, Person
from haven.people.views import open_person


def _may_record(request: AuthenticatedRequest) -> None:
    if not records_about_children(request.user):
        raise PermissionDenied("Your role does not include recording")


def _record_page(
    request: AuthenticatedRequest,
    person: Person,
    form: forms.Form,
    title: str,
    **extra: Any,
) -> HttpResponse:
    context = {
        "person": person,
        "bar": selectors.identity_bar(person),
        "tab": "details",
        "form": form,
        "title": title,
        **extra,
    }
    return render(request, "people/record_form.html", context)


def _check_anyway(form: forms.Form, person: Person | None = None) -> None:
    """The register's rules on what the form could read, shown with the form's
    own errors, so every fault is reported on this submit, not the next."""
    pk = person.pk if person else None
    show_refusal(form, services.check_details, dict(form.cleaned_data), person_pk=pk)


@policy(
    Policy.ROLE,
    permission="core.record_casework or core.record_contacts or core.record_early_help",
)
def new_person(request: AuthenticatedRequest) -> HttpResponse:
    _may_record(request)
    form = NewPersonForm(posted(request))
    duplicates: list[selectors.PossibleDuplicate] = []
    if request.method == "POST" and not form.is_valid():
        _check_anyway(form)
    elif request.method == "POST":
        details = dict(form.cleaned_data)
        checked = request.POST.get("checked_duplicates") == "yes"
        if not checked:
            duplicates = selectors.possible_duplicates(request.user, details)
        if checked and request.POST.get("none_match") != "yes":
            duplicates = selectors.possible_duplicates(request.user, details)
            form.add_error(
                None,
                "Open the matching record, or tick to confirm none of these is the "
                "person you are adding",
            )
        elif not duplicates:
            try:
                person = services.register_person(details, by=request.user)
            except DomainError as refused:
                show_errors(refused, form)
            else:
                messages.success(request, f"{person} added to the register.")
                return redirect("people:detail", pk=person.pk)
    context = {"form": form, "duplicates": duplicates}
    return render(request, "people/new_person.html", context)


@policy(Policy.PERSON)
def edit_person(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _may_record(request)
    person = open_person(request, pk, "Change details")
    initial = {name: getattr(person, name) for name in services.DETAIL_FIELDS}
    initial["version"] = person.version
    form = EditPersonForm(posted(request), initial=initial)
    conflict = None
    if request.method == "POST" and not form.is_valid():
        _check_anyway(form, person)
    elif request.method == "POST":
        changes = dict(form.cleaned_data)
        reason = changes.pop("reason")
        version = changes.pop("version")
        try:
            services.change_details(
                person,
                changes,
                reason=reason,
                by=request.user,
                expected_version=version,
            )
        except StaleEdit as stale:
            conflict = show_conflict(form, stale)
        except DomainError as refused:
            show_errors(refused, form)
        else:
            messages.success(request, "Details saved.")
            return redirect("people:detail", pk=pk)
    page = _record_page(
        request, person, form, f"Change {person}'s details", conflict=conflict
    )
    if conflict is not None:
        page.status_code = CONFLICT_STATUS
    return page


def _form_page(
    request: AuthenticatedRequest,
    pk: int,
    form_class: type[forms.Form],
    save: Callable[[Person, dict[str, Any]], object],
    *,
    what: str,
    title: str,
    done: str,
) -> HttpResponse:
    """A page that adds one thing to a record: the form, the service, the result."""
    _may_record(request)
    person = open_person(request, pk, what)
    form = form_class(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            save(person, form.cleaned_data)
        except DomainError as refused:
            show_errors(refused, form)
        else:
            messages.success(request, done)
            return redirect("people:detail", pk=pk)
    return _record_page(request, person, form, title.format(person=person))


@policy(Policy.PERSON)
def add_address(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _form_page(
        request,
        pk,
        AddressForm,
        lambda person, data: services.record_move(person, by=request.user, **data),
        what="Record a move",
        title="Record where {person} lives now",
        done="New address recorded; the old one is kept.",
    )


@policy(Policy.PERSON)
def add_relationship(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _may_record(request)
    person = open_person(request, pk, "Record a relationship")
    form = RelationshipForm(posted(request))
    query = params.text(request.GET.get("q")) or params.text(request.POST.get("q"))
    found = finder.search(request.user, name=query, limit=20) if query else []
    found = [p for p in found if p.pk != person.pk]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        other = selectors.people_visible_to(request.user).filter(pk=data["other"])
        try:
            if not other.exists():
                raise DomainError("other_not_found", "Choose the related person")
            services.record_relationship(
                person,
                other=other.get(),
                kind=data["kind"],
                started_on=data["started_on"],
                alleged_perpetrator=data["alleged_perpetrator"],
                by=request.user,
            )
        except DomainError as refused:
            show_errors(refused, form)
        else:
            messages.success(request, "Relationship recorded on both records.")
            return redirect("people:detail", pk=pk)
    context = {
        "person": person,
        "bar": selectors.identity_bar(person),
        "tab": "details",
        "form": form,
        "query": query,
        "found": found,
        "chosen": request.POST.get("other", ""),
    }
    return render(request, "people/add_relationship.html", context)


@policy(Policy.PERSON)
def add_immigration_status(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _form_page(
        request,
        pk,
        ImmigrationStatusForm,
        lambda person, data: statuses.record_immigration_status(
            person, by=request.user, **data
        ),
        what="Record an immigration status",
        title="Record {person}'s immigration status",
        done="Immigration status recorded.",
    )


def _holder_choices(
    request: AuthenticatedRequest, child: Person
) -> dict[str, responsibility.Holder]:
    """The child's related people the user may name, and the local authority."""
    holders = responsibility.holders_for(child)
    related = [h.person.pk for h in holders if h.person is not None]
    visible = set(
        selectors.people_visible_to(request.user)
        .filter(pk__in=related)
        .values_list("pk", flat=True)
    )
    return {
        (f"person-{h.relationship.pk}" if h.person and h.relationship else "la"): h
        for h in holders
        if h.person is None or h.person.pk in visible
    }


def _holder_words(holder: responsibility.Holder) -> str:
    if holder.person is None:
        return "The local authority"
    return f"{holder.person} ({RelationshipKind(holder.kind).label.lower()})"


@policy(Policy.PERSON)
def add_responsibility(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _may_record(request)
    child = open_person(request, pk, "Record parental responsibility")
    holders = _holder_choices(request, child)
    choices = [(key, _holder_words(h)) for key, h in holders.items()]
    initial = {"holder": request.GET.get("holder", "")}
    form = ResponsibilityForm(posted(request), holders=choices, initial=initial)
    if request.method == "POST" and not form.is_valid():
        data = form.cleaned_data
        if data.get("holder") in holders:
            show_refusal(
                form,
                responsibility.check_responsibility,
                child,
                holders[data["holder"]],
                data.get("basis", ""),
                data.get("started_on"),
                data.get("ended_on"),
            )
    elif request.method == "POST":
        data = dict(form.cleaned_data)
        try:
            responsibility.record_responsibility(
                child, holder=holders[data.pop("holder")], by=request.user, **data
            )
        except DomainError as refused:
            show_errors(refused, form)
        else:
            messages.success(request, "Parental responsibility recorded.")
            return redirect("people:detail", pk=pk)
    title = f"Record who has parental responsibility for {child}"
    return _record_page(request, child, form, title)


@policy(Policy.PERSON)
def add_known_as(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _form_page(
        request,
        pk,
        KnownAsForm,
        lambda person, data: services.add_known_as_name(
            person, by=request.user, **data
        ),
        what="Add a known-as name",
        title="Add a name {person} is known by",
        done="Name added. Searches find it too.",
    )


@policy(Policy.PERSON)
def add_warning(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _form_page(
        request,
        pk,
        WarningForm,
        lambda person, data: services.add_warning(person, by=request.user, **data),
        what="Add a warning",
        title="Add a warning to {person}'s record",
        done="Warning added. It shows on every page.",
    )


@policy(Policy.PERSON)
def merge(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _may_record(request)
    person = open_person(request, pk, "Merge records")
    form = MergeForm(posted(request), initial={"duplicate": request.GET.get("d")})
    if request.method == "POST" and form.is_valid():
        duplicate = Person.objects.filter(pk=form.cleaned_data["duplicate"]).first()
        try:
            if duplicate is None:
                raise DomainError(
                    "not_found", "No record has that Haven ID", field="duplicate"
                )
            asked = merging.merge_or_ask(
                duplicate,
                into=person,
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except DomainError as refused:
            show_errors(refused, form)
        else:
            messages.success(request, _merged_words(duplicate, asked))
            return redirect("people:detail", pk=pk)
    details = {
        "given_name": person.given_name,
        "family_name": person.family_name,
        "date_of_birth": person.date_of_birth,
        "nhs_number": person.nhs_number,
    }
    candidates = [
        d
        for d in selectors.possible_duplicates(request.user, details)
        if d.person.pk != person.pk
    ]
    return _record_page(
        request,
        person,
        form,
        f"Merge a duplicate into {person}'s record",
        candidates=candidates,
        merged=person.merged_records.all(),
    )


def _merged_words(duplicate: Person, asked: MergeRequest | None) -> str:
    if asked is None:
        return f"{duplicate}'s record is merged into this one."
    return (
        f"Another team holds one of these records: the merge waits for a manager "
        f"of {asked.holding_team} to agree."
    )


@policy(Policy.PERSON)
def unmerge(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _may_record(request)
    duplicate = get_object_or_404(Person, pk=pk)
    if duplicate.merged_into is None:
        raise Http404
    survivor = open_person(request, duplicate.merged_into.pk, "Unmerge records")
    form = ReasonForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.unmerge_records(
                duplicate, reason=form.cleaned_data["reason"], by=request.user
            )
        except DomainError as refused:
            show_errors(refused, form)
        else:
            messages.success(request, f"{duplicate}'s record stands on its own again.")
            return redirect("people:detail", pk=survivor.pk)
    return _record_page(
        request, survivor, form, f"Separate {duplicate}'s record from {survivor}'s"
    )


@policy(Policy.ROLE, permission="core.manage_team_cases")
def break_glass_report(request: AuthenticatedRequest) -> HttpResponse:
    if not rules.may_see_who_viewed(request.user):
        raise PermissionDenied("Only managers see the break-glass report")
    uses = selectors.break_glass_report(request.user)[:500]
    return render(request, "people/break_glass_report.html", {"uses": uses})
