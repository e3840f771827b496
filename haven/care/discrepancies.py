"""What is wrong, or missing, in a looked-after child's records today, each with
what to do and a link to where it is put right: listed for managers across the
children they may open, and on each child's page.

- A period of care with no placement today (or none at all).
- A placement with a provider whose Ofsted registration has lapsed (suspended,
  cancelled, or ended with nothing after it) or was never recorded.
- A statutory visit overdue: the timescale engine's obligations under the
  looked-after visit rules (LAC-VISIT-*), once care activates them; until then
  there are none to read.

Other parts of care add their own checks through `discrepancy_source`: a
missing episode open for more than 24 hours with no police reference
(haven.care.missing.unreported), the last visit in the current placement
recorded somewhere other than the placement (haven.care.visits.elsewhere):

    discrepancy_source("missing without police reference")(missing.discrepancies)

where the function takes (child ids, today) and returns Discrepancy values, in
a fixed number of queries whatever the number of children.
"""

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse

from haven.care.inputs import words
from haven.care.models import PeriodOfCare, Placement, Provider, Registration
from haven.care.whereabouts import holding
from haven.core import few
from haven.timescales.catalogue.looked_after_visits import RULES as VISIT_RULES
from haven.timescales.models import Obligation

# A provider in either status may have children placed with it.
IN_GOOD_STANDING = (
    Registration.Status.REGISTERED,
    Registration.Status.NOT_REQUIRED,
)
VISIT_RULE_IDS = tuple(rule.id for rule in VISIT_RULES)


@dataclass(frozen=True)
class Discrepancy:
    child_id: int
    code: str
    says: str  # what is wrong, in words
    todo: str  # what to do about it
    url: str  # where it is put right
    link: str  # the link's words


Source = Callable[[Collection[int], dt.date], list[Discrepancy]]
DISCREPANCY_SOURCES: dict[str, Source] = {}


def discrepancy_source(name: str) -> Callable[[Source], Source]:
    """Declare a further check (in an app's plugin.py)."""

    def register(source: Source) -> Source:
        if name in DISCREPANCY_SOURCES:
            raise ImproperlyConfigured(
                f"The discrepancy check {name!r} is declared twice"
            )
        DISCREPANCY_SOURCES[name] = source
        return source

    return register


def looked_after_ids(
    today: dt.date, *, among: Collection[int] | None = None
) -> set[int]:
    """Every child in a period of care today, or those of `among` (a record
    merged into another is read as the child it was merged into)."""
    if among is None:
        periods = PeriodOfCare.objects.filter(holding(today))
        rows = periods.values_list("person_id", "person__merged_into_id")
        return {merged or person for person, merged in rows}

    def build(ids: list[int], day: dt.date, _at: object) -> QuerySet[Any]:
        return PeriodOfCare.objects.filter(holding(day), person_id__in=ids).values(
            "person_id", "person__merged_into_id"
        )

    found = few.rows("looked after", PeriodOfCare, among, build, today)
    return {row["person__merged_into_id"] or row["person_id"] for row in found}


def discrepancies(child_ids: Collection[int], today: dt.date) -> list[Discrepancy]:
    """Every discrepancy of these children today."""
    ids = set(child_ids)
    if not ids:
        return []
    found = [
        *_periods_without_placement(ids, today),
        *_providers_not_registered(ids, today),
        *_visits_overdue(ids, today),
    ]
    for source in DISCREPANCY_SOURCES.values():
        found.extend(source(ids, today))
    return found


def _child_page(child_id: int) -> str:
    return reverse("people:detail", args=[child_id]) + "#looked-after"


def _periods_without_placement(ids: set[int], today: dt.date) -> list[Discrepancy]:
    def build(ids: list[int], day: dt.date, _at: object) -> QuerySet[Any]:
        placed = Placement.objects.filter(holding(day), period=OuterRef("pk"))
        periods = PeriodOfCare.objects.filter(holding(day), person_id__in=ids)
        return periods.exclude(Exists(placed))

    periods = few.objects("without placement", PeriodOfCare, ids, build, today)
    return [
        Discrepancy(
            child_id=period.person_id,
            code="no_placement",
            says=f"Looked after since {words(period.started_on)}, with no "
            "placement recorded for today",
            todo="Record where the child is placed: correct the last placement "
            "or, if the child has moved, record the move",
            url=_child_page(period.person_id),
            link="Go to the child's placements",
        )
        for period in periods
    ]


def _providers_not_registered(ids: set[int], today: dt.date) -> list[Discrepancy]:
    def build(ids: list[int], day: dt.date, _at: object) -> QuerySet[Any]:
        return Placement.objects.filter(
            holding(day),
            holding(day, "period__started_on", "period__ended_on"),
            period__person_id__in=ids,
            provider__isnull=False,
        ).select_related("provider", "period")

    placements: list[Placement] = few.objects(
        "placed with a provider", Placement, ids, build, today
    )
    standing = _standing({p.provider_id for p in placements if p.provider_id}, today)
    found = []
    for placement in placements:
        provider = placement.provider
        assert provider is not None
        status = standing.get(provider.pk)
        if status in IN_GOOD_STANDING:
            continue
        found.append(_unregistered(placement, provider, status))
    return found


def _standing(provider_ids: set[int], today: dt.date) -> dict[int, str]:
    """Each provider's registration status today: "" for one with registrations
    but none today (lapsed), absent for one never recorded."""

    def build(ids: list[int], _day: dt.date, _at: object) -> QuerySet[Any]:
        return Registration.objects.filter(provider_id__in=ids).values(
            "provider_id", "status", "started_on", "ended_on"
        )

    rows = few.rows("registrations", Registration, provider_ids, build, today)
    found: dict[int, str] = {}
    for row in rows:
        provider_id, status = row["provider_id"], row["status"]
        started, ended = row["started_on"], row["ended_on"]
        holds = started <= today and (ended is None or today < ended)
        if holds:
            found[provider_id] = status
        else:
            found.setdefault(provider_id, "")
    return found


def _unregistered(
    placement: Placement, provider: Provider, status: str | None
) -> Discrepancy:
    if status is None:
        says = f"{provider} has no Ofsted registration recorded"
    elif status == "":
        says = (
            f"{provider}'s Ofsted registration has lapsed: none is recorded for today"
        )
    else:
        says = (
            f"{provider}'s Ofsted registration is "
            f"{Registration.Status(status).label.lower()}"
        )
    return Discrepancy(
        child_id=placement.period.person_id,
        code="provider_not_registered",
        says=f"Placed with {provider} since {words(placement.started_on)}: {says}",
        todo="A manager records the provider's registration as Ofsted has it and, "
        "if it is not registered, decides whether the child should move",
        url=reverse("care:provider_edit", args=[provider.pk]),
        link=f"Record {provider}'s registration",
    )


def _visits_overdue(ids: set[int], today: dt.date) -> list[Discrepancy]:
    def build(ids: list[int], day: dt.date, _at: object) -> QuerySet[Any]:
        return Obligation.objects.filter(
            person_id__in=ids,
            rule_id__in=VISIT_RULE_IDS,
            status=Obligation.Status.DUE,
            due_on__lt=day,
        ).order_by("due_on")

    overdue = few.objects("visits overdue", Obligation, ids, build, today)
    return [
        Discrepancy(
            child_id=obligation.person_id,
            code="visit_overdue",
            says=f"No statutory visit since one was due on "
            f"{words(obligation.due_on)} ({obligation.rule_id})",
            todo="Visit the child and record the visit",
            url=reverse("casework:record_note", args=[obligation.person_id]),
            link="Record a visit",
        )
        for obligation in overdue
    ]
