"""Children in need code lists.

`NeedCode` is the DfE children in need census "PrimaryNeedCode" list and
`ClosureReason` its "ReasonForClosure" list (CIN census specification, CIN details
module; the 2025-26 XSD words, with N1 as in the 2026 XSD). Copied here so each
episode records its need and its closure in the census's own terms.
"""

from django.db import models


class NeedCode(models.TextChoices):
    """DfE CIN census PrimaryNeedCode: the main reason the child is in need."""

    N1 = "N1", "Abuse, neglect and exploitation"
    N2 = "N2", "Child's disability"
    N3 = "N3", "Parental disability or illness"
    N4 = "N4", "Family in acute stress"
    N5 = "N5", "Family dysfunction"
    N6 = "N6", "Socially unacceptable behaviour"
    N7 = "N7", "Low income"
    N8 = "N8", "Absent parenting"
    N9 = "N9", "Cases other than children in need"


class ClosureReason(models.TextChoices):
    """DfE CIN census ReasonForClosure: why the child's episode ended."""

    RC1 = "RC1", "Adopted"
    RC2 = "RC2", "Died"
    RC3 = "RC3", "Child arrangements order"
    RC4 = "RC4", "Special guardianship order"
    RC5 = "RC5", "Transferred to services of another local authority"
    RC6 = "RC6", "Transferred to adult social care services"
    RC7 = (
        "RC7",
        ("Services ceased for any other reason, including child no longer in need"),
    )
    RC8 = "RC8", "Case closed after assessment, no further action"
    RC9 = "RC9", "Case closed after assessment, referred to early help"


# Closing after an assessment (RC8, RC9) needs an assessment on the episode
# (census rule 8825Q).
AFTER_ASSESSMENT = (ClosureReason.RC8, ClosureReason.RC9)


class ReviewDecision(models.TextChoices):
    """What a child in need plan review decided (Haven's own list)."""

    CONTINUE = "continue", "Continue the plan"
    CHANGE = "change", "Continue with changes to the plan"
    STEP_UP = "step_up", "Escalate: consider a strategy discussion"
    CLOSE = "close", "End the plan and close the episode"
