"""Earliest dates: the first day something may be done, counted from its
trigger by the catalogue (`Rule.earliest`) or by the council's own value for a
configurable rule (a RuleSetting, whose deadline field then holds the earliest
offset). Shown beside the record with the rule's source and whose value it is;
never an obligation, so never due or overdue."""

import datetime as dt
from dataclasses import dataclass

from haven.timescales import engine
from haven.timescales.catalogue import Rule, rule
from haven.timescales.deadlines import Deadline


@dataclass(frozen=True)
class Earliest:
    """The first day, and the words for where it comes from."""

    day: dt.date
    after: str  # "10 weeks"
    rule: Rule
    local: bool  # the council's own value, not the catalogue's

    @property
    def source(self) -> str:
        checked = " (to be verified)" if self.rule.verify and not self.local else ""
        whose = "the council's own value; " if self.local else ""
        return f"{whose}{self.rule.source}{checked}"


def earliest_from(rule_id: str, trigger_day: dt.date) -> Earliest | None:
    """The rule's earliest date for a trigger on `trigger_day`; None for a rule
    with none."""
    found = rule(rule_id)
    setting = engine.setting_on(engine.settings_by_rule(), rule_id, trigger_day)
    offset = Deadline.parse(setting.deadline) if setting else found.earliest
    if offset is None:
        return None
    return Earliest(
        offset.due_from(trigger_day), str(offset), found, setting is not None
    )
