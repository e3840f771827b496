"""Who may add, issue and download documents, and edit letter templates.

Each `may_*` answers the view, the template and the service alike
(haven/core/permissions.py says how). Reading a document needs no rule of its
own: whoever may open the child's record may read its documents, and each
download is logged as a read of the record."""

from typing import Any

from haven.core import permissions


def may_add_documents(user: Any) -> bool:
    """Any recording role: a report or letter arrives at every door."""
    return permissions.may_record_about_children(user)


def may_issue_documents(user: Any) -> bool:
    """Case summaries and letters to families: social workers and managers."""
    return permissions.may_record_casework(user)


def may_edit_letter_templates(user: Any) -> bool:
    """The wording of letters is the council's: system administrators."""
    return permissions.may_manage_reference_data(user)
