"""Signed checkpoints of every journal stream's head, kept outside the database.

The keyed chain proves each event follows the one before it, but not that a
stream still has all its events: deleting the last events of a stream, or a whole
stream, leaves a shorter chain that verifies. A checkpoint records each stream's
head (person, last sequence, last hash) in a file signed with the journal's key,
somewhere the database's user cannot write; `verify_journal` then finds a stream
that has fallen behind, vanished, or been rewritten since.
"""

import hmac
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import OuterRef, Subquery

from haven.core import clock
from haven.core.journal import BrokenLink, keyed_hash
from haven.core.models import JournalEvent

PREFIX = "journal-checkpoint-"
CHUNK = 500


def directory() -> Path:
    return Path(settings.HAVEN_JOURNAL_CHECKPOINT_DIR)


def heads() -> list[list[Any]]:
    """Each stream's [person id, last sequence, last hash], by person."""
    last = (
        JournalEvent.objects.filter(person_id=OuterRef("person_id"))
        .order_by("-sequence")
        .values("sequence")[:1]
    )
    rows = (
        JournalEvent.objects.filter(sequence=Subquery(last))
        .order_by("person_id")
        .values_list("person_id", "sequence", "hash")
    )
    return [list(row) for row in rows]


def _signature(body: dict[str, Any]) -> str:
    return keyed_hash(_canonical(body), settings.HAVEN_JOURNAL_KEY)


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()


def write() -> Path:
    """Write a new signed checkpoint file; return its path."""
    now = clock.now()
    body = {"format": 1, "written_at": now.isoformat(), "streams": heads()}
    folder = directory()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{PREFIX}{now.strftime('%Y%m%dT%H%M%S.%fZ')}.json"
    partial = path.with_suffix(".partial")
    # Written whole then renamed, so a reader never finds half a checkpoint.
    partial.write_text(json.dumps({"body": body, "signature": _signature(body)}))
    partial.chmod(0o600)
    os.replace(partial, path)
    return path


def newest() -> Path | None:
    folder = directory()
    if not folder.is_dir():
        return None
    files = sorted(folder.glob(f"{PREFIX}*.json"))
    return files[-1] if files else None


class CheckpointForged(Exception):
    """The checkpoint file was not signed with the journal's key."""


def read(path: Path) -> list[list[Any]]:
    try:
        document = json.loads(path.read_text())
        body, signature = document["body"], document["signature"]
        streams: list[list[Any]] = body["streams"]
    except (ValueError, KeyError, TypeError) as error:
        raise CheckpointForged(f"{path.name} cannot be read") from error
    if not isinstance(signature, str) or not hmac.compare_digest(
        signature, _signature(body)
    ):
        raise CheckpointForged(f"{path.name} is not signed with the journal's key")
    return streams


def compare(path: Path) -> list[BrokenLink]:
    """Each stream that is behind, missing from, or rewritten since the checkpoint."""
    streams = read(path)
    problems: list[BrokenLink] = []
    for chunk in _chunks(streams):
        present = _hashes_by_sequence([row[0] for row in chunk])
        for person_id, sequence, head_hash in chunk:
            problem = _problem(present.get(person_id), sequence, head_hash)
            if problem:
                problems.append(
                    BrokenLink(person_id, sequence, f"{problem} ({path.name})")
                )
    return problems


def _problem(events: dict[int, str] | None, sequence: int, head_hash: str) -> str:
    if not events:
        return "the whole stream is gone since the checkpoint"
    last = max(events)
    if last < sequence:
        return f"the stream now ends at event {last}, behind the checkpoint (truncated)"
    if events.get(sequence) != head_hash:
        return "this event differs from the checkpoint (rewritten)"
    return ""


def _chunks(rows: list[list[Any]]) -> Iterator[list[list[Any]]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]


def _hashes_by_sequence(person_ids: list[int]) -> dict[int, dict[int, str]]:
    found: dict[int, dict[int, str]] = {}
    rows = JournalEvent.objects.filter(person_id__in=person_ids).values_list(
        "person_id", "sequence", "hash"
    )
    for person_id, sequence, event_hash in rows.iterator(2000):
        found.setdefault(person_id, {})[sequence] = event_hash
    return found
