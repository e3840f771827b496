"""Appending to and checking the journal, each person's hash-chained history.

Services call `append` inside their own transaction, after changing state, so the
state change and its event commit together or not at all.
"""

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, connections, router
from django.db.models import signals
from django.db.models.sql import InsertQuery

from haven.core import clock, compiled, together
from haven.core import journal_batch as batch
from haven.core.errors import DomainError
from haven.core.models import JournalEvent, User

GENESIS = "0" * 64

# Called with each new event inside the appending transaction, so that what is
# derived from the journal (obligations, for one) commits with the event or not at
# all. Apps declare theirs with `listen` in their plugin.py.
LISTENERS: list[Callable[[JournalEvent], None]] = []


@dataclass(frozen=True)
class Mismatch:
    """A record whose current state differs from what its journal says."""

    person_id: int
    problem: str

    def __str__(self) -> str:
        return f"person {self.person_id}: {self.problem}"


# Each compares one kind of record with its journal events, for verify_journal.
# Apps declare theirs with `state_check` in their plugin.py.
STATE_CHECKS: list[Callable[[], Iterable[Mismatch]]] = []


def _by_name(func: Callable[..., Any]) -> tuple[str, str]:
    return (func.__module__, func.__qualname__)


# Listeners that bring derived rows up to date from the whole stream: called
# with a list of events, once at the end of a `together()` block (together.py).
ONCE: list[together.OnceListener] = []


def listen(func: Any, *, once: bool = False) -> Any:
    """Declare a listener (in an app's plugin.py). Listeners are called in the
    order of their names, not the order the apps were found in. A `once`
    listener takes a list of events and may be called with several at once."""
    if func in LISTENERS or func in ONCE:
        raise ImproperlyConfigured(
            f"The listener {func.__qualname__} is declared twice"
        )
    registry = ONCE if once else LISTENERS
    registry.append(func)
    registry.sort(key=_by_name)
    return func


def as_one_step() -> Any:
    """A block whose events' once-listeners run once, at its end (together.py)."""
    return together.together(ONCE)


def state_check(
    func: Callable[[], Iterable[Mismatch]],
) -> Callable[[], Iterable[Mismatch]]:
    """Declare a check of records against their journal, for verify_journal."""
    if func in STATE_CHECKS:
        raise ImproperlyConfigured(f"The check {func.__qualname__} is declared twice")
    STATE_CHECKS.append(func)
    STATE_CHECKS.sort(key=_by_name)
    return func


def _instant(value: dt.datetime) -> str:
    # UTC with microseconds: what both SQLite and PostgreSQL store and give back.
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(event: JournalEvent) -> bytes:
    """The bytes an event's hash covers: every fact about it, in a fixed order."""
    body = {
        "person": event.person_id,
        "sequence": event.sequence,
        "type": event.type,
        "payload": event.payload,
        "occurred_at": _instant(event.occurred_at),
        "recorded_at": _instant(event.recorded_at),
        "actor": event.actor_id,
        "source": event.source,
        "significant": event.significant,
        "reason": event.reason,
        "corrects": event.corrects_id,
        "backfilled": event.backfilled,
        "previous_hash": event.previous_hash,
    }
    return json.dumps(
        body, sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder
    ).encode()


def hash_of(event: JournalEvent) -> str:
    """The event's seal: an HMAC-SHA256 keyed with HAVEN_JOURNAL_KEY.

    Keyed so that someone who can write the journal table, but not read the key
    (which lives outside the database), cannot edit an event and recompute the
    chain after it.
    """
    return keyed_hash(canonical(event), settings.HAVEN_JOURNAL_KEY)


def keyed_hash(body: bytes, key: str) -> str:
    return hmac.new(key.encode(), body, hashlib.sha256).hexdigest()


def unkeyed_hash_of(event: JournalEvent) -> str:
    """The plain SHA-256 used before the chain was keyed (migration 0007 resealed
    every intact stream); recognised only to say what a bad hash is."""
    return hashlib.sha256(canonical(event)).hexdigest()


def _json_safe(payload: dict[str, Any]) -> dict[str, Any]:
    # Dates and decimals become strings now, so the stored payload and the hashed
    # payload are the same JSON.
    result: dict[str, Any] = json.loads(json.dumps(payload, cls=DjangoJSONEncoder))
    return result


def append(
    person: Any,
    type: str,
    payload: dict[str, Any] | None = None,
    *,
    by: User | None,
    occurred_at: dt.datetime | None = None,
    source: str = JournalEvent.Source.SCREEN,
    significant: bool = False,
    reason: str = "",
    corrects: JournalEvent | None = None,
    backfilled: bool = False,
) -> JournalEvent:
    """Append one event to the person's stream, inside the caller's transaction."""
    if not connection.in_atomic_block:
        raise RuntimeError("journal.append must run inside the service's transaction")
    if corrects is not None and not reason.strip():
        raise DomainError("reason_required", "Give the reason for the correction")
    _refuse_ahead([person.pk])
    last = _head(person.pk)
    event = _event(
        person.pk,
        last,
        type,
        payload,
        by=by,
        occurred_at=occurred_at,
        source=source,
        significant=significant,
        reason=reason,
        corrects=corrects,
        backfilled=backfilled,
    )
    _insert(event)
    for listener in LISTENERS:
        listener(event)
    if not together.held(event):
        for once in ONCE:
            once([event])
    return event


def _event(
    person_id: int,
    last: dict[str, Any] | None,
    type: str,
    payload: dict[str, Any] | None,
    *,
    by: User | None,
    occurred_at: dt.datetime | None,
    corrects: JournalEvent | None = None,
    **facts: Any,
) -> JournalEvent:
    """The next event of the stream whose last event is `last`, sealed: what
    `append` and `append_many` both write."""
    recorded_at = clock.now()
    event = JournalEvent(
        person_id=person_id,
        sequence=(last["sequence"] + 1) if last else 1,
        type=type,
        payload=_json_safe(payload or {}),
        occurred_at=occurred_at or recorded_at,
        recorded_at=recorded_at,
        actor=by,
        corrects=corrects,
        previous_hash=last["hash"] if last else GENESIS,
        **facts,
    )
    event.hash = hash_of(event)
    return event


def append_many(
    events: Iterable[tuple[Any, str, dict[str, Any] | None]],
    *,
    by: User | None,
    occurred_at: dt.datetime | None = None,
    source: str = JournalEvent.Source.SCREEN,
    significant: bool = False,
    reason: str = "",
    backfilled: bool = False,
) -> list[JournalEvent]:
    """Append one event to each of many people's streams, given as (person,
    type, payload), inside the caller's transaction: the rows, hashes and
    listener calls of `append` called for each in turn, in one query for
    the streams' heads and an INSERT for every few hundred events (a payment
    run appends one for each of two thousand children).

    Each stream's last event is locked first, all in one query and in the
    order of the people's ids (the order `append` one by one in that order
    would take them: two batches cannot each wait for the other). The
    events' once-listeners run once, at the end, as in `as_one_step`. One
    event a stream: a listener of one event reading or writing its own
    stream sees it as `append` would have left it; a listener that appends
    to a stream whose event comes later in the batch is refused, as the
    batch has already written what would have come after it."""
    if not connection.in_atomic_block:
        raise RuntimeError(
            "journal.append_many must run inside the service's transaction"
        )
    asked = list(events)
    if not asked:
        return []
    ids = [person.pk for person, _type, _payload in asked]
    if len(set(ids)) != len(ids):
        raise ValueError("journal.append_many appends one event to each stream")
    _refuse_ahead(ids)
    heads = batch.heads(ids)
    made = [
        _event(
            person.pk,
            heads.get(person.pk),
            type,
            payload,
            by=by,
            occurred_at=occurred_at,
            source=source,
            significant=significant,
            reason=reason,
            backfilled=backfilled,
        )
        for person, type, payload in asked
    ]
    _insert_many(made)
    with batch.listened(made), together.together(ONCE):
        for place, event in enumerate(made):
            batch.reached(place)
            for listener in LISTENERS:
                listener(event)
            together.held(event)
    return made


def _refuse_ahead(person_ids: list[int]) -> None:
    if batch.ahead(person_ids):
        raise RuntimeError(
            "A listener of a batched journal event appended to a stream whose "
            "own event comes later in the batch: append those events one by one"
        )


# The query for a stream's last event, compiled once per database: every
# append asks it, and building it took Django longer than the database took to
# answer (haven/core/compiled.py).
_HEADS: dict[str, compiled.Compiled] = {}


def _head(person_id: int) -> dict[str, Any] | None:
    """The sequence and hash of the person's last event, its row locked."""
    using = router.db_for_write(JournalEvent)
    query = _HEADS.get(using)
    if query is None:
        latest = (
            JournalEvent.objects.using(using)
            .select_for_update()
            .filter(person_id=compiled.ID_STAND_IN)
            .order_by("-sequence")
            .values("sequence", "hash")[:1]
        )
        person = JournalEvent._meta.get_field("person")
        slot = compiled.Slot("person", compiled.ID_STAND_IN, person)
        query = _HEADS[using] = compiled.Compiled(latest, [slot])
    return query.first(person=person_id)


# The INSERT of an event, its SQL built once per database: Model.save built it
# again for every append, which took Django longer than the database took to
# write the row.
_INSERTS: dict[str, str] = {}
_WRITTEN = [f for f in JournalEvent._meta.local_concrete_fields if not f.primary_key]


def _insert(event: JournalEvent) -> None:
    """What `event.save(force_insert=True)` does for an event, its SQL
    compiled once (save itself, should a signal ever listen for it)."""
    _insert_many([event])


def _insert_many(events: list[JournalEvent]) -> None:
    """Write the events, in the order given, as `_insert` writes one: a few
    hundred to an INSERT of its SQL's rows (journal_batch.insert_rows)."""
    using = router.db_for_write(JournalEvent)
    connection = connections[using]
    one_at_a_time = len(events) == 1
    if (
        not connection.features.can_return_columns_from_insert
        or not (one_at_a_time or connection.features.can_return_rows_from_bulk_insert)
        or signals.pre_save.has_listeners(JournalEvent)
        or signals.post_save.has_listeners(JournalEvent)
    ):
        for event in events:
            event.save(force_insert=True)
        return
    rows = [
        [f.get_db_prep_save(f.pre_save(event, True), connection) for f in _WRITTEN]
        for event in events
    ]
    sql = _INSERTS.get(using)
    if sql is None:
        sql = _INSERTS[using] = _insert_sql(events[0], using, rows[0])
    batch.insert_rows(events, rows, sql, using)


def _insert_sql(event: JournalEvent, using: str, values: list[Any]) -> str:
    """Django's own INSERT ... RETURNING for the event, refused if its values
    are not the ones `_insert` prepares."""
    query = InsertQuery(JournalEvent)
    query.insert_values(_WRITTEN, [event])
    compiler = query.get_compiler(using=using)
    compiler.returning_fields = [JournalEvent._meta.pk]
    [(sql, params)] = compiler.as_sql()
    if _plain(params) != _plain(values):
        raise ImproperlyConfigured("The journal's INSERT is not what Django writes")
    return str(sql)


def _plain(values: Any) -> list[Any]:
    # psycopg wraps a JSON value (Jsonb), and its wrappers compare by identity.
    return [getattr(value, "obj", value) for value in values]


@dataclass(frozen=True)
class BrokenLink:
    person_id: int
    sequence: int
    problem: str

    def __str__(self) -> str:
        return f"person {self.person_id}, event {self.sequence}: {self.problem}"


def verify_stream(events: Iterable[JournalEvent]) -> BrokenLink | None:
    """The first broken link in one person's events (in sequence order), if any."""
    expected_previous = GENESIS
    expected_sequence = 1
    for event in events:
        if event.sequence != expected_sequence:
            return BrokenLink(event.person_id, event.sequence, "a sequence is missing")
        if event.previous_hash != expected_previous:
            return BrokenLink(
                event.person_id, event.sequence, "does not follow the event before it"
            )
        if not hmac.compare_digest(hash_of(event), event.hash):
            return BrokenLink(event.person_id, event.sequence, _bad_hash(event))
        expected_previous = event.hash
        expected_sequence += 1
    return None


def _bad_hash(event: JournalEvent) -> str:
    if event.hash == unkeyed_hash_of(event):
        return (
            "its hash was made without the journal's key "
            "(recomputed after an edit, or forged)"
        )
    return "its content was changed after it was recorded"


def verify_all(chunk: int = 2000) -> list[BrokenLink]:
    """Walk every stream; return the first broken link of each broken stream."""
    broken: list[BrokenLink] = []
    current: list[JournalEvent] = []
    for event in JournalEvent.objects.order_by("person_id", "sequence").iterator(chunk):
        if current and current[-1].person_id != event.person_id:
            _check(current, broken)
            current = []
        current.append(event)
    _check(current, broken)
    return broken


def _check(events: list[JournalEvent], broken: list[BrokenLink]) -> None:
    if events:
        link = verify_stream(events)
        if link is not None:
            broken.append(link)
