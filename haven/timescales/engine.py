"""Obligations computed from the journal, one child at a time.

`compute` is a pure reading of a child's journal: the same events always give the
same obligations. `recompute_person` replaces the stored obligations with that
reading; the journal listener calls it whenever a relevant event is appended
(including a correction or a backdated entry), so what is stored always equals a
computation from scratch.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from haven.core.models import JournalEvent
from haven.timescales.deadlines import Deadline
from haven.timescales.models import Obligation, RuleSetting
from haven.timescales.registry import ACTIVE, Activation, watched_event_types

Status = Obligation.Status


@dataclass
class _Open:
    """Obligations not yet met or ended, by rule and subject."""

    by_rule: dict[str, list[Obligation]] = field(default_factory=dict)

    def add(self, obligation: Obligation) -> None:
        self.by_rule.setdefault(obligation.rule_id, []).append(obligation)

    def take(self, rule_id: str, subject: str | None) -> list[Obligation]:
        """Remove and return the open obligations for a subject (all if None)."""
        current = self.by_rule.get(rule_id, [])
        taken = [o for o in current if subject is None or o.subject == subject]
        self.by_rule[rule_id] = [o for o in current if o not in taken]
        return taken

    def has(self, rule_id: str, subject: str) -> bool:
        return any(o.subject == subject for o in self.by_rule.get(rule_id, []))


def effective_events(events: Iterable[JournalEvent]) -> list[JournalEvent]:
    """The events as they now stand: a correction replaces the event it corrects."""
    events = list(events)
    corrected = {e.corrects_id for e in events if e.corrects_id}
    standing = [e for e in events if e.pk not in corrected]
    return sorted(standing, key=lambda e: (e.occurred_at, e.sequence))


def settings_by_rule() -> dict[str, list[RuleSetting]]:
    settings: dict[str, list[RuleSetting]] = {}
    for setting in RuleSetting.objects.order_by("-applies_from", "-recorded_at"):
        settings.setdefault(setting.rule_id, []).append(setting)
    return settings


def _setting_on(
    settings: dict[str, list[RuleSetting]], rule_id: str, day: dt.date
) -> RuleSetting | None:
    return next((s for s in settings.get(rule_id, []) if s.applies_from <= day), None)


def _subject(event: JournalEvent, key: str) -> str | None:
    value = event.payload.get(key)
    return None if value is None else str(value)


def compute(
    person_id: int,
    events: Iterable[JournalEvent],
    settings: dict[str, list[RuleSetting]],
) -> list[Obligation]:
    """Every obligation the child's events give, in the order they arose."""
    made: list[Obligation] = []
    open_ = _Open()
    for event in effective_events(events):
        day = timezone.localdate(event.occurred_at)
        for activation in ACTIVE.values():
            if event.type in activation.met_by:
                made += _meet(open_, activation, event, day, settings, person_id)
            if event.type in activation.ended_by:
                _end(open_, activation, event, day)
            if activation.starts(event.type):
                made += _start(open_, activation, event, day, settings, person_id)
    return made


def _deadline(
    activation: Activation, setting: RuleSetting | None, interval: bool
) -> Deadline | None:
    rule = activation.rule
    if setting is not None:
        text = setting.interval if interval else setting.deadline
        if text:
            return Deadline.parse(text)
    return rule.interval if interval else rule.deadline


def _new(
    person_id: int,
    activation: Activation,
    event: JournalEvent,
    subject: str,
    due_from: dt.date,
    setting: RuleSetting | None,
    interval: bool,
) -> Obligation | None:
    deadline = _deadline(activation, setting, interval)
    if deadline is None:
        return None
    return Obligation(
        person_id=person_id,
        rule_id=activation.rule.id,
        subject=subject,
        due_on=deadline.due_from(due_from),
        status=Status.DUE,
        trigger_event=event,
        setting=setting,
    )


def _start(
    open_: _Open,
    activation: Activation,
    event: JournalEvent,
    day: dt.date,
    settings: dict[str, list[RuleSetting]],
    person_id: int,
) -> list[Obligation]:
    subject = _subject(event, activation.key)
    if subject is None or open_.has(activation.rule.id, subject):
        return []
    setting = _setting_on(settings, activation.rule.id, day)
    obligation = _new(person_id, activation, event, subject, day, setting, False)
    if obligation is None:
        return []
    open_.add(obligation)
    return [obligation]


def _meet(
    open_: _Open,
    activation: Activation,
    event: JournalEvent,
    day: dt.date,
    settings: dict[str, list[RuleSetting]],
    person_id: int,
) -> list[Obligation]:
    """Close what the event meets; a rolling duty falls due again from this date."""
    subject = _subject(event, activation.key)
    if subject is None:
        return []
    following: list[Obligation] = []
    for obligation in open_.take(activation.rule.id, subject):
        late = day > obligation.due_on
        obligation.status = Status.MET_LATE if late else Status.MET_ON_TIME
        obligation.closing_event = event
        obligation.closed_on = day
        if activation.rule.recurrence == "rolling":
            setting = _setting_on(settings, activation.rule.id, day)
            again = _new(person_id, activation, event, subject, day, setting, True)
            if again is not None:
                open_.add(again)
                following.append(again)
    return following


def _end(
    open_: _Open, activation: Activation, event: JournalEvent, day: dt.date
) -> None:
    for obligation in open_.take(activation.rule.id, _subject(event, activation.key)):
        obligation.status = Status.NO_LONGER_REQUIRED
        obligation.closing_event = event
        obligation.closed_on = day


def events_for(person_id: int) -> list[JournalEvent]:
    """The child's events that can bear on an obligation, corrections included."""
    relevant = Q(type__in=watched_event_types()) | Q(corrects__isnull=False)
    return list(
        JournalEvent.objects.filter(relevant, person_id=person_id).only(
            "pk",
            "person_id",
            "sequence",
            "type",
            "payload",
            "occurred_at",
            "corrects_id",
        )
    )


def recompute_person(person_id: int) -> list[Obligation]:
    """Replace the child's stored obligations with a computation from scratch."""
    obligations = compute(person_id, events_for(person_id), settings_by_rule())
    Obligation.objects.filter(person_id=person_id).delete()
    return Obligation.objects.bulk_create(obligations)


def on_event(event: JournalEvent) -> None:
    """The journal listener: recompute when an event could change an obligation."""
    if event.type in watched_event_types() or event.corrects_id:
        recompute_person(event.person_id)
