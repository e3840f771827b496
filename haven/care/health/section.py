"""The "Health" section of a looked-after child's page: when the next health
assessment and SDQ are due (from the timescale engine), the assessments, and
the latest of each other health record the SSDA903 OC2 table reads."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from haven.care.models import (
    DentalCheck,
    HealthAssessment,
    Offence,
    SdqScore,
    SubstanceMisuse,
    UpToDate,
)
from haven.care.permissions import may_record_care
from haven.care.selectors import care_for_page
from haven.core import few
from haven.core.models import User
from haven.people import sections
from haven.people.models import Person
from haven.timescales import selectors as timescales
from haven.timescales.catalogue import rule

# Due about the period of care (the initial assessment), or about the child
# (the reviews, whose clock runs on across periods).
FOR_PERIOD = ("LAC-HEALTH-IHA-20", "LAC-HEALTH-IHA")
FOR_CHILD = ("LAC-HEALTH-RHA", "LAC-HEALTH-RHA-5")
SDQ = "LAC-SDQ"
SHOWN = 5


@dataclass(frozen=True)
class Due:
    rule_id: str
    due_on: dt.date

    @property
    def words(self) -> str:
        return rule(self.rule_id).description


def _due(
    obligations: list[Any], person: Person, rules: dict[str, int | None]
) -> Due | None:
    found = []
    for rule_id, subject in rules.items():
        if subject is None:
            continue
        day = timescales.next_due_in(obligations, person.pk, rule_id, subject)
        if day is not None:
            found.append(Due(rule_id, day))
    return min(found, key=lambda d: (d.due_on, d.rule_id)) if found else None


def _latest(model: Any, record_ids: list[int], order: str, **where: Any) -> Any:
    name = f"care.health.latest.{model.__name__}.{order}.{sorted(where.items())}"
    return few.first_of(
        name,
        model,
        record_ids,
        lambda ids: model.objects.filter(person_id__in=ids, **where).order_by(
            f"-{order}", "-pk"
        ),
    )


def _newest(model: Any, record_ids: list[int], shown: int, *order: str) -> list[Any]:
    """The child's newest records of a kind (in `order`, or the model's)."""
    by = order or model._meta.ordering
    return few.of(
        f"care.health.newest.{model.__name__}.{shown}.{by}",
        model,
        record_ids,
        lambda ids: model.objects.filter(person_id__in=ids).order_by(*by)[:shown],
    )


def health_section(
    person: Person, user: User, record_ids: list[int]
) -> dict[str, Any] | None:
    """The section's context; None for a child never looked after."""
    cares = care_for_page(person)
    if not cares:
        return None
    current = cares[0].period if cares[0].period.is_open else None
    period_id = current.pk if current else None
    obligations = timescales.due_for_page(record_ids)
    assessment_rules = {r: period_id for r in FOR_PERIOD} | {
        r: person.pk for r in FOR_CHILD
    }
    return {
        "person": person,
        "current": current,
        "next_assessment": _due(obligations, person, assessment_rules),
        "next_sdq": _due(obligations, person, {SDQ: period_id}),
        "assessments": _newest(
            HealthAssessment, record_ids, SHOWN, "-completed_on", "-pk"
        ),
        "dental": _latest(DentalCheck, record_ids, "checked_on"),
        "immunisations": _latest(
            UpToDate, record_ids, "checked_on", what=UpToDate.What.IMMUNISATIONS
        ),
        "development": _latest(
            UpToDate, record_ids, "checked_on", what=UpToDate.What.DEVELOPMENT
        ),
        "sdqs": _newest(SdqScore, record_ids, 3, "-completed_on", "-pk"),
        "misuse": _newest(SubstanceMisuse, record_ids, 3),
        "offences": _newest(Offence, record_ids, SHOWN),
        "may_record": may_record_care(user) and sections.may_change(user, person),
    }
