"""Duties due for the children a worker holds in a case role other than the
social worker's (the IRO's reviews, the virtual school officer's PEPs, the
personal adviser's visits), as My work items in one query. The social worker
has every duty from the engine's own work source; a role's holder has here
the duties that role does, read from the same obligations."""

from collections.abc import Sequence

from django.db.models import Exists, F, OuterRef, QuerySet

from haven.core.caseroles import CaseRole
from haven.core.links import link
from haven.core.models import Allocation, User
from haven.core.work import WorkItem
from haven.timescales.models import Obligation
from haven.timescales.queue import why_words
from haven.timescales.registry import ACTIVE


def due_to_role_holders(
    workers: Sequence[User],
    *,
    role: CaseRole,
    rule_ids: Sequence[str],
    kind: str,
    unless_social_worker: bool = False,
) -> list[WorkItem]:
    """The live rules' obligations due for the children these workers hold in
    `role` now. With `unless_social_worker`, not for a child whose social
    worker the holder also is (the engine's source gives them those already)."""
    rows = Obligation.objects.filter(
        status=Obligation.Status.DUE,
        rule_id__in=[rule for rule in rule_ids if rule in ACTIVE],
        person__merged_into__isnull=True,
        # One filter() call: every condition on the same allocation row.
        person__allocations__role=role,
        person__allocations__ended_on__isnull=True,
        person__allocations__worker__in=workers,
    ).annotate(worker_id=F("person__allocations__worker"))
    if unless_social_worker:
        rows = rows.exclude(Exists(_social_worker_too()))
    return [_item(row, kind) for row in rows.values(*FIELDS)]


FIELDS = (
    "rule_id",
    "subject",
    "due_on",
    "person_id",
    "worker_id",
    "person__given_name",
    "person__family_name",
)


def _social_worker_too() -> QuerySet[Allocation]:
    return Allocation.objects.filter(
        person_id=OuterRef("person_id"),
        role=CaseRole.SOCIAL_WORKER,
        ended_on__isnull=True,
        worker_id=OuterRef("worker_id"),
    )


def _item(row: dict, kind: str) -> WorkItem:
    rule = ACTIVE[row["rule_id"]]
    return WorkItem(
        worker_id=row["worker_id"],
        kind=kind,
        title=rule.action,
        url=link(rule.url_name, int(row["subject"])),
        due_on=row["due_on"],
        person_id=row["person_id"],
        person_name=f"{row['person__given_name']} {row['person__family_name']}",
        source=why_words(row["rule_id"]),
        rule_id=row["rule_id"],
    )
