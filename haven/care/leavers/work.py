"""The personal adviser's items on My work (a work source, declared in the
leavers' plugin): the visits (CL-PA-VISIT-*) and the pathway plan reviews
(CL-PATHWAY-REVIEW) due for the young people whose personal adviser a worker
is now. The dates are the engine's obligations; the social worker, while
there is one, has them from the engine's own source, so an adviser who is
also the young person's social worker is not given them twice."""

from collections.abc import Sequence

from django.db.models import Exists, F, OuterRef

from haven.core.caseroles import CaseRole
from haven.core.links import link
from haven.core.models import Allocation, User
from haven.core.work import WorkItem
from haven.timescales.models import Obligation
from haven.timescales.queue import why_words
from haven.timescales.registry import ACTIVE

KIND = "Care leaver's support"
ADVISER_RULES = ("CL-PA-VISIT-1", "CL-PA-VISIT-N", "CL-PATHWAY-REVIEW")


def advisers_work(workers: Sequence[User]) -> list[WorkItem]:
    """The care leavers' duties due for these workers as personal adviser."""
    also_social_worker = Allocation.objects.filter(
        person_id=OuterRef("person_id"),
        role=CaseRole.SOCIAL_WORKER,
        ended_on__isnull=True,
        worker_id=OuterRef("worker_id"),
    )
    rows = (
        Obligation.objects.filter(
            status=Obligation.Status.DUE,
            rule_id__in=ADVISER_RULES,
            person__merged_into__isnull=True,
            # One filter() call: every condition on the same allocation row.
            person__allocations__role=CaseRole.PERSONAL_ADVISER,
            person__allocations__ended_on__isnull=True,
            person__allocations__worker__in=workers,
        )
        .annotate(worker_id=F("person__allocations__worker"))
        .exclude(Exists(also_social_worker))
        .values(
            "rule_id",
            "subject",
            "due_on",
            "person_id",
            "worker_id",
            "person__given_name",
            "person__family_name",
        )
    )
    return [
        WorkItem(
            worker_id=row["worker_id"],
            kind=KIND,
            title=ACTIVE[row["rule_id"]].action,
            url=link(ACTIVE[row["rule_id"]].url_name, int(row["subject"])),
            due_on=row["due_on"],
            person_id=row["person_id"],
            person_name=f"{row['person__given_name']} {row['person__family_name']}",
            source=why_words(row["rule_id"]),
            rule_id=row["rule_id"],
        )
        for row in rows
    ]
