"""Documents on a child's record: add, download, issue; and the letter
templates administrators edit.

Every download goes through `download`, which opens the child's record through
the access check (logging the read, or the refusal) before reading the file:
no document has a URL of its own."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render

from haven.core.conflicts import CONFLICT_STATUS, show_conflict
from haven.core.errors import DomainError
from haven.core.forms import show_errors, show_refusal
from haven.core.http import AuthenticatedRequest, posted
from haven.core.route_policy import Policy, policy
from haven.core.versions import StaleEdit, newest_id
from haven.documents import letter_values, selectors, services, sniffing
from haven.documents import permissions as rules
from haven.documents.codes import UPLOADED_KINDS
from haven.documents.forms import IssueLetterForm, UploadForm, WordingForm
from haven.documents.letters import LETTERS
from haven.documents.models import Document, LetterTemplate
from haven.people.models import Person
from haven.people.selectors import identity_bar
from haven.people.views import open_person

ISSUED_INLINE = {"application/pdf"}


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


@policy(Policy.PERSON)
def add_document(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Add a document")
    _require(
        rules.may_add_documents(request.user),
        "Your role does not include adding documents",
    )
    form = UploadForm(posted(request), request.FILES or None)
    if request.method == "POST" and _added(request, person, form):
        messages.success(request, "Document added")
        return redirect("people:detail", pk=person.pk)
    context = {
        "person": person,
        "bar": identity_bar(person),
        "form": form,
        "max_mb": services.max_bytes() // (1024 * 1024),
    }
    return render(request, "documents/add.html", context)


def _added(request: AuthenticatedRequest, person: Person, form: UploadForm) -> bool:
    """Add the document if the form is sound. On a form with faults of its own
    (a date that is not a date), the service's checks still run on what could
    be read, so every fault shows on this submit."""
    sound = form.is_valid()
    read = form.cleaned_data
    values = {
        "file": read.get("file"),
        "kind": read.get("kind", ""),
        "dated": read.get("dated"),
        "description": read.get("description", ""),
    }
    if not sound:
        show_refusal(form, services.check_document, person, **values, by=request.user)
        return False
    return not show_refusal(
        form, services.add_document, person, **values, by=request.user
    )


def _filename(document: Document) -> str:
    kind = sniffing.KINDS_BY_TYPE.get(document.content_type)
    extension = kind.extension if kind else "bin"
    kind_words = document.kind.replace("_", "-")
    return f"{kind_words}-{document.dated:%Y-%m-%d}-{document.pk}.{extension}"


@policy(Policy.PERSON)
def download(request: AuthenticatedRequest, pk: int, document: int) -> FileResponse:
    """The one way a document's file leaves Haven: the record is opened (the
    read logged, a refusal logged) before the file is."""
    person = open_person(request, pk, f"Document {document} downloaded")
    try:
        found = selectors.document_of(person, document)
    except Document.DoesNotExist:
        raise Http404 from None
    # Documents Haven wrote open in the browser to print; files others wrote
    # are only ever saved, never shown in Haven's own pages.
    inline = found.kind not in UPLOADED_KINDS and found.content_type in ISSUED_INLINE
    return FileResponse(
        found.file.open("rb"),
        as_attachment=not inline,
        filename=_filename(found),
        content_type=found.content_type,
    )


@policy(Policy.PERSON)
def case_summary(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Case summary issued")
    _require(
        rules.may_issue_documents(request.user),
        "Your role does not include issuing documents",
    )
    if request.method != "POST":
        return redirect("people:detail", pk=person.pk)
    try:
        issued = services.issue_case_summary(person, by=request.user)
    except DomainError as refused:
        messages.error(request, refused.message)
        return redirect("people:detail", pk=person.pk)
    return redirect("documents:download", pk=person.pk, document=issued.pk)


@policy(Policy.PERSON)
def issue_letter(request: AuthenticatedRequest, pk: int, letter: str) -> HttpResponse:
    person = open_person(request, pk, "Write a letter")
    _require(
        rules.may_issue_documents(request.user),
        "Your role does not include issuing letters",
    )
    known = LETTERS.get(letter)
    if known is None:
        raise Http404
    recipients = letter_values.recipients_for(person, request.user)
    form = IssueLetterForm(posted(request), recipients=recipients)
    if request.method == "POST" and form.is_valid():
        chosen = {p.pk: p for p in recipients}.get(form.cleaned_data["recipient"] or 0)
        try:
            issued = services.issue_letter(
                person, letter=letter, recipient=chosen, by=request.user
            )
        except DomainError as refused:
            show_errors(refused, form)
        else:
            messages.success(request, f"{known.name} issued and kept on the record")
            return redirect("documents:download", pk=person.pk, document=issued.pk)
    context = {
        "person": person,
        "bar": identity_bar(person),
        "form": form,
        "letter": known,
        "recipients": recipients,
    }
    return render(request, "documents/issue_letter.html", context)


@policy(Policy.ROLE, permission="core.manage_reference_data")
def letter_templates(request: AuthenticatedRequest) -> HttpResponse:
    _require(
        rules.may_edit_letter_templates(request.user),
        "Only administrators can change letter templates",
    )
    rows = [
        (t, LETTERS.get(t.key), t.versions.order_by("-number").first())
        for t in selectors.templates()
    ]
    return render(request, "documents/templates.html", {"rows": rows})


@policy(Policy.ROLE, permission="core.manage_reference_data")
def edit_template(request: AuthenticatedRequest, key: str) -> HttpResponse:
    _require(
        rules.may_edit_letter_templates(request.user),
        "Only administrators can change letter templates",
    )
    template = LetterTemplate.objects.filter(key=key).first()
    known = LETTERS.get(key)
    if template is None or known is None:
        raise Http404
    history = selectors.versions_of(template)
    current = history.first()
    initial = {"version": newest_id(history), "body": current.body if current else ""}
    form = WordingForm(posted(request), initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.change_wording(
                key,
                body=form.cleaned_data["body"],
                reason=form.cleaned_data["reason"],
                by=request.user,
                seen=form.cleaned_data["version"],
            )
        except StaleEdit as stale:
            conflict = show_conflict(form, stale)
        except DomainError as refused:
            show_errors(refused, form)
        else:
            messages.success(request, f"{known.name} changed: a new version is in use")
            return redirect("letter_templates:edit", key=key)
    context = {
        "template": template,
        "letter": known,
        "form": form,
        "history": history,
        "conflict": conflict,
    }
    status = CONFLICT_STATUS if conflict else 200
    return render(request, "documents/edit_template.html", context, status=status)
