"""A child's child protection history on their page (a person section,
plugin.py): every plan, with its start and end, its categories of abuse
(initial and latest) and why it ended; and how many plans the child has had,
counted from history, with those recorded elsewhere (another authority, or
the system before Haven) kept as recorded."""

from dataclasses import dataclass
from typing import Any

from haven.core import few
from haven.core.models import User
from haven.people.models import Person
from haven.protection.models import ChildProtectionPlan


@dataclass(frozen=True)
class History:
    plans: list[ChildProtectionPlan]  # oldest first

    @property
    def here(self) -> int:
        return len(self.plans)

    @property
    def elsewhere(self) -> int:
        """Plans recorded outside Haven: the latest plan's count of earlier
        plans (CIN census NumberOfPreviousCPP, which carries them) beyond
        those Haven holds."""
        latest = self.plans[-1]
        return max(latest.previous_plans - (self.here - 1), 0)

    @property
    def total(self) -> int:
        return self.here + self.elsewhere


def person_section(
    person: Person, user: User, record_ids: list[int]
) -> dict[str, Any] | None:
    """None for a child who has never had a plan: the page leaves it out."""
    plans = few.of(
        "protection.history.plans",
        ChildProtectionPlan,
        record_ids,
        lambda ids: (
            ChildProtectionPlan.objects.filter(person_id__in=ids)
            .select_related("starting_conference", "end_conference")
            .order_by("started_on", "pk")
        ),
    )
    if not plans:
        return None
    return {"person": person, "history": History(plans)}
