"""Case notes compared with what their journal events say was written.

The journal is sealed; the case note table is not. An edit to a note's row, a
note added or deleted behind Haven's back, shows here as a difference between
the two. Events recorded before the journal carried the note's text are compared
on what they do carry.
"""

from collections.abc import Iterator
from typing import Any

from haven.casework.models import CaseNote
from haven.core.journal import Mismatch
from haven.core.models import JournalEvent

EVENT = "casework.note_recorded"
# Payload key -> the note's field it should equal.
FIELDS = {
    "kind": "kind",
    "subject": "subject",
    "body": "body",
    "impact": "impact",
    "child_seen": "child_seen",
    "seen_alone": "seen_alone",
    "alone_not_applicable": "alone_not_applicable",
    "not_alone_reason": "not_alone_reason",
    "statutory_visit": "statutory_visit",
    "visit_place": "visit_place",
    "announced": "announced",
    "bedroom_seen": "bedroom_seen",
}


def notes_match_their_journal() -> Iterator[Mismatch]:
    recorded = _recorded()
    for note in CaseNote.objects.order_by("pk").iterator(2000):
        event = recorded.pop(note.pk, None)
        if event is None:
            yield Mismatch(note.person_id, f"case note {note.pk} has no journal event")
            continue
        person_id, occurred_at, significant, payload = event
        differs = [
            field
            for key, field in FIELDS.items()
            if key in payload and payload[key] != getattr(note, field)
        ]
        if person_id != note.person_id:
            differs.append("person")
        if occurred_at != note.occurred_at:
            differs.append("occurred_at")
        if significant != note.significant:
            differs.append("significant")
        if differs:
            yield Mismatch(
                note.person_id,
                f"case note {note.pk} differs from its journal event "
                f"({', '.join(differs)})",
            )
    for note_id, (person_id, *_rest) in recorded.items():
        yield Mismatch(person_id, f"case note {note_id} is gone but was journalled")


def _recorded() -> dict[int, tuple[int, Any, bool, dict[str, Any]]]:
    rows = JournalEvent.objects.filter(type=EVENT).values_list(
        "person_id", "occurred_at", "significant", "payload"
    )
    return {
        payload["note"]: (person_id, occurred_at, significant, payload)
        for person_id, occurred_at, significant, payload in rows.iterator(2000)
    }
