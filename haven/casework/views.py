"""Pages for case notes, drafts, supervision, oversight and allocation."""

from collections.abc import Sequence
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from haven.casework import oversight, selectors, services, transfers
from haven.casework import permissions as rules
from haven.casework.codes import NoteKind, OversightCategory
from haven.casework.forms import (
    ActionForm,
    NoteForm,
    PolicyForm,
    SupervisionForm,
    TransferForm,
)
from haven.casework.models import Draft, OversightPolicy, SupervisionAction
from haven.core import clock, params
from haven.core.caseroles import CaseRole
from haven.core.conflicts import CONFLICT_STATUS, show_conflict
from haven.core.errors import DomainError
from haven.core.forms import show_errors
from haven.core.http import AuthenticatedRequest, posted
from haven.core.once import already_submitted, submit_once
from haven.core.route_policy import Policy, policy
from haven.core.selectors import current_allocation
from haven.core.versions import StaleEdit, newest_id
from haven.people import selectors as people
from haven.people.models import Person
from haven.people.views import open_person

# Form data that is not what the worker typed, so is not kept in a draft.
NOT_TYPED = {"csrfmiddlewaretoken", "draft", "draft_version", "person", "action"}
STALE_DRAFT = (
    "You have typed in this note in another tab or window since this page "
    "last saved it, so this page no longer saves your draft. Finish the note in "
    "one of them, or copy what you typed here"
)
ACTION_ROWS = 3


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _record(person: Person, **extra: Any) -> dict[str, Any]:
    context = {"person": person, "bar": people.identity_bar(person), "tab": "casework"}
    return context | extra


# Case notes -------------------------------------------------------------------


@policy(Policy.PERSON)
def person_overview(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A child's case notes, newest first: the casework tab of the record."""
    person = open_person(request, pk, "Case notes")
    notes = selectors.notes_of(person)
    kind = params.text(request.GET.get("kind"))
    if kind:
        notes = notes.filter(kind=kind)
    context = _record(
        person,
        page=Paginator(notes, 50).get_page(request.GET.get("page")),
        kind=kind,
        kinds=NoteKind.choices,
        may_record=rules.may_record_notes(request.user),
    )
    return render(request, "casework/person.html", context)


def _typed(data: QueryDict) -> dict[str, list[str]]:
    # What was typed, as PostgreSQL will store it in JSON: without NUL bytes.
    return {
        params.without_nul(key): [params.without_nul(v) for v in data.getlist(key)]
        for key in data
        if key not in NOT_TYPED
    }


def _initial_from(fields: dict[str, list[str]], form: NoteForm) -> dict[str, Any]:
    """What a draft holds, as the form's initial values (no errors shown)."""
    data = QueryDict(mutable=True)
    for key, values in fields.items():
        data.setlist(key, [str(v) for v in values])
    return {
        name: field.widget.value_from_datadict(data, {}, form.add_prefix(name))
        for name, field in form.fields.items()
    }


@policy(Policy.PERSON)
def record_note(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Record a note (a home visit, a call...) for one child or several at once."""
    _require(
        rules.may_record_notes(request.user),
        "Your role does not include recording notes",
    )
    person = open_person(request, pk, "Record a case note")
    children = selectors.children_to_record_for(request.user, person)
    if request.method != "POST":
        return _resume_note(request, person, children)
    earlier = already_submitted(request)
    if earlier is not None:
        messages.success(request, "This note was already recorded")
        return redirect(earlier)
    draft = selectors.draft_of(
        request.user, params.record_id(request.POST.get("draft")), person=person
    )
    read_at = params.record_id(request.POST.get("draft_version"))
    # If another tab saved this draft since, the note is recorded and what the
    # other tab typed is kept as the draft, not deleted with it.
    typed = _typed(request.POST)
    stale = draft is not None and services.saved_elsewhere(draft, read_at, typed)
    form = NoteForm(request.POST, children=children)
    if form.is_valid():
        done_with = None if stale else draft
        try:
            url, first = submit_once(
                request,
                lambda: _record_note(request, form, person, children, done_with),
            )
        except DomainError as err:
            show_errors(err, form)
        else:
            count = len(form.cleaned_data["children"])
            messages.success(
                request,
                ("Note recorded" if first else "This note was already recorded")
                + (f" on {count} children's records" if count > 1 else ""),
            )
            return redirect(url)
    return _keep_typed(request, person, form, draft, typed, read_at)


def _keep_typed(
    request: AuthenticatedRequest,
    person: Person,
    form: NoteForm,
    draft: Draft | None,
    typed: dict[str, list[str]],
    read_at: int | None,
) -> HttpResponse:
    """The form again, with what was typed kept as the draft, even if the page
    is closed now, with or without the autosave having run.
    (If even the draft is refused, the page itself still holds the text.)"""
    draft_error = ""
    try:
        draft = services.save_draft(
            person,
            draft_id=draft.pk if draft else None,
            person_ids=_ints(request.POST.getlist("children")),
            fields=typed,
            by=request.user,
            expected_version=read_at,
        )
    except StaleEdit:
        draft_error = STALE_DRAFT
    except DomainError:
        pass
    # The page stays at the version it read, so its autosaves stay refused.
    version = read_at if draft_error else getattr(draft, "version", None)
    context = _record(
        person, form=form, draft=draft, draft_version=version, draft_error=draft_error
    )
    return render(request, "casework/record_note.html", context)


def _record_note(
    request: AuthenticatedRequest,
    form: NoteForm,
    person: Person,
    children: list[Person],
    draft: Draft | None,
) -> str:
    """Record the note; the page to go to next."""
    by_pk = {child.pk: child for child in children}
    data = form.cleaned_data
    services.record_note(
        [by_pk[i] for i in data["children"]],
        kind=data["kind"],
        occurred_at=form.occurred_at(),
        subject=data["subject"],
        body=data["body"],
        impact=data["impact"],
        seen=form.seen_answers(),
        visit=form.visit(),
        significant=data["significant"],
        by=request.user,
        draft=draft,
    )
    if request.POST.get("action") == "another":
        url = reverse("casework:record_note", args=[person.pk])
        return f"{url}?kind={data['kind']}"
    return reverse("casework:person", args=[person.pk])


def _resume_note(
    request: AuthenticatedRequest,
    person: Person,
    children: list[Person],
    kind: str = "",
    together: Sequence[Person] = (),
) -> HttpResponse:
    """The note form as the worker left it, or a new one: one draft per worker
    and child, carried by the page from the start so the first autosave cannot
    race the Save button into a stray draft. A new visit note has `together`
    (siblings visited with the child) ticked, each said to be seen."""
    draft = services.open_draft(person, by=request.user)
    form = NoteForm(children=children)
    if draft.fields:
        form.initial = _initial_from(draft.fields, form)
    else:
        kind = kind or params.text(request.GET.get("kind"))
        chosen = [person, *together]
        form.initial = {"children": [child.pk for child in chosen]}
        for child in chosen:
            form.initial |= NoteForm.defaults(kind, child)
    context = _record(
        person,
        form=form,
        draft=draft,
        draft_version=draft.version,
        resumed=bool(draft.fields),
    )
    return render(request, "casework/record_note.html", context)


def _ints(values: list[str]) -> list[int]:
    return [number for v in values if (number := params.record_id(v)) is not None]


@policy(Policy.STAFF)
@login_not_required
@require_POST
def autosave(request: HttpRequest) -> HttpResponse:
    """Store the note as typed so far; answer with a line saying when."""
    if not request.user.is_authenticated:
        # Signed out (the session expired): say so where the worker is looking
        # rather than swap the sign-in page into the form.
        return render(request, "casework/_draft_status.html", {"signed_out": True})
    user = request.user
    person_pk = params.record_id(request.POST.get("person"))
    person = Person.objects.filter(pk=person_pk).first() if person_pk else None
    if person is None:
        raise Http404
    try:
        draft = services.save_draft(
            person,
            draft_id=params.record_id(request.POST.get("draft")),
            person_ids=_ints(request.POST.getlist("children")),
            fields=_typed(request.POST),
            by=user,
            expected_version=params.record_id(request.POST.get("draft_version")),
        )
    except StaleEdit:
        return render(request, "casework/_draft_status.html", {"error": STALE_DRAFT})
    except DomainError as err:
        return render(request, "casework/_draft_status.html", {"error": err.message})
    return render(request, "casework/_draft_status.html", {"draft": draft})


@policy(Policy.STAFF)
def drafts(request: AuthenticatedRequest) -> HttpResponse:
    context = {"drafts": selectors.drafts_of(request.user)}
    return render(request, "casework/drafts.html", context)


@policy(Policy.OBJECT, of="casework.Draft")
def draft(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The form the draft was typed in, which resumes it."""
    found = get_object_or_404(Draft, pk=pk, author=request.user)
    return redirect("casework:record_note", pk=found.person_id)


@policy(Policy.OBJECT, of="casework.Draft")
@require_POST
def discard_draft(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Throw a draft away: from the drafts list, or from the form it resumed in
    (which then starts afresh)."""
    found = get_object_or_404(Draft, pk=pk, author=request.user)
    services.discard_draft(found, by=request.user)
    messages.success(request, "Draft discarded")
    if request.POST.get("then") == "note":
        return redirect("casework:record_note", pk=found.person_id)
    return redirect("casework:drafts")


# Supervision ------------------------------------------------------------------


@policy(Policy.PERSON)
def supervisions(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Case supervision")
    context = _record(
        person,
        supervisions=selectors.supervisions_of(person),
        may_record=rules.may_supervise(request.user),
        managing_actions=rules.may_manage_actions(request.user),
    )
    return render(request, "casework/supervisions.html", context)


@policy(Policy.PERSON)
def record_supervision(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    _require(rules.may_supervise(request.user), "Only managers can record supervision")
    person = open_person(request, pk, "Record a case supervision")
    owners = selectors.action_owners(request.user, person)
    data = request.POST if request.method == "POST" else None
    form = SupervisionForm(
        data, supervisees=selectors.supervisees(request.user, person)
    )
    actions = [
        ActionForm(data, owners=owners, prefix=f"action{i}") for i in range(ACTION_ROWS)
    ]
    if data is not None and form.is_valid() & all([a.is_valid() for a in actions]):
        chosen = [(i, a) for i, a in enumerate(actions) if not a.is_blank()]
        try:
            services.record_supervision(
                person,
                held_on=form.cleaned_data["held_on"],
                discussion=form.cleaned_data["discussion"],
                reflections=form.cleaned_data["reflections"],
                decisions=form.cleaned_data["decisions"],
                supervisee=form.cleaned_data["supervisee"],
                actions=[
                    services.NewAction(
                        description=a.cleaned_data["description"],
                        owner=a.cleaned_data["owner"],
                        due_on=a.cleaned_data["due_on"],
                    )
                    for _i, a in chosen
                ],
                by=request.user,
            )
        except DomainError as err:
            _supervision_error(err, form, [a for _i, a in chosen])
        else:
            messages.success(request, "Supervision recorded")
            return redirect("casework:supervisions", pk=pk)
    elif data is None:
        allocation = current_allocation(person)
        worker = allocation.worker_id if allocation else None
        form.initial = {"held_on": clock.today(), "supervisee": worker}
    context = _record(person, form=form, actions=actions)
    return render(request, "casework/record_supervision.html", context)


def _supervision_error(
    err: DomainError, form: SupervisionForm, chosen: list[ActionForm]
) -> None:
    # The service numbers actions among those filled in: find that row's form.
    field = err.field or ""
    if field.startswith("action") and "-" in field:
        index, name = field.removeprefix("action").split("-", 1)
        if index.isdigit() and int(index) < len(chosen):
            chosen[int(index)].add_error(name, err.message)
            return
    show_errors(err, form)


@policy(Policy.OBJECT, of="casework.SupervisionAction")
@require_POST
def complete_action(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(
        SupervisionAction.objects.select_related("supervision"), pk=pk
    )
    person_pk = action.supervision.person_id
    open_person(request, person_pk, "Complete a supervision action")
    try:
        services.complete_action(action, by=request.user)
    except DomainError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, "Action marked as done")
    return redirect("casework:supervisions", pk=person_pk)


@policy(Policy.ROLE, permission="core.manage_team_cases")
def oversight_report(request: AuthenticatedRequest) -> HttpResponse:
    _require(rules.may_supervise(request.user), "Only managers can see this report")
    today = clock.today()
    policies = [
        oversight.policy_on(category, today) for category in OversightCategory.values
    ]
    context = {
        "rows": oversight.overdue_for(request.user, today),
        "policies": policies,
        "today": today,
    }
    return render(request, "casework/oversight.html", context)


@policy(Policy.ROLE, permission="core.manage_reference_data")
def oversight_policy(request: AuthenticatedRequest) -> HttpResponse:
    _require(
        rules.may_set_oversight_policy(request.user),
        "Only administrators can change the oversight policy",
    )
    history = OversightPolicy.objects.select_related("changed_by")
    form = PolicyForm(posted(request), initial={"version": newest_id(history)})
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.set_oversight_policy(
                form.cleaned_data["category"],
                form.cleaned_data["weeks"],
                reason=form.cleaned_data["reason"],
                source=form.cleaned_data["source"],
                applies_from=form.cleaned_data["applies_from"],
                by=request.user,
                seen=form.cleaned_data["version"],
            )
        except StaleEdit as stale:
            conflict = show_conflict(form, stale)
        except DomainError as err:
            show_errors(err, form)
        else:
            messages.success(request, "Oversight policy changed")
            return redirect("casework:policy")
    context = {"form": form, "history": history, "conflict": conflict}
    status = CONFLICT_STATUS if conflict else 200
    return render(request, "casework/policy.html", context, status=status)


# Allocation -------------------------------------------------------------------


@policy(Policy.PERSON)
def allocation(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A child's allocation history; managers transfer the case from here."""
    person = open_person(request, pk, "Allocation history")
    may_transfer = rules.may_transfer(request.user)
    choices = selectors.transfer_choices(request.user)
    form = None
    if may_transfer:
        form = TransferForm(
            request.POST if request.method == "POST" else None,
            teams=choices["teams"],
            workers=choices["workers"],
        )
        if request.method == "POST" and _transferred(request, person, form):
            role = CaseRole(form.cleaned_data["role"])
            done = f"{role.label} allocated"
            if role == CaseRole.SOCIAL_WORKER:
                done = "Case transferred"
            messages.success(request, done)
            if people.may_open(request.user, person):
                return redirect("casework:allocation", pk=pk)
            return redirect("casework:oversight")
    elif request.method == "POST":
        raise PermissionDenied("Only managers can transfer a case")
    context = _record(person, allocations=selectors.allocations_of(person), form=form)
    return render(request, "casework/allocation.html", context)


def _transferred(
    request: AuthenticatedRequest, person: Person, form: TransferForm
) -> bool:
    """Transfer as the form says; False with every fault shown, the form's own
    and the transfer's (checked on what could be read) on the same submit."""
    valid = form.is_valid()
    data = form.cleaned_data
    what = {
        "team": data.get("team"),
        "worker": data.get("worker"),
        "reason": data.get("reason", ""),
        "role": data.get("role", ""),
        "change_reason": data.get("change_reason", ""),
        "by": request.user,
    }
    try:
        if not valid:
            transfers.check_transfer(person, **what)
            return False
        services.transfer_case(person, **what)
    except DomainError as err:
        show_errors(err, form)
        return False
    return True
