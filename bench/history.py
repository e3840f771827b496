"""Years of history, through the demo's own generators and so Haven's services.

The children come in slices over the years asked for (up to one a month, of at
least a hundred children: the size the demo's stories are written for). Each
slice is built with the clock held at its own day (haven.core.clock.held_at, as
the demo backdates its steps), so its families, contacts, episodes,
assessments, plans, notes and early help read as they would have then, and is
worked by one team of each kind, in turn. Before a slice is built, the older
slices' work ages to its day (bench/ageing.py). Each slice draws from its own
generator (the seed and the slice's number), so a seed builds the same
authority, and a slice could be built on its own.
"""

import datetime as dt
import random
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max

from bench import ageing
from bench.staffing import Shape, create_staff
from haven.assessments import demo as assessments_demo
from haven.casework import demo as casework_demo
from haven.cin import demo as cin_demo
from haven.core import clock
from haven.core.models import DemoDatabase
from haven.demo import families, looked_after
from haven.demo.families import CASE_TEAMS
from haven.earlyhelp import demo as earlyhelp_demo
from haven.frontdoor import demo as frontdoor_demo
from haven.people.identifiers import generate_nhs_number
from haven.people.models import Person
from haven.protection import demo as protection_demo

SLICES_A_YEAR = 12
# The demo's stories assume a few hundred children (10-20 families waiting for
# early help, a few contacts for the front door today): a slice much smaller
# would leave every early help request in its queue.
SMALLEST_SLICE = 100


@dataclass(frozen=True)
class Slice:
    number: int
    children: int
    day: dt.date


def slices(children: int, years: int, today: dt.date) -> list[Slice]:
    """The slices, oldest first; the last is built on `today`."""
    count = max(1, min(years * SLICES_A_YEAR, children // SMALLEST_SLICE))
    span = dt.timedelta(days=round(years * 365.25))
    made = []
    for number in range(count):
        size = children * (number + 1) // count - children * number // count
        back = span * (count - 1 - number) / count
        made.append(Slice(number, size, today - dt.timedelta(days=back.days)))
    return made


def build(children: int, years: int, seed: int, today: dt.date) -> None:
    """Staff, then every slice, each in one transaction."""
    shape = Shape(children)
    first = today - dt.timedelta(days=round(years * 365.25))
    with clock.held_at(_moment(first)), transaction.atomic():
        DemoDatabase.objects.create(seed=seed, children=children)
        create_staff(random.Random(f"{seed}-staff"), shape)
    issued: set[str] = set()
    parts = slices(children, years, today)
    built: list[list[int]] = []
    for part in parts:
        started = time.perf_counter()
        built.append(build_slice(part, shape, seed, issued, built))
        took = time.perf_counter() - started
        print(
            f"  slice {part.number + 1}/{len(parts)} ({part.day}): "
            f"{part.children} children in {took:.0f} s",
            flush=True,
        )


def _nhs_numbers(issued: set[str]) -> Callable[[random.Random], str]:
    """The demo's NHS numbers, none given twice: its 999 range holds under a
    million, so a few thousand people drawn at random would share one."""

    def draw(rng: random.Random) -> str:
        while (number := generate_nhs_number(rng)) in issued:
            pass
        issued.add(number)
        return number

    return draw


def build_slice(
    part: Slice,
    shape: Shape,
    seed: int,
    issued: set[str],
    built: list[list[int]] | None,
) -> list[int]:
    """The ids of the slice's people (children, their families, the unborn),
    after the older slices' work (the people `built` before it, slice by slice)
    has aged to the slice's day (bench/ageing.py). None: no ageing."""
    rng = random.Random(f"{seed}-{part.number}")
    index = part.number % shape.case_teams_per_kind
    teams = tuple(shape.case_team(kind, index) for kind in CASE_TEAMS)
    early_help = shape.early_help_team(part.number % shape.early_help_teams)
    with (
        clock.held_at(_moment(part.day)),
        _patched(families, "CASE_TEAMS", teams),
        _patched(earlyhelp_demo, "TEAM", early_help),
        _patched(families, "generate_nhs_number", _nhs_numbers(issued)),
        _patched(uuid, "uuid4", lambda: uuid.UUID(int=rng.getrandbits(128), version=4)),
        transaction.atomic(),
    ):
        if built is not None:
            _age(random.Random(f"{seed}-{part.number}-ageing"), built, part.number)
        before = Person.objects.aggregate(last=Max("pk"))["last"] or 0
        # As seed_demo does, in its order (see its comments).
        made = families.create_families(rng, part.children)
        families.restrict_some(rng, made)
        frontdoor_demo.populate(rng, made)
        protection_demo.populate(rng, made)
        cin_demo.populate(rng, made, assess=assessments_demo.assess)
        casework_demo.populate(rng, made)
        earlyhelp_demo.populate(rng, made)
        looked_after.populate(rng, made)
        return list(Person.objects.filter(pk__gt=before).values_list("pk", flat=True))


def _age(rng: random.Random, built: list[list[int]], number: int) -> None:
    for said, times in ageing.age(rng, built, number).items():
        print(f"  ageing: {times} people's work kept open: {said}", flush=True)


def _moment(day: dt.date) -> dt.datetime:
    """Late afternoon on the day: the demo backdates its steps to earlier."""
    return clock.start_of(day) + dt.timedelta(hours=17, minutes=30)


@contextmanager
def _patched(module: Any, name: str, value: Any) -> Iterator[None]:
    before = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, before)
