"""Children in need code lists.

`NeedCode` is the DfE children in need census "PrimaryNeedCode" list and
`ClosureReason` its "ReasonForClosure" list: their codes and the DfE's wording
are data, in haven/core/codelists/data/ (cin_primary_need.json,
cin_closure_reasons.json), keyed by collection year, so each episode records its
need and its closure in the census's own terms. N0 ("Not stated") is in the DfE
list and accepted when recording history, but not offered for new recording.
"""

from django.db import models

from haven.core.codelists import label

NEED = "cin_primary_need"
CLOSURE = "cin_closure_reasons"


class NeedCode(models.TextChoices):
    """DfE CIN census PrimaryNeedCode: the main reason the child is in need."""

    N1 = "N1", label(NEED, "N1")
    N2 = "N2", label(NEED, "N2")
    N3 = "N3", label(NEED, "N3")
    N4 = "N4", label(NEED, "N4")
    N5 = "N5", label(NEED, "N5")
    N6 = "N6", label(NEED, "N6")
    N7 = "N7", label(NEED, "N7")
    N8 = "N8", label(NEED, "N8")
    N9 = "N9", label(NEED, "N9")
    N0 = "N0", label(NEED, "N0")


class ClosureReason(models.TextChoices):
    """DfE CIN census ReasonForClosure: why the child's episode ended."""

    RC1 = "RC1", label(CLOSURE, "RC1")
    RC2 = "RC2", label(CLOSURE, "RC2")
    RC3 = "RC3", label(CLOSURE, "RC3")
    RC4 = "RC4", label(CLOSURE, "RC4")
    RC5 = "RC5", label(CLOSURE, "RC5")
    RC6 = "RC6", label(CLOSURE, "RC6")
    RC7 = "RC7", label(CLOSURE, "RC7")
    RC8 = "RC8", label(CLOSURE, "RC8")
    RC9 = "RC9", label(CLOSURE, "RC9")


# Closing after an assessment (RC8, RC9) needs an assessment on the episode
# (census rule 8825Q).
AFTER_ASSESSMENT = (ClosureReason.RC8, ClosureReason.RC9)


class ReviewDecision(models.TextChoices):
    """What a child in need plan review decided (Haven's own list)."""

    CONTINUE = "continue", "Continue the plan"
    CHANGE = "change", "Continue with changes to the plan"
    STEP_UP = "step_up", "Escalate: consider a strategy discussion"
    CLOSE = "close", "End the plan and close the episode"
