"""Adoption's events in the words a social worker reads in a chronology: the
steps and their dates, never the adopters (the chronology is read by everyone
who may open the child's record)."""

from collections.abc import Callable
from typing import Any

from haven.care.adoption import approval
from haven.care.adoption.codes import PlanCeased, PreviousPermanence
from haven.care.adoption.decisions import CEASED, DECIDED, PERMANENCE
from haven.care.adoption.sealed import ADOPTED, MATCHED, PLACED
from haven.care.adoption.timescales import AUTHORITY


def _words(choices: Any, code: object) -> str:
    try:
        return str(choices(code).label).lower()
    except ValueError:
        return "reason not recorded"


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    DECIDED: lambda p: "Decided that the child should be placed for adoption",
    CEASED: lambda p: f"Plan for adoption ended: {_words(PlanCeased, p.get('reason'))}",
    MATCHED: lambda p: "Matched with prospective adopters (held by the adoption team)",
    PLACED: lambda p: "Placed for adoption (address held by the adoption team)",
    ADOPTED: lambda p: "Adoption order made",
    AUTHORITY: lambda p: "The agency may now place the child for adoption",
    approval.REGISTERED: lambda p: "Registration of interest in adopting received",
    approval.STAGE_ONE: lambda p: "Stage 1 of the approval to adopt ended",
    approval.STAGE_TWO: lambda p: "Stage 2 of the approval to adopt started",
    approval.PANEL: lambda p: "The adoption panel's recommendation received",
    approval.DECIDED: lambda p: "The agency decision maker decided on approval",
    PERMANENCE: lambda p: (
        f"Previous permanence recorded: {_words(PreviousPermanence, p.get('code'))}"
    ),
}
