"""Obligations computed from the journal, one child at a time.

`compute` is a pure reading of a child's journal: the same events always give the
same obligations. `recompute_person` replaces the stored obligations with that
reading; the journal listener calls it whenever a relevant event is appended
(including a correction or a backdated entry), so what is stored always equals a
computation from scratch. An obligation that the new reading still holds keeps
its row (and its id), so anything pointing at it (an extension, a reason for
lateness) stays attached; only its dates and status change.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import timezone

from haven.core import clock
from haven.core.models import JournalEvent
from haven.timescales import reading
from haven.timescales.conditions import Facts
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
    for setting in reading.rule_settings():
        settings.setdefault(setting.rule_id, []).append(setting)
    return settings


def setting_on(
    settings: dict[str, list[RuleSetting]], rule_id: str, day: dt.date
) -> RuleSetting | None:
    return next((s for s in settings.get(rule_id, []) if s.applies_from <= day), None)


def _subject(event: JournalEvent, key: str) -> str | None:
    value = event.payload.get(key)
    return None if value is None else str(value)


@dataclass(frozen=True)
class _Child:
    """Who the obligations are for, and what their rules' conditions may read."""

    person_id: int
    date_of_birth: dt.date | None = None

    def facts(self, event: JournalEvent, day: dt.date) -> Facts:
        return Facts(day, self.date_of_birth, event.payload)


def compute(
    person_id: int,
    events: Iterable[JournalEvent],
    settings: dict[str, list[RuleSetting]],
    date_of_birth: dt.date | None = None,
) -> list[Obligation]:
    """Every obligation the child's events give, in the order they arose."""
    made: list[Obligation] = []
    reader = _Reader(_Open(), _Child(person_id, date_of_birth), settings)
    for event in effective_events(events):
        made += reader.read(event)
    return made


@dataclass
class _Reader:
    """Reads a child's events one by one, in order, into obligations: those
    still open after the events read so far are in `open_`."""

    open_: _Open
    child: _Child
    settings: dict[str, list[RuleSetting]]
    interested: dict[str, list[Activation]] = field(
        default_factory=lambda: _by_event_type()
    )

    def read(self, event: JournalEvent) -> list[Obligation]:
        """What `event` meets, ends or extends among the open obligations (in
        place), and the obligations it starts (returned)."""
        made: list[Obligation] = []
        open_, child, settings = self.open_, self.child, self.settings
        day = timezone.localdate(event.occurred_at)
        for activation in self.interested.get(event.type, ()):
            if event.type in activation.met_by:
                made += _meet(open_, activation, event, day, settings, child)
            if event.type in activation.ended_by:
                _end(open_, activation, event, day)
            if event.type in activation.extended_by:
                _extend(open_, activation, event)
            if activation.starts(event.type):
                made += _start(open_, activation, event, day, settings, child)
        return made


def _by_event_type() -> dict[str, list[Activation]]:
    """The activations each event type can start, meet, end or extend, in the
    order of ACTIVE: a child's history is read against the few rules each
    event bears on, not every rule for every event (most of a note's time)."""
    interested: dict[str, list[Activation]] = {}
    for activation in ACTIVE.values():
        rule = activation.rule
        types = {rule.trigger, *activation.formerly_started_by, *activation.met_by}
        types.update(activation.ended_by, activation.extended_by)
        for event_type in types:
            interested.setdefault(event_type, []).append(activation)
    return interested


def _applies(activation: Activation, facts: Facts) -> bool:
    condition = activation.rule.condition
    return condition is None or condition.holds(facts)


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
    child: _Child,
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
    due_on = deadline.due_from(due_from)
    if not interval:
        facts = child.facts(event, due_from)
        alternatives = (s.due(facts) for s in activation.rule.sooner)
        due_on = min([due_on, *(a for a in alternatives if a is not None)])
    return Obligation(
        person_id=child.person_id,
        rule_id=activation.rule.id,
        subject=subject,
        due_on=due_on,
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
    child: _Child,
) -> list[Obligation]:
    subject = _subject(event, activation.key)
    if subject is None or open_.has(activation.rule.id, subject):
        return []
    if not _applies(activation, child.facts(event, day)):
        return []
    setting = setting_on(settings, activation.rule.id, day)
    counted = activation.rule.counted_from
    start = child.facts(event, day).date(counted) if counted else None
    obligation = _new(child, activation, event, subject, start or day, setting, False)
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
    child: _Child,
) -> list[Obligation]:
    """Close what the event meets; a rolling duty falls due again from this date,
    if its rule still applies on that date."""
    subject = _subject(event, activation.key)
    if subject is None:
        return []
    following: list[Obligation] = []
    for obligation in open_.take(activation.rule.id, subject):
        late = day > obligation.due_on
        obligation.status = Status.MET_LATE if late else Status.MET_ON_TIME
        obligation.closing_event = event
        obligation.closed_on = day
        rolling = activation.rule.recurrence == "rolling"
        if rolling and _applies(activation, child.facts(event, day)):
            setting = setting_on(settings, activation.rule.id, day)
            again = _new(child, activation, event, subject, day, setting, True)
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


def _extend(open_: _Open, activation: Activation, event: JournalEvent) -> None:
    """Move the subject's open obligation later by the event's "days"."""
    subject = _subject(event, activation.key)
    days = event.payload.get("days")
    if subject is None or not isinstance(days, int):
        return
    for obligation in open_.by_rule.get(activation.rule.id, []):
        if obligation.subject == subject:
            obligation.due_on += dt.timedelta(days=days)


def events_for(person_id: int) -> list[JournalEvent]:
    """The child's events that can bear on an obligation, corrections included."""
    return reading.events(person_id)


# What may change in an obligation that keeps its identity.
_CHANGEABLE = ("due_on", "status", "closing_event_id", "closed_on", "setting_id")


def _identity(obligation: Obligation) -> tuple[str, str, int | None]:
    return (obligation.rule_id, obligation.subject, obligation.trigger_event_id)


def recompute_person(person_id: int) -> list[Obligation]:
    """Bring the child's stored obligations to a computation from scratch: rows
    the new reading still holds are updated in place, the rest deleted, new
    ones created."""
    events, born = reading.events_and_birth_date(person_id)
    computed = compute(person_id, events, settings_by_rule(), born)
    stored = {_identity(o): o for o in reading.obligations(person_id)}
    changed: list[Obligation] = []
    new: list[Obligation] = []
    kept: list[Obligation] = []
    for obligation in computed:
        existing = stored.pop(_identity(obligation), None)
        if existing is None:
            new.append(obligation)
            continue
        if any(getattr(existing, f) != getattr(obligation, f) for f in _CHANGEABLE):
            for name in _CHANGEABLE:
                setattr(existing, name, getattr(obligation, name))
            changed.append(existing)
        kept.append(existing)
    if stored:
        Obligation.objects.filter(pk__in=[o.pk for o in stored.values()]).delete()
    _update(changed)
    return kept + Obligation.objects.bulk_create(new)


def _update(changed: list[Obligation]) -> None:
    """Write the changed obligations' new dates and status. A step changes one
    or two (a duty met): an UPDATE each costs Django less to build than one
    bulk_update of CASE expressions; a recomputation of many, that."""
    if len(changed) > 3:
        fields = [f.removesuffix("_id") for f in _CHANGEABLE]
        Obligation.objects.bulk_update(changed, fields)
        return
    for obligation in changed:
        Obligation.objects.filter(pk=obligation.pk).update(
            **{name: getattr(obligation, name) for name in _CHANGEABLE}
        )


def recompute_from(rule_id: str, day: dt.date) -> None:
    """Recompute every child with an event on or after `day` that a rule's
    setting bears on (one applying from `day` is recorded): `carry_on` goes
    on from obligations computed under the settings in force then."""
    activation = ACTIVE.get(rule_id)
    if activation is None:
        return
    rule = activation.rule
    types = {rule.trigger, *activation.formerly_started_by, *activation.met_by}
    people = (
        JournalEvent.objects.filter(
            type__in=sorted(types), occurred_at__gte=clock.start_of(day)
        )
        .order_by()
        .values_list("person_id", flat=True)
        .distinct()
    )
    for person_id in sorted(people):
        recompute_person(person_id)


# Events that change how a child's earlier events read, not only what follows
# them: a new date of birth changes the age every rule's condition read.
REREAD = frozenset({"people.details_changed"})


def on_events(events: list[JournalEvent]) -> None:
    """The journal listener: bring each child's obligations up to date once
    whose events could change one (several events of one step come together)."""
    watched = watched_event_types()
    mine: dict[int, list[JournalEvent]] = {}
    for event in events:
        if event.type in watched or event.corrects_id or event.type in REREAD:
            mine.setdefault(event.person_id, []).append(event)
    for person_id in sorted(mine):
        if not carry_on(person_id, mine[person_id]):
            recompute_person(person_id)


def carry_on(person_id: int, new: list[JournalEvent]) -> bool:
    """Bring the child's stored obligations up to date with `new` events by
    reading only them, from where the stored ones say the reading had got to
    (the obligations still open): what `recompute_person` writes, when every
    new event comes after all the child's others, since the engine reads a
    child's events in order. False, having written nothing, when one does not
    (a backdated entry), when one corrects or rereads the past, or when the
    events are not exactly those stored since (one rolled back with its step).
    """
    if any(e.corrects_id or e.type in REREAD for e in new):
        return False
    new = sorted(new, key=lambda e: (e.occurred_at, e.sequence))
    first, sequence = new[0].occurred_at, min(e.sequence for e in new)
    stored_since, born = reading.since(person_id, first, sequence)
    if stored_since != {e.pk for e in new}:
        return False
    opened = reading.open_obligations(person_id)
    before = {o.pk: [getattr(o, f) for f in _CHANGEABLE] for o in opened}
    reader = _Reader(_Open(), _Child(person_id, born), settings_by_rule())
    for obligation in opened:
        reader.open_.add(obligation)
    made = [obligation for event in new for obligation in reader.read(event)]
    _update([o for o in opened if [getattr(o, f) for f in _CHANGEABLE] != before[o.pk]])
    Obligation.objects.bulk_create(made)
    return True
