"""The events the timescale engine reads about a looked-after child's
placements and statutory visits, kept in step with the histories.

The statutory visit regimes (CPPCR reg 28) start from a placement and from
each visit, and divide the children by what the visit's event says: the
placement it was made at, when that placement started, whether it is intended
to last until the child is 18, and whether the child agreed to fewer visits.
The visit is a casework note; the placement it was made at is not stored on
it, but derived from the placement history on the visit's day (decision
0010: the histories are the one record, everything else follows from them).

So the events are a projection of the records: `facts_of` derives every one
the child's records give now, and `sync` journals what differs from those
standing: a new fact is appended, a changed one is appended as a correction of
the one it replaces (which the engine then ignores), and one that no longer
follows (a visit now outside care) is withdrawn by a correction. Every write
on a child's care, and every statutory visit recorded, ends with `sync`: a
backdated move, a corrected start or a late visit moves the due dates at once.

Journal events (hidden from the chronology: the move, the correction and the
visit note already say what happened):
  care.placement_started      {"placement", "period", "place", "started_on"}
  care.placement_ended        {"placement", "ended_on"}
  care.statutory_visit_made   {"note", "child", "placement", "place",
                               "placement_started_on", "placement_until_18",
                               "fewer_visits_agreed"}
  care.timescale_fact_withdrawn {"withdrawn", "placement" or "note"}
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from haven.care import codes, episodes
from haven.care.history import CareHistory
from haven.care.models import FewerVisitsAgreement
from haven.care.recording import occurred
from haven.care.visits import day_histories
from haven.casework.codes import NoteKind
from haven.casework.models import CaseNote
from haven.core import few, journal
from haven.core.models import JournalEvent, User
from haven.people.models import Person
from haven.people.selectors import record_ids

STARTED = "care.placement_started"
ENDED = "care.placement_ended"
VISIT = "care.statutory_visit_made"
WITHDRAWN = "care.timescale_fact_withdrawn"
FACTS = (STARTED, ENDED, VISIT)
HIDDEN = (*FACTS, WITHDRAWN)
SUBJECT = {STARTED: "placement", ENDED: "placement", VISIT: "note"}

# Long-term foster placements (U1, U4): intended to last until the child is 18,
# the placements reg 28(2)(c)(i) visits every three months after the first year.
UNTIL_18 = frozenset({"U1", "U4"})
CHANGED = "The child's placement history or visits changed"


@dataclass(frozen=True)
class Fact:
    """One event the engine should read: its type, when, and what it says."""

    type: str
    at: dt.datetime
    payload: dict[str, Any]

    @property
    def identity(self) -> tuple[str, str]:
        return (self.type, str(self.payload[SUBJECT[self.type]]))


def _short_break(history: CareHistory, day: dt.date) -> bool:
    """A short break follows reg 48's visits, not reg 28's."""
    status = episodes.status_on(history, day)
    return status is not None and status.code in codes.SHORT_BREAKS


def _placement_facts(history: CareHistory) -> list[Fact]:
    found = []
    for stay in history.stays:
        if _short_break(history, stay.start):
            continue
        started = {
            "placement": stay.pk,
            "period": history.pk,
            "place": stay.place,
            "started_on": stay.start.isoformat(),
        }
        found.append(Fact(STARTED, occurred(stay.start), started))
        if stay.end is not None:
            ended = {"placement": stay.pk, "ended_on": stay.end.isoformat()}
            found.append(Fact(ENDED, occurred(stay.end), ended))
    return found


def statutory_visits(child: Person) -> list[CaseNote]:
    """The child's statutory visits in which they were seen, oldest first."""
    return few.of(
        "care.visits.statutory_visits",
        CaseNote,
        record_ids(child),
        lambda ids: CaseNote.objects.filter(
            person_id__in=ids,
            kind=NoteKind.VISIT,
            statutory_visit=True,
            child_seen=True,
        ).order_by("occurred_at", "pk"),
    )


def _visit_fact(
    child_id: int,
    note: tuple[int, dt.datetime],
    histories: list[CareHistory],
    agreed: dict[int, dt.date],
) -> Fact | None:
    """The visit event of the note (its id and when the visit was made)."""
    note_id, at = note
    day = timezone.localdate(at)
    for history in histories:
        stay = episodes.placement_on(history, day)
        if stay is None or _short_break(history, day):
            continue
        since = agreed.get(stay.pk or 0)
        payload = {
            "note": note_id,
            "child": child_id,
            "placement": stay.pk,
            "place": stay.place,
            "placement_started_on": stay.start.isoformat(),
            "placement_until_18": stay.place in UNTIL_18,
            "fewer_visits_agreed": since is not None and since <= day,
        }
        return Fact(VISIT, at, payload)
    return None


def _agreements(histories: list[CareHistory]) -> dict[int, dt.date]:
    """When the child agreed to fewer visits at each placement (by its id)."""
    placements = [s.pk for h in histories for s in h.stays if s.pk is not None]
    return dict(
        FewerVisitsAgreement.objects.filter(placement_id__in=placements).values_list(
            "placement_id", "agreed_on"
        )
    )


def facts_of(child: Person) -> list[Fact]:
    """Every placement and visit event the child's records give now."""
    histories = day_histories.histories(child.pk)
    agreed = _agreements(histories)
    found = [fact for history in histories for fact in _placement_facts(history)]
    for note in statutory_visits(child) if histories else []:
        fact = _visit_fact(child.pk, (note.pk, note.occurred_at), histories, agreed)
        if fact is not None:
            found.append(fact)
    return found


def _standing(child: Person) -> dict[tuple[str, str], JournalEvent]:
    """The facts journalled and not since corrected or withdrawn."""
    events = list(
        JournalEvent.objects.filter(person_id=child.pk, type__in=HIDDEN).order_by(
            "sequence"
        )
    )
    replaced = {e.corrects_id for e in events if e.corrects_id}
    return {
        (e.type, str(e.payload.get(SUBJECT[e.type]))): e
        for e in events
        if e.type in FACTS and e.pk not in replaced
    }


def sync(child: Person, *, by: User | None, reason: str = CHANGED) -> None:
    """Journal what differs between the facts derived now and those standing,
    inside the caller's transaction."""
    wanted = {fact.identity: fact for fact in facts_of(child)}
    standing = _standing(child)
    with journal.as_one_step():
        for identity, fact in wanted.items():
            event = standing.pop(identity, None)
            if event is not None and (event.occurred_at, event.payload) == (
                fact.at,
                fact.payload,
            ):
                continue
            journal.append(
                child,
                fact.type,
                fact.payload,
                by=by,
                occurred_at=fact.at,
                corrects=event,
                reason=reason if event is not None else "",
            )
        for (kind, subject), event in standing.items():
            journal.append(
                child,
                WITHDRAWN,
                {"withdrawn": kind, SUBJECT[kind]: int(subject)},
                by=by,
                occurred_at=event.occurred_at,
                corrects=event,
                reason=reason,
            )


# A merge or unmerge changes which records are the child's, and so their
# facts, without a care write to sync them: the next visit syncs them all.
MERGES = (
    "people.merged_into",
    "people.record_merged_in",
    "people.unmerged",
    "people.record_unmerged",
)


def on_note(event: JournalEvent) -> None:
    """The journal listener: a statutory visit in which a looked-after child
    was seen becomes the visit event their visit regimes read.

    A new note changes one fact, its own: every other fact follows from the
    histories and agreements alone, which every care write leaves in step
    (`sync`), and a visit's fact from them and the visit alone, however far
    back it is dated. So only that fact is derived and appended, not the
    child's whole care history and every visit compared with the journal,
    unless a merge may have changed which records are the child's."""
    payload = event.payload
    if event.type != "casework.note_recorded" or not (
        payload.get("statutory_visit") and payload.get("child_seen")
    ):
        return
    if JournalEvent.objects.filter(person_id=event.person_id, type__in=MERGES).exists():
        if day_histories.histories(event.person_id):
            sync(Person.objects.get(pk=event.person_id), by=event.actor)
        return
    if payload.get("kind") != NoteKind.VISIT:
        return
    # The note was recorded as the event says (casework.services._journal_note):
    # its id, and when the visit was made; only the periods open that day count.
    note = (payload["note"], event.occurred_at)
    histories = day_histories.open_on(
        event.person_id, timezone.localdate(event.occurred_at)
    )
    fact = _visit_fact(event.person_id, note, histories, _agreements(histories))
    if fact is None:
        return
    with journal.as_one_step():
        journal.append(
            event.person, fact.type, fact.payload, by=event.actor, occurred_at=fact.at
        )
