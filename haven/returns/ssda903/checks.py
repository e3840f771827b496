"""Haven's own checks of the SSDA903 rules its tables can show cheaply
(returns.md 2.6), each fault in a social worker's words with the child's
Haven ID and a link to the record to put right. Most of these are refused
when the record is made (haven.care.history.check); finding one here means
a record older than that check, an import, or a fact another app holds.

The episode rules are in checks_episodes.py, the others' in checks_tables.py."""

from typing import Any

from haven.returns.registry import Fault
from haven.returns.ssda903 import checks_episodes, checks_tables
from haven.returns.ssda903.loading import Year


def faults(
    loaded: Year, found: dict[str, list[dict[str, Any]]], left_out: list[int]
) -> list[Fault]:
    return [
        *checks_episodes.faults(loaded),
        *checks_tables.faults(loaded, found, left_out),
    ]
