"""Assessment code lists.

`Factor` is the DfE children in need census "AssessmentFactors" list (CIN census
specification, assessments module, 2024-25 on: 18A and 19A are deprecated in
favour of 18B/18C and 19B/19C, so Haven does not offer them). `Outcome` and
`Status` are Haven's own lists for the single assessment (Working Together to
Safeguard Children 2023, chapter 3, "Assessment").
"""

from django.db import models


class Factor(models.TextChoices):
    """DfE CIN census AssessmentFactors: what the assessment found."""

    ALCOHOL_CHILD = "1A", "Alcohol misuse: concerns about the child"
    ALCOHOL_PARENT = "1B", "Alcohol misuse: concerns about the parent or carer"
    ALCOHOL_OTHER = (
        "1C",
        "Alcohol misuse: concerns about another person in the household",
    )
    DRUGS_CHILD = "2A", "Drug misuse: concerns about the child"
    DRUGS_PARENT = "2B", "Drug misuse: concerns about the parent or carer"
    DRUGS_OTHER = "2C", "Drug misuse: concerns about another person in the household"
    DV_CHILD = "3A", "Domestic abuse: concerns about the child being the subject"
    DV_PARENT = "3B", "Domestic abuse: concerns about the parent or carer"
    DV_OTHER = "3C", "Domestic abuse: concerns about another person in the household"
    MH_CHILD = "4A", "Mental health: concerns about the child"
    MH_PARENT = "4B", "Mental health: concerns about the parent or carer"
    MH_OTHER = "4C", "Mental health: concerns about another person in the household"
    LD_CHILD = "5A", "Learning disability: concerns about the child"
    LD_PARENT = "5B", "Learning disability: concerns about the parent or carer"
    LD_OTHER = (
        "5C",
        ("Learning disability: concerns about another person in the household"),
    )
    PD_CHILD = "6A", "Physical disability or illness: concerns about the child"
    PD_PARENT = (
        "6B",
        ("Physical disability or illness: concerns about the parent or carer"),
    )
    PD_OTHER = (
        "6C",
        (
            "Physical disability or illness: concerns about another person in the "
            "household"
        ),
    )
    YOUNG_CARER = "7A", "Young carer"
    PF_OVERSEAS_RETURN = (
        "8B",
        ("Privately fostered: overseas child who intends to return"),
    )
    PF_OVERSEAS_STAY = "8C", "Privately fostered: overseas child who intends to stay"
    PF_EDUCATION = "8D", "Privately fostered: UK child in an educational placement"
    PF_FAMILY = (
        "8E",
        ("Privately fostered: UK child making an alternative family arrangement"),
    )
    PF_OTHER = "8F", "Privately fostered: other"
    UASC = "9A", "Unaccompanied asylum-seeking child"
    MISSING = "10A", "Going or being missing"
    CSE = "11A", "Child sexual exploitation"
    TRAFFICKING = "12A", "Trafficking"
    GANGS = "13A", "Gangs"
    BEHAVIOUR = "14A", "Socially unacceptable behaviour"
    SELF_HARM = "15A", "Self-harm"
    NEGLECT = "16A", "Neglect"
    EMOTIONAL = "17A", "Emotional abuse"
    PHYSICAL_CHILD = "18B", "Physical abuse: child on child"
    PHYSICAL_ADULT = "18C", "Physical abuse: adult on child"
    SEXUAL_CHILD = "19B", "Sexual abuse: child on child"
    SEXUAL_ADULT = "19C", "Sexual abuse: adult on child"
    OTHER = "20", "Other"
    NONE = "21", "No factors identified"
    FGM = "22A", "Female genital mutilation"
    FAITH = "23A", "Abuse linked to faith or belief"
    CCE = "24A", "Child criminal exploitation"


class Status(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Submitted for authorisation"
    RETURNED = "returned", "Returned for more work"
    AUTHORISED = "authorised", "Authorised"


# The assessor may edit while the assessment is with them.
EDITABLE = (Status.IN_PROGRESS, Status.RETURNED)


class Outcome(models.TextChoices):
    """What the assessment recommends, and the manager authorises."""

    NO_FURTHER_ACTION = "nfa", "No further action"
    CIN_PLAN = "cin_plan", "Child in need plan"
    STRATEGY_DISCUSSION = "strategy", "Strategy discussion (child protection)"
    LOOKED_AFTER = "looked_after", "Looked after (the child needs to be in care)"
    EARLY_HELP = "early_help", "Step down to early help"
    ENDED_EARLY = (
        "ended_early",
        "Assessment ended early (for example, the family moved away)",
    )


# The reason for closure each outcome proposes (CIN census ReasonForClosure).
# Only a proposal: the worker chooses the reason when closing, since an
# assessment that ended early or found no further action may still close for
# another reason (a family that moved away is RC5, not RC8). An outcome that
# keeps the episode open, or ended early for a reason only the worker knows,
# proposes none.
PROPOSED_CLOSURE = {
    Outcome.NO_FURTHER_ACTION: "RC8",
    Outcome.EARLY_HELP: "RC9",
}
# Outcomes after which the episode is closed next (by the worker).
CLOSING_OUTCOMES = (Outcome.NO_FURTHER_ACTION, Outcome.EARLY_HELP, Outcome.ENDED_EARLY)


# The analysis sections, in the order the form shows them: (field, label, hint).
SECTIONS = (
    (
        "childs_voice",
        "The child's voice",
        "What the child said, showed or wants, in their own words where you can, "
        "and how you found it out",
    ),
    (
        "parents_views",
        "The parents' views",
        "What the parents or carers said about the concerns, their child and "
        "what would help, in their own words where you can",
    ),
    ("risks", "Risks", "What is worrying: harm, its likelihood and how serious"),
    ("strengths", "Strengths", "What is working well for the child and family"),
    (
        "protective_factors",
        "Protective factors",
        "People and circumstances that keep the child safe",
    ),
    (
        "analysis",
        "Analysis",
        "What the information means for the child's safety and development: "
        "weigh the risks against the strengths",
    ),
    (
        "recommendation",
        "Recommendation",
        "What should happen next, and why",
    ),
)
SECTION_FIELDS = tuple(name for name, _label, _hint in SECTIONS)
