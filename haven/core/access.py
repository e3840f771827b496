"""Access by legitimate relationship: who may open which child's record, and why.

One rule set serves both questions, "which records may this user see?" (a filter
for lists and search) and "may this user open this record?" (one record), so the
two can never disagree. Other capabilities add relationships with `relationship`
in their plugin.py (an IRO for the children they review, a finance officer for
the children whose placements they pay).
"""

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import router, transaction
from django.db.models import (
    Exists,
    OuterRef,
    Q,
    QuerySet,
)

from haven.core import alerts, clock, permissions, shared_rules
from haven.core.errors import AccessDenied
from haven.core.models import (
    AccessGrant,
    AccessLogEntry,
    BreakGlass,
    DeniedAccess,
    Restriction,
    Team,
    User,
)
from haven.core.params import MAX_ID

BREAK_GLASS_HOURS = 4


@dataclass(frozen=True)
class Relationship:
    """A reason a user may open a child's record, as a filter over persons."""

    name: str
    order: int  # the first that holds is the reason given for a read
    # A correlated Exists over OuterRef("pk") rather than a join: relationships
    # are OR'ed, and OR'ed joins multiply rows; an Exists is checked through an
    # index only for the people a query has already narrowed to.
    filter: Callable[[User, dt.date], Q | None]
    # Facts about the user the filter bakes in beyond the day, their roles, team
    # and managed teams (haven.core.shared_rules): each a function of the user.
    depends_on: tuple[Callable[[User], Hashable], ...] = ()
    # The values the filter derives from the day (each a function of the day):
    # the one-record query takes them afresh each day (haven.core.facts).
    day_values: tuple[Callable[[dt.date], Any], ...] = ()


RELATIONSHIPS: list[Relationship] = []


def relationship(
    name: str,
    *,
    order: int,
    depends_on: tuple[Callable[[User], Hashable], ...] = (),
    day_values: tuple[Callable[[dt.date], Any], ...] = (),
) -> Callable[[Callable[[User, dt.date], Q | None]], Any]:
    """Declare a relationship, in an app's plugin.py: a function (user, today) ->
    Q over Person, or None. Kept in `order`, not the order the apps were found
    in, since the first that holds names the reason for a read. `depends_on`
    names the facts about the user, beyond their roles and teams, that the
    function reads when it builds its filter; `day_values`, the values it
    derives from the day (its only use of the day)."""

    def register(func: Callable[[User, dt.date], Q | None]) -> Any:
        if any(rel.name == name for rel in RELATIONSHIPS):
            raise ImproperlyConfigured(f"The relationship {name!r} is declared twice")
        RELATIONSHIPS.append(Relationship(name, order, func, depends_on, day_values))
        RELATIONSHIPS.sort(key=lambda rel: (rel.order, rel.name))
        return func

    return register


def managed_team_ids(user: User) -> set[int]:
    """Every team the user manages, directly or through a service above it.

    Remembered on the user object, which lives for one request: a page asks
    this of the same user from many relationships and work sources.
    """
    known: frozenset[int] | None = getattr(user, "_managed_team_ids", None)
    if known is None:
        known = frozenset(_walk_managed_teams(user))
        user._managed_team_ids = known  # type: ignore[attr-defined]
    return set(known)


def prime_managed_teams(users: Iterable[User]) -> None:
    """Work out many users' managed teams at once (two queries), remembered on
    each user object as `managed_team_ids` remembers one user's."""
    unknown = [u for u in users if getattr(u, "_managed_team_ids", None) is None]
    if not unknown:
        return
    below: dict[int, list[int]] = {}
    for pk, parent in Team.objects.values_list("pk", "parent_id"):
        below.setdefault(parent, []).append(pk)
    direct: dict[int, list[int]] = {}
    managers = Team.managers.through.objects.filter(user__in=unknown)
    for user_id, team_id in managers.values_list("user_id", "team_id"):
        direct.setdefault(user_id, []).append(team_id)
    for user in unknown:
        ids: set[int] = set()
        frontier = direct.get(user.pk, [])
        while frontier:
            ids.update(frontier)
            frontier = [t for f in frontier for t in below.get(f, []) if t not in ids]
        user._managed_team_ids = frozenset(ids)  # type: ignore[attr-defined]


def _walk_managed_teams(user: User) -> set[int]:
    ids: set[int] = set()
    frontier = list(user.managed_teams.values_list("pk", flat=True))
    while frontier:
        ids.update(frontier)
        below = Team.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
        frontier = [pk for pk in below if pk not in ids]
    return ids


def team_ids_for(user: User) -> set[int]:
    """The user's own team and every team they manage."""
    own = {user.team_id} if user.team_id else set()
    return own | managed_team_ids(user)


def _active_break_glass(user: User, now: dt.datetime | None = None) -> Q:
    active = BreakGlass.objects.filter(
        person=OuterRef("pk"), user=user, expires_at__gt=now or clock.now()
    )
    return Q(Exists(active))


def granted(user: User) -> Q:
    grants = AccessGrant.objects.filter(
        person=OuterRef("pk"), user=user, revoked_at__isnull=True
    )
    return Q(Exists(grants))


def _restriction(kind: str) -> Q:
    return Q(Exists(Restriction.objects.filter(person=OuterRef("pk"), kind=kind)))


def sealed_for(user: User) -> Q:
    seals = Restriction.objects.filter(
        person=OuterRef("pk"),
        kind=Restriction.Kind.SEALED,
        sealed_for__in=user.groups.all(),
    )
    return Q(Exists(seals))


@dataclass(frozen=True)
class Rules:
    """One user's relationships on one day, built once: building the filters
    (and compiling the one-record query) costs far more than running them."""

    key: tuple[Any, ...]  # the day first
    conditions: tuple[tuple[str, Q], ...]  # (relationship, filter), in order
    # (question, database[, how many ids]) -> compiled.Compiled
    compiled: dict[tuple[Any, ...], Any]
    days: tuple[Callable[[dt.date], Any], ...]  # the conditions' day values

    @cached_property
    def lasting(self) -> Q:
        """The filter for lists (a one-record check, the most asked, needs
        only the conditions: built when a list first asks)."""
        return _lasting_relationships(self.conditions)

    @cached_property
    def asked(self) -> list[tuple[str, str, tuple[Any, ...]]]:
        """What each relationship asks the database, as SQL (kept rules are
        compared with a fresh build on reuse in the test suite, so a kept
        build's SQL is compiled once)."""
        person = apps.get_model("people", "Person")
        return [
            (name, *person.objects.filter(condition).query.sql_with_params())
            for name, condition in self.conditions
        ]


def rules_for(user: User) -> Rules:
    """The user's relationships today: remembered on the user object (which
    lives for one request), and shared between requests while every fact the
    filters bake in stays the same (haven.core.shared_rules).

    Allocations, grants, restrictions and break-glass are read by the database
    on every check, so a change to them is seen at once.
    """
    key = _rules_key(user)
    known: Rules | None = getattr(user, "_access_rules", None)
    if known is None or known.key != key:
        known = shared_rules.shared(key, lambda: build_rules(user, key), _same)
        user._access_rules = known  # type: ignore[attr-defined]
    return known


def _rules_key(user: User) -> tuple[Any, ...]:
    """Every fact a user's relationship filters bake in."""
    declared = tuple(fact(user) for rel in RELATIONSHIPS for fact in rel.depends_on)
    return (
        clock.today(),
        tuple(RELATIONSHIPS),
        user.pk,
        user.is_active,
        user.team_id,
        permissions.roles_of(user),
        frozenset(managed_team_ids(user)),
        declared,
    )


def _same(kept: Rules, fresh: Rules) -> bool:
    """Whether two builds of a user's rules ask the database the same."""
    return kept.asked == fresh.asked


def build_rules(user: User, key: tuple[Any, ...]) -> Rules:
    """The user's rules for the day the key starts with."""
    today = key[0]
    conditions: list[tuple[str, Q]] = []
    days: list[Callable[[dt.date], Any]] = []
    for rel in RELATIONSHIPS:
        condition = rel.filter(user, today)
        if condition is not None:
            conditions.append((rel.name, condition))
            days += rel.day_values
    return Rules(key, tuple(conditions), {}, tuple(days))


def _lasting_relationships(conditions: Iterable[tuple[str, Q]]) -> Q:
    """A filter over Person: a lasting relationship (not break-glass) to the
    record itself, or to a record merged into it, so that a merge never takes a
    child away from whoever held either side."""
    related = Q(pk__in=[])
    for _name, condition in conditions:
        related |= condition
    # The duplicate's OuterRef("pk") in each relationship resolves to the
    # duplicate, and merged_into to the record asked about.
    person_model = apps.get_model("people", "Person")
    duplicates = person_model.objects.filter(related, merged_into=OuterRef("pk"))
    return related | Q(Exists(duplicates))


def _access_filter(
    user: User, *, break_glass: bool, now: dt.datetime | None = None
) -> Q:
    if not user.is_active:
        return Q(pk__in=[])
    related = rules_for(user).lasting
    if break_glass and permissions.may_read_case_records(user):
        related |= _active_break_glass(user, now)
    restricted = _restriction(Restriction.Kind.RESTRICTED)
    sealed = _restriction(Restriction.Kind.SEALED)
    return (
        (related & ~restricted & ~sealed)
        | (restricted & granted(user))
        | (sealed & sealed_for(user))
    )


def visible_filter(user: User, now: dt.datetime | None = None) -> Q:
    """A filter over Person: the records this user may open now (or at `now`,
    for a query compiled with a stand-in time)."""
    return _access_filter(user, break_glass=True, now=now)


def lasting_filter(user: User) -> Q:
    """A filter over Person: the records this user may change.

    Break-glass lets a user read a record for a few hours, never write to it:
    a write made on borrowed access could hand its author lasting access (a
    merge into a record they hold, a transfer to their own team).
    """
    return _access_filter(user, break_glass=False)


def may_change(user: User, person: Any) -> bool:
    """Whether the user holds lasting access (not break-glass) to the record."""
    facts = record_facts(user, person)
    return facts is not None and facts.lasting_access


BORROWED_ACCESS = (
    "Your temporary access lets you read this record, not change it. Ask the team "
    "holding the case to record this."
)


def require_lasting_access(user: User, person: Any) -> None:
    """Refuse a write unless the user holds lasting access to the record."""
    facts = record_facts(user, person)
    if facts is not None and facts.lasting_access:
        return
    if facts is not None and facts.why() is not None:
        raise AccessDenied(BORROWED_ACCESS)
    raise AccessDenied()


def changeable_people(user: User, people: QuerySet[Any]) -> QuerySet[Any]:
    """Narrow a Person queryset to the records the user may change."""
    return people.filter(lasting_filter(user))


def visible_people(user: User, people: QuerySet[Any]) -> QuerySet[Any]:
    """Narrow a Person queryset to what the user may open.

    Relationships are subqueries, so filtering adds no joins and no duplicates,
    and the database checks access only for the people already chosen.
    """
    return people.filter(visible_filter(user))


def unnamed_for(user: User, person_ids: Iterable[int | None]) -> set[int]:
    """Of these people, those the user may not even see named: restricted and
    sealed records the user may not open (that such a record exists, or who is
    related to whom, can be the secret: an adoption, a staff member's child)."""
    from haven.core import among  # among builds on this module's rules

    ids = {pk for pk in person_ids if isinstance(pk, int)}
    return among.openable_among(user, ids).unnamed


def is_secret(person: Any) -> bool:
    """Restricted or sealed: to anyone without access it looks like no record."""
    return Restriction.objects.filter(person_id=person.pk).exists()


def why_user_may_open(user: User, person: Any) -> str | None:
    """The relationship that lets the user open the record, in words, or None."""
    facts = record_facts(user, person)
    return None if facts is None else facts.why()


@dataclass(frozen=True)
class RecordFacts:
    """What one query tells about one user and one record: the same rules as
    `visible_filter` and `lasting_filter`, read for a single row."""

    reason: str | None  # the first lasting relationship that holds, in words
    kind: str  # the record's restriction, or ""
    granted: bool  # a grant to this user (restricted)
    sealed_for: bool  # a role of this user named on the seal (sealed)
    glass: str | None  # the reason of the user's latest live break-glass

    def _allowed(self, related: bool) -> bool:
        if self.kind == Restriction.Kind.RESTRICTED:
            return self.granted
        if self.kind == Restriction.Kind.SEALED:
            return self.sealed_for
        return related

    @property
    def lasting_access(self) -> bool:
        return self._allowed(self.reason is not None)

    def why(self) -> str | None:
        if not self._allowed(self.reason is not None or self.glass is not None):
            return None
        if self.kind:
            return f"{Restriction.Kind(self.kind).label} record: access granted"
        return self.reason or f"Break-glass: {self.glass}"


def record_facts(user: User, person: Any) -> RecordFacts | None:
    """The facts for this user and record, in one query; None when the user may
    open nothing (inactive) or there is no such record."""
    if not user.is_active:
        return None
    from haven.core import facts  # the one-record query builds on these rules

    model = type(person)
    rules = rules_for(user)
    where = (model._meta.label, router.db_for_read(model))
    query = rules.compiled.get(where)
    if query is None:
        query = rules.compiled[where] = facts.query_for(user, rules, model)
    row = query.first(pk=person.pk, now=clock.now(), **facts.day_values(rules))
    if row is None:
        return None
    return RecordFacts(
        reason=_lasting_reason(rules, row, model, person.pk),
        kind=row["kind"] or "",
        granted=bool(row["granted"]),
        sealed_for=bool(row["sealed_for"]),
        glass=row["glass"] if permissions.may_read_case_records(user) else None,
    )


def _lasting_reason(
    rules: Rules, row: dict[str, Any], model: Any, pk: int
) -> str | None:
    """The first relationship that holds, to the record or (asked only when the
    row says one holds, since merges are rare) to a record merged into it."""
    for i, (name, condition) in enumerate(rules.conditions):
        if row[f"direct_{i}"]:
            return name
        if row["merged"] and model.objects.filter(condition, merged_into=pk).exists():
            return f"{name} of a record merged into this one"
    return None


def open_record(user: User, person: Any, *, what: str, route: str = "") -> str:
    """Check the user may open the record and log the read; return the reason.

    A refusal is logged too (`record_denial`), with who, which record and where.
    """
    return open_record_facts(user, person, what=what, route=route).why() or ""


def open_record_facts(
    user: User, person: Any, *, what: str, route: str = ""
) -> RecordFacts:
    """`open_record`, returning the facts it read: a page that then asks
    whether the user may change the record need not ask the database again."""
    facts = record_facts(user, person)
    why = None if facts is None else facts.why()
    if facts is None or why is None:
        record_denial(user, person.pk, what=what, route=route)
        raise AccessDenied(
            "You have no relationship to this child's record. If you need to see it "
            "urgently, you can ask for temporary access and give your reason."
        )
    with transaction.atomic():
        AccessLogEntry.objects.create(
            person=person, user=user, at=clock.now(), what=what[:120], why=why[:200]
        )
    return facts


def log_reads(user: User, person_ids: Iterable[int], *, what: str, why: str) -> None:
    """Log a read of each of many records at once, in one insert: a download
    that holds many children (the whereabouts board's), each of whom the
    caller found the user may open (haven.core.among)."""
    at = clock.now()
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(person_id=pk, user=user, at=at, what=what[:120], why=why[:200])
        for pk in sorted(set(person_ids))
    )


def record_denial(user: User, asked_for: int, *, what: str, route: str = "") -> None:
    """Log a refused read: the one place every denied read is written, for the
    information governance report. Anonymous users are sent to sign in first,
    so there is always a user."""
    # An id no row can have (10**23 in a crafted link) is logged as 0, with
    # the path that asked for it, rather than overflowing the column.
    if not 0 < asked_for <= MAX_ID:
        asked_for = 0
    DeniedAccess.objects.create(
        user=user,
        asked_for=asked_for,
        at=clock.now(),
        what=what[:120],
        route=route[:200],
    )
    alerts.after_denial(user)
