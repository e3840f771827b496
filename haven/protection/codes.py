"""Child protection code lists.

`Category` is the DfE children in need census category of abuse (Initial- and
LatestCategoryOfAbuse): its codes and the DfE's wording are data, in
haven/core/codelists/data/cin_category_of_abuse.json. The other lists are
Haven's own words for what Working Together 2023 (chapter 3) asks to be
recorded: a strategy discussion's decision, a section 47 enquiry's outcome, a
conference's kind and decision, and why a plan ended.
"""

from django.db import models

from haven.core.codelists import label

CATEGORY = "cin_category_of_abuse"


class Category(models.TextChoices):
    """DfE CIN census category of abuse: the plan's reason, in the census's terms."""

    NEG = "NEG", label(CATEGORY, "NEG")
    PHY = "PHY", label(CATEGORY, "PHY")
    SAB = "SAB", label(CATEGORY, "SAB")
    EMO = "EMO", label(CATEGORY, "EMO")
    MUL = "MUL", label(CATEGORY, "MUL")


class StrategyDecision(models.TextChoices):
    """What a strategy discussion or meeting decided."""

    SECTION_47 = "section_47", "Start section 47 enquiries"
    NO_SECTION_47 = "no_section_47", "No section 47 enquiries"
    IMMEDIATE_PROTECTION = "immediate_protection", "Immediate protection"


class ImmediateProtection(models.TextChoices):
    """The emergency power used when a child needed protecting at once."""

    POLICE_PROTECTION = "police_protection", "Police protection"
    EMERGENCY_PROTECTION_ORDER = (
        "emergency_protection_order",
        "Emergency protection order",
    )


class EnquiryOutcome(models.TextChoices):
    """What a section 47 enquiry found (Working Together 2023, chapter 3)."""

    NOT_SUBSTANTIATED = "not_substantiated", "Concerns not substantiated"
    NO_SIGNIFICANT_HARM = (
        "no_significant_harm",
        "Concerns substantiated, but the child is not judged to be at continuing "
        "risk of significant harm",
    )
    SIGNIFICANT_HARM = (
        "significant_harm",
        "The child is likely to suffer significant harm: an initial child "
        "protection conference",
    )


class ConferenceKind(models.TextChoices):
    INITIAL = "initial", "Initial child protection conference"
    PRE_BIRTH = "pre_birth", "Pre-birth child protection conference"
    TRANSFER_IN = "transfer_in", "Transfer-in child protection conference"
    REVIEW = "review", "Review child protection conference"


# The kinds that decide whether a plan starts: each counts as an initial
# conference for the census (DateOfInitialCPC; rules 2883 and 2885).
INITIAL_KINDS = (
    ConferenceKind.INITIAL,
    ConferenceKind.PRE_BIRTH,
    ConferenceKind.TRANSFER_IN,
)


class ConferenceDecision(models.TextChoices):
    PLAN = "plan", "The child is to be subject of a child protection plan"
    NO_PLAN = "no_plan", "No child protection plan"
    CONTINUE = "continue", "The child protection plan continues"
    END_PLAN = "end_plan", "The child protection plan ends"


INITIAL_DECISIONS = (ConferenceDecision.PLAN, ConferenceDecision.NO_PLAN)
REVIEW_DECISIONS = (ConferenceDecision.CONTINUE, ConferenceDecision.END_PLAN)


class PlanEndReason(models.TextChoices):
    """Why a child protection plan ended (Haven's own list: the census records
    only the end date)."""

    NO_LONGER_AT_RISK = (
        "no_longer_at_risk",
        "A review conference decided the child is no longer at continuing risk "
        "of significant harm",
    )
    TRANSFERRED = "transferred", "Moved to another local authority"
    LOOKED_AFTER = "looked_after", "Became looked after"
    TURNED_18 = "turned_18", "Reached 18"
    DIED = "died", "Died"
    OTHER = "other", "Other"


# What each category of abuse means, in the plain words of a letter to the
# child's parents (Haven's own wording, not the DfE's).
PLAIN_CATEGORY = {
    Category.NEG: "{name}'s needs are not being met (neglect)",
    Category.PHY: "{name} is being physically hurt (physical abuse)",
    Category.SAB: "{name} is being sexually abused",
    Category.EMO: "{name} is being emotionally harmed (emotional abuse)",
    Category.MUL: "{name} is being harmed in more than one way",
}


# The reasons a plan may end without a review conference: the decision is
# taken from one (Working Together 2023, chapter 3, and local procedures).
WITHOUT_REVIEW = (
    PlanEndReason.TRANSFERRED,
    PlanEndReason.LOOKED_AFTER,
    PlanEndReason.TURNED_18,
    PlanEndReason.DIED,
    PlanEndReason.OTHER,
)
