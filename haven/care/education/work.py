"""The virtual school officer's work: the personal education plans due
(LAC-PEP, LAC-PEP-REVIEW) for the children allocated to them. The social
worker has these from the timescale engine's own source; the virtual school
officer, who holds the child as a case role, has them here (as the IRO has
the reviews, haven/care/reviews/work.py)."""

from collections.abc import Sequence

from haven.core.caseroles import CaseRole
from haven.core.models import User
from haven.core.work import WorkItem
from haven.timescales.role_work import due_to_role_holders

PEP_RULES = ("LAC-PEP", "LAC-PEP-REVIEW")


def peps_due(workers: Sequence[User]) -> list[WorkItem]:
    """The PEPs due for the children whose virtual school officer these
    workers are now, in one query."""
    return due_to_role_holders(
        workers,
        role=CaseRole.VIRTUAL_SCHOOL,
        rule_ids=PEP_RULES,
        kind="Personal education plan",
    )
