"""The codes a review is recorded in: the child's participation (SSDA903
REVIEW_CODE), whose codes and wording are the code list's
(haven/core/codelists/data/ssda903_review_participation.json)."""

from django.db import models

from haven.core.codelists import label

PARTICIPATION = "ssda903_review_participation"
# PN0 is for a child under 4 at the review, and only for them (rules 440, 441).
UNDER_FOUR = "PN0"


class Participation(models.TextChoices):
    """SSDA903 REVIEW_CODE: how the child took part in their review."""

    PN0 = "PN0", label(PARTICIPATION, "PN0")
    PN1 = "PN1", label(PARTICIPATION, "PN1")
    PN2 = "PN2", label(PARTICIPATION, "PN2")
    PN3 = "PN3", label(PARTICIPATION, "PN3")
    PN4 = "PN4", label(PARTICIPATION, "PN4")
    PN5 = "PN5", label(PARTICIPATION, "PN5")
    PN6 = "PN6", label(PARTICIPATION, "PN6")
    PN7 = "PN7", label(PARTICIPATION, "PN7")
