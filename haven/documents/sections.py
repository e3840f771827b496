"""The documents section of a child's page."""

from typing import Any

from haven.core import few
from haven.core.models import User
from haven.documents import permissions as rules
from haven.documents.letters import LETTERS
from haven.documents.models import Document
from haven.people.models import Person
from haven.people.sections import may_change

SHOWN = 50


def documents_section(
    person: Person, user: User, record_ids: list[int]
) -> dict[str, Any] | None:
    """Shown on the page of a record the user has opened (and so may read
    every description: a description can name people)."""
    changeable = may_change(user, person)
    return {
        "person": person,
        "documents": few.of(
            "documents.section",
            Document,
            record_ids,
            lambda ids: Document.objects.filter(person_id__in=ids).select_related(
                "added_by"
            )[:SHOWN],
        ),
        "may_add": changeable and rules.may_add_documents(user),
        "may_issue": changeable and rules.may_issue_documents(user),
        "letters": list(LETTERS.values()),
    }
