"""Code lists for a plan's changes: the phase transfers of SENDR reg 18, what
a family may dispute (which sets SEN2's mediation and tribunal flags), and the
orders a tribunal makes."""

from django.db import models


class Phase(models.TextChoices):
    """The transfers of SENDR reg 18(1) and (2). Which rule's date applies
    follows from the phase: see `RULE_OF`."""

    EARLY_YEARS = "early_years", "Early years to school"
    INFANT = "infant", "Infant to junior school"
    PRIMARY = "primary", "Primary to middle or secondary school"
    MIDDLE = "middle", "Middle to secondary school"
    POST16 = "post16", "Secondary school to a post-16 institution"
    POST16_MOVE = "post16_move", "A move between post-16 institutions at another time"


# The catalogue rule for each phase, and the journal payload key its
# activation reads: the three rules have different keys, so an event opening
# one transfer starts only the rule of its phase (SEN-PHASE and
# SEN-PHASE-POST16 share a trigger event type).
RULE_OF: dict[str, tuple[str, str]] = {
    Phase.EARLY_YEARS: ("SEN-PHASE", "phase_transfer"),
    Phase.INFANT: ("SEN-PHASE", "phase_transfer"),
    Phase.PRIMARY: ("SEN-PHASE", "phase_transfer"),
    Phase.MIDDLE: ("SEN-PHASE", "phase_transfer"),
    Phase.POST16: ("SEN-PHASE-POST16", "post16_transfer"),
    Phase.POST16_MOVE: ("SEN-POST16-MOVE", "post16_move"),
}


class Disputed(models.TextChoices):
    """The decision a family disputes; SEN2 sets Request*, Assessment* or
    Other* Mediation/Tribunal from it (2.6-2.7, 3.3-3.6)."""

    NOT_TO_ASSESS = "not_to_assess", "The decision not to assess"
    NOT_TO_ISSUE = "not_to_issue", "The decision not to issue a plan"
    CONTENT = "content", "What the plan says or the school it names"


SEN2_FLAG_PREFIX = {
    Disputed.NOT_TO_ASSESS: "Request",
    Disputed.NOT_TO_ISSUE: "Assessment",
    Disputed.CONTENT: "Other",
}


class MediationOutcome(models.TextChoices):
    AGREED = "agreed", "Agreement reached"
    NOT_AGREED = "not_agreed", "No agreement: the family may appeal"
    WITHDRAWN = "withdrawn", "Withdrawn"


class AppealOutcome(models.TextChoices):
    ORDER = "order", "The tribunal made an order"
    DISMISSED = "dismissed", "Appeal dismissed"
    WITHDRAWN = "withdrawn", "Withdrawn by the family"
    CONCEDED = "conceded", "Conceded by the local authority"


class OrderType(models.TextChoices):
    """The orders of SENDR reg 44(2), each with its own period: the council
    sets SEN-TRIBUNAL's value (a VERIFY rule with no national deadline)."""

    ASSESS = "assess", "Carry out an EHC needs assessment"
    REASSESS = "reassess", "Reassess the child's needs"
    ISSUE = "issue", "Make and issue an EHC plan"
    AMEND = "amend", "Amend the plan"
    NAME = "name", "Name a school or other institution"
    CONTINUE = "continue", "Continue the plan"
