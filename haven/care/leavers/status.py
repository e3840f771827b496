"""Reading a young person's care leaver status on a day from their records:
the days they were looked after (their legal statuses other than short
breaks, V3 and V4) and their date of birth. The rule is in rules.py."""

import datetime as dt
from collections import defaultdict
from collections.abc import Collection

from haven.care.codes import SHORT_BREAKS
from haven.care.leavers.rules import Span, Standing, standing
from haven.care.models import LegalStatus
from haven.core import few
from haven.people.models import Person
from haven.people.selectors import record_ids, records_of_ids


def looked_after_spans(person: Person) -> list[Span]:
    """The spans the person was looked after, short breaks left out, across
    every record merged into theirs."""
    rows = few.values_of(
        "care.leavers.looked_after_spans",
        LegalStatus,
        record_ids(person),
        lambda ids: (
            LegalStatus.objects.filter(period__person_id__in=ids)
            .exclude(code__in=SHORT_BREAKS)
            .values("started_on", "ended_on", "period__ended_on")
        ),
    )
    return [
        (row["started_on"], row["ended_on"] or row["period__ended_on"]) for row in rows
    ]


def looked_after_spans_of(people: Collection[int]) -> dict[int, list[Span]]:
    """looked_after_spans for many people at once, in one query: each
    person's own spans and those of the records merged into theirs."""
    rows = (
        LegalStatus.objects.filter(period__person_id__in=records_of_ids(people))
        .exclude(code__in=SHORT_BREAKS)
        .values_list(
            "period__person_id",
            "period__person__merged_into_id",
            "started_on",
            "ended_on",
            "period__ended_on",
        )
    )
    spans: dict[int, list[Span]] = defaultdict(list)
    for pk, survivor, start, end, period_end in rows:
        spans[survivor or pk].append((start, end or period_end))
    return spans


def leaver_status(person: Person, day: dt.date) -> Standing | None:
    """The person's care leaver status on `day`; None without a date of birth
    (an unborn child, or one whose birth is not yet recorded)."""
    if person.date_of_birth is None:
        return None
    return standing(person.date_of_birth, looked_after_spans(person), day)
