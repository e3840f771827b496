"""The demo's plan details: a consulted school's reply on the way to the plan,
and on each final plan its main setting's flags, the child's placements over
time and, on some, a personal budget and a residential code. Dates count back
from today, so the demo builds the same on any day. A generator per child of
its own, so send/demo.py's own draws stay as they were."""

import datetime as dt
import random

from haven.core import clock
from haven.core.models import Establishment, User
from haven.send import consultation, details, details_placements
from haven.send.details import Arrangements, WhereGiven
from haven.send.models import EhcPlan, EhcRequest


def _ago(days: int) -> dt.date:
    return clock.today() - dt.timedelta(days=days)


def consult(
    request: EhcRequest, decided: int, schools: list[Establishment], by: User
) -> None:
    """The school the plan will name, asked 5 days after the decision to
    issue (`decided` days ago) and answering 3 days later."""
    rng = random.Random(f"send-details-{request.person_id}")
    school = rng.choice(schools)
    asked = consultation.consult_setting(
        request, school=str(school.urn), asked_on=_ago(decided - 5), by=by
    )
    consultation.record_reply(
        asked,
        replied_on=_ago(decided - 8),
        answer="Y",
        reply="Synthetic demo: can meet the child's needs with a SEN unit place.",
        by=by,
    )


def furnish(plan: EhcPlan, issued: int, schools: list[Establishment], by: User) -> None:
    """A final plan's details: the main setting's flags, a placement there
    from the plan's issue (after an earlier one for every other child), and
    a personal budget with a residential code on some."""
    rng = random.Random(f"send-details-{plan.person_id}")
    assert plan.setting is not None
    where = WhereGiven(school=str(plan.setting.urn), sen_unit=rng.random() < 0.3)
    details.name_setting(plan, rank=1, given=where, by=by)
    if rng.random() < 0.5:
        earlier = rng.choice([s for s in schools if s != plan.setting] or schools)
        details_placements.record_placement(
            plan,
            rank=1,
            given=WhereGiven(school=str(earlier.urn)),
            entered_on=_ago(issued + 400),
            left_on=_ago(issued + 1),
            by=by,
        )
    residential = "A" if rng.random() < 0.2 else ""
    details_placements.record_placement(
        plan,
        rank=1,
        given=where,
        entered_on=_ago(issued),
        residential=residential,
        by=by,
    )
    if rng.random() < 0.4:
        given = Arrangements(
            personal_budget=True,
            direct_payment=rng.choice(["E", "S", "I", ""]),
            residential=residential,
        )
        details.record_arrangements(plan, given=given, by=by)
