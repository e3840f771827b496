"""Care leavers in touch, and in education, employment or training, at their
17th to 21st birthdays, as the SSDA903 OC3 table counts them: a young person
counts at a birthday in the period when they were a relevant or former
relevant child on it (haven.care.leavers.oc3.counted_on) and had not been in
care since (returns.ssda903.leavers.left_since), with what was kept for that
birthday (oc3.Oc3Row.kept: blank when nothing was). Read for every young
person at once: those of the age who were ever in care, the days each was
looked after, their periods' ends and the birthday records."""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from django.db.models import F

from haven.care.leavers.keeping_in_touch import AGES
from haven.care.leavers.oc3 import Oc3Row, counted_on
from haven.care.leavers.rules import birthday
from haven.care.leavers.status import looked_after_spans_of
from haven.care.models import BirthdayContact, PeriodOfCare
from haven.people.models import Person
from haven.people.selectors import records_of_ids
from haven.reporting.figures import BarKey, Figure, Item, declare
from haven.reporting.spans import Span
from haven.returns.ssda903.leavers import left_since
from haven.timescales.calendar import add_months

GROUPS = (
    BarKey("17-18", "At 17 or 18", "17-18"),
    BarKey("19-21", "At 19 to 21", "19-21"),
)
TOUCH_CODES = frozenset({"YES"})
# ACTIV: F full-time, P part-time in education, employment or training; G4 to
# G6 not; 0 not known.
EET_STARTS = frozenset({"F", "P"})
NOT_RECORDED = "Not recorded"


def _group(age: int) -> str:
    return GROUPS[0].key if age <= 18 else GROUPS[1].key


def _born_between(span: Span) -> tuple[dt.date, dt.date]:
    """Who can have a 17th to 21st birthday in the period (a day either side
    for 29 February)."""
    day = dt.timedelta(days=1)
    return (
        add_months(span.first, -12 * max(AGES)) - day,
        add_months(span.last, -12 * min(AGES)) + day,
    )


def _kept(people: set[int]) -> dict[tuple[int, int], BirthdayContact]:
    """The latest record kept for each birthday, merged records' included."""
    kept: dict[tuple[int, int], BirthdayContact] = {}
    contacts = (
        BirthdayContact.objects.filter(person_id__in=records_of_ids(people))
        .annotate(survivor=F("person__merged_into_id"))
        .order_by("pk")
    )
    for contact in contacts:
        kept[(contact.survivor or contact.person_id, contact.age)] = contact
    return kept


def rows_in(span: Span) -> list[tuple[int, Oc3Row]]:
    """Each young person's OC3 row for each birthday of theirs in the period."""
    in_care = PeriodOfCare.objects.values("person_id")
    born = dict(
        Person.objects.filter(
            merged_into__isnull=True, date_of_birth__range=_born_between(span)
        )
        .filter(pk__in=in_care)
        .values_list("pk", "date_of_birth")
    )
    if not born:
        return []
    spans = looked_after_spans_of(set(born))
    ends: dict[int, list[dt.date | None]] = defaultdict(list)
    for pk, ended in PeriodOfCare.objects.filter(person_id__in=born).values_list(
        "person_id", "ended_on"
    ):
        ends[pk].append(ended)
    kept = _kept(set(born))
    found = []
    for pk, day_of_birth in born.items():
        if day_of_birth is None:
            continue
        for age in AGES:
            day = birthday(day_of_birth, age)
            if span.month_of(day) is None:
                continue
            if counted_on(day_of_birth, spans.get(pk, []), day) and not left_since(
                ends[pk], day
            ):
                found.append((pk, Oc3Row.kept(age, day, kept.get((pk, age)))))
    return found


def _items(hit: Callable[[Oc3Row], bool]) -> Callable[[Span], list[Item]]:
    def compute(span: Span) -> list[Item]:
        return [
            Item(
                pk,
                _group(row.age),
                row.birthday,
                hit=hit(row),
                details=(
                    row.age,
                    row.in_touch or NOT_RECORDED,
                    row.activ or NOT_RECORDED,
                ),
            )
            for pk, row in rows_in(span)
        ]

    return compute


def _declare(key: str, name: str, counts: str, measure: str, **kw: object) -> Figure:
    return declare(
        Figure(
            key=key,
            name=name,
            counts=counts,
            source=f"{measure} The young people are those the SSDA903 OC3 table "
            "counts: a relevant or former relevant child on their 17th to 21st "
            "birthday, with what was recorded for that birthday (a birthday "
            "with nothing recorded counts, as not). As the DfE's 'Children "
            "looked after in England' reports care leavers aged 17 and 18 and "
            "aged 19 to 21.",
            unit="care leavers",
            rate=True,
            columns=("Birthday", "In touch (IN_TOUCH)", "Activity (ACTIV)"),
            team_words="the team holding the young person's case on the birthday",
            bars=lambda span, items: list(GROUPS),
            bar_heading="Birthday",
            **kw,  # type: ignore[arg-type]
        )
    )


IN_TOUCH = _declare(
    "leavers_in_touch",
    "Care leavers in touch",
    "Of the care leavers with a 17th to 21st birthday in the period, the per "
    "cent the authority was in touch with around it",
    "In touch: IN_TOUCH YES.",
    compute=_items(lambda row: row.in_touch in TOUCH_CODES),
    hit_words=("In touch", "Not in touch or not recorded"),
)
IN_EET = _declare(
    "leavers_eet",
    "Care leavers in education, employment or training",
    "Of the care leavers with a 17th to 21st birthday in the period, the per "
    "cent in education, employment or training around it",
    "In education, employment or training: ACTIV F1 to F5 or P1 to P5 (full "
    "or part time).",
    compute=_items(lambda row: row.activ[:1] in EET_STARTS),
    hit_words=("In education, employment or training", "Not, or not recorded"),
)
