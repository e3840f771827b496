"""Management oversight: which policy period applies, and which cases are overdue.

Which children are subject to a child protection plan or looked after is not
known to this app: the apps that record those (later issues) declare, in their
plugin.py, a function returning a queryset of the person ids that get the
stricter ("cp_or_looked_after") period, for example

    stricter_oversight(lambda: Plan.objects.filter(ended_on=None).values("person_id"))

Every other allocated child gets the "other" period.

Oversight is a case supervision, or a management decision recorded on the
child's record, which the app recording it declares with `oversight_decision`:
a manager's decision on a contact at the front door, or a manager authorising
an assessment. These are read from the journal, so this app needs none of
those apps' tables.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from haven.casework.codes import OversightCategory
from haven.casework.models import OversightPolicy, Supervision
from haven.core import access, among, clock
from haven.core.caseroles import CaseRole
from haven.core.models import Allocation, JournalEvent, User

# The periods Haven installs (migration 0002) and falls back to if a council's
# database has none recorded: local policy, not law, so the page says so.
HAVEN_DEFAULT_WEEKS = {
    OversightCategory.CP_OR_LOOKED_AFTER: 4,
    OversightCategory.OTHER: 6,
}
HAVEN_DEFAULT_SOURCE = "Local policy (Haven default)"

# Each returns a queryset of person ids (a single `person_id`/`pk` column).
STRICTER: list[Callable[[], QuerySet[Any]]] = []


def stricter_oversight(source: Callable[[], QuerySet[Any]]) -> None:
    """Declare (in an app's plugin.py) children who get the stricter period."""
    STRICTER.append(source)


def stricter_person_ids() -> set[int]:
    ids: set[int] = set()
    for source in STRICTER:
        ids.update(int(pk) for pk in source().values_list(flat=True))
    return ids


def policy_on(category: str, on: dt.date | None = None) -> OversightPolicy:
    """The newest policy for the category that applies on the date."""
    on = on or clock.today()
    policy = (
        OversightPolicy.objects.filter(category=category, applies_from__lte=on)
        .order_by("-applies_from", "-recorded_at", "-pk")
        .first()
    )
    if policy is None:
        # Never a server error for a missing row: the installed default applies,
        # unsaved, so the report and the work queues keep working.
        policy = OversightPolicy(
            category=category,
            weeks=HAVEN_DEFAULT_WEEKS[OversightCategory(category)],
            source=HAVEN_DEFAULT_SOURCE,
            reason="No policy recorded; Haven's default applies",
            applies_from=dt.date(2000, 1, 1),
        )
    return policy


@dataclass(frozen=True)
class Decision:
    words: str  # what it was, for the report
    only_by_a_manager: bool  # it counts only when a manager recorded it


# Journal events that record a management decision on the child's case, by
# event type, as the apps recording them declare them.
DECISIONS: dict[str, Decision] = {}
MANAGER_PERMISSION = "manage_team_cases"


def oversight_decision(
    event_type: str, words: str, *, only_by_a_manager: bool = False
) -> None:
    """Declare (in an app's plugin.py) an event that is management oversight:
    a contact decision counts when a manager made it, an authorisation always."""
    if event_type in DECISIONS:
        raise ImproperlyConfigured(f"Oversight by {event_type} is declared twice")
    DECISIONS[event_type] = Decision(words, only_by_a_manager)


def _decisions_on_record() -> QuerySet[JournalEvent]:
    """Management decisions on the outer row's child or a record merged into it."""
    by_manager = Q(actor__groups__permissions__codename=MANAGER_PERMISSION) | Q(
        actor__is_superuser=True
    )
    decided = Q(pk__in=[])
    for event_type, decision in DECISIONS.items():
        if decision.only_by_a_manager:
            decided |= Q(by_manager, type=event_type)
        else:
            decided |= Q(type=event_type)
    return JournalEvent.objects.filter(
        Q(person=OuterRef("person")) | Q(person__merged_into=OuterRef("person")),
        decided,
    ).order_by("-occurred_at")


@dataclass(frozen=True)
class OverdueCase:
    allocation: Allocation
    category: str
    weeks: int
    last_supervision: dt.date | None  # None: no supervision was ever recorded
    due_on: dt.date
    last_oversight: dt.date | None = None  # supervision or management decision
    last_oversight_was: str = ""  # what it was, in words

    @property
    def category_words(self) -> str:
        return str(OversightCategory(self.category).label)


def overdue_for(user: User, on: dt.date | None = None) -> list[OverdueCase]:
    """Children allocated to the user's teams whose oversight is past due, most
    overdue first.

    Oversight is due the policy period after the latest recorded supervision or
    management decision (on the child's record or a record merged into it) or,
    for a child with neither, after the current allocation started: a newly
    allocated case is not overdue from its first day.
    """
    on = on or clock.today()
    teams = access.team_ids_for(user)
    latest = (
        Supervision.objects.filter(
            Q(person=OuterRef("person")) | Q(person__merged_into=OuterRef("person"))
        )
        .order_by("-held_on")
        .values("held_on")[:1]
    )
    allocations = (
        Allocation.objects.filter(
            team_id__in=teams, role=CaseRole.SOCIAL_WORKER, ended_on__isnull=True
        )
        .select_related("person", "worker", "team")
        .annotate(
            last_supervision=Subquery(latest),
            last_decision_at=Subquery(_decisions_on_record().values("occurred_at")[:1]),
            last_decision_type=Subquery(_decisions_on_record().values("type")[:1]),
        )
    )
    held = list(allocations)
    # Which children the user may open, once the team's few are known: as a
    # subquery, access would be worked out for everyone on the register.
    openable = among.openable_among(user, {a.person_id for a in held}).openable
    stricter = stricter_person_ids()
    weeks = {
        category: policy_on(category, on).weeks for category in OversightCategory.values
    }
    found: list[OverdueCase] = []
    for allocation in (a for a in held if a.person_id in openable):
        category = (
            OversightCategory.CP_OR_LOOKED_AFTER
            if allocation.person_id in stricter
            else OversightCategory.OTHER
        )
        supervised: dt.date | None = allocation.last_supervision
        last, was = _last_oversight(allocation, supervised)
        due_on = (last or allocation.started_on) + dt.timedelta(weeks=weeks[category])
        if due_on < on:
            found.append(
                OverdueCase(
                    allocation,
                    str(category),
                    weeks[category],
                    supervised,
                    due_on,
                    last,
                    was,
                )
            )
    return sorted(found, key=lambda c: (c.due_on, c.allocation.pk))


def _last_oversight(
    allocation: Any, supervised: dt.date | None
) -> tuple[dt.date | None, str]:
    """The latest oversight of either kind, and what it was."""
    decided_at: dt.datetime | None = allocation.last_decision_at
    decided = timezone.localdate(decided_at) if decided_at else None
    if decided is not None and (supervised is None or decided > supervised):
        return decided, DECISIONS[allocation.last_decision_type].words
    return supervised, "Case supervision" if supervised else ""
