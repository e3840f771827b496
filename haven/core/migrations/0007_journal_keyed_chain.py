"""Reseal every intact journal stream with the keyed hash (HAVEN_JOURNAL_KEY).

Before this migration each event's hash was a plain SHA-256, which anyone able to
write the table could recompute after an edit. A stream whose plain chain still
verifies is resealed link by link with the key; a stream that is already broken
is left exactly as it is, so `verify_journal` keeps naming the break instead of
this migration laundering it.
"""

import hashlib
from typing import Any

from django.conf import settings
from django.db import migrations

from haven.core.db import triggers
from haven.core.journal import GENESIS, canonical, keyed_hash


def _plain(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _keyed(body: bytes) -> str:
    return keyed_hash(body, settings.HAVEN_JOURNAL_KEY)


def _reseal(apps: Any, schema_editor: Any, old: Any, new: Any) -> None:
    JournalEvent = apps.get_model("core", "JournalEvent")
    people = (
        JournalEvent.objects.order_by().values_list("person_id", flat=True).distinct()
    )
    triggers.remove(apps, schema_editor)
    left_broken = 0
    for person_id in list(people):
        events = list(
            JournalEvent.objects.filter(person_id=person_id).order_by("sequence")
        )
        if not _intact(events, old):
            left_broken += 1
            continue
        previous = GENESIS
        for event in events:
            event.previous_hash = previous
            event.hash = new(canonical(event))
            previous = event.hash
        JournalEvent.objects.bulk_update(events, ["previous_hash", "hash"], 500)
    triggers.install(apps, schema_editor)
    if left_broken:
        print(
            f"\n  {left_broken} broken journal stream(s) left unsealed for inspection"
        )


def _intact(events: list[Any], hash_function: Any) -> bool:
    previous = GENESIS
    for number, event in enumerate(events, start=1):
        if event.sequence != number or event.previous_hash != previous:
            return False
        if hash_function(canonical(event)) != event.hash:
            return False
        previous = event.hash
    return True


def seal(apps: Any, schema_editor: Any) -> None:
    _reseal(apps, schema_editor, _plain, _keyed)


def unseal(apps: Any, schema_editor: Any) -> None:
    _reseal(apps, schema_editor, _keyed, _plain)


class Migration(migrations.Migration):
    dependencies = [("core", "0006_submission_tokens")]

    operations = [migrations.RunPython(seal, unseal)]
