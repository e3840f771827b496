"""The "Approval as prospective adopters" section of an applicant's sealed
record: the steps recorded, what is due next (the engine's obligations) and
the link to record it. Only an adoption worker ever sees it (approval_of)."""

import datetime as dt
from typing import Any

from haven.care.adoption import approval
from haven.care.models import AdopterApproval
from haven.core.models import User
from haven.people.models import Person
from haven.timescales import selectors as timescales

RULES = ("ADO-STAGE1", "ADO-STAGE2", "ADO-ADM")


def _next(case: AdopterApproval) -> str:
    """The step to record next ("" once decided or stopped at stage 1)."""
    if not case.stage_one:
        return "stage_one"
    if case.stage_one != AdopterApproval.StageOne.PROCEED:
        return ""
    if case.stage_two_on is None:
        return "stage_two"
    if case.panel_on is None:
        return "panel"
    return "" if case.decided_on else "decision"


def approval_section(
    person: Person, user: User, record_ids: list[int]
) -> dict[str, Any] | None:
    case = approval.approval_of(person, user)
    if case is None:
        return None
    due = timescales.due_for_page(record_ids)
    dates: list[tuple[str, dt.date]] = [
        (rule, day)
        for rule in RULES
        if (day := timescales.next_due_in(due, person.pk, rule, person.pk))
    ]
    return {"person": person, "case": case, "due": dates, "next": _next(case)}
