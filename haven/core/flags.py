"""Flags on a child: what every page of their record and every queue that
names them shows at a glance ("On a child protection plan").

The core and the person register sit below the apps that know these facts, so
an app declares a flag in its plugin.py:

    person_flag("cp_plan", "On a child protection plan", order=10)(on_a_plan)

where `on_a_plan(person_ids)` returns those of the ids that carry the flag, in
one query however many ids it is given. The identity bar asks for one child's
records, a queue for every child it names, at once. A flag is shown only where
the child is already named to the reader: it never names anyone itself.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

Holds = Callable[[set[int]], set[int]]


@dataclass(frozen=True)
class Flag:
    key: str
    words: str
    order: int
    holds: Holds
    colour: str = "red"  # the GOV.UK tag's colour
    # A page about one side of the child's life shows its topic's flags again
    # beside its own facts: the education section shows "education" flags.
    topic: str = ""


FLAGS: dict[str, Flag] = {}


def person_flag(
    key: str, words: str, *, order: int, colour: str = "red", topic: str = ""
) -> Callable[[Holds], Holds]:
    def register(holds: Holds) -> Holds:
        if key in FLAGS:
            raise ImproperlyConfigured(f"The person flag {key!r} is declared twice")
        FLAGS[key] = Flag(key, words, order, holds, colour, topic)
        return holds

    return register


def flags_for(person_ids: Iterable[int | None]) -> dict[int, list[Flag]]:
    """Each of these people's flags, in order: one query for each flag."""
    ids = {pk for pk in person_ids if pk}
    found: dict[int, list[Flag]] = {}
    if not ids:
        return found
    for flag in sorted(FLAGS.values(), key=lambda f: (f.order, f.key)):
        for pk in flag.holds(ids):
            found.setdefault(pk, []).append(flag)
    return found


def flags_of_records(record_ids: Iterable[int]) -> list[Flag]:
    """One child's flags, from their own record and any merged into it."""
    seen: dict[str, Flag] = {}
    for flags in flags_for(record_ids).values():
        for flag in flags:
            seen.setdefault(flag.key, flag)
    return sorted(seen.values(), key=lambda f: (f.order, f.key))


def topic_flags(record_ids: Iterable[int], topic: str) -> list[Flag]:
    """One child's flags on one topic: only the flags of that topic are asked."""
    ids = {pk for pk in record_ids if pk}
    return sorted(
        (
            flag
            for flag in FLAGS.values()
            if flag.topic == topic and ids and flag.holds(ids)
        ),
        key=lambda f: (f.order, f.key),
    )
