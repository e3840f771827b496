"""Each way of tampering with the journal behind Haven's back, and verify_journal
naming it. Tampering lifts the append-only triggers as an attacker with the
database's owner rights could, then puts them back."""

import hashlib
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from haven.core import journal
from haven.core.db import triggers
from haven.core.models import JournalEvent
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
