"""What the "Leaving care" section shows of a care leaver's support: where
they live and lived (each ACCOM code in its list's words), the personal
adviser's visits, the next visit due (from the engine's obligations), staying
put and staying close with their count, and the council's local offer."""

from dataclasses import dataclass
from typing import Any

from haven.care.leavers import accommodation, staying
from haven.care.leavers.local_offer import local_offer
from haven.care.models import AdviserVisit, LeaverAccommodation
from haven.core import codelists, few
from haven.people.models import Person
from haven.timescales import selectors as timescales

VISIT_RULES = ("CL-PA-VISIT-1", "CL-PA-VISIT-N")
SHOWN = 3


@dataclass(frozen=True)
class Lived:
    """One accommodation, its code in words."""

    record: LeaverAccommodation
    words: str


def _in_words(record: LeaverAccommodation) -> Lived:
    try:
        words = codelists.wording(accommodation.ACCOMMODATION, record.accommodation)
    except KeyError:
        words = record.accommodation
    return Lived(record, words)


def support(person: Person, record_ids: list[int]) -> dict[str, Any]:
    """The section's support context, for a young person it is shown for."""
    due = timescales.due_for_page(record_ids)
    next_visit = min(
        (
            d
            for d in (
                timescales.next_due_in(due, person.pk, rule, person.pk)
                for rule in VISIT_RULES
            )
            if d is not None
        ),
        default=None,
    )
    had = staying.arrangements(person)
    return {
        "lived": [_in_words(a) for a in accommodation.history(person)],
        "visits": few.of(
            "leavers.adviser_visits",
            AdviserVisit,
            record_ids,
            lambda ids: AdviserVisit.objects.filter(person_id__in=ids)[:SHOWN],
        ),
        "next_visit": next_visit,
        "staying": had,
        "staying_counts": staying.counted(had),
        "local_offer": local_offer(),
    }
