import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from haven.core import journal
from haven.core.db import triggers
from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


def _append(person, user, type="test.thing_happened", **kwargs):
    with transaction.atomic():
        return journal.append(person, type, {"n": 1}, by=user, **kwargs)


def test_events_chain_by_sequence_and_hash(alice):
    child = ChildFactory()
    first = _append(child, alice)
    second = _append(child, alice)
    assert (first.sequence, second.sequence) == (1, 2)
    assert first.previous_hash == journal.GENESIS
    assert second.previous_hash == first.hash
    assert journal.verify_all() == []


def test_each_person_has_a_stream_of_their_own(alice):
    one, two = ChildFactory(), ChildFactory()
    _append(one, alice)
    assert _append(two, alice).sequence == 1


@pytest.mark.django_db(transaction=True)
def test_append_outside_a_transaction_is_refused(alice):
    with pytest.raises(RuntimeError, match="inside the service's transaction"):
        journal.append(ChildFactory(), "test.x", by=alice)


def test_a_correction_needs_a_reason(alice):
    child = ChildFactory()
    original = _append(child, alice)
    with pytest.raises(DomainError) as refused:
        _append(child, alice, corrects=original)
    assert refused.value.code == "reason_required"
    correction = _append(child, alice, corrects=original, reason="Wrong date")
    assert correction.corrects == original


def test_dates_in_payloads_are_stored_as_they_were_hashed(alice):
    child = ChildFactory()
    with transaction.atomic():
        journal.append(child, "test.dated", {"on": dt.date(2026, 3, 1)}, by=alice)
    stored = JournalEvent.objects.get(person=child)
    assert stored.payload == {"on": "2026-03-01"}
    assert journal.verify_all() == []


def test_the_database_refuses_to_update_or_delete_an_event(alice):
    child = ChildFactory()
    _append(child, alice)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        JournalEvent.objects.filter(person=child).update(payload={"n": 2})
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        JournalEvent.objects.filter(person=child).delete()
    assert JournalEvent.objects.get(person=child).payload == {"n": 1}


def _tamper(sql, params):
    """Change a row behind Haven's back: lift the trigger, edit, put it back."""
    with connection.cursor() as cursor:
        for statement in triggers.statements(connection.vendor, create=False):
            cursor.execute(statement)
        cursor.execute(sql, params)
        for statement in triggers.statements(connection.vendor, create=True):
            cursor.execute(statement)


def test_verify_journal_names_the_first_tampered_event(alice):
    child = ChildFactory()
    for _ in range(4):
        _append(child, alice)
    call_command("verify_journal", stdout=StringIO())
    _tamper(
        "UPDATE core_journalevent SET payload = %s "
        "WHERE person_id = %s AND sequence = 3",
        ['{"n": 99}', child.pk],
    )
    broken = journal.verify_all()
    assert [(b.person_id, b.sequence) for b in broken] == [(child.pk, 3)]
    assert "changed after it was recorded" in broken[0].problem
    with pytest.raises(CommandError, match="1 journal problem"):
        call_command("verify_journal", stderr=StringIO())


def test_verify_journal_notices_a_deleted_event(alice):
    child = ChildFactory()
    for _ in range(3):
        _append(child, alice)
    _tamper(
        "DELETE FROM core_journalevent WHERE person_id = %s AND sequence = 2",
        [child.pk],
    )
    broken = journal.verify_all()
    assert [(b.sequence, b.problem) for b in broken] == [(3, "a sequence is missing")]
