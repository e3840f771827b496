"""Reads of the person register, always scoped by the user asking."""

import datetime as dt
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import Q, QuerySet
from django.utils import timezone

from haven.core import access, among, clock, few
from haven.core import chronology as chronology_words
from haven.core.caseroles import CaseRole
from haven.core.errors import AccessDenied
from haven.core.flags import Flag
from haven.core.models import Allocation, JournalEvent, User
from haven.people.keys import name_keys
from haven.people.models import (
    Address,
    FormerUpn,
    Person,
    PersonName,
    PersonWarning,
    Relationship,
)
from haven.people.sections import allocation_of, flags_of, read_once


def people_visible_to(user: User) -> QuerySet[Person]:
    """The persons whose records this user may open (merged duplicates excluded)."""
    return Person.objects.filter(access.visible_filter(user), merged_into__isnull=True)


def person_for(user: User, pk: int, *, what: str, route: str = "") -> Person:
    """Open one person's record, logging the read; AccessDenied if not allowed
    (Person.DoesNotExist for a restricted or sealed record).

    A merged duplicate raises Person.DoesNotExist after pointing at its survivor
    through `merged_into`, which the view follows.
    """
    return opened_person(user, pk, what=what, route=route)[0]


def opened_person(
    user: User, pk: int, *, what: str, route: str = ""
) -> tuple[Person, access.RecordFacts]:
    """`person_for`, with what the access check read about the user and the
    record (whether they may change it), for a page that asks it again."""
    person = Person.objects.filter(pk=pk).first()
    if person is None:
        access.record_denial(user, pk, what=what, route=route)
        raise Person.DoesNotExist
    if person.merged_into_id is not None:
        raise Person.DoesNotExist
    try:
        facts = access.open_record_facts(user, person, what=what, route=route)
    except AccessDenied:
        # Unknown, restricted and sealed look the same to someone without
        # access: that a restricted record exists can be the secret.
        if access.is_secret(person):
            raise Person.DoesNotExist from None
        raise
    return person, facts


def record_ids(person: Person) -> list[int]:
    """The person's own id and those of records merged into it (read once for
    all the parts of a person page: sections.page_reads)."""

    def read() -> list[int]:
        # No ordering: the model's (by name) would have the database walk every
        # person in name order rather than look up the few merged into this one.
        merged = person.merged_records.order_by("pk").values_list("pk", flat=True)
        return [person.pk, *merged]

    return list(read_once(("people.record_ids", person.pk), read))


def records_of(person: Person) -> "QuerySet[Person, Any]":
    """record_ids as a subquery, for a filter that needs nothing else: it saves
    the filter's query a round trip of its own."""
    # Two lookups joined, not one filter with an OR: SQLite's statistics count
    # every unmerged record (merged_into NULL) as sharing one value, so it
    # judged the index on merged_into useless and read all of it, every
    # person, for the OR (1.4 ms a query on 28,000 people; this takes 0.01).
    return records_of_id(person.pk)


def records_of_id(person_id: int) -> "QuerySet[Person, Any]":
    """records_of, for a person known by id alone."""
    return records_of_ids([person_id])


def records_of_ids(ids: Collection[int]) -> "QuerySet[Person, Any]":
    """records_of for many people: their ids and those of the records merged
    into theirs. (An OR of a row's person and that person's merged_into, as
    two tables, is no index's: PostgreSQL read every address and every person
    to find the few of a page of search results, 20 ms.)"""
    own = Person.objects.filter(pk__in=ids).order_by().values("pk")
    merged = Person.objects.filter(merged_into_id__in=ids).order_by().values("pk")
    return own.union(merged, all=True)


@dataclass
class IdentityBar:
    """What the identity bar shows on every page of a person's record."""

    person: Person
    warnings: list[PersonWarning]
    allocation: Allocation | None
    restricted: str | None
    flags: list[Flag]  # declared by the apps that know them (haven.core.flags)


def identity_bar(person: Person) -> IdentityBar:
    ids = record_ids(person)
    today = clock.today()
    warnings = few.objects(
        "people.identity_bar.warnings",
        PersonWarning,
        ids,
        lambda found, day, _now: (
            PersonWarning.objects.filter(person_id__in=found)
            .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=day))
            .order_by("kind")
        ),
        today,
    )
    allocation = allocation_of(person)
    restriction = getattr(person, "restriction", None)
    return IdentityBar(
        person=person,
        warnings=warnings,
        allocation=allocation,
        restricted=restriction.get_kind_display() if restriction else None,
        flags=flags_of(ids),
    )


def addresses_of(person: Person) -> list[Address]:
    return few.of(
        "people.addresses_of",
        Address,
        record_ids(person),
        lambda ids: Address.objects.filter(person_id__in=ids).order_by("-started_on"),
    )


def names_of(person: Person) -> list[PersonName]:
    """The person's other names (their own record's)."""
    return _own_rows(PersonName, person)


def former_upns_of(person: Person) -> list[FormerUpn]:
    """The UPNs the child used to have (their own record's)."""
    return _own_rows(FormerUpn, person)


M = TypeVar("M", PersonName, FormerUpn)


def _own_rows(model: type[M], person: Person) -> list[M]:
    """The rows of `model` about the person's own record, in the order made."""
    return few.of(
        f"people.own.{model.__name__}",
        model,
        [person.pk],
        lambda ids: model.objects.filter(person_id__in=ids).order_by("pk"),
    )


def relationships_of(person: Person, user: User | None = None) -> list[dict[str, Any]]:
    """Both directions: people recorded as related to this person, and the reverse.

    Given the user, each row says whether they may open the related record, so a
    page names a relative without linking to a record it would refuse, and
    whether the relative may not be named to them at all (`unnamed`).
    """
    from haven.people.codes import INVERSE_RELATIONSHIP, RelationshipKind

    ids = record_ids(person)
    rows: list[dict[str, Any]] = []
    for link in few.of(
        "people.relationships_of.from",
        Relationship,
        ids,
        lambda found: Relationship.objects.filter(person_id__in=found).select_related(
            "other"
        ),
    ):
        rows.append(
            {"person": link.other, "kind": link.get_kind_display(), "link": link}
        )
    for link in few.of(
        "people.relationships_of.to",
        Relationship,
        ids,
        lambda found: Relationship.objects.filter(other_id__in=found).select_related(
            "person"
        ),
    ):
        inverse = RelationshipKind(INVERSE_RELATIONSHIP[link.kind]).label
        rows.append({"person": link.person, "kind": inverse, "link": link})
    if user is not None:
        found = among.openable_among(user, {row["person"].pk for row in rows})
        for row in rows:
            # A merged-away record is opened through the record it joined.
            row["may_open"] = (
                row["person"].pk in found.openable
                and row["person"].merged_into_id is None
            )
            # A restricted or sealed relative is not named to this user.
            row["unnamed"] = row["person"].pk in found.unnamed
    return rows


def chronology(
    person: Person,
    *,
    types: list[str] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    significant_only: bool = False,
    limit: int = 2000,
) -> list[JournalEvent]:
    """The person's journal (with merged records'), newest first, filtered: at
    most `limit` events, without a worker's draft saves."""
    latest = _chronology_events(person, types, start, end, significant_only)
    return chronology_words.newest_first(latest[:limit])


def whole_chronology(
    person: Person,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    significant_only: bool = False,
    with_audit: bool = False,
) -> Iterator[JournalEvent]:
    """Every event `chronology` would list, however many, read a day at a time;
    `with_audit` adds the access events (for a subject access request).

    The chronology's order moves an event known only by its date within its own
    day (chronology.newest_first), never across days, so each day can be put in
    order on its own as the rows stream past.
    """
    events = _chronology_events(person, None, start, end, significant_only, with_audit)
    day: list[JournalEvent] = []
    for event in events.iterator(chunk_size=500):
        if day and _local_day(day[-1]) != _local_day(event):
            yield from chronology_words.newest_first(day)
            day = []
        day.append(event)
    yield from chronology_words.newest_first(day)


def access_events(person: Person) -> list[JournalEvent]:
    """Restrictions, grants and break-glass on the record (with merged records'),
    newest first: who may read it and why, kept out of the chronology."""
    events = JournalEvent.objects.filter(
        person_id__in=record_ids(person), type__in=chronology_words.AUDIT
    )
    return list(events.select_related("actor").order_by("-recorded_at"))


def unnamed_in_chronology(person: Person, user: User) -> set[int]:
    """Relatives the person's chronology names whom `user` may not see named:
    found from the whole record, for exports that stream it a day at a time."""
    naming = _chronology_events(
        person, list(chronology_words.NAMES_PERSON), None, None, False
    )
    return chronology_words.unnamed_in(naming, user)


def _local_day(event: JournalEvent) -> dt.date:
    return timezone.localtime(event.occurred_at).date()


def _chronology_events(
    person: Person,
    types: list[str] | None,
    start: dt.date | None,
    end: dt.date | None,
    significant_only: bool,
    with_audit: bool = False,
) -> QuerySet[JournalEvent]:
    left_out = chronology_words.HIDDEN if with_audit else chronology_words.left_out()
    events = JournalEvent.objects.filter(person_id__in=record_ids(person)).exclude(
        type__in=left_out
    )
    if types:
        events = events.filter(type__in=types)
    if start:
        events = events.filter(occurred_at__gte=clock.start_of(start))
    if end and end < dt.date.max:  # nothing happens after the last day
        events = events.filter(
            occurred_at__lt=clock.start_of(end + dt.timedelta(days=1))
        )
    if significant_only:
        events = events.filter(significant=True)
    return events.select_related("actor").order_by("-occurred_at", "-sequence")


def may_open(user: User, person: Person) -> bool:
    return access.why_user_may_open(user, person) is not None


@dataclass
class PossibleDuplicate:
    """A record like the one being added. Records the user may not open are
    shown without details, with the team to ask, so nothing leaks."""

    person: Person
    score: float
    may_open: bool
    team: str


def possible_duplicates(user: User, details: dict[str, Any]) -> list[PossibleDuplicate]:
    """Records across the whole register that may be the person being added."""
    from haven.people.matching import likely_duplicates

    given, family = details.get("given_name", ""), details.get("family_name", "")
    given_key, family_key = name_keys(given, family)
    near = Q(family_key=family_key, given_key=given_key) | Q(
        given_key=family_key, family_key=given_key
    )
    if details.get("date_of_birth"):
        near |= Q(date_of_birth=details["date_of_birth"], family_key=family_key)
    if details.get("nhs_number"):
        near |= Q(nhs_number=details["nhs_number"])
    # A restricted or sealed record is not even hinted at to someone who may not
    # open it: that it exists can be the secret (an adoption).
    candidates = Person.objects.filter(near, merged_into__isnull=True).exclude(
        ~access.visible_filter(user), restriction__isnull=False
    )[:200]
    visible = set(people_visible_to(user).filter(near).values_list("pk", flat=True))
    found = []
    for score, person in likely_duplicates(details, candidates, threshold=0.75)[:10]:
        allocation = (
            Allocation.objects.filter(
                person=person, role=CaseRole.SOCIAL_WORKER, ended_on__isnull=True
            )
            .select_related("team")
            .first()
        )
        team = str(allocation.team) if allocation else "no team"
        found.append(PossibleDuplicate(person, score, person.pk in visible, team))
    return found


def break_glass_report(manager: User) -> QuerySet[Any]:
    """Break-glass uses by staff in the teams this manager oversees, newest first."""
    from haven.core.models import BreakGlass

    return (
        BreakGlass.objects.filter(user__team_id__in=access.team_ids_for(manager))
        .select_related("user", "person")
        .order_by("-started_at")
    )
