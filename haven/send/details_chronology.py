"""The plan details' and consultations' journal events in a chronology's words."""

from collections.abc import Callable
from typing import Any

from haven.send.codes import CanMeet, PlacementRank, SenSetting


def _where(p: dict[str, Any]) -> str:
    if p.get("urn"):
        return f"URN {p['urn']}"
    if p.get("ukprn"):
        return f"UKPRN {p['ukprn']}"
    code = p.get("sen_setting") or ""
    return str(SenSetting(code).label).lower() if code in SenSetting.values else code


def _rank(p: dict[str, Any]) -> str:
    rank = p.get("rank")
    return str(PlacementRank(rank).label).lower() if rank in (1, 2) else "setting"


def _answer(p: dict[str, Any]) -> str:
    answer = p.get("answer") or ""
    return str(CanMeet(answer).label).lower() if answer in CanMeet.values else ""


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "send.setting_named": lambda p: f"EHC plan names its {_rank(p)}: {_where(p)}",
    "send.plan_arrangements_recorded": lambda p: (
        "EHC plan's personal budget and codes recorded"
    ),
    "send.placement_recorded": lambda p: (
        f"Placement recorded ({_rank(p)}): {_where(p)}"
    ),
    "send.placement_ended": lambda p: "Placement ended",
    "send.setting_consulted": lambda p: (
        f"School or setting consulted about the EHC plan: URN {p.get('urn')}"
    ),
    "send.consultation_answered": lambda p: (
        f"Consulted school or setting (URN {p.get('urn')}) replied: {_answer(p)}"
    ),
}
