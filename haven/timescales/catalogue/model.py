"""What a timescale rule is: its fields, the statuses and the capabilities.

The rules themselves are data, one module per section of the research note
(/work/shared/domain/timescales.md, section 1), gathered in `catalogue/__init__`.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from haven.timescales.catalogue.triggers import TRIGGERS
from haven.timescales.conditions import Condition, Sooner
from haven.timescales.deadlines import Deadline

Recurrence = Literal["once", "rolling", "per_event"]
Status = Literal["law", "statutory_guidance", "code_of_practice", "local_policy"]

STATUS_WORDS: Mapping[Status, str] = MappingProxyType(
    {
        "law": "Law (an Act or regulations)",
        "statutory_guidance": "Statutory guidance",
        "code_of_practice": "Code of practice",
        "local_policy": "Local policy",
    }
)

CAPABILITIES = (
    "frontdoor",
    "assessments",
    "protection",
    "cin",
    "care",
    "adoption",
    "fostering",
    "private_fostering",
    "court",
    "send",
    "complaints",
)


@dataclass(frozen=True, kw_only=True)
class Rule:
    """One statutory, guidance or local timescale.

    `deadline` is counted from the trigger date; it is None where the guidance gives
    no date a computer can work out ("as soon as practicable", "before the first
    review"), and the rule is then shown as guidance text.

    `recurrence` says how often the deadline falls:

    - "once": its trigger happens once in an episode of work (the child becomes
      looked after, section 47 enquiries start), so the deadline falls once;
    - "per_event": its trigger recurs in the ordinary course of a case (every
      contact, placement, review meeting or complaint), each with its own deadline;
    - "rolling": the duty repeats. The first deadline is counted from the trigger,
      then each time the duty is done the next one falls `interval` later, counted
      from the date it was actually done (research note, section 3).

    `condition`, when given, says when the rule applies: tested on the day the
    clock starts and each day a rolling duty falls due again, so rules that share
    a trigger divide the children between them (the visit regimes, the health
    review before and after the fifth birthday). `sooner` are further deadlines
    of which the earliest date decides ("... or 20 working days after the birth,
    whichever is sooner"). `counted_from` names a date in the trigger's payload
    from which the first deadline is counted instead of the trigger date (an
    assessment started late is still due 45 working days from the referral).

    `earliest`, when given, is an earliest date counted from the trigger: the
    first day something may be done, not a day by which it must be (adopters
    may apply for the adoption order only once the child has lived with them
    ten weeks). It is shown beside the record, and never falls due or overdue.
    """

    id: str
    description: str
    trigger: str
    deadline: Deadline | None
    recurrence: Recurrence
    interval: Deadline | None = None
    responsible: str
    status: Status
    verify: bool = False
    configurable: bool = False
    source: str
    capability: str
    condition: Condition | None = None
    sooner: tuple[Sooner, ...] = ()
    counted_from: str = ""
    earliest: Deadline | None = None

    def __post_init__(self) -> None:
        if self.trigger not in TRIGGERS:
            raise ValueError(f"{self.id}: unknown trigger {self.trigger!r}")
        if self.capability not in CAPABILITIES:
            raise ValueError(f"{self.id}: unknown capability {self.capability!r}")
        if self.interval is not None and self.recurrence != "rolling":
            raise ValueError(f"{self.id}: only a rolling rule has an interval")
        if self.earliest is not None and self.deadline is not None:
            raise ValueError(f"{self.id}: an earliest date is not also a deadline")
        if (self.verify or self.status == "local_policy") and not self.configurable:
            raise ValueError(f"{self.id}: local and VERIFY rules are configurable")


def d(notation: str) -> Deadline:
    """A deadline in the research note's notation: "+15 WD", "+3 m", "15 Feb"."""
    return Deadline.parse(notation)
