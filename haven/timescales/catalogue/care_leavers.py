"""1.3 Care leavers."""

from haven.timescales.catalogue.model import Rule, d
from haven.timescales.conditions import negated, payload_is

# CLR reg 5(2)(a): the assessment is for a relevant child without a pathway
# plan; the event says whether they had one when they became relevant.
WITHOUT_A_PATHWAY_PLAN = negated(
    payload_is("pathway_plan", (True,), "they had a pathway plan"),
    "they had no pathway plan when they became relevant",
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="CL-ELIG-ASSESS",
        description=(
            "Needs assessment for an eligible child (looked after for at least 13 "
            "weeks since age 14 and still looked after)"
        ),
        trigger="care.became_eligible_child",
        deadline=d("+3 m"),
        recurrence="once",
        responsible="Social worker",
        status="law",
        source="CPPCR reg 40(1), 42(1) (text confirmed)",
        capability="care",
    ),
    Rule(
        id="CL-ELIG-PATHWAY",
        description=(
            "Pathway plan prepared (part of the care plan) and a personal adviser "
            "appointed as soon as possible after the needs assessment; reviewed with "
            "the looked-after reviews"
        ),
        trigger="care.leaving_care_assessment_completed",
        deadline=None,
        recurrence="once",
        responsible="Social worker and personal adviser",
        status="law",
        verify=True,
        configurable=True,
        source="CPPCR regs 43-44; CA89 Sch 2 para 19B-19C",
        capability="care",
    ),
    Rule(
        id="CL-REL-ASSESS",
        description="Needs assessment for a relevant child without a pathway plan",
        trigger="care.became_relevant_child",
        deadline=d("+3 m"),
        condition=WITHOUT_A_PATHWAY_PLAN,
        recurrence="once",
        responsible="Local authority or personal adviser",
        status="law",
        source="CLR reg 5(2)(a) (text confirmed)",
        capability="care",
    ),
    Rule(
        id="CL-23CA-ASSESS",
        description=(
            "Assessment for a former relevant child (up to 25) returning to "
            "education or training"
        ),
        trigger="care.return_to_education_notified",
        deadline=d("+3 m"),
        recurrence="once",
        responsible="Local authority or personal adviser",
        status="law",
        source="CLR reg 5(2)(b)",
        capability="care",
    ),
    Rule(
        id="CL-PATHWAY-REVIEW",
        description=(
            "Pathway plan review for relevant and former relevant children; also "
            "when the young person asks, or when the local authority or personal "
            "adviser thinks it necessary"
        ),
        trigger="care.pathway_plan_reviewed",
        deadline=d("+6 m"),
        recurrence="rolling",
        interval=d("+6 m"),
        responsible="Local authority or personal adviser",
        status="law",
        verify=True,
        configurable=True,
        source=(
            "CLR reg 7; paperzz summary; Welsh equivalent SI 2001/2189 reg 9 text "
            "confirmed"
        ),
        capability="care",
    ),
    Rule(
        id="CL-PA-VISIT-1",
        description=(
            "Personal adviser visits accommodation provided under section 23B or "
            "24B within 7 days of it first being provided"
        ),
        trigger="care.leaving_care_accommodation_provided",
        deadline=d("+7 d"),
        recurrence="per_event",
        responsible="Personal adviser",
        status="law",
        source="CLR reg 8(2)(a) (text confirmed)",
        capability="care",
    ),
    Rule(
        id="CL-PA-VISIT-PRE",
        description="Personal adviser visits before each pathway plan review",
        trigger="care.pathway_review_scheduled",
        # Before the review: by the day it is booked for, the trigger's date.
        deadline=d("+0 d"),
        counted_from="review_on",
        recurrence="per_event",
        responsible="Personal adviser",
        status="law",
        source="CLR reg 8(2)(b)",
        capability="care",
    ),
    Rule(
        id="CL-PA-VISIT-N",
        description="Personal adviser visits at that accommodation",
        trigger="care.personal_adviser_visit_made",
        deadline=d("+2 m"),
        recurrence="rolling",
        interval=d("+2 m"),
        responsible="Personal adviser",
        status="law",
        source="CLR reg 8(2)(c)",
        capability="care",
    ),
    Rule(
        id="CL-KIT",
        description=(
            "Keep in touch and personal adviser support to 21, and on request to "
            "25; continuing, with no fixed interval"
        ),
        trigger="care.ceased_to_be_looked_after",
        deadline=None,
        recurrence="once",
        responsible="Local authority or personal adviser",
        status="law",
        source="CA89 s23C, s23CZB (CSWA 2017 s3)",
        capability="care",
    ),
)
