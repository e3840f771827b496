"""The guidance shown beside each early help form, with where it comes from.

Early help has no statutory timescales: the duty is to provide help as soon as a
need emerges (Working Together to Safeguard Children 2023, chapter 3), so the
pages show the guidance rather than a due date.
"""

from dataclasses import dataclass

WORKING_TOGETHER = "Working Together to Safeguard Children 2023, chapter 3"
FAMILY_HELP = (
    "Working Together to Safeguard Children 2023, chapter 3, section 1 (early help)"
)


@dataclass(frozen=True)
class Guidance:
    text: str
    source: str


REQUEST = Guidance(
    "Provide help as soon as a problem emerges. A family asked for early help joins "
    "the early help team's queue, where the time it has waited is visible to managers.",
    WORKING_TOGETHER,
)
ALLOCATE = Guidance(
    "Families should not wait unseen. Allocate the family that has waited longest "
    "unless another family's needs are more urgent, and record why.",
    WORKING_TOGETHER,
)
LEAD = Guidance(
    "Each family should have a lead practitioner who coordinates the help: they "
    "may work for the council or for a school, health or a voluntary organisation.",
    FAMILY_HELP,
)
ASSESSMENT = Guidance(
    "An early help assessment looks at the child's and family's needs and "
    "strengths, and records the child's and the family's own views.",
    FAMILY_HELP,
)
PLAN = Guidance(
    "Agree a plan with the family: what will be done, by whom and by when, so "
    "progress can be reviewed.",
    FAMILY_HELP,
)
REVIEW = Guidance(
    "Review the plan with the family regularly: what has changed for the child, "
    "and what happens next.",
    FAMILY_HELP,
)
CLOSE = Guidance(
    "Close early help when the child's needs are met (with or without support "
    "from universal services such as school or the health visitor) or the family "
    "no longer takes part. Record the outcome so the service can learn from it.",
    FAMILY_HELP,
)
STEP_UP = Guidance(
    "If the child's needs escalate, refer the child to children's social care "
    "without delay: the front door decides what happens next within one working "
    "day. The early help history stays on the child's record.",
    WORKING_TOGETHER,
)
