"""Each way of tampering with the journal behind Haven's back, and verify_journal
naming it. Tampering lifts the append-only triggers as an attacker with the
database's owner rights could, then puts them back."""

import datetime as dt
import hashlib
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from haven.casework.seeing import Seen
from haven.casework.services import record_note
from haven.casework.visits import Visit
from haven.core import clock, journal
from haven.core.db import triggers
from haven.core.models import JournalEvent
from haven.core.services import allocate_case
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


def _stream(user, events=4):
    child = ChildFactory()
    for n in range(events):
        with transaction.atomic():
            journal.append(child, "test.thing_happened", {"n": n}, by=user)
    return child


def _tamper(sql, params):
    with connection.cursor() as cursor:
        for statement in triggers.statements(connection.vendor, create=False):
            cursor.execute(statement)
        cursor.execute(sql, params)
        for statement in triggers.statements(connection.vendor, create=True):
            cursor.execute(statement)


def _verify_fails():
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("verify_journal", stdout=StringIO(), stderr=err)
    return err.getvalue()


def _unkeyed_rechain(person_id, from_sequence):
    """Recompute the chain from one event on, with the plain SHA-256 an attacker
    can compute from Haven's source."""
    events = list(JournalEvent.objects.filter(person_id=person_id).order_by("sequence"))
    previous = journal.GENESIS
    for event in events:
        if event.sequence >= from_sequence:
            event.previous_hash = previous
            event.hash = hashlib.sha256(journal.canonical(event)).hexdigest()
            _tamper(
                "UPDATE core_journalevent SET previous_hash = %s, hash = %s "
                "WHERE id = %s",
                [event.previous_hash, event.hash, event.pk],
            )
        previous = event.hash


def test_an_edit_rechained_with_the_unkeyed_hash_is_caught(alice):
    child = _stream(alice)
    _tamper(
        "UPDATE core_journalevent SET payload = %s WHERE person_id = %s "
        "AND sequence = 2",
        [json.dumps({"n": 99}), child.pk],
    )
    _unkeyed_rechain(child.pk, 2)
    report = _verify_fails()
    assert f"person {child.pk}, event 2" in report
    assert "without the journal's key" in report


@pytest.fixture
def checkpoint_dir(settings, tmp_path):
    settings.HAVEN_JOURNAL_CHECKPOINT_DIR = tmp_path
    return tmp_path


def _checkpoint():
    call_command("checkpoint_journal", stdout=StringIO())


def test_an_untouched_journal_verifies_against_its_checkpoint(alice, checkpoint_dir):
    _stream(alice)
    _checkpoint()
    out = StringIO()
    call_command("verify_journal", stdout=out)
    assert "Checked against checkpoint" in out.getvalue()
    assert "All journal chains intact" in out.getvalue()


def test_deleting_a_streams_last_events_is_caught(alice, checkpoint_dir):
    child = _stream(alice)
    other = _stream(alice)
    _checkpoint()
    _tamper(
        "DELETE FROM core_journalevent WHERE person_id = %s AND sequence > 2",
        [child.pk],
    )
    report = _verify_fails()
    assert f"person {child.pk}, event 4: the stream now ends at event 2" in report
    assert f"person {other.pk}" not in report


def test_deleting_a_whole_stream_is_caught(alice, checkpoint_dir):
    child = _stream(alice)
    _checkpoint()
    _tamper("DELETE FROM core_journalevent WHERE person_id = %s", [child.pk])
    report = _verify_fails()
    assert f"person {child.pk}, event 4: the whole stream is gone" in report


def test_a_stream_rechained_with_a_leaked_key_is_caught(alice, checkpoint_dir):
    child = _stream(alice)
    _checkpoint()
    _tamper(
        "UPDATE core_journalevent SET payload = %s WHERE person_id = %s "
        "AND sequence = 3",
        [json.dumps({"n": 99}), child.pk],
    )
    for event in JournalEvent.objects.filter(person=child, sequence__gte=3):
        previous = JournalEvent.objects.get(person=child, sequence=event.sequence - 1)
        event.previous_hash = previous.hash
        _tamper(
            "UPDATE core_journalevent SET previous_hash = %s, hash = %s WHERE id = %s",
            [event.previous_hash, journal.hash_of(event), event.pk],
        )
    assert journal.verify_all() == []
    report = _verify_fails()
    assert f"person {child.pk}, event 4: this event differs" in report


def test_a_forged_append_is_caught(alice, checkpoint_dir):
    child = _stream(alice)
    head = JournalEvent.objects.filter(person=child).latest("sequence")
    forged = JournalEvent(
        person=child,
        sequence=5,
        type="test.thing_happened",
        payload={"n": "forged"},
        occurred_at=head.occurred_at,
        recorded_at=head.recorded_at,
        actor=alice,
        source=JournalEvent.Source.SCREEN,
        previous_hash=head.hash,
    )
    forged.hash = hashlib.sha256(journal.canonical(forged)).hexdigest()
    forged.save(force_insert=True)
    report = _verify_fails()
    assert f"person {child.pk}, event 5" in report
    assert "without the journal's key" in report


def test_a_checkpoint_not_signed_with_the_key_is_refused(
    alice, checkpoint_dir, settings
):
    _stream(alice)
    settings.HAVEN_JOURNAL_KEY = "an attacker's key"
    _checkpoint()
    settings.HAVEN_JOURNAL_KEY = "test-journal-key-not-secret"
    report = _verify_fails()
    assert "not signed with the journal's key" in report


def test_a_dropped_append_only_trigger_is_caught(alice):
    _stream(alice, events=1)
    with connection.cursor() as cursor:
        for statement in triggers.statements(connection.vendor, create=False):
            cursor.execute(statement)
    report = _verify_fails()
    assert "is missing, disabled or altered" in report


def test_an_append_only_trigger_that_no_longer_refuses_is_caught(alice):
    _stream(alice, events=1)
    with connection.cursor() as cursor:
        for statement in triggers.statements(connection.vendor, create=False):
            cursor.execute(statement)
        if connection.vendor == "sqlite":
            cursor.execute(
                "CREATE TRIGGER journal_no_update BEFORE UPDATE ON core_journalevent "
                "BEGIN SELECT 1; END"
            )
        else:
            cursor.execute(
                "CREATE FUNCTION haven_journal_append_only() RETURNS trigger "
                "LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"
            )
            cursor.execute(
                "CREATE TRIGGER journal_no_update_or_delete BEFORE UPDATE OR DELETE "
                "ON core_journalevent FOR EACH ROW "
                "EXECUTE FUNCTION haven_journal_append_only()"
            )
    assert triggers.missing(connection)
    report = _verify_fails()
    assert "is missing, disabled or altered" in report


def _case_note(alice, mona, team):
    child = ChildFactory()
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    (note,) = record_note(
        [child],
        by=alice,
        kind="visit",
        occurred_at=clock.now() - dt.timedelta(hours=2),
        subject="Home visit",
        body="Saw the child in the kitchen.",
        seen=Seen(True, "yes"),
        visit=Visit(True, "home", True, "yes"),
        significant=False,
    )
    return note


def test_a_case_note_edited_behind_the_journal_is_caught(alice, mona, team):
    note = _case_note(alice, mona, team)
    call_command("verify_journal", stdout=StringIO())
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE casework_casenote SET body = %s WHERE id = %s",
            ["Did not visit.", note.pk],
        )
    report = _verify_fails()
    assert (
        f"person {note.person_id}: case note {note.pk} differs from its journal "
        "event (body)" in report
    )


def test_a_case_note_deleted_or_added_behind_the_journal_is_caught(alice, mona, team):
    note = _case_note(alice, mona, team)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM casework_casenote WHERE id = %s", [note.pk])
    assert f"case note {note.pk} is gone but was journalled" in _verify_fails()
    note.pk = None
    note.save()
    assert f"case note {note.pk} has no journal event" in _verify_fails()
