"""Health events in the words a social worker reads in a chronology."""

import datetime as dt
from collections.abc import Callable
from typing import Any

KINDS = {"initial": "Initial health assessment", "review": "Review health assessment"}
UP_TO_DATE = {
    "yes": "up to date",
    "no": "not up to date",
    "not_known": "not known whether up to date",
}
WHAT = {"immunisations": "Immunisations", "development": "Development checks"}
BY = {"carer": "the carer", "teacher": "a teacher", "young_person": "the young person"}
OFFENCES = {
    "final_warning": "Final warning",
    "reprimand": "Reprimand",
    "conviction": "Conviction",
}


def _day(value: object) -> str:
    try:
        return f"{dt.date.fromisoformat(str(value)[:10]):%-d %B %Y}"
    except ValueError:
        return str(value or "")


def _assessment(p: dict[str, Any]) -> str:
    what = KINDS.get(str(p.get("kind")), "Health assessment")
    who = ", ".join(str(p[k]) for k in ("professional", "role") if p.get(k))
    return f"{what} completed ({who})" if who else f"{what} completed"


def _misuse(p: dict[str, Any]) -> str:
    words = "Substance misuse identified"
    if p.get("intervention_received"):
        return words + ": an intervention was offered and received"
    if p.get("intervention_offered"):
        return words + ": an intervention was offered"
    return words + ": no intervention offered"


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "care.health_assessment_completed": _assessment,
    "care.dental_check_recorded": lambda p: "Dental check",
    "care.up_to_date_recorded": lambda p: (
        f"{WHAT.get(str(p.get('what')), 'Health checks')}: "
        f"{UP_TO_DATE.get(str(p.get('answer')), 'recorded')}"
    ),
    "care.sdq_recorded": lambda p: (
        f"SDQ score {p.get('score')}, completed by "
        f"{BY.get(str(p.get('completed_by')), 'someone')}"
    ),
    "care.substance_misuse_recorded": _misuse,
    "care.offence_recorded": lambda p: (
        f"{OFFENCES.get(str(p.get('kind')), 'Offence')} on {_day(p.get('on'))}"
    ),
}
