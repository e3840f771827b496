"""A discrepancy care lists for managers and on the child's page
(haven.care.discrepancies): the last statutory visit made while the child has
been in their current placement is recorded as made somewhere other than the
placement (their family's home, school, or elsewhere).

Visits are made to the child where they live, and the visitor sees their
bedroom (CPPCR reg 28); a visit elsewhere is lawful now and then, but when it
is the latest one nobody from the authority has recently seen the placement
the child lives in. A child placed with their parents (P1) is at home there.

A visit note records the kind of place (casework's VisitPlace), not an
address: the placement it was made at is the one the placement history has on
the visit's day (decision 0012), and "at the placement" is what the worker
recorded."""

import datetime as dt
from collections.abc import Collection
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone

from haven.care.discrepancies import Discrepancy
from haven.care.inputs import words
from haven.care.models import Placement
from haven.care.whereabouts import holding
from haven.casework.codes import NoteKind
from haven.casework.models import CaseNote
from haven.casework.visits import VisitPlace
from haven.core import few

PLACED_WITH_PARENTS = "P1"
ADDRESS = ("address_line_1", "town", "postcode")  # what Placement.address joins
WHERE = {
    VisitPlace.HOME: "at home",
    VisitPlace.SCHOOL: "at school",
    VisitPlace.OTHER: "somewhere else",
}


def visited_elsewhere(child_ids: Collection[int], today: dt.date) -> list[Discrepancy]:
    """One query: each current placement with the place and time of the last
    statutory visit made since it started."""
    placements = few.rows("visited elsewhere", Placement, child_ids, _build, today)
    return [
        _found(placement)
        for placement in placements
        if _elsewhere(placement["place"], placement["visit_place"])
    ]


def _build(ids: list[int], day: dt.date, _at: object) -> QuerySet[Any]:
    last = CaseNote.objects.filter(
        person_id=OuterRef("period__person_id"),
        kind=NoteKind.VISIT,
        statutory_visit=True,
        child_seen=True,
        occurred_at__date__gte=OuterRef("started_on"),
    ).order_by("-occurred_at", "-pk")
    return (
        Placement.objects.filter(
            holding(day),
            holding(day, "period__started_on", "period__ended_on"),
            period__person_id__in=ids,
        )
        .annotate(
            visit_place=Subquery(last.values("visit_place")[:1]),
            visited_at=Subquery(last.values("occurred_at")[:1]),
        )
        .order_by("pk")
        .values(
            "pk",
            "place",
            "started_on",
            *ADDRESS,
            "visit_place",
            "visited_at",
            "period__person_id",
            "period__person__merged_into_id",
        )
    )


def _elsewhere(place: str, visit_place: str | None) -> bool:
    if not visit_place or visit_place == VisitPlace.PLACEMENT:
        return False
    return not (place == PLACED_WITH_PARENTS and visit_place == VisitPlace.HOME)


def _found(placement: dict[str, Any]) -> Discrepancy:
    """The discrepancy of a placement's row (`_build`)."""
    at = timezone.localtime(placement["visited_at"])
    where = WHERE[placement["visit_place"]]
    address = Placement(**{name: placement[name] for name in ADDRESS}).address
    child_id = placement["period__person_id"]
    return Discrepancy(
        child_id=placement["period__person__merged_into_id"] or child_id,
        code="visit_not_at_placement",
        says=f"The last statutory visit, on {words(at.date())}, is recorded as "
        f"made {where}, not at the placement the child has lived in since "
        f"{words(placement['started_on'])} ({address})",
        todo="Visit the child at their placement and see their bedroom (CPPCR "
        "reg 28). If that visit was in fact made there, amend the visit note",
        url=reverse("care:visit", args=[placement["pk"]]),
        link="Record a visit at the placement",
    )
