"""Looked-after children: care planning, placement, reviews (section 1.2).

CPPCR unless stated.
"""

from haven.timescales.catalogue.model import Rule, d
from haven.timescales.conditions import (
    aged_at_least,
    aged_under,
    all_of,
    negated,
    payload_is,
)

# A series of short breaks (V3, V4) is reviewed on its own timetable (CPPCR reg
# 48: LAC-SB-REVIEW), not the first review's 20 working days.
NOT_SHORT_BREAKS = negated(
    payload_is("code", ("V3", "V4"), "a series of short breaks (V3, V4)"),
    "not a series of short breaks (V3, V4: reviewed under CPPCR reg 48)",
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="LAC-CAREPLAN",
        description=(
            "Care plan prepared (not a section 31A court care plan): before the "
            "first placement or, if that is not practicable, within 10 working days "
            "of its start; then kept under review (reg 6)"
        ),
        trigger="care.period_of_care_started",
        deadline=d("+10 WD"),
        recurrence="once",
        responsible="Social worker",
        status="law",
        source=(
            "CPPCR reg 4(2) (text confirmed) "
            "https://www.legislation.gov.uk/uksi/2010/959/regulation/4"
        ),
        capability="care",
    ),
    Rule(
        id="LAC-PERM-PLAN",
        description=(
            "Plan for permanence in the care plan by the second review (about 4 "
            "months after the child became looked after); follows the review dates"
        ),
        trigger="care.period_of_care_started",
        deadline=None,
        recurrence="once",
        responsible="Social worker; the IRO checks",
        status="statutory_guidance",
        verify=True,
        configurable=True,
        source='Vol2 ch.2 "Permanence planning"',
        capability="care",
    ),
    Rule(
        id="LAC-PLACEPLAN",
        description=(
            "Placement plan prepared and agreed with the carer: before the placement "
            "or, if not practicable, within 5 working days of its start"
        ),
        trigger="care.placement_started",
        deadline=d("+5 WD"),
        recurrence="per_event",
        responsible="Social worker",
        status="law",
        verify=True,
        configurable=True,
        source="CPPCR reg 9(1)",
        capability="care",
    ),
    Rule(
        id="LAC-NOTIFY",
        description=(
            "Written notice of the placement to the child, parents, contact holders, "
            "previous carer, the health bodies (ICB) for the home and placing areas, "
            "the GPs (current and new), the school or education provider and the "
            "IRO: before the placement; for an emergency placement within 5 working "
            "days of its start (unless not reasonably practicable; parents and "
            "others may be left out if telling them risks significant harm)"
        ),
        trigger="care.placement_started",
        deadline=d("+5 WD"),
        recurrence="per_event",
        responsible="Social worker or business support",
        status="law",
        source="CPPCR reg 13(1)-(3) (text confirmed; PCT now ICB)",
        capability="care",
    ),
    Rule(
        id="LAC-NOTIFY-AREA",
        description=(
            "Out-of-area placements: notify the area authority, with the care plan "
            "and information about the child's needs, before the placement; for an "
            "emergency placement within 5 working days"
        ),
        trigger="care.placement_started",
        deadline=d("+5 WD"),
        recurrence="per_event",
        responsible="Social worker",
        status="law",
        source="CPPCR reg 13(4) inserted by SI 2013/3239 reg 19 (text confirmed)",
        capability="care",
    ),
    Rule(
        id="LAC-OOA-APPROVE",
        description=(
            "The nominated officer (or the director of children's services for a "
            "placement at a distance) approves an out-of-area placement before it "
            "is made (emergency exceptions in reg 11(3)-(4))"
        ),
        trigger="care.out_of_area_placement_proposed",
        deadline=None,
        recurrence="per_event",
        responsible="Nominated officer or director of children's services",
        status="law",
        source="CPPCR reg 11 as amended by SI 2013/3239",
        capability="care",
    ),
    Rule(
        id="LAC-EMERG-FC",
        description=(
            "Emergency placements with an approved foster carer outside the usual "
            "conditions of reg 22 last at most 6 working days; then the placement "
            "must meet reg 22 or the child must move"
        ),
        trigger="care.placement_started",
        deadline=d("+6 WD"),
        recurrence="per_event",
        responsible="Social worker or manager",
        status="law",
        verify=True,
        configurable=True,
        source="CPPCR reg 23 (6 WD per eastridingcs.trixonline.co.uk)",
        capability="care",
    ),
    Rule(
        id="LAC-REG24",
        description=(
            "Placements under reg 24: the connected person's temporary approval as "
            "a foster carer expires 16 weeks after the placement starts"
        ),
        trigger="care.placement_started",
        deadline=d("+16 w"),
        recurrence="once",
        responsible="Social worker or fostering service",
        status="law",
        verify=True,
        configurable=True,
        source="CPPCR reg 24(1) (16 w per hillingdoncs.trixonline.co.uk)",
        capability="care",
    ),
    Rule(
        id="LAC-REG24-EXT",
        description=(
            "Extension of a reg 24 temporary approval: (a) ONE extension of up to 8 "
            "weeks when the approval is likely to expire before the full assessment "
            "is done; (b) until the outcome of an independent review when the "
            "carer was not approved and asked for one. Before extending: consider "
            "suitability, seek the fostering panel's view, inform the IRO, and get "
            "the nominated officer's approval. On expiry unapproved the placement "
            "ends after other arrangements are made (reg 25(6))"
        ),
        trigger="care.temporary_approval_extended",
        deadline=d("+8 w"),
        recurrence="once",
        responsible="Social worker, fostering manager or nominated officer",
        status="law",
        source=(
            "CPPCR reg 25(1)-(5) (text confirmed); on expiry unapproved → terminate "
            "placement after making other arrangements (reg 25(6))"
        ),
        capability="care",
    ),
    Rule(
        id="LAC-HEALTH-IHA",
        description=(
            "Initial health assessment by a registered medical practitioner, with a "
            "written report: before the first placement or, if not reasonably "
            "practicable, before the first looked-after review"
        ),
        trigger="care.period_of_care_started",
        deadline=None,
        recurrence="once",
        responsible="Social worker requests; the ICB or health provider carries out",
        status="law",
        verify=True,
        configurable=True,
        source="CPPCR reg 7(1)",
        capability="care",
    ),
    Rule(
        id="LAC-HEALTH-IHA-20",
        description=(
            "Initial health assessment done so that the health plan informs the "
            "first review (local procedures usually ask for the referral to health "
            "within 1 to 5 working days)"
        ),
        trigger="care.period_of_care_started",
        deadline=d("+20 WD"),
        recurrence="once",
        responsible="Social worker and health",
        status="statutory_guidance",
        verify=True,
        configurable=True,
        source=(
            '"Promoting the health and wellbeing of looked-after children" (DfE/DHSC '
            "March 2015) (VERIFY para)"
        ),
        capability="care",
    ),
    Rule(
        id="LAC-HEALTH-RHA",
        description=(
            "Review health assessment: every 6 months for a child under 5; from "
            "the 5th birthday LAC-HEALTH-RHA-5 takes over (chosen by the child's "
            "age on the date of the last assessment)"
        ),
        trigger="care.health_assessment_completed",
        deadline=d("+6 m"),
        recurrence="rolling",
        interval=d("+6 m"),
        responsible=(
            "Social worker arranges; health (doctor, nurse or midwife) carries out"
        ),
        status="law",
        verify=True,
        configurable=True,
        source="CPPCR reg 7(4)",
        capability="care",
        condition=aged_under(5),
    ),
    Rule(
        id="LAC-HEALTH-RHA-5",
        description=(
            "Review health assessment: every 12 months for a child aged 5 or over "
            "(split from LAC-HEALTH-RHA, which switches at the 5th birthday)"
        ),
        trigger="care.health_assessment_completed",
        deadline=d("+12 m"),
        recurrence="rolling",
        interval=d("+12 m"),
        responsible=(
            "Social worker arranges; health (doctor, nurse or midwife) carries out"
        ),
        status="law",
        verify=True,
        configurable=True,
        source="CPPCR reg 7(4)",
        capability="care",
        condition=aged_at_least(5),
    ),
    Rule(
        id="LAC-SDQ",
        description=(
            "Strengths and Difficulties Questionnaire for children aged 4 or 5 to "
            "16 looked after for at least 12 months, then every year"
        ),
        trigger="care.period_of_care_started",
        deadline=d("+12 m"),
        recurrence="rolling",
        interval=d("+12 m"),
        responsible="Social worker or carer",
        status="statutory_guidance",
        verify=True,
        configurable=True,
        source="Promoting health… (2015) (VERIFY)",
        capability="care",
        # Tested when the clock starts or restarts: 3 to 15 then is 4 to 16
        # when the questionnaire falls due a year later.
        condition=all_of(aged_at_least(3), aged_under(16)),
    ),
    Rule(
        id="LAC-PEP",
        description=(
            "Personal education plan (part of the care plan, reg 5(b)(ii)), "
            "started with the care plan: before the placement or within 10 working "
            "days (default), and in place for the first review (20 working days). "
            "Local variants: within 20 school days or 20 working days. Also due on "
            "a change of school"
        ),
        trigger="care.period_of_care_started",
        deadline=d("+10 WD"),
        recurrence="once",
        responsible=(
            "Social worker and designated teacher; the virtual school head oversees"
        ),
        status="law",
        configurable=True,
        source=(
            'CPPCR reg 5; "Promoting the education of looked-after and previously '
            'looked-after children" (DfE Feb 2018) ch."Initiating, developing and '
            'reviewing the PEP"; local: gateshead.gov.uk, oldham.gov.uk'
        ),
        capability="care",
    ),
    Rule(
        id="LAC-PEP-REVIEW",
        description=(
            "Personal education plan review each school term and before each "
            "looked-after review; depends on the school's term dates"
        ),
        trigger="care.pep_reviewed",
        deadline=None,
        recurrence="rolling",
        responsible="Designated teacher, social worker and virtual school head",
        status="statutory_guidance",
        verify=True,
        configurable=True,
        source="Promoting the education… (2018) (VERIFY para)",
        capability="care",
    ),
    Rule(
        id="LAC-REVIEW-1",
        description="First looked-after child review, chaired by the IRO",
        trigger="care.period_of_care_started",
        deadline=d("+20 WD"),
        condition=NOT_SHORT_BREAKS,
        recurrence="once",
        responsible="IRO chairs; social worker convenes",
        status="law",
        source=(
            "CPPCR reg 33(1) (text confirmed) "
            "https://www.legislation.gov.uk/uksi/2010/959/regulation/33"
        ),
        capability="care",
    ),
    Rule(
        id="LAC-REVIEW-2",
        description="Second looked-after child review",
        trigger="care.first_review_held",
        deadline=d("+3 m"),
        recurrence="once",
        responsible="IRO and social worker",
        status="law",
        source="CPPCR reg 33(2)",
        capability="care",
    ),
    Rule(
        id="LAC-REVIEW-N",
        description="Subsequent looked-after child reviews",
        trigger="care.second_review_held",
        deadline=d("+6 m"),
        recurrence="rolling",
        interval=d("+6 m"),
        responsible="IRO and social worker",
        status="law",
        source="CPPCR reg 33(2)",
        capability="care",
    ),
    Rule(
        id="LAC-REVIEW-EARLY",
        description=(
            "Review brought forward, before the reg 33(1)/(2) date, when the IRO "
            "asks; when reg 30 applies (the placement no longer safeguards the "
            "child's welfare); when section 21 accommodation or detention in a "
            "secure training centre or young offender institution ends; or when "
            "the local authority proposes to stop accommodating a section 20 child"
        ),
        trigger="care.early_review_required",
        deadline=None,
        recurrence="per_event",
        responsible="Social worker and IRO",
        status="law",
        source="CPPCR reg 33(3)",
        capability="care",
    ),
    Rule(
        id="LAC-SIGCHANGE",
        description=(
            "No significant change to the care plan (such as a placement move or "
            "ceasing to be looked after) unless first considered at a review, "
            "unless that is not reasonably practicable"
        ),
        trigger="care.significant_change_proposed",
        deadline=None,
        recurrence="per_event",
        responsible="Social worker and IRO",
        status="law",
        source="CPPCR reg 32(2)",
        capability="care",
    ),
    Rule(
        id="LAC-IRO-APPT",
        description=(
            "IRO appointed and meets the child. The law requires this before the "
            "first review; 5 working days is local good practice"
        ),
        trigger="care.period_of_care_started",
        deadline=d("+5 WD"),
        recurrence="once",
        responsible="Local authority",
        status="local_policy",
        configurable=True,
        source=(
            "CA89 s25A; CPPCR Part 6; rochdale proceduresonline (5 WD good practice)"
        ),
        capability="care",
    ),
    Rule(
        id="LAC-IRO-RECORD",
        description=(
            "Review decisions circulated within about 5 working days (default); the "
            "full written record within about 15 to 20 working days"
        ),
        trigger="care.review_held",
        deadline=d("+5 WD"),
        recurrence="per_event",
        responsible="IRO",
        status="statutory_guidance",
        verify=True,
        configurable=True,
        source="IRO Handbook (DCSF 2010) — not confirmed",
        capability="care",
    ),
)
