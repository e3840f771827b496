"""Reads of documents. Each takes a record the caller has already opened
through the access check (haven.people.views.open_person), which logged it."""

from django.db.models import QuerySet

from haven.core import few
from haven.documents.models import Document, LetterTemplate, LetterTemplateVersion
from haven.people.models import Person
from haven.people.selectors import record_ids


def documents_of(person: Person) -> QuerySet[Document]:
    """The child's documents, and those of records merged into theirs."""
    return _documents(record_ids(person))


def newest_documents(ids: list[int], shown: int) -> list[Document]:
    """The newest of `documents_of`, given the record ids a child's page read:
    its query compiled once (haven.core.few)."""
    return few.of("documents.newest", Document, ids, lambda i: _documents(i)[:shown])


def _documents(ids: list[int]) -> QuerySet[Document]:
    return Document.objects.filter(person_id__in=ids).select_related("added_by")


def document_of(person: Person, pk: int) -> Document:
    """One of the child's documents (Document.DoesNotExist if it is not theirs:
    a document id in another child's URL opens nothing)."""
    return documents_of(person).get(pk=pk)


def templates() -> QuerySet[LetterTemplate]:
    return LetterTemplate.objects.all()


def versions_of(template: LetterTemplate) -> QuerySet[LetterTemplateVersion]:
    return template.versions.select_related("changed_by").order_by("-number")
