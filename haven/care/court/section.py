"""The "Court" section of a child's page: their proceedings, each with the
date the 26 weeks end (the engine's obligation, so an extension shows in it),
its extensions and how it was decided, and the orders made, with the legal
status each gives a looked-after child."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import prefetch_related_objects

from haven.care.court.kinds import LEGAL_STATUS, OrderKind
from haven.care.models import CourtOrder, Proceedings
from haven.care.permissions import may_record_care
from haven.core import few
from haven.core.models import User
from haven.people import sections
from haven.people.models import Person
from haven.timescales import selectors as timescales

RULE = "CRT-26W"
ORDER_RULES = ("CRT-EPO", "CRT-POLICE", "CRT-CAO", "CRT-ICO")


@dataclass(frozen=True)
class Case:
    proceedings: Proceedings
    due_on: dt.date | None
    orders: list[CourtOrder]


@dataclass(frozen=True)
class Made:
    order: CourtOrder
    legal_status: str
    ends_by: dt.date | None


def court_section(
    person: Person, user: User, record_ids: list[int]
) -> dict[str, Any] | None:
    """The section's context; None for an adult with no court records."""
    cases = few.of(
        "care.court.proceedings",
        Proceedings,
        record_ids,
        lambda ids: Proceedings.objects.filter(person_id__in=ids),
    )
    prefetch_related_objects(cases, "extensions")
    orders = few.of(
        "care.court.orders",
        CourtOrder,
        record_ids,
        lambda ids: CourtOrder.objects.filter(person_id__in=ids),
    )
    age = person.age
    if not cases and not orders and (age is None or age >= 18):
        return None
    due = timescales.due_for_page(record_ids)
    return {
        "person": person,
        "cases": [
            Case(
                p,
                timescales.next_due_in(due, person.pk, RULE, p.pk),
                [o for o in orders if o.proceedings_id == p.pk],
            )
            for p in cases
        ],
        "orders": [_made(o, due, person.pk) for o in reversed(orders)],
        "may_record": may_record_care(user) and sections.may_change(user, person),
    }


def _made(order: CourtOrder, due: list[Any], person_id: int) -> Made:
    code = LEGAL_STATUS.get(OrderKind(order.kind))
    ends_by = min(
        (
            d
            for rule in ORDER_RULES
            if (d := timescales.next_due_in(due, person_id, rule, order.pk))
        ),
        default=None,
    )
    return Made(order, code or "", ends_by)
