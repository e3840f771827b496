"""The reviews' items on work queues (work sources, declared in the care
plugin): the IRO's recommendations on their owners' My work until marked
done, and the reviews due for the children whose IRO a worker is.

A recommendation's date is the one the IRO set at the review: no national
or local rule counts it, so it is the recommendation's own (as a
supervision's actions are), not a timescale obligation. The reviews' dates
are the engine's obligations (LAC-REVIEW-1, -2, -N): the social worker has
them from the engine's own source; the IRO, who chairs, has them here."""

from collections.abc import Sequence

from haven.care.models import Recommendation
from haven.care.reviews.reads import REVIEW_RULES
from haven.core.caseroles import CaseRole
from haven.core.links import link
from haven.core.models import User
from haven.core.work import WorkItem
from haven.timescales.role_work import due_to_role_holders

RECOMMENDATION = "IRO recommendation"
REVIEW = "Review to chair"
# The IRO chairs the reviews and sends out their decisions, the reviews of a
# child authorised to be, or placed for adoption among them (AAR reg 36).
IRO_RULES = (
    *REVIEW_RULES,
    "LAC-IRO-RECORD",
    "ADO-REVIEW-UNPLACED",
    "ADO-REVIEW-PLACED",
)


def _name(given: str, family: str) -> str:
    return f"{given} {family}"


def recommendations(workers: Sequence[User]) -> list[WorkItem]:
    """The open recommendations these workers own, in one query."""
    rows = (
        Recommendation.objects.filter(
            owner__in=workers,
            done_on__isnull=True,
            review__period__person__merged_into__isnull=True,
        )
        .values(
            "pk",
            "description",
            "due_on",
            "owner_id",
            "review__held_on",
            "review__period__person_id",
            "review__period__person__given_name",
            "review__period__person__family_name",
        )
        .order_by("due_on", "pk")
    )
    return [
        WorkItem(
            worker_id=row["owner_id"],
            kind=RECOMMENDATION,
            title=row["description"],
            url=link("care:recommendation_done", row["pk"]),
            due_on=row["due_on"],
            person_id=row["review__period__person_id"],
            person_name=_name(
                row["review__period__person__given_name"],
                row["review__period__person__family_name"],
            ),
            source=(
                "Recommended by the independent reviewing officer at the review "
                f"on {row['review__held_on']:%-d %B %Y}"
            ),
        )
        for row in rows
    ]


def reviews_to_chair(workers: Sequence[User]) -> list[WorkItem]:
    """The reviews, and their decisions to send out, due for the children
    whose IRO these workers are now."""
    return due_to_role_holders(
        workers, role=CaseRole.IRO, rule_ids=IRO_RULES, kind=REVIEW
    )
