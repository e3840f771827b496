"""Work still overdue: the timescale engine's obligations open and past their
due date on a day (haven.timescales: each Obligation's due date and the day it
was met or set aside, never worked out again here), at the end of each month
and, by rule family, on the period's last day. A duty counts on a day when its
clock had started by then, its due date had passed, and it was not yet met or
set aside; one met or set aside later still counts on the days before."""

import datetime as dt
from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import Q
from django.utils import timezone

from haven.reporting.figures import BarKey, Figure, Item, declare
from haven.reporting.spans import Span
from haven.timescales.models import Obligation

# A rule's family is the first part of its id (LAC-VISIT-1: LAC).
FAMILIES = {
    "REF": "Contacts",
    "ASSESS": "Assessments",
    "CP": "Child protection",
    "CIN": "Children in need",
    "LADO": "Allegations against adults",
    "CSPR": "Safeguarding practice reviews",
    "LAC": "Looked-after children",
    "CL": "Care leavers",
    "ADO": "Adoption",
    "FOST": "Fostering",
    "PF": "Private fostering",
    "SGO": "Special guardianship",
    "CRT": "Court",
    "CH": "Children's homes",
    "SEN": "Special educational needs",
    "CMP": "Complaints",
}


def family_of(rule_id: str) -> str:
    return rule_id.split("-", 1)[0]


def family_words(family: str) -> str:
    return FAMILIES.get(family, family)


def _open_on(days: list[dt.date]) -> list[tuple[Any, list[dt.date]]]:
    """Each obligation open and past due on any of the days, with those days,
    in one query. Each row is read once, and the days it counts on found by
    bisecting the sorted days (from the later of its start and the day after
    it fell due, to the day before it closed), not by trying every day."""
    if not days:
        return []
    days = sorted(days)
    rows = (
        Obligation.objects.filter(due_on__lt=days[-1])
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=days[0]))
        .order_by("due_on", "pk")
        .values_list(
            "person_id", "rule_id", "due_on", "closed_on", "trigger_event__occurred_at"
        )
    )
    found = []
    local = timezone.get_current_timezone()
    one_day = dt.timedelta(days=1)
    for row in rows:
        started = row[4].astimezone(local).date()
        low = bisect_left(days, max(started, row[2] + one_day))
        high = len(days) if row[3] is None else bisect_left(days, row[3])
        if low < high:
            found.append((row, days[low:high]))
    return found


def _items(days: list[dt.date], bar_of: Callable[[dt.date, str], str]) -> list[Item]:
    """An item for each obligation on each day it was overdue, its family's
    words worked out once a row, not once a day."""
    items: list[Item] = []
    for (person_id, rule_id, due_on, _closed, _at), open_days in _open_on(days):
        family = family_of(rule_id)
        words = family_words(family)
        items.extend(
            Item(
                person_id,
                bar_of(day, family),
                day,
                details=(words, rule_id, due_on, (day - due_on).days),
            )
            for day in open_days
        )
    return items


def _at_month_ends(span: Span) -> list[Item]:
    months = {m.last: m.key for m in span.months}
    return _items(list(months), lambda day, _family: months[day])


def _by_family(span: Span) -> list[Item]:
    return _items([span.last], lambda _day, family: family.lower())


def _families(span: Span, items: Iterable[Item]) -> list[BarKey]:
    found = {item.bar: str(item.details[0]) for item in items}
    return sorted(
        (BarKey(key, words, words) for key, words in found.items()),
        key=lambda k: k.words,
    )


COLUMNS = ("Family", "Rule", "Due", "Days overdue")
SOURCE = (
    "The due dates are the timescale engine's, the same as on everyone's work "
    "queue; a duty is overdue on a day after its due date until it is met or "
    "no longer required. A rule's family is the first part of its id (CP, LAC, "
    "CL...). Fewer is better."
)

OVERDUE = declare(
    Figure(
        key="overdue",
        name="Work overdue at the end of each month",
        counts="The duties with a due date (visits, reviews, assessments, "
        "plans...) not done and past due at the end of each month",
        source=SOURCE,
        compute=_at_month_ends,
        unit="duties",
        columns=COLUMNS,
        team_words="the team holding the child's case at the end of the month",
    )
)
OVERDUE_BY_FAMILY = declare(
    Figure(
        key="overdue_families",
        name="Work overdue by rule family",
        counts="The duties not done and past due on the last day of the period, "
        "by the family of the rule that sets them",
        source=SOURCE,
        compute=_by_family,
        unit="duties",
        columns=COLUMNS,
        team_words="the team holding the child's case on the period's last day",
        bars=_families,
        bar_heading="Rule family",
    )
)
