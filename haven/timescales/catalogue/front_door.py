"""Referral, assessment, child protection: section 1.1 of the note.

Working Together 2023 ch.3 unless stated.
"""

from haven.timescales.catalogue.model import Rule, d
from haven.timescales.conditions import payload_is

RULES: tuple[Rule, ...] = (
    Rule(
        id="REF-DECISION",
        description=(
            "Acknowledge the referral to the referrer and decide the next steps and "
            "type of response (no further action, section 17, section 47, immediate "
            "protection)"
        ),
        trigger="frontdoor.contact_received",
        deadline=d("+1 WD"),
        recurrence="per_event",
        responsible="Social worker or duty team manager",
        status="statutory_guidance",
        source=(
            "Working Together to Safeguard Children 2023 (DfE, December 2023), "
            'chapter 3 "Providing help, support and protection", section '
            '"Referral": "within one working day of a referral being received, a '
            "local authority social worker should acknowledge receipt to the "
            "referrer and make a decision about the next steps and the type of "
            'response required"'
        ),
        capability="frontdoor",
    ),
    Rule(
        id="ASSESS-CF",
        description=(
            "Child and family (single) assessment concluded so that a decision on "
            "next steps can be made; if it takes longer, record the reasons"
        ),
        trigger="assessments.assessment_started",
        deadline=d("+45 WD"),
        recurrence="per_event",
        responsible="Social worker; team manager authorises",
        status="statutory_guidance",
        source=(
            "Working Together to Safeguard Children 2023 (DfE, December 2023), "
            'chapter 3, section "Assessment timescales": within 45 working days '
            "from the point of referral. Started by the assessment (a referral may "
            "end in no further action); the episode's first assessment is counted "
            "from the referral, a later one from its own start"
        ),
        capability="assessments",
        counted_from="referral_date",
    ),
    Rule(
        id="ASSESS-EARLY-DECISION",
        description=(
            "Short-term decisions and services must not wait for the end of the "
            "assessment: act as the child's needs require"
        ),
        trigger="frontdoor.referral_received",
        deadline=None,
        recurrence="once",
        responsible="Social worker",
        status="statutory_guidance",
        source=(
            "WT2023 ch.3 (timeliness principle) — not enforceable as a date; show as "
            "guidance text"
        ),
        capability="assessments",
    ),
    Rule(
        id="CP-STRAT",
        description=(
            "Strategy discussion (local authority, police, health, education or the "
            "referrer). Working Together requires one whenever the threshold is met "
            "but sets no day count; the 1 working day default is the common local "
            "standard (some authorities: the same day)"
        ),
        trigger="protection.significant_harm_suspected",
        deadline=d("+1 WD"),
        recurrence="per_event",
        responsible="Social worker or team manager convenes",
        status="local_policy",
        configurable=True,
        source=(
            'WT2023 ch.3 "Strategy discussion"; local procedures (e.g. '
            "londonsafeguardingchildrenprocedures.co.uk)"
        ),
        capability="protection",
    ),
    Rule(
        id="CP-S47",
        description=(
            "Section 47 enquiries. The duty is law; there is no national day count, "
            "but they must finish in time to inform the initial conference. The "
            "local authority may set its own timescale"
        ),
        trigger="protection.section_47_enquiry_started",
        deadline=None,
        recurrence="per_event",
        responsible="Social worker (lead), with the police for joint enquiries",
        status="law",
        configurable=True,
        source="CA89 s47(1); timescale LOCAL",
        capability="protection",
    ),
    Rule(
        id="CP-ICPC",
        description=(
            "Initial child protection conference held, counted from the strategy "
            "discussion at which section 47 enquiries were started"
        ),
        trigger="protection.section_47_enquiry_started",
        deadline=d("+15 WD"),
        recurrence="once",
        responsible=(
            "Conference chair or child protection unit arranges; social worker reports"
        ),
        status="statutory_guidance",
        source=(
            'WT2023 ch.3 "Initial child protection conferences"; verbatim '
            "restatements: liverpoolscp.proceduresonline.com/chapters/p_init_cp.html, "
            "solihulllscb.proceduresonline.com/chapters/p_init_CP_conf.html. DfE CIN "
            "census rule flags S47 start > 15 WD before census end with no ICPC "
            "(data-to-insight cin-validator)"
        ),
        capability="protection",
    ),
    Rule(
        id="CP-ICPC-REQUEST",
        description="Ask the child protection unit to book the initial conference",
        trigger="protection.initial_conference_recommended",
        deadline=d("+1 WD"),
        recurrence="once",
        responsible="Social worker",
        status="local_policy",
        configurable=True,
        source="e.g. boltoncs.trixonline.co.uk (Bolton)",
        capability="protection",
    ),
    Rule(
        id="CP-PLAN-OUTLINE",
        description=(
            "Outline child protection plan agreed at the initial conference; the "
            "core group develops the detailed plan by its first meeting"
        ),
        trigger="protection.child_protection_plan_started",
        deadline=None,
        recurrence="once",
        responsible="Conference chair and core group",
        status="statutory_guidance",
        source="WT2023 ch.3",
        capability="protection",
    ),
    Rule(
        id="CP-CORE1",
        description=(
            "First core group meeting. The 10 working days are in the Working "
            "Together 2018 flowchart and local procedures; whether the 2023 text "
            "keeps them is unconfirmed"
        ),
        trigger="protection.child_protection_plan_started",
        deadline=d("+10 WD"),
        recurrence="once",
        responsible="Social worker (lead practitioner)",
        status="statutory_guidance",
        verify=True,
        configurable=True,
        source=(
            "WT2018 ch.1 flowchart 4; retained in local procedures: "
            'seftonscp.procedures.org.uk ("within 10 working days of the ICPC"), '
            "hscchildcareprocedures.gov.gg"
        ),
        capability="protection",
    ),
    Rule(
        id="CP-CORE-N",
        description=(
            "Subsequent core group meetings. Local practice varies: every 4 weeks "
            "(default, as Sefton), every 28 days, or up to every 6 weeks"
        ),
        trigger="protection.core_group_held",
        deadline=d("+4 w"),
        recurrence="rolling",
        interval=d("+4 w"),
        responsible="Social worker",
        status="local_policy",
        configurable=True,
        source="seftonscp.procedures.org.uk (4-weekly); other LSCPs 4–6 weekly",
        capability="protection",
    ),
    Rule(
        id="CP-RCPC1",
        description="First review child protection conference",
        trigger="protection.child_protection_plan_started",
        deadline=d("+3 m"),
        recurrence="once",
        responsible="Conference chair",
        status="statutory_guidance",
        source=(
            'WT2023 ch.3 "Child protection review conference" (first review within 3 '
            "months of ICPC)"
        ),
        capability="protection",
    ),
    Rule(
        id="CP-RCPC-N",
        description=(
            "Further review conferences while the child remains on a child "
            "protection plan"
        ),
        trigger="protection.review_conference_held",
        deadline=d("+6 m"),
        recurrence="rolling",
        interval=d("+6 m"),
        responsible="Conference chair",
        status="statutory_guidance",
        source="WT2023 ch.3",
        capability="protection",
    ),
    Rule(
        id="CP-PREBIRTH",
        description=(
            "Pre-birth plans: the initial conference is usually held by about 28 "
            "weeks' gestation; after the birth a review or core group within 10 "
            "working days (default; 20 if the mother is unwell), or a review "
            "conference within 3 months of the initial conference or 20 working days "
            "after the birth, whichever is sooner"
        ),
        trigger="protection.pre_birth_plan_child_born",
        deadline=d("+10 WD"),
        recurrence="once",
        responsible="Social worker or conference chair",
        status="local_policy",
        configurable=True,
        source=(
            "London CP procedures 4.1.22 (via bromleychildcare.proceduresonline.com); "
            "Liverpool procedures"
        ),
        capability="protection",
    ),
    Rule(
        id="CP-TRANSFER-IN",
        description=(
            "Transfer-in child protection conference for a child on a plan "
            "moving here from another authority, within 15 working days of "
            "the move becoming known (counted from the day it was arranged)"
        ),
        trigger="protection.conference_arranged",
        condition=payload_is(
            "kind", ("transfer_in",), "a transfer-in conference was arranged"
        ),
        deadline=d("+15 WD"),
        recurrence="once",
        responsible="Receiving authority's conference chair",
        status="local_policy",
        configurable=True,
        source=(
            "London Child Protection Procedures, children moving across local "
            "authority boundaries (transfer-in conference within 15 working days "
            "of notification); WT2023 ch.3 sets no interval"
        ),
        capability="protection",
    ),
    Rule(
        id="CP-VISIT",
        description=(
            "Social worker visits to a child on a child protection plan (child seen, "
            "and seen alone). No national frequency; local policies say every 10 "
            "working days (default), fortnightly, or at least every 4 weeks / 28 "
            "days"
        ),
        trigger="protection.child_protection_plan_started",
        deadline=d("+10 WD"),
        recurrence="rolling",
        interval=d("+10 WD"),
        responsible="Social worker",
        status="local_policy",
        configurable=True,
        source=(
            "WT2023 requires visits per plan only; local e.g. 28-day minimum "
            "(various LSCP core-group guidance)"
        ),
        capability="protection",
    ),
    Rule(
        id="CIN-REVIEW",
        description=(
            "Child in need plan review. Working Together sets no interval; local "
            "policies typically say every 3 months (default), some every 6 weeks"
        ),
        trigger="cin.child_in_need_plan_started",
        deadline=d("+3 m"),
        recurrence="rolling",
        interval=d("+3 m"),
        responsible="Social worker",
        status="local_policy",
        configurable=True,
        source="WT2023 ch.3 (plans reviewed regularly; no interval)",
        capability="cin",
    ),
    Rule(
        id="CIN-VISIT",
        description=(
            "Social worker visits to a child on a child in need plan, the child "
            "seen. There is no national frequency: this is local policy, by "
            "default every 20 working days (about 4 weeks)"
        ),
        trigger="cin.child_in_need_plan_started",
        deadline=d("+20 WD"),
        recurrence="rolling",
        interval=d("+20 WD"),
        responsible="Social worker",
        status="local_policy",
        configurable=True,
        source=(
            "Local policy (WT2023 ch.3 asks that children in need are seen as the "
            "plan sets out; no national frequency)"
        ),
        capability="cin",
    ),
    Rule(
        id="CSPR-NOTIFY",
        description=(
            "Notify the Child Safeguarding Practice Review Panel of a serious "
            "incident (the duty is in the Children Act 2004 s16C; the timescale is "
            "statutory guidance)"
        ),
        trigger="protection.serious_incident_became_known",
        deadline=d("+5 WD"),
        recurrence="once",
        responsible="Local authority (director of children's services)",
        status="statutory_guidance",
        source="WT2023 ch.5",
        capability="protection",
    ),
    Rule(
        id="CSPR-RAPID",
        description="Rapid review completed and sent to the National Panel",
        trigger="protection.serious_incident_became_known",
        deadline=d("+15 WD"),
        recurrence="once",
        responsible="Safeguarding partners",
        status="statutory_guidance",
        source="WT2023 ch.5",
        capability="protection",
    ),
    Rule(
        id="CSPR-LOCAL",
        description="Local child safeguarding practice review final report",
        trigger="protection.local_practice_review_commissioned",
        deadline=d("+6 m"),
        recurrence="once",
        responsible="Safeguarding partners",
        status="statutory_guidance",
        source="WT2023 ch.5",
        capability="protection",
    ),
    Rule(
        id="LADO-REFER",
        description=(
            "Allegation against a person who works with children reported to the "
            "local authority designated officer (LADO)"
        ),
        trigger="protection.allegation_against_adult_became_known",
        deadline=d("+1 WD"),
        recurrence="once",
        responsible="Employer or its designated officer",
        status="statutory_guidance",
        verify=True,
        configurable=True,
        source="WT2023 ch.4; KCSIE Part 4 (VERIFY)",
        capability="protection",
    ),
)
