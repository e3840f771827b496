"""The personal adviser's items on My work (a work source, declared in the
leavers' plugin): the visits (CL-PA-VISIT-*), the pathway plan and its reviews
(CL-ELIG-PATHWAY, CL-PATHWAY-REVIEW) and a relevant child's needs assessment
(CL-REL-ASSESS) due for the young people whose personal adviser a worker
is now. The dates are the engine's obligations; the social worker, while
there is one, has them from the engine's own source, so an adviser who is
also the young person's social worker is not given them twice."""

from collections.abc import Sequence

from haven.core.caseroles import CaseRole
from haven.core.models import User
from haven.core.work import WorkItem
from haven.timescales.role_work import due_to_role_holders

KIND = "Care leaver's support"
# The catalogue gives these to the personal adviser (alone, or with the local
# authority or the social worker); CL-ELIG-ASSESS is the social worker's.
ADVISER_RULES = (
    "CL-PA-VISIT-1",
    "CL-PA-VISIT-N",
    "CL-PA-VISIT-PRE",
    "CL-PATHWAY-REVIEW",
    "CL-REL-ASSESS",
    "CL-23CA-ASSESS",
    "CL-ELIG-PATHWAY",
)


def advisers_work(workers: Sequence[User]) -> list[WorkItem]:
    """The care leavers' duties due for these workers as personal adviser."""
    return due_to_role_holders(
        workers,
        role=CaseRole.PERSONAL_ADVISER,
        rule_ids=ADVISER_RULES,
        kind=KIND,
        unless_social_worker=True,
    )
