"""What a new version of any plan must say about the one it supersedes: the
next number in the chain, what changed and why, and an agreement no earlier
than the last one's."""

import datetime as dt
from dataclasses import dataclass
from typing import Generic, TypeVar

from haven.care import inputs
from haven.care.models.plans import PlanVersion
from haven.core.errors import Failures

V = TypeVar("V", bound=PlanVersion)


@dataclass(frozen=True)
class Next(Generic[V]):
    """Where a new version goes: its number and the version it supersedes."""

    number: int
    supersedes: V | None


def following(
    latest: V | None,
    *,
    agreed_on: dt.date | None,
    what_changed: str,
    failures: Failures,
) -> Next[V]:
    """The place of a new version after `latest` (None: the first), adding a
    failure for a missing reason or an agreement before the last one's."""
    if latest is None:
        return Next(1, None)
    if not what_changed.strip():
        failures.add(
            "what_changed_required",
            "Say what changed in the plan since the last version, and why",
            field="what_changed",
        )
    if agreed_on is not None and agreed_on < latest.agreed_on:
        failures.add(
            "agreed_before_last_version",
            f"Version {latest.number} was agreed on "
            f"{inputs.words(latest.agreed_on)}: a new version is agreed on that "
            "day or later",
            field="agreed_on",
        )
    return Next(latest.number + 1, latest)


def required(
    sections: dict[str, str], words: dict[str, str], failures: Failures
) -> None:
    """Each section of a plan must say something ("None identified" will do)."""
    for name, text in sections.items():
        if not text.strip():
            failures.add(f"{name}_required", words[name], field=name)
