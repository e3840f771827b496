"""The social worker's visits to a demo child on a child protection plan,
recorded through the casework visit service (a visit note, the child seen) at
the council's CP-VISIT frequency, each a day or two before the next falls due.

Most children are visited as the plan says; on about one plan in LAPSED the
visits stopped a few weeks before today, so that CP-VISIT is overdue for a few
children, as it is in any authority. Each plan's draws come from its own
generator (seeded by the plan), so the rest of the demo draws as it did before
the visits were recorded.
"""

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from haven.casework import services as casework
from haven.casework.codes import NoteKind
from haven.casework.seeing import Alone, Seen
from haven.casework.visits import BedroomSeen, Visit, VisitPlace
from haven.cin.demo import clock_at
from haven.core import clock
from haven.core.models import User
from haven.protection.models import ChildProtectionPlan
from haven.timescales.calendar import is_working_day
from haven.timescales.selectors import falls_due_again

LAPSED = 10
BODIES = (
    "Saw the child at home and spoke with them alone in their bedroom. They "
    "said things at home were calmer; the kitchen had food and the home was warm.",
    "Visited after school. The child showed me their reading book and said "
    "they were sleeping better. Mum said the parenting group had helped.",
    "Unannounced visit. The child was seen alone and talked about a row at "
    "the weekend; discussed the safety plan with mum again.",
    "Saw the child with the health visitor. Weight is up since last month; "
    "the home was tidy and the baby's cot was in use.",
)


@dataclass
class Visits:
    """Where each plan's visits have got to (its last visit, by plan id)."""

    again: Callable[[dt.date], dt.date] = field(
        default_factory=lambda: falls_due_again("CP-VISIT")
    )
    last: dict[int, dt.date] = field(default_factory=dict)

    def until(self, plan: ChildProtectionPlan, day: dt.date, by: User) -> None:
        """The plan's visits before `day` and before today."""
        if plan.person.is_unborn:
            return  # the mother is seen; the child cannot be
        last = self.last.get(plan.pk, plan.started_on)
        rng = random.Random(f"cp-visits-{plan.pk}-{last}")
        stop = min(day, clock.today())
        lapsed = random.Random(plan.pk)
        if day > clock.today() and lapsed.randrange(LAPSED) == 0:
            stop -= dt.timedelta(days=lapsed.randint(20, 35))
        while (visit := _before(self.again(last), rng)) < stop:
            if visit > last:
                record(plan, visit, rng, by)
                last = visit
            else:  # the interval is under a few days: on the day it is due
                last = self.again(last)
        self.last[plan.pk] = last


def _before(due: dt.date, rng: random.Random) -> dt.date:
    """A working day up to three days before `due`."""
    day = due - dt.timedelta(days=rng.randint(0, 3))
    while not is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def record(
    plan: ChildProtectionPlan, day: dt.date, rng: random.Random, by: User
) -> None:
    alone = Alone.YES if rng.random() < 0.8 else Alone.NO
    with clock_at(day, 15):
        casework.record_note(
            [plan.person],
            kind=NoteKind.VISIT,
            occurred_at=clock.now(),
            subject="Child protection visit",
            body=rng.choice(BODIES),
            seen=Seen(True, alone, "Mum would not leave the room."),
            visit=Visit(
                statutory=True,
                place=VisitPlace.HOME,
                announced=rng.random() < 0.5,
                bedroom_seen=BedroomSeen.YES,
            ),
            by=by,
        )
