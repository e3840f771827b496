"""Every statutory timescale Haven knows, as data.

One `Rule` per row of the rules tables in the timescales research note
(/work/shared/domain/timescales.md, section 1). Rows that hold two deadlines with
different triggers are split (ADO-STAGE1 / ADO-STAGE2, PF-NOTIFY-ARRIVAL /
PF-NOTIFY-END, SEN-PHASE / SEN-PHASE-POST16, CMP-S3-REPORT / CMP-S3-RESPONSE).

Each rule names the event that starts its clock (`trigger`, one of `TRIGGERS`) and
the app that will register it (`capability`). The engine compares dates only: a
period given in hours (72 hours, 48 hours) is the calendar day on which it ends.

`status` is the authority of the deadline the rule computes; where a row mixes a
national duty with a local timescale (CP-STRAT, LAC-IRO-APPT) the local timescale
decides it and the description says which part is national. Rules marked VERIFY in
the note (wording taken from secondary sources, not checked against the primary
text) and local-policy rules are `configurable`, so each local authority can set
its own value and the UI can say the national text is unconfirmed.

The rows live in one module per section of the note; this module gathers them.
"""

from collections.abc import Mapping
from types import MappingProxyType

from haven.timescales.catalogue import (
    adoption_and_fostering,
    care_leavers,
    childrens_homes,
    complaints,
    court,
    front_door,
    looked_after,
    looked_after_visits,
    send,
)
from haven.timescales.catalogue.model import (
    CAPABILITIES,
    STATUS_WORDS,
    Recurrence,
    Rule,
    Status,
)
from haven.timescales.catalogue.triggers import TRIGGERS

__all__ = [
    "CAPABILITIES",
    "RULES",
    "STATUS_WORDS",
    "TRIGGERS",
    "Recurrence",
    "Rule",
    "Status",
    "rule",
    "rules_triggered_by",
]

RULES: tuple[Rule, ...] = (
    *front_door.RULES,
    *looked_after.RULES,
    *looked_after_visits.RULES,
    *care_leavers.RULES,
    *adoption_and_fostering.RULES,
    *court.RULES,
    *childrens_homes.RULES,
    *send.RULES,
    *complaints.RULES,
)

_RULES_BY_ID: Mapping[str, Rule] = MappingProxyType({r.id: r for r in RULES})


def rule(rule_id: str) -> Rule:
    """The rule with this id, e.g. rule("ASSESS-CF"); KeyError if there is none."""
    try:
        return _RULES_BY_ID[rule_id]
    except KeyError:
        raise KeyError(f"No timescale rule {rule_id!r}") from None


def rules_triggered_by(event: str) -> tuple[Rule, ...]:
    """The rules whose clock the event starts, in catalogue order."""
    return tuple(r for r in RULES if r.trigger == event)
