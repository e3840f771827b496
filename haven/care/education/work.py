"""The virtual school officer's work: the personal education plans due
(LAC-PEP, LAC-PEP-REVIEW) for the children allocated to them. The social
worker has these from the timescale engine's own source; the virtual school
officer, who holds the child as a case role, has them here (as the IRO has
the reviews, haven/care/reviews/work.py)."""

from collections.abc import Sequence

from django.db.models import F

from haven.core.caseroles import CaseRole
from haven.core.links import link
from haven.core.models import User
from haven.core.work import WorkItem
from haven.timescales.models import Obligation
from haven.timescales.queue import why_words
from haven.timescales.registry import ACTIVE

PEP_RULES = ("LAC-PEP", "LAC-PEP-REVIEW")


def peps_due(workers: Sequence[User]) -> list[WorkItem]:
    """The PEPs due for the children whose virtual school officer these
    workers are now, in one query."""
    rows = (
        Obligation.objects.filter(
            status=Obligation.Status.DUE,
            rule_id__in=[rule for rule in PEP_RULES if rule in ACTIVE],
            person__merged_into__isnull=True,
            # One filter() call: every condition on the same allocation row.
            person__allocations__role=CaseRole.VIRTUAL_SCHOOL,
            person__allocations__ended_on__isnull=True,
            person__allocations__worker__in=workers,
        )
        .annotate(worker_id=F("person__allocations__worker"))
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
            kind="Personal education plan",
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
