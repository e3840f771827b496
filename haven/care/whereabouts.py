"""Where every looked-after child was placed on a day, read from the placement
histories as they stand now ("as corrected since"), with what the board shows
beside it: the legal status, who holds the case, the child's home postcode and
when they were last seen.

Each read takes every child at once, so the number of queries does not grow
with the number of children. Nothing here checks access: haven.care.board
splits the children the user may open from those they may not.
"""

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.db.models import Field, Max, Model, Q, QuerySet

from haven.care.codes import PlacementType
from haven.care.distance import home_on
from haven.care.models import LegalStatus, Placement
from haven.casework.codes import FACE_TO_FACE
from haven.casework.models import CaseNote
from haven.casework.visits import VisitPlace
from haven.core import clock, compiled
from haven.core.caseroles import CaseRole
from haven.core.models import Allocation, Team, User
from haven.people.models import Address, Person

ONE_DAY = dt.timedelta(days=1)
# Who holds each case and each child's addresses, asked of more children than
# this (a service manager's board), are planned for the children asked of
# (compiled.Compiled.plan_each_over): with PostgreSQL's kept plan they took 45
# and 25 ms for 2,000 children, planned afresh 14 and 16.
PLAN_EACH_OVER = 100
# The codes, once: PlacementType.values builds every member's label each time
# it is asked (Django's Choices), and the board asks it of every row.
PLACES = frozenset(PlacementType.values)


# Placed, InCare, Holds (and distance.Whereabouts, board_types.Entry) are
# built for every child in care on each board: not frozen, whose __init__
# sets each field through object.__setattr__ at three times the cost. Nothing
# changes one once built.
@dataclass(slots=True)
class Placed:
    """A placement as the board shows it, read from its row or from the facts a
    journal event kept of it."""

    placement_id: int
    period_id: int
    place: str
    since: dt.date
    until: dt.date | None
    address: str
    postcode: str
    district: str  # the local authority recorded on the placement, if any
    provider_id: int | None
    provider_name: str
    carer_id: int | None

    @property
    def place_words(self) -> str:
        known = self.place in PLACES
        return f"{self.place}: {PlacementType(self.place).label}" if known else ""

    def same_as(self, other: "Placed | None") -> bool:
        """The same answer to "where was the child?": the same placement, of the
        same type, at the same address, with the same people, from the same day."""
        return other is not None and self._answer() == other._answer()

    def _answer(self) -> tuple[Any, ...]:
        return (
            self.placement_id,
            self.place,
            self.since,
            self.address,
            self.provider_id,
            self.carer_id,
        )


@dataclass(slots=True)
class InCare:
    """A child in care on the day, where they were placed, the period's start
    (from which the home postcode is read), and the child's name as the board
    orders by it: (family name, given name) lowercased, then the id."""

    child_id: int
    period_start: dt.date
    placed: Placed
    name: tuple[str, str, int]


def holding(day: dt.date, start: str = "started_on", end: str = "ended_on") -> Q:
    return Q(**{f"{start}__lte": day}) & (
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": day})
    )


PLACED_COLUMNS = (
    "pk",
    "period_id",
    "place",
    "started_on",
    "ended_on",
    "address_line_1",
    "town",
    "postcode",
    "local_authority",
    "provider_id",
    "provider__name",
    "carer_id",
    "period__person_id",
    "period__person__merged_into_id",
    "period__started_on",
    "period__person__family_name",
    "period__person__given_name",
    "period__person__merged_into__family_name",
    "period__person__merged_into__given_name",
)


def _day_slot(model: type[Model]) -> compiled.Slot:
    """The day, wherever a query compiled with DAY_STAND_IN asks it."""
    field = model._meta.get_field("started_on")
    assert isinstance(field, Field)
    return compiled.Slot("day", compiled.DAY_STAND_IN, field, repeated=True)


def _in_care(rows: QuerySet[Placement]) -> compiled.Compiled:
    day = compiled.DAY_STAND_IN
    holds = rows.filter(
        holding(day), holding(day, "period__started_on", "period__ended_on")
    )
    return compiled.Compiled(
        holds.order_by("pk").values_list(*PLACED_COLUMNS), [_day_slot(Placement)]
    )


def in_care_on(day: dt.date) -> list[InCare]:
    """Every child in a period of care on the day, with the placement holding
    that day (as corrected since), read as plain values: the board reads this
    for every child, so it builds no model instances, and its query is
    compiled once (haven.core.compiled). A record merged into another is read
    as the child it was merged into, by that child's name."""
    rows = compiled.once("care.in_care_on", Placement, _in_care).rows(day=day)
    return [
        InCare(
            child_id=merged or person,
            period_start=period_start,
            placed=Placed(
                placement_id=pk,
                period_id=period_id,
                place=place,
                since=since,
                until=until,
                address=", ".join(filter(None, (line_1, town, postcode))),
                postcode=postcode,
                district=district,
                provider_id=provider_id,
                provider_name=provider_name or "",
                carer_id=carer_id,
            ),
            name=(
                (merged_family or "").lower(),
                (merged_given or "").lower(),
                merged,
            )
            if merged
            else (family.lower(), given.lower(), person),
        )
        for (
            pk,
            period_id,
            place,
            since,
            until,
            line_1,
            town,
            postcode,
            district,
            provider_id,
            provider_name,
            carer_id,
            person,
            merged,
            period_start,
            family,
            given,
            merged_family,
            merged_given,
        ) in rows
    ]


def _statuses(rows: QuerySet[LegalStatus]) -> compiled.Compiled:
    ids, ids_slot = compiled.ids_in(rows.db)
    held = rows.filter(holding(compiled.DAY_STAND_IN), period_id__in=ids)
    return compiled.Compiled(
        held.values_list("period_id", "code"), [ids_slot, _day_slot(LegalStatus)]
    )


def legal_statuses(period_ids: Collection[int], day: dt.date) -> dict[int, str]:
    """{period id: the legal status holding on the day}."""
    query = compiled.once("care.legal_statuses", LegalStatus, _statuses)
    ids = compiled.ids_value(query.database, period_ids)
    return {period: code for period, code in query.rows(ids=ids, day=day)}


def _people(rows: QuerySet[Person]) -> compiled.Compiled:
    ids, ids_slot = compiled.ids_in(rows.db)
    return compiled.Compiled(rows.filter(pk__in=ids), [ids_slot])


def children(ids: Collection[int]) -> dict[int, Person]:
    query = compiled.once("care.children", Person, _people)
    found = query.objects(ids=compiled.ids_value(query.database, ids))
    return {p.pk: p for p in found}


@dataclass(frozen=True)
class Holder:
    """Who held the child's case (the social worker's role) on the day."""

    team: Team
    worker: User | None


@dataclass(slots=True)
class Holds:
    """Who held the child's case on the day, as the board filters and sorts by
    it: ids and names only."""

    team_id: int
    team: str
    worker_id: int | None
    worker: str


def _holds(rows: QuerySet[Allocation]) -> compiled.Compiled:
    ids, ids_slot = compiled.ids_in(rows.db)
    held = rows.filter(
        holding(compiled.DAY_STAND_IN), person_id__in=ids, role=CaseRole.SOCIAL_WORKER
    )
    # Allocation's own order, but by the person's id rather than their name
    # (which joined every child's record only to sort by it): each child's
    # allocations still come latest first.
    columns = held.order_by("person_id", "-started_on").values_list(
        "person_id",
        "team_id",
        "team__name",
        "worker_id",
        "worker__first_name",
        "worker__last_name",
        "worker__username",
    )
    return compiled.Compiled(
        columns, [ids_slot, _day_slot(Allocation)], plan_each_over=PLAN_EACH_OVER
    )


def holds_on(ids: Collection[int], day: dt.date) -> dict[int, Holds]:
    """Who held each child's case on the day, by a query compiled once."""
    query = compiled.once("care.holds_on", Allocation, _holds)
    rows = query.rows(ids=compiled.ids_value(query.database, ids), day=day)
    return {
        person: Holds(team_id, team, worker_id, _staff_name(first, last, username))
        for person, team_id, team, worker_id, first, last, username in rows
    }


def _staff_name(first: str | None, last: str | None, username: str | None) -> str:
    """As User.get_full_name() or the username; "" for no worker."""
    return f"{first or ''} {last or ''}".strip() or username or ""


def _holders(rows: QuerySet[Allocation]) -> compiled.Compiled:
    ids, ids_slot = compiled.ids_in(rows.db)
    held = rows.filter(
        holding(compiled.DAY_STAND_IN), person_id__in=ids, role=CaseRole.SOCIAL_WORKER
    )
    return compiled.Compiled(
        held.select_related("team", "worker"), [ids_slot, _day_slot(Allocation)]
    )


def holders_on(ids: Collection[int], day: dt.date) -> dict[int, Holder]:
    query = compiled.once("care.holders_on", Allocation, _holders)
    held = query.objects(ids=compiled.ids_value(query.database, ids), day=day)
    return {a.person_id: Holder(a.team, a.worker) for a in held}


def _addresses(rows: QuerySet[Address]) -> compiled.Compiled:
    ids, ids_slot = compiled.ids_in(rows.db)
    columns = rows.filter(person_id__in=ids).values_list(
        "person_id", "started_on", "ended_on", "postcode"
    )
    return compiled.Compiled(columns, [ids_slot], plan_each_over=PLAN_EACH_OVER)


def homes(in_care: list[InCare]) -> dict[int, str]:
    """Each child's home postcode (the SSDA903's HOME_POST): where they lived
    before the period of care started (haven.care.distance.home_on)."""
    lived: dict[int, list[tuple[dt.date, dt.date | None, str]]] = {}
    query = compiled.once("care.addresses", Address, _addresses)
    ids = compiled.ids_value(query.database, {c.child_id for c in in_care})
    for person_id, started, ended, postcode in query.rows(ids=ids):
        lived.setdefault(person_id, []).append((started, ended, postcode))
    return {
        c.child_id: home_on(lived.get(c.child_id, []), c.period_start) for c in in_care
    }


@dataclass(frozen=True)
class Seen:
    """The last time the child was seen, face to face."""

    at: dt.datetime
    by: User
    place: str  # where the visit was (casework's VisitPlace), or ""
    statutory: bool | None
    note_id: int

    @property
    def place_words(self) -> str:
        if self.place in VisitPlace.values:
            return str(VisitPlace(self.place).label)
        return ""


def _seen_notes(ids: Collection[int], before: dt.datetime) -> QuerySet[CaseNote]:
    """The face-to-face notes saying the child was seen (a visit, meeting,
    observation or direct work) before a moment."""
    return CaseNote.objects.filter(
        person_id__in=list(ids),
        child_seen=True,
        kind__in=FACE_TO_FACE,
        occurred_at__lt=before,
    )


def _latest_seen(rows: QuerySet[CaseNote]) -> compiled.Compiled:
    ids, ids_slot = compiled.ids_in(rows.db)
    seen = rows.filter(
        person_id__in=ids,
        child_seen=True,
        kind__in=FACE_TO_FACE,
        occurred_at__lt=compiled.TIME_STAND_IN,
    )
    latest = seen.values("person_id").annotate(at=Max("occurred_at"))
    field = CaseNote._meta.get_field("occurred_at")
    assert isinstance(field, Field)
    return compiled.Compiled(
        latest.values_list("person_id", "at"),
        [ids_slot, compiled.Slot("before", compiled.TIME_STAND_IN, field)],
    )


def seen_at(ids: Collection[int], before: dt.datetime) -> dict[int, dt.datetime]:
    """When each child was last seen face to face before a moment (the notes
    of `_seen_notes`): one grouped read, which the database answers from the
    index on (person, occurred_at), by a query compiled once (the board orders
    every child by it)."""
    query = compiled.once("care.seen_at", CaseNote, _latest_seen)
    rows = query.rows(ids=compiled.ids_value(query.database, ids), before=before)
    return {person: at for person, at in rows}


def last_seen(ids: Collection[int], before: dt.datetime) -> dict[int, Seen]:
    """When each child was last seen face to face before a moment, by whom and
    where: the latest time for each child (`seen_at`), then the notes at those
    times (the latest recorded, if two share a time). Not a subquery a child
    ordered by time and id: the index does not hold the id's order, so the
    database would sort every note of each child."""
    latest = seen_at(ids, before)
    notes = (
        _seen_notes(latest, before)
        .filter(occurred_at__in=set(latest.values()))
        .select_related("author")
        .order_by("occurred_at", "pk")
    )
    found: dict[int, Seen] = {}
    for n in notes:
        if n.occurred_at == latest[n.person_id]:
            found[n.person_id] = Seen(
                n.occurred_at, n.author, n.visit_place, n.statutory_visit, n.pk
            )
    return found


def end_of(day: dt.date) -> dt.datetime:
    """The first moment after the day: what was recorded by the end of it."""
    return clock.start_of(day + ONE_DAY)
