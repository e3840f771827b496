"""Writes for documents: each checks who is asking and the facts, keeps the
file, and journals one event on the child's record in one transaction.

A refused upload keeps nothing: every check runs before the file is written.
A file written for a record that then fails to commit is deleted again."""

import datetime as dt
import hashlib
from typing import IO, Any

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string

from haven.core import access, clock, journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.core.permissions import require
from haven.core.versions import check_history
from haven.documents import letter_values, sniffing, templating
from haven.documents import permissions as rules
from haven.documents.codes import UPLOADED_KINDS, DocumentKind
from haven.documents.letters import LETTERS
from haven.documents.models import Document, LetterTemplate, LetterTemplateVersion
from haven.documents.pdf import pdf_from_html
from haven.documents.summary import case_summary
from haven.people.models import Person


def max_bytes() -> int:
    return int(settings.HAVEN_DOCUMENT_MAX_MB) * 1024 * 1024


def _writer(by: User, person: Person, allowed: bool, message: str) -> None:
    require(allowed, message)
    # Lasting access only: break-glass lets a user read, never add to a record.
    access.require_lasting_access(by, person)


def _checked_file(upload: Any, failures: Failures) -> sniffing.Kind | None:
    """The kind of document the upload holds, or None with the failure added."""
    if upload is None:
        failures.add("file_required", "Select a file", field="file")
        return None
    if upload.size == 0:
        failures.add("file_empty", "The selected file is empty", field="file")
        return None
    limit = int(settings.HAVEN_DOCUMENT_MAX_MB)
    if upload.size > max_bytes():
        failures.add(
            "file_too_big",
            f"The selected file must be smaller than {limit} MB",
            field="file",
        )
        return None
    found = sniffing.sniff(upload)
    if found is None:
        failures.add(
            "file_type_not_allowed",
            f"The selected file must be {sniffing.ALLOWED_WORDS}. Haven checks "
            "what a file holds, not its name",
            field="file",
        )
    return found


def add_document(
    person: Person,
    *,
    file: Any,
    kind: str,
    dated: dt.date | None,
    description: str,
    by: User,
) -> Document:
    """Keep a document received about the child (a report, a letter, a photo
    of a signed agreement) on their record, journaled on the date it bears."""
    found = check_document(
        person, file=file, kind=kind, dated=dated, description=description, by=by
    )
    assert dated is not None
    return _keep(
        person,
        file,
        found,
        fields={"kind": kind, "dated": dated, "description": description.strip()},
        event="documents.document_added",
        occurred_at=clock.start_of(dated),
        by=by,
    )


def check_document(
    person: Person,
    *,
    file: Any,
    kind: str,
    dated: dt.date | None,
    description: str,
    by: User,
) -> sniffing.Kind:
    """The checks of `add_document`, writing nothing (a page runs them on a
    form with faults of its own, to show every fault at once): the kind of
    file it holds, or DomainError with every fault."""
    _writer(
        by,
        person,
        rules.may_add_documents(by),
        "Your role does not include adding documents",
    )
    failures = Failures()
    if kind not in UPLOADED_KINDS:
        failures.add(
            "kind_required", "Select what kind of document it is", field="kind"
        )
    if dated is None:
        failures.add("dated_required", "Enter the date on the document", field="dated")
    elif dated > clock.today():
        failures.add(
            "dated_in_future",
            "The date on the document must be today or in the past",
            field="dated",
        )
    if not description.strip():
        failures.add(
            "description_required", "Describe the document", field="description"
        )
    found = _checked_file(file, failures)
    failures.raise_any()
    assert found is not None
    return found


def _sha256(content: IO[bytes] | File) -> str:
    digest = hashlib.sha256()
    content.seek(0)
    for chunk in iter(lambda: content.read(64 * 1024), b""):
        digest.update(chunk)
    content.seek(0)
    return digest.hexdigest()


def _keep(
    person: Person,
    content: Any,
    found: sniffing.Kind,
    *,
    fields: dict[str, Any],
    event: str,
    by: User,
    occurred_at: dt.datetime | None = None,
    extra: dict[str, Any] | None = None,
) -> Document:
    document = Document(
        person=person,
        content_type=found.content_type,
        size=content.size,
        sha256=_sha256(content),
        added_by=by,
        added_at=clock.now(),
        **fields,
    )
    # The name given here is not used: the storage name is random.
    document.file.save("document", content, save=False)
    try:
        with transaction.atomic():
            document.save()
            journal.append(
                person,
                event,
                {
                    "document": document.pk,
                    "kind": document.kind,
                    "dated": document.dated,
                    "description": document.description,
                    **(extra or {}),
                },
                by=by,
                occurred_at=occurred_at,
            )
    except BaseException:
        document.file.delete(save=False)
        raise
    return document


def _pdf(html: str) -> ContentFile:
    return ContentFile(pdf_from_html(html), name="document.pdf")


def issue_case_summary(person: Person, *, by: User) -> Document:
    """Write the child's one-page case summary as a PDF and keep it on the
    record as issued."""
    _writer(
        by,
        person,
        rules.may_issue_documents(by),
        "Your role does not include issuing documents",
    )
    issued_at = clock.now()
    html = render_to_string(
        "documents/case_summary_pdf.html",
        {
            "summary": case_summary(person, by),
            "issued_by": by,
            "issued_at": issued_at,
            "council": settings.HAVEN_LOCAL_AUTHORITY_NAME,
        },
    )
    name = by.get_full_name() or by.username
    return _keep(
        person,
        _pdf(html),
        sniffing.PDF_KIND,
        fields={
            "kind": DocumentKind.CASE_SUMMARY,
            "dated": clock.today(),
            "description": f"Case summary issued by {name}",
        },
        event="documents.summary_issued",
        by=by,
    )


def current_version(key: str) -> LetterTemplateVersion:
    version = (
        LetterTemplateVersion.objects.filter(template__key=key)
        .order_by("-number")
        .select_related("template")
        .first()
    )
    if version is None:
        raise DomainError("no_wording", "This letter has no wording yet")
    return version


def issue_letter(
    person: Person, *, letter: str, recipient: Person | None, by: User
) -> Document:
    """Write a letter from its template's current wording, for this child and
    one of their parents or carers, and keep it on the record as sent."""
    _writer(
        by,
        person,
        rules.may_issue_documents(by),
        "Your role does not include issuing letters",
    )
    known = LETTERS.get(letter)
    if known is None:
        raise DomainError("letter_unknown", "Select a letter", field="letter")
    allowed = {p.pk for p in letter_values.recipients_for(person, by)}
    if recipient is None or recipient.pk not in allowed:
        raise DomainError(
            "recipient_required", "Select who the letter is to", field="recipient"
        )
    values = letter_values.values_for(known, person, recipient)
    version = current_version(letter)
    html = render_to_string(
        "documents/letter_pdf.html",
        {
            "body": templating.render(version.body, values),
            "values": values,
            "letter": known,
        },
    )
    return _keep(
        person,
        _pdf(html),
        sniffing.PDF_KIND,
        fields={
            "kind": DocumentKind.LETTER_ISSUED,
            "dated": clock.today(),
            "description": f"{known.name}, to {recipient.full_name}",
            "template_version": version,
        },
        event="documents.letter_issued",
        by=by,
        extra={
            "letter": letter,
            "version": version.number,
            "recipient": recipient.pk,
        },
    )


def change_wording(
    letter: str, *, body: str, reason: str, by: User, seen: int | None
) -> LetterTemplateVersion:
    """Save a new version of a letter's wording. Versions are never edited, so
    every letter issued keeps the wording it was written from. `seen` is the
    newest version's id when the editor was opened: a newer one refuses."""
    require(
        rules.may_edit_letter_templates(by),
        "Only administrators can change letter templates",
    )
    known = LETTERS.get(letter)
    if known is None:
        raise DomainError("letter_unknown", "There is no such letter")
    failures = Failures()
    with failures.gather():
        templating.check(body, known.offered)
    if not reason.strip():
        failures.add(
            "reason_required", "Enter the reason for the change", field="reason"
        )
    failures.raise_any()
    with transaction.atomic():
        template = LetterTemplate.objects.select_for_update().get(key=letter)
        history = LetterTemplateVersion.objects.filter(template=template)
        check_history(history, seen, values=lambda v: {"body": v.body})
        last = history.order_by("-number").values_list("number", flat=True).first()
        return LetterTemplateVersion.objects.create(
            template=template,
            number=(last or 0) + 1,
            body=body.strip(),
            reason=reason.strip(),
            changed_by=by,
            changed_at=clock.now(),
        )


def ensure_templates(**kwargs: Any) -> None:
    """Every letter Haven knows has a template with a first wording (after
    each migrate, as roles are kept in step): a new letter arrives with its
    capability; an administrator's wording is never replaced."""
    for known in LETTERS.values():
        template, made = LetterTemplate.objects.get_or_create(
            key=known.key, defaults={"name": known.name}
        )
        if made or not template.versions.exists():
            LetterTemplateVersion.objects.create(
                template=template,
                number=1,
                body=known.first_wording,
                reason="The wording Haven comes with",
                changed_at=clock.now(),
            )
