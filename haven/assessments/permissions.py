"""Who may write, return and authorise a single assessment: the assessments
app's rules.

Each `may_*` answers the view, the template and the service alike
(haven/core/permissions.py says how)."""

from typing import Any

from haven.core import permissions


def may_assess(user: Any) -> bool:
    """Social workers write assessments."""
    return permissions.may_record_casework(user)


def may_manage_assessments(user: Any) -> bool:
    """Managers return and authorise assessments (of the cases their teams hold:
    `selectors.manages_the_case`)."""
    return permissions.may_manage_team_cases(user)


def may_edit(user: Any, assessment: Any) -> bool:
    """An assessment still being written, in an open episode, by an assessor."""
    return (
        assessment.episode.closed_on is None
        and assessment.status in _editable()
        and may_assess(user)
    )


def may_authorise(user: Any, assessment: Any) -> bool:
    """A manager of the team holding the child's case, who did not submit it."""
    from haven.assessments.selectors import manages_the_case

    return manages_the_case(user, assessment) and assessment.submitted_by_id != user.pk


def _editable() -> Any:
    from haven.assessments.codes import EDITABLE

    return EDITABLE
