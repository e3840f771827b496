"""Single assessments' events in the words a social worker reads in a chronology."""

from collections.abc import Callable
from typing import Any

from haven.assessments.codes import Outcome


def _outcome(code: str) -> str:
    try:
        return str(Outcome(code).label)
    except ValueError:
        return str(code)


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "assessments.assessment_started": lambda p: "Single assessment started",
    "assessments.assessment_submitted": lambda p: (
        "Single assessment submitted for authorisation"
    ),
    "assessments.assessment_returned": lambda p: (
        f"Single assessment returned: {p.get('comments', '')}"
    ),
    "assessments.assessment_authorised": lambda p: (
        "Single assessment authorised. Outcome: " + _outcome(p.get("outcome", ""))
    ),
}

# Each save of the assessor's draft is journalled, but it is the assessor's
# working text, not something that happened to the child.
HIDDEN = ("assessments.assessment_updated",)
