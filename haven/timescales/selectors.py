"""Reads of the obligations the engine keeps: the one place a due date comes from.

Pages and services never count a deadline themselves from the catalogue: a
council's local value for a rule, a backdated event or a correction would make
their count disagree with My work. They ask here (tests/timescales/
test_due_dates_come_from_the_engine.py forbids counting anywhere else).
"""

import datetime as dt
from collections.abc import Callable

from haven.people.sections import read_once
from haven.timescales import catalogue, engine
from haven.timescales.deadlines import Deadline
from haven.timescales.models import Obligation


def obligation_for(person_id: int, rule_id: str, subject: object) -> Obligation | None:
    """The latest obligation under `rule_id` about `subject` (an assessment's or
    a plan's id): the one due now, or the last one met or ended."""
    about = Obligation.objects.filter(
        person_id=person_id, rule_id=rule_id, subject=str(subject)
    )
    due = about.filter(status=Obligation.Status.DUE).order_by("due_on").first()
    return due or about.order_by("-pk").first()


def due_dates(
    rule_id: str, subjects: list[tuple[int, object]]
) -> dict[tuple[int, str], dt.date]:
    """`due_on` for many (person id, subject) pairs under one rule, in one
    query: for each, the earliest date still due, or else the date of the
    latest one met or ended. Keyed by (person id, subject as text)."""
    about = Obligation.objects.filter(
        rule_id=rule_id,
        person_id__in={person for person, _subject in subjects},
        subject__in={str(subject) for _person, subject in subjects},
    ).values_list("person_id", "subject", "status", "due_on", "pk")
    due: dict[tuple[int, str], dt.date] = {}
    latest: dict[tuple[int, str], tuple[int, dt.date]] = {}
    for person, subject, status, due_on, pk in about:
        key = (person, subject)
        if status == Obligation.Status.DUE:
            due[key] = min(due_on, due.get(key, due_on))
        elif pk > latest.get(key, (0, due_on))[0]:
            latest[key] = (pk, due_on)
    return {key: day for key, (_pk, day) in latest.items()} | due


def due_on(person_id: int, rule_id: str, subject: object) -> dt.date | None:
    """When the duty about `subject` is due, as the engine holds it; None when
    the engine holds no such duty (the rule is not in force for it)."""
    found = obligation_for(person_id, rule_id, subject)
    return found.due_on if found is not None else None


def next_due_on(person_id: int, rule_id: str, subject: object) -> dt.date | None:
    """When the duty about `subject` next falls due; None if nothing is due."""
    found = Obligation.objects.filter(
        person_id=person_id,
        rule_id=rule_id,
        subject=str(subject),
        status=Obligation.Status.DUE,
    ).order_by("due_on")
    first = found.first()
    return first.due_on if first is not None else None


def due_now(person_ids: list[int]) -> list[Obligation]:
    """Every obligation due now for one child (`person_ids`: theirs and the
    records merged into theirs), soonest first."""
    return list(
        Obligation.objects.filter(
            person_id__in=person_ids, status=Obligation.Status.DUE
        ).order_by("due_on", "pk")
    )


def due_for_page(person_ids: list[int]) -> list[Obligation]:
    """`due_now`, read once for all the sections of a person's page."""
    return read_once(
        ("timescales.due_now", tuple(person_ids)), lambda: due_now(person_ids)
    )


def next_due_in(
    due: list[Obligation], person_id: int, rule_id: str, subject: object
) -> dt.date | None:
    """`next_due_on`, answered from obligations already read (`due_now`)."""
    subject = str(subject)
    return min(
        (
            o.due_on
            for o in due
            if (o.person_id, o.rule_id, o.subject) == (person_id, rule_id, subject)
        ),
        default=None,
    )


def falls_due_again(rule_id: str) -> Callable[[dt.date], dt.date]:
    """For a rolling duty (a visit every so often): the day it falls due again
    once met on a given day, under the council's setting on that day (read
    once, here). For a generator that acts ahead of the journal (the demo's
    visits, recorded in one step whose obligations are worked out at its end);
    a page asks for the obligation itself."""
    settings = engine.settings_by_rule()
    rule = catalogue.rule(rule_id)

    def again(met_on: dt.date) -> dt.date:
        setting = engine.setting_on(settings, rule_id, met_on)
        if setting is not None and setting.interval:
            return Deadline.parse(setting.interval).due_from(met_on)
        every = rule.interval or rule.deadline
        assert every is not None, f"{rule_id} is not a rolling duty"
        return every.due_from(met_on)

    return again
