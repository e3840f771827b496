"""The documents section of a child's page."""

from typing import Any

from haven.core.models import User
from haven.documents import permissions as rules
from haven.documents import selectors
from haven.documents.letters import LETTERS
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
        "documents": selectors.newest_documents(record_ids, SHOWN),
        "may_add": changeable and rules.may_add_documents(user),
        "may_issue": changeable and rules.may_issue_documents(user),
        "letters": list(LETTERS.values()),
    }
