"""What a plan's changes make live: the catalogue's amendment, phase
transfer and tribunal rules (the SEND team's, so off social workers'
queues), and their events' chronology words. Imported by haven/send/plugin.py.

The three transfer rules read different payload keys (codes.RULE_OF), so
the one trigger event type SEN-PHASE and SEN-PHASE-POST16 share starts only
the rule of the transfer's phase. Ceasing the plan ends them all: the
plan_ceased event carries none of their keys, so it ends every open one."""

from collections.abc import Callable
from typing import Any

from haven.core.chronology import describe_events
from haven.send import permissions
from haven.send.changes.codes import AppealOutcome, Disputed, OrderType, Phase
from haven.send.chronology import _label
from haven.timescales.registry import activate

ISSUED = "send.amended_plan_issued"
CEASED = ("send.plan_ceased",)

for rule_id, key, met_by, action, url_name in (
    (
        "SEN-AMEND",
        "amendment",
        (ISSUED,),
        "Issue the final amended EHC plan",
        "send:amendment_issue",
    ),
    (
        "SEN-PHASE",
        "phase_transfer",
        (ISSUED,),
        "Amend the EHC plan to name the next school",
        "send:transfer_amend",
    ),
    (
        "SEN-PHASE-POST16",
        "post16_transfer",
        (ISSUED,),
        "Amend the EHC plan to name the post-16 institution",
        "send:transfer_amend",
    ),
    (
        "SEN-POST16-MOVE",
        "post16_move",
        (ISSUED,),
        "Amend the EHC plan to name the new post-16 institution",
        "send:transfer_amend",
    ),
    (
        "SEN-TRIBUNAL",
        "appeal",
        ("send.tribunal_order_complied",),
        "Carry out the tribunal's order",
        "send:appeal_comply",
    ),
):
    activate(
        rule_id,
        key=key,
        met_by=met_by,
        ended_by=CEASED,
        action=action,
        url_name=url_name,
        may_act=permissions.may_manage_ehc,
        social_workers=False,
    )

WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "send.amendments_proposed": lambda p: "Proposed amendments to the EHC plan sent",
    ISSUED: lambda p: "Final amended EHC plan issued",
    "send.phase_transfer_window_opened": lambda p: (
        "Phase transfer planned: " + _label(Phase, p.get("phase")).lower()
    ),
    "send.post16_transfer_planned": lambda p: (
        f"Move between post-16 institutions planned for {p.get('transfer_date')}"
    ),
    "send.plan_transferred_in": lambda p: (
        f"EHC plan transferred in from local authority {p.get('la')}"
    ),
    "send.request_exported": lambda p: (
        f"EHC needs assessment request passed to local authority {p.get('la')}"
    ),
    "send.mediation_recorded": lambda p: (
        "Mediation on " + _label(Disputed, p.get("disputed")).lower()
    ),
    "send.appeal_registered": lambda p: (
        "Tribunal appeal registered on " + _label(Disputed, p.get("disputed")).lower()
    ),
    "send.appeal_decided": lambda p: (
        "Tribunal appeal decided: " + _label(AppealOutcome, p.get("outcome")).lower()
    ),
    "send.tribunal_order_made": lambda p: (
        "Tribunal ordered: " + _label(OrderType, p.get("order_type")).lower()
    ),
    "send.tribunal_order_complied": lambda p: "Tribunal order carried out",
}
describe_events(WORDS)
