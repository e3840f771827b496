"""Assessment code lists.

`Factor` is the DfE children in need census "AssessmentFactors" list: its codes
and the DfE's own wording are data, in haven/core/codelists/data/
cin_assessment_factors.json, with the years each is valid (18A and 19A were
replaced by 18B/18C and 19B/19C from 2024-25; they stay for history). `Outcome`
and `Status` are Haven's own lists for the single assessment (Working Together
to Safeguard Children 2023, chapter 3, "Assessment").
"""

from django.db import models

from haven.core.codelists import label

FACTORS = "cin_assessment_factors"


def _factor(code: str) -> tuple[str, str]:
    return code, label(FACTORS, code)


class Factor(models.TextChoices):
    """DfE CIN census AssessmentFactors: what the assessment found (every code
    of any year, in the DfE's words; a form offers the current year's)."""

    ALCOHOL_CHILD = _factor("1A")
    ALCOHOL_PARENT = _factor("1B")
    ALCOHOL_OTHER = _factor("1C")
    DRUGS_CHILD = _factor("2A")
    DRUGS_PARENT = _factor("2B")
    DRUGS_OTHER = _factor("2C")
    DV_CHILD = _factor("3A")
    DV_PARENT = _factor("3B")
    DV_OTHER = _factor("3C")
    MH_CHILD = _factor("4A")
    MH_PARENT = _factor("4B")
    MH_OTHER = _factor("4C")
    LD_CHILD = _factor("5A")
    LD_PARENT = _factor("5B")
    LD_OTHER = _factor("5C")
    PD_CHILD = _factor("6A")
    PD_PARENT = _factor("6B")
    PD_OTHER = _factor("6C")
    YOUNG_CARER = _factor("7A")
    PF_OVERSEAS_RETURN = _factor("8B")
    PF_OVERSEAS_STAY = _factor("8C")
    PF_EDUCATION = _factor("8D")
    PF_FAMILY = _factor("8E")
    PF_OTHER = _factor("8F")
    UASC = _factor("9A")
    MISSING = _factor("10A")
    CSE = _factor("11A")
    TRAFFICKING = _factor("12A")
    GANGS = _factor("13A")
    BEHAVIOUR = _factor("14A")
    SELF_HARM = _factor("15A")
    NEGLECT = _factor("16A")
    EMOTIONAL = _factor("17A")
    PHYSICAL = _factor("18A")  # until 2024-25: 18B/18C since
    PHYSICAL_CHILD = _factor("18B")
    PHYSICAL_ADULT = _factor("18C")
    SEXUAL = _factor("19A")  # until 2024-25: 19B/19C since
    SEXUAL_CHILD = _factor("19B")
    SEXUAL_ADULT = _factor("19C")
    OTHER = _factor("20")
    NONE = _factor("21")
    FGM = _factor("22A")
    FAITH = _factor("23A")
    CCE = _factor("24A")


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
