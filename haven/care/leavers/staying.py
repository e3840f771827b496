"""Recording staying put (Children Act 1989 s23CZA: a former relevant young
person stays on with their former foster carer after 18) and staying close
(the offer to a young person leaving a children's home, to live near it with
its support), each from a day to its end: staying put at the latest on their
21st birthday (the law's), staying close on the birthday the council sets
(HAVEN_STAYING_CLOSE_UNTIL_AGE, 21 unless set: no settled law to cite).
The user's role and access are checked, every fault named at once, and the
record and its journal event written in one transaction.

Journal event:
  care.staying_arrangement_recorded {"child", "arrangement", "kind",
                                     "started_on", "ends_on"}
"""

import datetime as dt
from collections import Counter

from django.conf import settings
from django.db import transaction

from haven.care import inputs, recording
from haven.care.leavers.rules import FORMER_RELEVANT, birthday
from haven.care.leavers.status import leaver_status
from haven.care.models import StayingArrangement
from haven.core import few, journal
from haven.core.errors import Failures
from haven.core.models import User
from haven.people.models import Person
from haven.people.selectors import record_ids

RECORDED = "care.staying_arrangement_recorded"
Kind = StayingArrangement.Kind
UNTIL = 21  # staying put: Children Act 1989 s23CZA


def _nth(age: int) -> str:
    """21st, 22nd, 23rd, 25th: an age as the birthday's ordinal, in figures."""
    ending = {1: "st", 2: "nd", 3: "rd"}.get(age % 10, "th")
    return f"{age}{'th' if 10 <= age % 100 <= 20 else ending}"


def _until(kind: str) -> tuple[int, str]:
    """The birthday an arrangement of this kind ends on at the latest, and
    where that comes from, in words."""
    if kind == Kind.STAYING_CLOSE:
        return (
            settings.HAVEN_STAYING_CLOSE_UNTIL_AGE,
            "the council's setting for staying close",
        )
    return UNTIL, "Children Act 1989 s23CZA"


def arrangements(person: Person) -> list[StayingArrangement]:
    """Every staying put and staying close arrangement, the latest first."""
    return few.of(
        "leavers.staying",
        StayingArrangement,
        record_ids(person),
        lambda ids: StayingArrangement.objects.filter(person_id__in=ids),
    )


def counted(had: list[StayingArrangement]) -> dict[str, int]:
    """How many arrangements of each kind (of those `arrangements` gave) the
    young person has had, in words."""
    found = Counter(a.kind for a in had)
    return {label: found[kind] for kind, label in Kind.choices}


def _check_dates(
    person: Person,
    kind: str,
    started_on: dt.date | None,
    ends_on: dt.date | None,
    failures: Failures,
) -> dt.date | None:
    """The end, the last birthday the kind allows when none is given, after
    checking they were a former relevant young person on the first day."""
    if started_on is None or person.date_of_birth is None:
        return None
    age, source = _until(kind)
    last = birthday(person.date_of_birth, age)
    status = leaver_status(person, started_on)
    if status is None or status.kind != FORMER_RELEVANT:
        failures.add(
            "not_former_relevant",
            f"On {inputs.words(started_on)} they were not a former relevant young "
            "person: staying put and staying close are from 18, after care",
            "started_on",
        )
    ends_on = ends_on or last
    if ends_on <= started_on:
        failures.add("ends_before_start", "The end must be after the start", "ends_on")
    if ends_on > last:
        failures.add(
            "after_last_birthday",
            f"It ends at the latest on their {_nth(age)} birthday, "
            f"{inputs.words(last)} ({source})",
            "ends_on",
        )
    return ends_on


def record_staying(
    person: Person,
    *,
    kind: str,
    started_on: dt.date | None,
    ends_on: dt.date | None,
    with_whom: str,
    by: User,
) -> StayingArrangement:
    """Staying put or staying close from `started_on` to `ends_on` (the last
    birthday the kind allows when not given)."""
    recording.may_record(by, person)
    failures = Failures()
    with_whom = with_whom.strip()
    if kind not in Kind.values:
        failures.add("kind_required", "Choose staying put or staying close", "kind")
    if not with_whom:
        failures.add(
            "with_whom_required",
            "Enter the former foster carer or the home",
            "with_whom",
        )
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).exists()
        started_on = inputs.past_date(
            started_on, field="started_on", what="it started", failures=failures
        )
        ends_on = _check_dates(person, kind, started_on, ends_on, failures)
        failures.raise_any()
        assert started_on is not None and ends_on is not None
        made = StayingArrangement.objects.create(
            person=person,
            kind=kind,
            started_on=started_on,
            ends_on=ends_on,
            with_whom=with_whom,
            recorded_by=by,
        )
        journal.append(
            person,
            RECORDED,
            {
                "child": person.pk,
                "arrangement": made.pk,
                "kind": kind,
                "started_on": started_on,
                "ends_on": ends_on,
            },
            by=by,
            occurred_at=recording.occurred(started_on),
        )
    return made
