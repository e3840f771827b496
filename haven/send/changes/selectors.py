"""Reads of a plan's changes for the request page and the SEND officer's
queue. Every due date is the engine's obligation's."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from haven.core import access
from haven.core.models import User
from haven.people.models import Person
from haven.send import access as send_access
from haven.send.changes.codes import RULE_OF
from haven.send.changes.disputes import sen2_flags
from haven.send.models import EhcRequest
from haven.timescales.models import Obligation
from haven.timescales.registry import ACTIVE

RULES = (
    "SEN-AMEND",
    "SEN-PHASE",
    "SEN-PHASE-POST16",
    "SEN-POST16-MOVE",
    "SEN-TRIBUNAL",
)


def _due(person_id: int) -> dict[tuple[str, str], dt.date]:
    """Each of the child's obligations under these rules, by rule and subject
    (met ones too: a transfer's statutory date, SEN2 5.6a, stays shown)."""
    rows = Obligation.objects.filter(person_id=person_id, rule_id__in=RULES)
    return {(o.rule_id, o.subject): o.due_on for o in rows}


def of_request(ehc: EhcRequest) -> dict[str, Any]:
    """What the request page shows of the plan's changes."""
    due = _due(ehc.person_id)
    plan = getattr(ehc, "plan", None)
    amendments = list(plan.amendments.all()) if plan else []
    for a in amendments:
        a.due_on = due.get(("SEN-AMEND", str(a.pk)))
    transfers = list(plan.transfers.select_related("named")) if plan else []
    for t in transfers:
        rule_id = RULE_OF[t.phase][0]
        t.due_on = due.get((rule_id, str(t.pk)))
    appeals = list(ehc.appeals.all())
    for appeal in appeals:
        appeal.due_on = due.get(("SEN-TRIBUNAL", str(appeal.pk)))  # type: ignore[attr-defined]
    return {
        "amendments": amendments,
        "transfers": transfers,
        "ceasing": getattr(plan, "ceasing", None) if plan else None,
        "transfer_in": getattr(ehc, "transfer_in", None),
        "export": getattr(ehc, "export", None),
        "mediations": list(ehc.mediations.all()),
        "appeals": appeals,
        "flags": sen2_flags(ehc),
    }


@dataclass
class DueRow:
    person: Person
    action: str
    due_on: dt.date
    url_name: str
    subject: str
    unnamed: bool


def due_for(user: User) -> list[DueRow]:
    """The open plan-change duties of the children the officer's team holds."""
    held = send_access.held_by_team(user)
    open_ = (
        Obligation.objects.filter(
            rule_id__in=RULES, status=Obligation.Status.DUE, person_id__in=held
        )
        .select_related("person")
        .order_by("due_on", "pk")
    )
    rows = list(open_)
    hidden = access.unnamed_for(user, [o.person_id for o in rows])
    return [
        DueRow(
            o.person,
            ACTIVE[o.rule_id].action,
            o.due_on,
            ACTIVE[o.rule_id].url_name,
            o.subject,
            o.person_id in hidden,
        )
        for o in rows
    ]
