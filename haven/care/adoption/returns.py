"""A child's SSDA903 adoption rows for a collection year, derived from the
adoption record, never stored (../shared/domain/returns.md 2.5): AD1 for a
child adopted in the year, PlacedAdoption for each decision that the child
should be placed for adoption, and PrevPerm for a child who started to be
looked after. The returns export calls them. None of them carries the
adopters' names or address: the DfE asks only their number, sexes and legal
status."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from haven.care.missing.reads import collection_span
from haven.care.models import Adopters, AdoptionDecision, PermanenceBefore
from haven.people.models import Person
from haven.people.selectors import records_of


@dataclass(frozen=True)
class Ad1Row:
    """The AD1 fields, as the return writes them."""

    date_int: dt.date
    date_match: dt.date
    foster_care: int
    nb_adoptr: int
    sex_adoptr: str
    ls_adoptr: str

    def fields(self) -> dict[str, Any]:
        """The row keyed by the return's field names."""
        return {name.upper(): value for name, value in self.__dict__.items()}


def ad1_row(child: Person, year: int) -> Ad1Row | None:
    """The AD1 row of a child adopted in collection year `year`, else None."""
    first, last = collection_span(year)
    adopters = (
        Adopters.objects.select_related("decision")
        .filter(
            decision__person_id__in=records_of(child),
            adopted_on__gte=first,
            adopted_on__lte=last,
        )
        .order_by("-adopted_on")
        .first()
    )
    if adopters is None:
        return None
    return Ad1Row(
        date_int=adopters.decision.decided_on,
        date_match=adopters.matched_on,
        foster_care=int(adopters.foster_carers),
        nb_adoptr=adopters.number,
        sex_adoptr=adopters.sexes,
        ls_adoptr=adopters.legal_status,
    )


def placed_adoption_rows(child: Person, year: int) -> list[dict[str, Any]]:
    """PlacedAdoption: each decision in force at some time in the year, with
    DATE_PLACED_CEASED and REASON_PLACED_CEASED both or neither (rule 119)."""
    first, last = collection_span(year)
    decisions = (
        AdoptionDecision.objects.filter(
            person_id__in=records_of(child), decided_on__lte=last
        )
        .exclude(ceased_on__lt=first)
        .order_by("decided_on", "pk")
    )
    return [
        {
            "DATE_PLACED": d.decided_on,
            "DATE_PLACED_CEASED": d.ceased_on,
            "REASON_PLACED_CEASED": d.ceased_reason or None,
        }
        for d in decisions
    ]


def prev_perm_row(child: Person, year: int) -> dict[str, Any] | None:
    """PrevPerm for a period of care that started in the year."""
    first, last = collection_span(year)
    record = (
        PermanenceBefore.objects.filter(
            person_id__in=records_of(child),
            period__started_on__gte=first,
            period__started_on__lte=last,
        )
        .order_by("-period__started_on")
        .first()
    )
    if record is None:
        return None
    return {
        "PREV_PERM": record.code,
        "LA_PERM": record.authority or None,
        "DATE_PERM": record.made_on,
    }
