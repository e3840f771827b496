"""The content of a child protection plan: its concerns, each with what must
change, what the family and each agency will do, by when, how progress will
be seen and what happens if it does not (issue 13). The plan is written at the
initial conference and developed by the core group, so its concerns change:
each change is journaled with what changed, and the journal is their history.

Journal event:
  protection.plan_concerns_set {"plan", "episode", "added": [positions],
      "changed": {position: [fields]}, "removed": [positions]}
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from django.db import transaction

from haven.cin.services import may_do_casework, open_locked
from haven.core import clock, journal
from haven.core.errors import Failures
from haven.core.models import User
from haven.protection.models import ChildProtectionPlan, PlanConcern
from haven.protection.plans import lock_open

# What each part of a concern is called when it is missing.
PARTS = {
    "concern": "say what the concern is",
    "what_must_change": "say what must change",
    "family_will": "say what the family will do",
    "agencies_will": "say what each agency will do",
    "progress_seen": "say how progress will be seen",
    "if_not": "say what happens if it does not change",
}


@dataclass(frozen=True)
class Concern:
    """One concern as typed."""

    concern: str = ""
    what_must_change: str = ""
    family_will: str = ""
    agencies_will: str = ""
    by_when: dt.date | None = None
    progress_seen: str = ""
    if_not: str = ""

    def blank(self) -> bool:
        return not any(
            str(value).strip() for value in asdict(self).values() if value is not None
        )


def _check_one(
    plan: ChildProtectionPlan, index: int, typed: Concern, failures: Failures
) -> None:
    number = index + 1
    for name, words in PARTS.items():
        if not str(getattr(typed, name)).strip():
            failures.add(
                f"{name}_required",
                f"Concern {number}: {words}",
                field=f"concerns.{index}.{name}",
            )
    if typed.by_when is None:
        failures.add(
            "by_when_required",
            f"Concern {number}: enter the date by when it must change",
            field=f"concerns.{index}.by_when",
        )
    elif typed.by_when < plan.started_on:
        failures.add(
            "by_when_too_early",
            f"Concern {number}: the date by when it must change must be on or "
            f"after the plan started ({plan.started_on:%-d %B %Y})",
            field=f"concerns.{index}.by_when",
        )


def check_concerns(
    plan: ChildProtectionPlan, typed: Sequence[Concern]
) -> list[Concern]:
    """The concerns typed, blank rows left out; every fault named with its row,
    counted as the user sees them."""
    failures = Failures()
    kept = []
    for index, row in enumerate(typed):
        if row.blank():
            continue
        _check_one(plan, index, row, failures)
        kept.append(row)
    if not kept:
        failures.add(
            "concerns_required",
            "Add at least one concern: what must change and who will do what",
            field="concerns",
        )
    failures.raise_any()
    return [_stripped(row) for row in kept]


def _stripped(row: Concern) -> Concern:
    values: dict[str, Any] = {
        k: v.strip() if isinstance(v, str) else v for k, v in asdict(row).items()
    }
    return Concern(**values)


def _changes(
    held: dict[int, PlanConcern], wanted: list[Concern]
) -> tuple[list[int], dict[str, list[str]], list[int]]:
    added, changed = [], {}
    for position, row in enumerate(wanted, start=1):
        old = held.get(position)
        if old is None:
            added.append(position)
            continue
        differ = [k for k, v in asdict(row).items() if getattr(old, k) != v]
        if differ:
            changed[str(position)] = differ
    removed = [p for p in sorted(held) if p > len(wanted)]
    return added, changed, removed


def set_concerns(
    plan: ChildProtectionPlan, typed: Sequence[Concern], *, by: User
) -> list[PlanConcern]:
    """Set the open plan's concerns to those typed, in order, and journal what
    changed (nothing is journaled when nothing did)."""
    may_do_casework(by, plan.person)
    wanted = check_concerns(plan, typed)
    with transaction.atomic():
        open_locked(plan.episode)
        plan = lock_open(plan)
        held = {c.position: c for c in plan.concerns.select_for_update()}
        added, changed, removed = _changes(held, wanted)
        if not (added or changed or removed):
            return list(plan.concerns.all())
        PlanConcern.objects.filter(plan=plan, position__in=removed).delete()
        for position, row in enumerate(wanted, start=1):
            PlanConcern.objects.update_or_create(
                plan=plan, position=position, defaults=asdict(row)
            )
        journal.append(
            plan.person,
            "protection.plan_concerns_set",
            {
                "plan": plan.pk,
                "episode": plan.episode_id,
                "added": added,
                "changed": changed,
                "removed": removed,
            },
            by=by,
            occurred_at=clock.now(),
        )
    return list(plan.concerns.all())
