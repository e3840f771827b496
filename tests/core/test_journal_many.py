"""A batch of events (journal.append_many) writes what `append` called for each
in turn writes: the same rows, hashes included, and the same listener calls,
in a fixed number of queries."""

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.core import clock, journal
from haven.core.models import JournalEvent, User
from haven.people.models import Person
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

MOMENT = dt.datetime(2026, 5, 4, 10, 30, 15, 123456, tzinfo=dt.UTC)
COLUMNS = [f.attname for f in JournalEvent._meta.concrete_fields if f.name != "id"]
TELL = "test.tell"  # the test listener appends "test.told" to payload["tell"]


def _tell(event: JournalEvent) -> None:
    """A listener that writes to the journal: to its own stream, a stream
    earlier in the batch, or one outside it."""
    if event.type == TELL:
        told = Person.objects.get(pk=event.payload["tell"])
        journal.append(told, "test.told", {"from": event.person_id}, by=event.actor)


@contextmanager
def _listening() -> Iterator[tuple[list[tuple], list[list[tuple]]]]:
    """The per-event listener calls (with what the stream held at the time)
    and the once-listener calls, the test listener among the real ones."""
    each: list[tuple] = []
    once: list[list[tuple]] = []

    def record(event: JournalEvent) -> None:
        held = JournalEvent.objects.filter(person_id=event.person_id).count()
        each.append((event.person_id, event.sequence, event.hash, held))

    def record_once(events: list[JournalEvent]) -> None:
        once.append([(e.person_id, e.sequence, e.hash) for e in events])

    saved = list(journal.LISTENERS), list(journal.ONCE)
    journal.LISTENERS[:] = [*saved[0], _tell, record]
    journal.ONCE[:] = [*saved[1], record_once]
    try:
        yield each, once
    finally:
        journal.LISTENERS[:], journal.ONCE[:] = saved


def _rows(people: list[Person]) -> list[tuple]:
    rows = JournalEvent.objects.filter(person__in=people).order_by("person", "sequence")
    return list(rows.values_list(*COLUMNS))


def _written(people, alice, asked, *, batched: bool) -> tuple[Any, ...]:
    """The journal rows and listener calls one way of appending leaves,
    rolled back after."""
    with (
        transaction.atomic(),
        clock.held_at(MOMENT),
        _listening() as (each, once),
    ):
        entries = [(people[n], type, payload) for n, type, payload in asked]
        if batched:
            journal.append_many(entries, by=alice, occurred_at=MOMENT)
        else:
            for person, type, payload in entries:
                journal.append(person, type, payload, by=alice, occurred_at=MOMENT)
        rows = _rows(people)
        transaction.set_rollback(True)
    # One by one, the once-listeners hear each event as it comes; batched,
    # every event at once, as in `as_one_step`.
    return rows, each, [event for call in once for event in call]


PEOPLE = 5


@st.composite
def batches(draw: Any) -> tuple[list[int], list[tuple[int, str, dict]]]:
    """Each person's events before the batch, and the batch: one event for
    some of them, in any order, some telling an earlier or outside stream."""
    before = draw(st.lists(st.integers(0, 3), min_size=PEOPLE, max_size=PEOPLE))
    order = draw(st.permutations(range(PEOPLE)))
    chosen = order[: draw(st.integers(1, PEOPLE))]
    asked = []
    for place, n in enumerate(chosen):
        outside = [m for m in range(PEOPLE) if m not in chosen]
        tellable = [*chosen[: place + 1], *outside]
        payload = {
            "amount": draw(st.decimals(0, 10_000, places=2)),
            "on": draw(st.dates()),
            # PostgreSQL keeps no NUL in JSON, nor half a surrogate pair (text
            # no UTF-8 request can carry), however it is appended.
            "note": draw(
                st.text(
                    st.characters(
                        exclude_characters="\x00", exclude_categories=("Cs",)
                    ),
                    max_size=12,
                )
            ),
        }
        if draw(st.booleans()):
            asked.append((n, TELL, payload | {"tell": draw(st.sampled_from(tellable))}))
        else:
            asked.append(
                (n, draw(st.sampled_from(["test.paid", "test.seen"])), payload)
            )
    return before, asked


@settings(max_examples=40, suppress_health_check=list(HealthCheck))
@given(batches())
def test_a_batch_writes_what_appending_one_by_one_writes(alice: User, batch) -> None:
    before, asked = batch
    with transaction.atomic():
        people = [ChildFactory() for _ in range(PEOPLE)]
        with clock.held_at(MOMENT - dt.timedelta(days=1)):
            for person, count in zip(people, before, strict=True):
                for _ in range(count):
                    journal.append(person, "test.earlier", {}, by=alice)
        # The tell listener names people by index: their ids, now known.
        asked = [
            (n, type, {**p, "tell": people[p["tell"]].pk} if "tell" in p else p)
            for n, type, p in asked
        ]
        one_by_one = _written(people, alice, asked, batched=False)
        batched = _written(people, alice, asked, batched=True)
        assert batched == one_by_one
        assert one_by_one[0]  # events were written, and then rolled back
        transaction.set_rollback(True)


def test_a_batch_chains_each_stream_and_verifies(alice: User) -> None:
    people = [ChildFactory() for _ in range(3)]
    with transaction.atomic():
        journal.append(people[1], "test.earlier", {}, by=alice)
        made = journal.append_many(
            [(p, "test.paid", {"on": dt.date(2026, 3, 2)}) for p in people], by=alice
        )
    assert [(e.person_id, e.sequence) for e in made] == [
        (people[0].pk, 1),
        (people[1].pk, 2),
        (people[2].pk, 1),
    ]
    assert all(e.pk for e in made)
    assert made[0].payload == {"on": "2026-03-02"}
    assert journal.verify_all() == []


def test_a_batch_takes_the_same_queries_however_many_streams(alice: User) -> None:
    people = [ChildFactory() for _ in range(60)]
    with transaction.atomic():
        for person in people:
            journal.append(person, "test.earlier", {}, by=alice)
    counts = []
    for size in (3, 60):
        with transaction.atomic(), CaptureQueriesContext(connection) as captured:
            journal.append_many([(p, "test.paid", {}) for p in people[:size]], by=alice)
        counts.append(len(captured))
    assert counts[0] == counts[1] <= 4  # heads, insert (and the savepoint's)


def test_a_listener_appending_to_a_stream_later_in_the_batch_is_refused(
    alice: User,
) -> None:
    first, second = ChildFactory(), ChildFactory()
    refused = pytest.raises(RuntimeError, match="later in the batch")
    with _listening(), refused, transaction.atomic():
        journal.append_many(
            [(first, TELL, {"tell": second.pk}), (second, "test.paid", {})], by=alice
        )
    assert not JournalEvent.objects.filter(person__in=[first, second]).exists()


def test_an_empty_batch_writes_nothing(alice: User) -> None:
    with transaction.atomic(), CaptureQueriesContext(connection) as captured:
        assert journal.append_many([], by=alice) == []
    assert len(captured) <= 2  # the savepoint's


def test_a_batch_names_each_stream_once(alice: User) -> None:
    child = ChildFactory()
    twice = [(child, "test.paid", {}), (child, "test.paid", {})]
    refused = pytest.raises(ValueError, match="one event to each stream")
    with refused, transaction.atomic():
        journal.append_many(twice, by=alice)


@pytest.mark.django_db(transaction=True)
def test_a_batch_outside_a_transaction_is_refused(alice: User) -> None:
    with pytest.raises(RuntimeError, match="inside the service's transaction"):
        journal.append_many([(ChildFactory(), "test.x", {})], by=alice)


def test_inside_a_step_a_batchs_events_are_heard_at_its_end(alice: User) -> None:
    people = [ChildFactory(), ChildFactory()]
    with _listening() as (_each, once), transaction.atomic(), journal.as_one_step():
        single = journal.append(people[0], "test.seen", {}, by=alice)
        made = journal.append_many([(p, "test.paid", {}) for p in people], by=alice)
        assert once == []
    assert once == [[(e.person_id, e.sequence, e.hash) for e in [single, *made]]]
