"""1.2 Looked-after children (continued): statutory visits and what follows them."""

from haven.timescales.catalogue.model import Rule, d
from haven.timescales.conditions import (
    after_months_of,
    all_of,
    negated,
    payload_is,
    within_months_of,
)

# The visit regimes share one trigger (a statutory visit was made) and divide the
# children by the placement the visit event names: the care app puts the
# placement's start date, whether it is intended to last until the child is 18
# and whether the child agreed to fewer visits (reg 28(3A)) on every visit's
# journal event.
FIRST_YEAR = within_months_of("placement_started_on", 12, "the placement's start")
AFTER_FIRST_YEAR = after_months_of("placement_started_on", 12, "the placement's start")
UNTIL_18 = payload_is(
    "placement_until_18",
    (True,),
    "the placement is intended to last until the child is 18",
)
FEWER_AGREED = payload_is(
    "fewer_visits_agreed",
    (True,),
    "the child agreed to fewer visits in their long-term foster placement",
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="LAC-VISIT-1",
        description="Statutory visit within a week of the start of any placement",
        trigger="care.placement_started",
        deadline=d("+1 w"),
        recurrence="per_event",
        responsible="Social worker (the local authority's representative)",
        status="law",
        source="CPPCR reg 28(2)(a) (text confirmed)",
        capability="care",
    ),
    Rule(
        id="LAC-VISIT-Y1",
        description=(
            "Statutory visits in the first year of a placement, until its first "
            "anniversary"
        ),
        trigger="care.statutory_visit_made",
        deadline=d("+6 w"),
        recurrence="rolling",
        interval=d("+6 w"),
        responsible="Social worker (the local authority's representative)",
        status="law",
        source="CPPCR reg 28(2)(b)",
        capability="care",
        condition=FIRST_YEAR,
    ),
    Rule(
        id="LAC-VISIT-LT",
        description=(
            "Statutory visits after the first year where the placement is intended "
            "to last until the child is 18"
        ),
        trigger="care.statutory_visit_made",
        deadline=d("+3 m"),
        recurrence="rolling",
        interval=d("+3 m"),
        responsible="Social worker (the local authority's representative)",
        status="law",
        source="CPPCR reg 28(2)(c)(i)",
        capability="care",
        condition=all_of(
            AFTER_FIRST_YEAR,
            UNTIL_18,
            negated(FEWER_AGREED, "the child has not agreed to fewer visits"),
        ),
    ),
    Rule(
        id="LAC-VISIT-OTHER",
        description="Statutory visits after the first year in other placements",
        trigger="care.statutory_visit_made",
        deadline=d("+6 w"),
        recurrence="rolling",
        interval=d("+6 w"),
        responsible="Social worker (the local authority's representative)",
        status="law",
        source="CPPCR reg 28(2)(c)(ii)",
        capability="care",
        condition=all_of(
            AFTER_FIRST_YEAR,
            negated(UNTIL_18, "the placement is not intended to last until 18"),
        ),
    ),
    Rule(
        id="LAC-VISIT-LTFP",
        description=(
            "Statutory visits in a long-term foster placement of at least a year "
            "where the child (of sufficient age and understanding) agrees to fewer "
            "visits; record the agreement"
        ),
        trigger="care.statutory_visit_made",
        deadline=d("+6 m"),
        recurrence="rolling",
        interval=d("+6 m"),
        responsible="Social worker; the child's agreement recorded",
        status="law",
        verify=True,
        configurable=True,
        source=(
            "CPPCR reg 28(3A) (inserted by Care Planning and Fostering (Misc. "
            "Amendments) (England) Regs 2015) — quoted in "
            "hertschildcare.proceduresonline.com"
        ),
        capability="care",
        condition=all_of(AFTER_FIRST_YEAR, FEWER_AGREED),
    ),
    Rule(
        id="LAC-VISIT-PWP19",
        description=(
            "Placed with a parent before the assessment is complete (reg 19): "
            "visits every week until the first review, then at least every 6 weeks"
        ),
        trigger="care.placement_started",
        deadline=d("+1 w"),
        recurrence="rolling",
        interval=d("+1 w"),
        responsible="Social worker (the local authority's representative)",
        status="law",
        source="CPPCR reg 28(3)",
        capability="care",
    ),
    Rule(
        id="LAC-VISIT-REG24-ICO",
        description=(
            "Reg 24 connected-person placements, or a child on an interim care "
            "order living with a parent: visits every week until the first review, "
            "then at least every 4 weeks"
        ),
        trigger="care.placement_started",
        deadline=d("+1 w"),
        recurrence="rolling",
        interval=d("+1 w"),
        responsible="Social worker (the local authority's representative)",
        status="law",
        source="CPPCR reg 28(4)",
        capability="care",
    ),
    Rule(
        id="LAC-VISIT-CO-PWP",
        description=(
            "Full care order made while the child lives with a parent: a visit "
            "within a week of the order, then at least every 6 weeks"
        ),
        trigger="care.care_order_made",
        deadline=d("+1 w"),
        recurrence="rolling",
        interval=d("+6 w"),
        responsible="Social worker (the local authority's representative)",
        status="law",
        source="CPPCR reg 28(5)",
        capability="care",
    ),
    Rule(
        id="LAC-VISIT-REQ",
        description=(
            "Extra visit as soon as reasonably practicable when the child, carer or "
            "a parent reasonably asks, or when the local authority is told of a "
            "concern"
        ),
        trigger="care.visit_requested",
        deadline=None,
        recurrence="per_event",
        responsible="Social worker (the local authority's representative)",
        status="law",
        verify=True,
        configurable=True,
        source="CPPCR reg 28(6)-(7)",
        capability="care",
    ),
    Rule(
        id="LAC-VISIT-PRIVATE",
        description=(
            "The child is seen in private on each visit (unless the child refuses, "
            "it is inappropriate, or the child cannot be)"
        ),
        trigger="care.statutory_visit_made",
        deadline=None,
        recurrence="per_event",
        responsible="Social worker (the local authority's representative)",
        status="law",
        source="CPPCR reg 29 (text confirmed)",
        capability="care",
    ),
    Rule(
        id="LAC-SB-VISIT",
        description=(
            "Short breaks (reg 48): visits on days the child is placed, at "
            "intervals agreed with the IRO and parents; the first within about 3 "
            "months of the first placement, then at least every 6 months"
        ),
        trigger="care.short_break_started",
        deadline=d("+3 m"),
        recurrence="rolling",
        interval=d("+6 m"),
        responsible="Social worker (the local authority's representative)",
        status="law",
        verify=True,
        configurable=True,
        source=("CPPCR reg 48(3)(c) (as amended; 17-day cap removed in revised text)"),
        capability="care",
    ),
    Rule(
        id="LAC-SB-REVIEW",
        description=(
            "Short-break reviews: the first within 3 months of the first short "
            "break, then at least every 6 months"
        ),
        trigger="care.short_break_started",
        deadline=d("+3 m"),
        recurrence="rolling",
        interval=d("+6 m"),
        responsible="IRO and social worker",
        status="law",
        verify=True,
        configurable=True,
        source="CPPCR reg 48(3)(d); walthamforestchildcare.proceduresonline.com",
        capability="care",
    ),
    Rule(
        id="LAC-SECURE-72H",
        description=(
            "Secure accommodation on welfare grounds without a court order: at most "
            "72 hours in total in any 28 days (the date shown is the day 72 "
            "continuous hours end)"
        ),
        trigger="care.secure_placement_started",
        deadline=d("+3 d"),
        recurrence="per_event",
        responsible="Designated manager",
        status="law",
        verify=True,
        configurable=True,
        source="Children (Secure Accommodation) Regs 1991 reg 10; CA89 s25",
        capability="care",
    ),
    Rule(
        id="LAC-SECURE-REVIEW",
        description=(
            "Secure placement review: the first within a month of the start, then "
            "at least every 3 months"
        ),
        trigger="care.secure_placement_started",
        deadline=d("+1 m"),
        recurrence="rolling",
        interval=d("+3 m"),
        responsible="Reviewing panel",
        status="law",
        verify=True,
        configurable=True,
        source="Secure Accommodation Regs 1991 regs 15-16",
        capability="care",
    ),
    Rule(
        id="LAC-DETAIN-VISIT",
        description=(
            "Visit to a former looked-after child (not a relevant child) detained "
            "in a young offender institution, secure training centre or secure "
            "children's home: within 10 working days so far as reasonably "
            "practicable, then when reasonably requested"
        ),
        trigger="care.former_looked_after_child_detained",
        deadline=d("+10 WD"),
        recurrence="per_event",
        responsible="Social worker (the local authority's representative)",
        status="law",
        verify=True,
        configurable=True,
        source=(
            "Visits to Former Looked After Children in Detention (England) Regs 2010 "
            "(SI 2010/2797) reg 4 (Welsh equivalent SI 2011/699 reg 4 text confirmed)"
        ),
        capability="care",
    ),
    Rule(
        id="LAC-MISSING-RHI",
        description=(
            "Independent return home interview offered within 72 hours of the child "
            "being found or returning (the date shown is the day the 72 hours end)"
        ),
        trigger="care.child_returned_from_missing",
        deadline=d("+3 d"),
        recurrence="per_event",
        responsible="Local authority (a commissioned independent worker)",
        status="statutory_guidance",
        verify=True,
        configurable=True,
        source=(
            "Statutory guidance on children who run away or go missing from home or "
            'care (DfE Jan 2014) "Independent return interviews" (72 h; VERIFY para)'
        ),
        capability="care",
    ),
    Rule(
        id="LAC-MISSING-STRAT",
        description=(
            "Strategy meeting when a child goes missing repeatedly (for example 3 "
            "episodes in 30 days); threshold and timescale set by the local protocol"
        ),
        trigger="care.repeat_missing_episodes_recorded",
        deadline=None,
        recurrence="per_event",
        responsible="Social worker",
        status="local_policy",
        configurable=True,
        source="local RMFHC protocols (docsbay Derbyshire example)",
        capability="care",
    ),
)
