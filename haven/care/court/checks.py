"""The checks an order or an application must pass, each fault in the user's
words, all named at once. Only rules that are certain: a date is a real past
date, not before the child was born; a care or supervision order is not made
for a child of 17 or over (Children Act 1989 s31(3)), a placement order not
for one of 18 or over; an interim order is not made once the proceedings are
decided or a full care order runs."""

import datetime as dt

from haven.care import inputs
from haven.care.court.kinds import (
    INTERIM,
    NO_COURT,
    NOT_FROM_AGE,
    SPECIAL_GUARDIANS,
    OrderKind,
)
from haven.care.models import CourtOrder, Proceedings
from haven.core.errors import Failures
from haven.people.lifestage import age_on
from haven.people.models import Person
from haven.people.selectors import records_of


def day(
    child: Person, on: dt.date | None, *, field: str, what: str, failures: Failures
) -> dt.date | None:
    """A past date, on or after the child's birth."""
    on = inputs.past_date(on, field=field, what=what, failures=failures)
    if on is None:
        return None
    born = child.date_of_birth
    if born is None:
        failures.add(
            "not_born",
            "Record the child's date of birth first: an order is made about a "
            "child who has been born",
            field=field,
        )
        return None
    if on < born:
        failures.add(
            "before_birth",
            f"The date {what} is before the child was born ({inputs.words(born)})",
            field=field,
        )
        return None
    return on


def order_details(
    child: Person,
    kind: str,
    made_on: dt.date | None,
    *,
    court: str,
    ends_on: dt.date | None,
    special_guardians: str,
    failures: Failures,
) -> None:
    if kind not in OrderKind.values:
        failures.add("kind_required", "Choose the order", field="kind")
        return
    if kind not in NO_COURT and not court.strip():
        failures.add("court_required", "Enter the court that made it", field="court")
    if kind == OrderKind.SPECIAL_GUARDIANSHIP and special_guardians not in (
        SPECIAL_GUARDIANS
    ):
        failures.add(
            "guardians_required",
            "Choose who the special guardians are",
            field="special_guardians",
        )
    if made_on is None:
        return
    if ends_on is not None and ends_on < made_on:
        failures.add(
            "ends_before_made",
            "The date it ends must be on or after the date it was made",
            field="ends_on",
        )
    limit = NOT_FROM_AGE.get(OrderKind(kind))
    age = age_on(child, made_on)
    if limit is not None and age is not None and age >= limit:
        failures.add(
            "too_old_for_order",
            f"A {OrderKind(kind).label.lower()} cannot be made for a child of "
            f"{limit} or over: they were {age} on {inputs.words(made_on)}",
            field="made_on",
        )


def in_proceedings(
    kind: str,
    made_on: dt.date | None,
    proceedings: Proceedings | None,
    failures: Failures,
) -> None:
    """An order in proceedings is made once they are issued, and an interim
    one only until they are decided."""
    if proceedings is None or made_on is None:
        return
    if made_on < proceedings.issued_on:
        failures.add(
            "before_application",
            f"The order is dated before the application was issued "
            f"({inputs.words(proceedings.issued_on)})",
            field="made_on",
        )
    decided = proceedings.disposed_on
    if kind in INTERIM and decided is not None and made_on > decided:
        failures.add(
            "interim_after_decision",
            f"An interim order cannot be made after the proceedings were decided "
            f"on {inputs.words(decided)}",
            field="made_on",
        )


def after_care_order(
    child: Person, kind: str, made_on: dt.date | None, failures: Failures
) -> None:
    """An interim order is not made while a full care order runs."""
    if kind not in INTERIM or made_on is None:
        return
    orders = CourtOrder.objects.filter(
        person_id__in=records_of(child), kind=OrderKind.CARE, made_on__lte=made_on
    )
    for order in orders:
        if order.discharged_on is None or order.discharged_on > made_on:
            failures.add(
                "interim_after_care_order",
                f"The full care order made on {inputs.words(order.made_on)} is in "
                "force: an interim order cannot follow it",
                field="kind",
            )
            return
