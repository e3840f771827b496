"""Reads of documents. Each takes a record the caller has already opened
through the access check (haven.people.views.open_person), which logged it."""

from django.db.models import QuerySet

from haven.documents.models import Document, LetterTemplate, LetterTemplateVersion
from haven.people.models import Person
from haven.people.selectors import record_ids


def documents_of(person: Person) -> QuerySet[Document]:
    """The child's documents, and those of records merged into theirs."""
    return Document.objects.filter(person_id__in=record_ids(person)).select_related(
        "added_by"
    )


def document_of(person: Person, pk: int) -> Document:
    """One of the child's documents (Document.DoesNotExist if it is not theirs:
    a document id in another child's URL opens nothing)."""
    return documents_of(person).get(pk=pk)


def templates() -> QuerySet[LetterTemplate]:
    return LetterTemplate.objects.all()


def versions_of(template: LetterTemplate) -> QuerySet[LetterTemplateVersion]:
    return template.versions.select_related("changed_by").order_by("-number")
