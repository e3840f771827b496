"""The demo's plan changes, on one child who has no social worker: a plan
transferred in from another authority, amended since, a phase transfer
opened today (so its date is always the coming one) and a tribunal appeal
awaiting its hearing. Every date is counted back from today, so the demo
builds alike whatever the day."""

import datetime as dt

from haven.core import clock
from haven.core.errors import DomainError
from haven.core.models import Establishment, User
from haven.people.models import Person
from haven.send import plans
from haven.send.changes import amendments, disputes, phase, transfers
from haven.send.codes import NeedType


def _ago(days: int) -> dt.date:
    return clock.today() - dt.timedelta(days=days)


def populate(child: Person, by: User, schools: list[Establishment]) -> None:
    text = plans.PlanText(
        sections={"a": "Synthetic demo: the child's views.", "b": "Demo needs."},
        setting=schools[0],
        primary_need=NeedType.SLCN,
    )
    plan = transfers.transfer_in(
        child, previous_la="202", transferred_on=_ago(200), text=text, by=by
    )
    amendment = amendments.propose(
        plan,
        proposed="Synthetic demo: speech therapy twice a week in section F.",
        sent_on=_ago(60),
        by=by,
    )
    amendments.issue(
        amendment, on=_ago(30), changes="Section F: speech therapy twice a week", by=by
    )
    # This year's transfer until its date has passed, then next year's: the
    # service refuses the year the engine's date does not fall in.
    for year in (clock.today().year, clock.today().year + 1):
        try:
            phase.open_transfer(
                plan, phase="primary", transfer_year=year, on=_ago(0), by=by
            )
            break
        except DomainError:
            continue
    disputes.register_appeal(
        plan.request,
        disputed="content",
        registered_on=_ago(20),
        hearing_on=_ago(-40),
        by=by,
    )
