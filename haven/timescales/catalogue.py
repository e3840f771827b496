"""Every statutory timescale Haven knows, as data.

One `Rule` per row of the rules tables in the timescales research note
(/work/shared/domain/timescales.md, section 1). Rows that hold two deadlines with
different triggers are split (ADO-STAGE1 / ADO-STAGE2, PF-NOTIFY-ARRIVAL /
PF-NOTIFY-END, SEN-PHASE / SEN-PHASE-POST16, CMP-S3-REPORT / CMP-S3-RESPONSE).

Each rule names the event that starts its clock (`trigger`, one of `TRIGGERS`) and
the app that will register it (`capability`). The engine compares dates only: a
period given in hours (72 hours, 48 hours) is the calendar day on which it ends.

`status` is the authority of the deadline the rule computes; where a row mixes a
national duty with a local timescale (CP-STRAT, LAC-IRO-APPT) the local timescale
decides it and the description says which part is national. Rules marked VERIFY in
the note (wording taken from secondary sources, not checked against the primary
text) and local-policy rules are `configurable`, so each local authority can set
its own value and the UI can say the national text is unconfirmed.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from haven.timescales.deadlines import Deadline

Recurrence = Literal["once", "rolling", "per_event"]
Status = Literal["law", "statutory_guidance", "code_of_practice", "local_policy"]

STATUS_WORDS: Mapping[Status, str] = MappingProxyType(
    {
        "law": "Law (an Act or regulations)",
        "statutory_guidance": "Statutory guidance",
        "code_of_practice": "Code of practice",
        "local_policy": "Local policy",
    }
)

CAPABILITIES = (
    "frontdoor",
    "assessments",
    "protection",
    "cin",
    "care",
    "adoption",
    "fostering",
    "private_fostering",
    "court",
    "send",
    "complaints",
)

# The events that start a clock: "<app that records it>.<what happened>". The
# event's date is the trigger date; where that date is not simply "the day it
# happened", the meaning says which date it is.
TRIGGERS: Mapping[str, str] = MappingProxyType(
    {
        # Front door and assessment
        "frontdoor.contact_received": (
            "A contact or referral about a child reached children's social care"
        ),
        "frontdoor.referral_received": (
            "A referral was received (the point of referral, not allocation)"
        ),
        "assessments.assessment_started": (
            "A single assessment started (its actual start date, which a referral "
            "ending in no further action never has)"
        ),
        # Child protection
        "protection.significant_harm_suspected": (
            "There was reasonable cause to suspect a child is suffering, or is "
            "likely to suffer, significant harm"
        ),
        "protection.section_47_enquiry_started": (
            "A strategy discussion started section 47 enquiries (the date of that "
            "strategy discussion, not of any later one)"
        ),
        "protection.initial_conference_recommended": (
            "A strategy meeting recommended an initial child protection conference"
        ),
        "protection.child_protection_plan_started": (
            "An initial child protection conference made the child subject of a "
            "child protection plan (the date of the conference)"
        ),
        "protection.core_group_held": "A core group meeting was held",
        "protection.review_conference_held": (
            "A review child protection conference was held"
        ),
        "protection.pre_birth_plan_child_born": (
            "A baby subject to a pre-birth child protection plan was born"
        ),
        "protection.serious_incident_became_known": (
            "The local authority became aware of a serious child safeguarding incident"
        ),
        "protection.local_practice_review_commissioned": (
            "The safeguarding partners decided to undertake a local child "
            "safeguarding practice review"
        ),
        "protection.allegation_against_adult_became_known": (
            "An employer became aware of an allegation against someone who works "
            "with children"
        ),
        # Children in need
        "cin.child_in_need_plan_started": "A child in need plan started",
        # Looked-after children
        "care.period_of_care_started": (
            "The child became looked after (the first placement of a period of care)"
        ),
        "care.placement_started": "A placement started (any placement)",
        "care.out_of_area_placement_proposed": (
            "A placement outside the local authority's area was proposed"
        ),
        "care.temporary_approval_extended": (
            "A connected person's temporary approval was extended (the date the "
            "original 16 weeks end)"
        ),
        "care.health_assessment_completed": "A health assessment was completed",
        "care.pep_reviewed": "A personal education plan was reviewed",
        "care.first_review_held": "The first looked-after child review was held",
        "care.second_review_held": "The second looked-after child review was held",
        "care.review_held": "A looked-after child review was held",
        "care.early_review_required": (
            "An event under CPPCR reg 33(3) means a review must be brought forward"
        ),
        "care.significant_change_proposed": (
            "A significant change to the care plan was proposed"
        ),
        "care.statutory_visit_made": "A statutory visit to the child was made",
        "care.care_order_made": "A full care order was made",
        "care.visit_requested": (
            "The child, carer or a parent reasonably asked for a visit, or the local "
            "authority was told of a concern"
        ),
        "care.short_break_started": "The child's first short break started",
        "care.secure_placement_started": (
            "The child was placed in secure accommodation"
        ),
        "care.former_looked_after_child_detained": (
            "A former looked-after child was first detained"
        ),
        "care.child_returned_from_missing": (
            "A child was found or returned after going missing from home or care"
        ),
        "care.repeat_missing_episodes_recorded": (
            "A child went missing repeatedly (the local protocol's threshold was met)"
        ),
        "care.independent_person_visit_made": (
            "An independent person visited a children's home (reg 44)"
        ),
        "care.quality_of_care_review_completed": (
            "A children's home completed a review of the quality of care (reg 45)"
        ),
        "care.restraint_used": (
            "Restraint or another control measure was used in a children's home"
        ),
        "care.serious_event_occurred": (
            "A serious event happened in a children's home (death, serious injury, "
            "police involvement, absconding...)"
        ),
        # Care leavers
        "care.became_eligible_child": (
            "The child became an eligible child (16th birthday, or later when "
            "eligibility came later)"
        ),
        "care.leaving_care_assessment_completed": (
            "An eligible child's needs assessment was completed"
        ),
        "care.became_relevant_child": "The young person became a relevant child",
        "care.return_to_education_notified": (
            "A former relevant child told the local authority they are returning to "
            "education or training (CA89 s23CA(1)(c))"
        ),
        "care.pathway_plan_reviewed": "A pathway plan was reviewed",
        "care.pathway_review_scheduled": (
            "A pathway plan review was booked (the date of the review)"
        ),
        "care.leaving_care_accommodation_provided": (
            "Accommodation was first provided under CA89 s23B or s24B"
        ),
        "care.personal_adviser_visit_made": (
            "The personal adviser visited the young person's accommodation"
        ),
        "care.ceased_to_be_looked_after": "The child ceased to be looked after",
        # Adoption
        "adoption.authority_to_place_granted": (
            "The agency first had authority to place the child for adoption"
        ),
        "adoption.child_placed_for_adoption": "The child was placed for adoption",
        "adoption.panel_recommendation_received": (
            "The agency decision maker received the panel's recommendation and "
            "final minutes"
        ),
        "adoption.registration_of_interest_received": (
            "A prospective adopter's registration of interest was received"
        ),
        "adoption.stage_two_started": (
            "A prospective adopter notified the agency they wish to start stage 2"
        ),
        # Fostering
        "fostering.carer_approved": "A foster carer was approved",
        # Private fostering
        "private_fostering.arrangement_proposed": (
            "A private fostering arrangement was proposed (the proposed start date)"
        ),
        "private_fostering.proposal_notified": (
            "The local authority received notice of a proposed arrangement (reg 3)"
        ),
        "private_fostering.arrangement_notified": (
            "The local authority received notice of an arrangement (regs 5-6)"
        ),
        "private_fostering.arrangement_became_known": (
            "The local authority became aware of a private fostering arrangement"
        ),
        "private_fostering.child_moved_in": (
            "The child went to live with the private foster carer"
        ),
        "private_fostering.arrangement_ended": (
            "The private fostering arrangement ended"
        ),
        # Court and emergency powers
        "court.care_application_issued": (
            "An application for a care or supervision order was issued"
        ),
        "court.emergency_protection_order_made": (
            "An emergency protection order was made"
        ),
        "court.police_protection_started": (
            "The police took the child into police protection"
        ),
        "court.child_assessment_order_started": (
            "A child assessment order took effect (the date the order specifies)"
        ),
        "court.interim_care_order_made": "An interim care order was made",
        "court.special_guardianship_application_planned": (
            "Someone intends to apply for a special guardianship order (the date "
            "they intend to apply)"
        ),
        # SEND
        "send.assessment_requested": (
            "An EHC needs assessment was requested, or the local authority became "
            "responsible for the child or young person"
        ),
        "send.advice_requested": (
            "Advice or information for an EHC needs assessment was requested"
        ),
        "send.draft_plan_served": "A draft EHC plan was served",
        "send.plan_finalised": "An EHC plan was first made (finalised)",
        "send.annual_review_meeting_held": "An EHC plan review meeting was held",
        "send.amendments_proposed": (
            "Proposed amendments to an EHC plan were sent after a review"
        ),
        "send.phase_transfer_window_opened": (
            "The child or young person came within 12 months of a transfer between "
            "phases of education"
        ),
        "send.post16_transfer_planned": (
            "A move between post-16 institutions was proposed (the transfer date)"
        ),
        "send.tribunal_order_made": "The First-tier Tribunal made an order",
        # Complaints
        "complaints.complaint_received": "A complaint was received (stage 1)",
        "complaints.stage_two_requested": "The complainant asked for stage 2",
        "complaints.review_panel_requested": (
            "The complainant asked for a review panel (stage 3)"
        ),
        "complaints.review_panel_held": "The review panel met",
        "complaints.panel_report_received": (
            "The local authority received the review panel's report"
        ),
    }
)


@dataclass(frozen=True, kw_only=True)
class Rule:
    """One statutory, guidance or local timescale.

    `deadline` is counted from the trigger date; it is None where the guidance gives
    no date a computer can work out ("as soon as practicable", "before the first
    review"), and the rule is then shown as guidance text.

    `recurrence` says how often the deadline falls:

    - "once": its trigger happens once in an episode of work (the child becomes
      looked after, section 47 enquiries start), so the deadline falls once;
    - "per_event": its trigger recurs in the ordinary course of a case (every
      contact, placement, review meeting or complaint), each with its own deadline;
    - "rolling": the duty repeats. The first deadline is counted from the trigger,
      then each time the duty is done the next one falls `interval` later, counted
      from the date it was actually done (research note, section 3).
    """

    id: str
    description: str
    trigger: str
    deadline: Deadline | None
    recurrence: Recurrence
    interval: Deadline | None = None
    responsible: str
    status: Status
    verify: bool = False
    configurable: bool = False
    source: str
    capability: str

    def __post_init__(self) -> None:
        if self.trigger not in TRIGGERS:
            raise ValueError(f"{self.id}: unknown trigger {self.trigger!r}")
        if self.capability not in CAPABILITIES:
            raise ValueError(f"{self.id}: unknown capability {self.capability!r}")
        if self.interval is not None and self.recurrence != "rolling":
            raise ValueError(f"{self.id}: only a rolling rule has an interval")
        if (self.verify or self.status == "local_policy") and not self.configurable:
            raise ValueError(f"{self.id}: local and VERIFY rules are configurable")


def _d(notation: str) -> Deadline:
    return Deadline.parse(notation)


# 1.1 Referral, assessment, child protection (Working Together 2023 ch.3 unless stated)
_FRONT_DOOR_AND_PROTECTION = (
    Rule(
        id="REF-DECISION",
        description=(
            "Acknowledge the referral to the referrer and decide the next steps and "
            "type of response (no further action, section 17, section 47, immediate "
            "protection)"
        ),
        trigger="frontdoor.contact_received",
        deadline=_d("+1 WD"),
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
        deadline=_d("+45 WD"),
        recurrence="per_event",
        responsible="Social worker; team manager authorises",
        status="statutory_guidance",
        source=(
            "Working Together to Safeguard Children 2023 (DfE, December 2023), "
            'chapter 3, section "Assessment timescales": within 45 working days '
            "from the point of referral. Counted from the assessment's actual start "
            "(CIN census AssessmentActualStartDate), since a referral may end in "
            "no further action and an episode may hold more than one assessment"
        ),
        capability="assessments",
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
        deadline=_d("+1 WD"),
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
        deadline=_d("+15 WD"),
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
        deadline=_d("+1 WD"),
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
        deadline=_d("+10 WD"),
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
        deadline=_d("+4 w"),
        recurrence="rolling",
        interval=_d("+4 w"),
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
        deadline=_d("+3 m"),
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
        deadline=_d("+6 m"),
        recurrence="rolling",
        interval=_d("+6 m"),
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
        deadline=_d("+10 WD"),
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
        id="CP-VISIT",
        description=(
            "Social worker visits to a child on a child protection plan (child seen, "
            "and seen alone). No national frequency; local policies say every 10 "
            "working days (default), fortnightly, or at least every 4 weeks / 28 "
            "days"
        ),
        trigger="protection.child_protection_plan_started",
        deadline=_d("+10 WD"),
        recurrence="rolling",
        interval=_d("+10 WD"),
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
        deadline=_d("+3 m"),
        recurrence="rolling",
        interval=_d("+3 m"),
        responsible="Social worker",
        status="local_policy",
        configurable=True,
        source="WT2023 ch.3 (plans reviewed regularly; no interval)",
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
        deadline=_d("+5 WD"),
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
        deadline=_d("+15 WD"),
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
        deadline=_d("+6 m"),
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
        deadline=_d("+1 WD"),
        recurrence="once",
        responsible="Employer or its designated officer",
        status="statutory_guidance",
        verify=True,
        configurable=True,
        source="WT2023 ch.4; KCSIE Part 4 (VERIFY)",
        capability="protection",
    ),
)


# 1.2 Looked-after children: care planning, placement, reviews (CPPCR unless stated)
_LOOKED_AFTER = (
    Rule(
        id="LAC-CAREPLAN",
        description=(
            "Care plan prepared (not a section 31A court care plan): before the "
            "first placement or, if that is not practicable, within 10 working days "
            "of its start; then kept under review (reg 6)"
        ),
        trigger="care.period_of_care_started",
        deadline=_d("+10 WD"),
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
        deadline=_d("+5 WD"),
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
        deadline=_d("+5 WD"),
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
        deadline=_d("+5 WD"),
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
        deadline=_d("+6 WD"),
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
        deadline=_d("+16 w"),
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
        deadline=_d("+8 w"),
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
        deadline=_d("+20 WD"),
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
            "Review health assessment: every 6 months for a child under 5 (the "
            "default here), every 12 months from the 5th birthday; the care "
            "capability chooses by age"
        ),
        trigger="care.health_assessment_completed",
        deadline=_d("+6 m"),
        recurrence="rolling",
        interval=_d("+6 m"),
        responsible=(
            "Social worker arranges; health (doctor, nurse or midwife) carries out"
        ),
        status="law",
        verify=True,
        configurable=True,
        source="CPPCR reg 7(4)",
        capability="care",
    ),
    Rule(
        id="LAC-SDQ",
        description=(
            "Strengths and Difficulties Questionnaire for children aged 4 or 5 to "
            "16 looked after for at least 12 months, then every year"
        ),
        trigger="care.period_of_care_started",
        deadline=_d("+12 m"),
        recurrence="rolling",
        interval=_d("+12 m"),
        responsible="Social worker or carer",
        status="statutory_guidance",
        verify=True,
        configurable=True,
        source="Promoting health… (2015) (VERIFY)",
        capability="care",
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
        deadline=_d("+10 WD"),
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
        deadline=_d("+20 WD"),
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
        deadline=_d("+3 m"),
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
        deadline=_d("+6 m"),
        recurrence="rolling",
        interval=_d("+6 m"),
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
        deadline=_d("+5 WD"),
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
        deadline=_d("+5 WD"),
        recurrence="per_event",
        responsible="IRO",
        status="statutory_guidance",
        verify=True,
        configurable=True,
        source="IRO Handbook (DCSF 2010) — not confirmed",
        capability="care",
    ),
    Rule(
        id="LAC-VISIT-1",
        description="Statutory visit within a week of the start of any placement",
        trigger="care.placement_started",
        deadline=_d("+1 w"),
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
        deadline=_d("+6 w"),
        recurrence="rolling",
        interval=_d("+6 w"),
        responsible="Social worker (the local authority's representative)",
        status="law",
        source="CPPCR reg 28(2)(b)",
        capability="care",
    ),
    Rule(
        id="LAC-VISIT-LT",
        description=(
            "Statutory visits after the first year where the placement is intended "
            "to last until the child is 18"
        ),
        trigger="care.statutory_visit_made",
        deadline=_d("+3 m"),
        recurrence="rolling",
        interval=_d("+3 m"),
        responsible="Social worker (the local authority's representative)",
        status="law",
        source="CPPCR reg 28(2)(c)(i)",
        capability="care",
    ),
    Rule(
        id="LAC-VISIT-OTHER",
        description="Statutory visits after the first year in other placements",
        trigger="care.statutory_visit_made",
        deadline=_d("+6 w"),
        recurrence="rolling",
        interval=_d("+6 w"),
        responsible="Social worker (the local authority's representative)",
        status="law",
        source="CPPCR reg 28(2)(c)(ii)",
        capability="care",
    ),
    Rule(
        id="LAC-VISIT-LTFP",
        description=(
            "Statutory visits in a long-term foster placement of at least a year "
            "where the child (of sufficient age and understanding) agrees to fewer "
            "visits; record the agreement"
        ),
        trigger="care.statutory_visit_made",
        deadline=_d("+6 m"),
        recurrence="rolling",
        interval=_d("+6 m"),
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
    ),
    Rule(
        id="LAC-VISIT-PWP19",
        description=(
            "Placed with a parent before the assessment is complete (reg 19): "
            "visits every week until the first review, then at least every 6 weeks"
        ),
        trigger="care.placement_started",
        deadline=_d("+1 w"),
        recurrence="rolling",
        interval=_d("+1 w"),
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
        deadline=_d("+1 w"),
        recurrence="rolling",
        interval=_d("+1 w"),
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
        deadline=_d("+1 w"),
        recurrence="rolling",
        interval=_d("+6 w"),
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
        deadline=_d("+3 m"),
        recurrence="rolling",
        interval=_d("+6 m"),
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
        deadline=_d("+3 m"),
        recurrence="rolling",
        interval=_d("+6 m"),
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
        deadline=_d("+3 d"),
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
        deadline=_d("+1 m"),
        recurrence="rolling",
        interval=_d("+3 m"),
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
        deadline=_d("+10 WD"),
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
        deadline=_d("+3 d"),
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


# 1.3 Care leavers
_CARE_LEAVERS = (
    Rule(
        id="CL-ELIG-ASSESS",
        description=(
            "Needs assessment for an eligible child (looked after for at least 13 "
            "weeks since age 14 and still looked after)"
        ),
        trigger="care.became_eligible_child",
        deadline=_d("+3 m"),
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
        deadline=_d("+3 m"),
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
        deadline=_d("+3 m"),
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
        deadline=_d("+6 m"),
        recurrence="rolling",
        interval=_d("+6 m"),
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
        deadline=_d("+7 d"),
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
        deadline=None,
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
        deadline=_d("+2 m"),
        recurrence="rolling",
        interval=_d("+2 m"),
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


# 1.4 Adoption, fostering, private fostering, special guardianship
_ADOPTION_AND_FOSTERING = (
    Rule(
        id="ADO-REVIEW-UNPLACED",
        description=(
            "Adoption reviews while the agency may place the child but has not: "
            "the first within 3 months, then at least every 6 months until placed"
        ),
        trigger="adoption.authority_to_place_granted",
        deadline=_d("+3 m"),
        recurrence="rolling",
        interval=_d("+6 m"),
        responsible="Adoption agency or IRO",
        status="law",
        source=(
            "AAR reg 36(1) (text confirmed) "
            "https://www.legislation.gov.uk/uksi/2005/389/regulation/36"
        ),
        capability="adoption",
    ),
    Rule(
        id="ADO-REVIEW-PLACED",
        description=(
            "Reviews after placement for adoption: the first within 4 weeks, the "
            "second within 3 months of the first, then at least every 6 months "
            "until the adoption order or the child's return"
        ),
        trigger="adoption.child_placed_for_adoption",
        deadline=_d("+4 w"),
        recurrence="rolling",
        interval=_d("+6 m"),
        responsible="Adoption agency or IRO",
        status="law",
        source="AAR reg 36(3)",
        capability="adoption",
    ),
    Rule(
        id="ADO-VISIT",
        description=(
            "Visits to the child and prospective adopter: within a week of "
            "placement, then at least weekly until the first review, then as "
            "decided at each review"
        ),
        trigger="adoption.child_placed_for_adoption",
        deadline=_d("+1 w"),
        recurrence="rolling",
        interval=_d("+1 w"),
        responsible="Child's social worker (and the adopters' social worker)",
        status="law",
        source="AAR reg 36(4)",
        capability="adoption",
    ),
    Rule(
        id="ADO-ADM",
        description=(
            "Agency decision maker's decision after the panel's recommendation "
            "(Wales allows 10 working days)"
        ),
        trigger="adoption.panel_recommendation_received",
        deadline=_d("+7 WD"),
        recurrence="per_event",
        responsible="Agency decision maker",
        status="statutory_guidance",
        verify=True,
        configurable=True,
        source=(
            "Adoption statutory guidance (DfE 2013, rev. 2014) ch.1/3; Wales uses 10 WD"
        ),
        capability="adoption",
    ),
    Rule(
        id="ADO-STAGE1",
        description="Prospective adopter assessment, stage 1 (about 2 months)",
        trigger="adoption.registration_of_interest_received",
        deadline=_d("+2 m"),
        recurrence="once",
        responsible="Adoption agency",
        status="statutory_guidance",
        verify=True,
        configurable=True,
        source=("AAR regs 21-30 (as amended 2013) + adoption statutory guidance ch.3"),
        capability="adoption",
    ),
    Rule(
        id="ADO-STAGE2",
        description="Prospective adopter assessment, stage 2 (about 4 months)",
        trigger="adoption.stage_two_started",
        deadline=_d("+4 m"),
        recurrence="once",
        responsible="Adoption agency",
        status="statutory_guidance",
        verify=True,
        configurable=True,
        source=("AAR regs 21-30 (as amended 2013) + adoption statutory guidance ch.3"),
        capability="adoption",
    ),
    Rule(
        id="ADO-S42",
        description=(
            "The child must have had a home with agency applicants for at least 10 "
            "weeks before they apply for an adoption order: an earliest date, not a "
            "deadline"
        ),
        trigger="adoption.child_placed_for_adoption",
        deadline=None,
        recurrence="once",
        responsible="Adopters and adoption agency",
        status="law",
        verify=True,
        configurable=True,
        source="Adoption and Children Act 2002 s42(2) (VERIFY)",
        capability="adoption",
    ),
    Rule(
        id="FOST-REVIEW",
        description=(
            "Review of a foster carer's approval: the first within a year of "
            "approval, with its report to the fostering panel; then at least every "
            "year"
        ),
        trigger="fostering.carer_approved",
        deadline=_d("+12 m"),
        recurrence="rolling",
        interval=_d("+12 m"),
        responsible="Fostering service provider",
        status="law",
        source=(
            "Fostering Services (England) Regs 2011 reg 28(2),(5) (same wording as "
            "2002 reg 29, text confirmed; 2011 numbering per redcarcleveland "
            "procedures)"
        ),
        capability="fostering",
    ),
    Rule(
        id="PF-NOTIFY",
        description=(
            "The proposed private foster carer, parent or arranger notifies the "
            "local authority at least 6 weeks before the arrangement starts, or "
            "immediately if it starts within 6 weeks"
        ),
        trigger="private_fostering.arrangement_proposed",
        deadline=_d("-6 w"),
        recurrence="once",
        responsible="Private foster carer, parent or the person arranging it",
        status="law",
        source="PFR reg 3 (explanatory note confirmed)",
        capability="private_fostering",
    ),
    Rule(
        id="PF-VISIT-PROPOSAL",
        description=(
            "An officer of the local authority visits the premises and speaks to "
            "the proposed carer, the household and the child"
        ),
        trigger="private_fostering.proposal_notified",
        deadline=_d("+7 WD"),
        recurrence="once",
        responsible="Local authority officer",
        status="law",
        source="PFR reg 4(1) (text confirmed via Torbay NMS extract)",
        capability="private_fostering",
    ),
    Rule(
        id="PF-VISIT-ARRIVAL",
        description=(
            "Local authority visit after the child starts living with the private "
            "foster carer"
        ),
        trigger="private_fostering.arrangement_notified",
        deadline=_d("+7 WD"),
        recurrence="once",
        responsible="Local authority officer",
        status="law",
        verify=True,
        configurable=True,
        source="PFR reg 7",
        capability="private_fostering",
    ),
    Rule(
        id="PF-NOTIFY-ARRIVAL",
        description=(
            "Notice that the child has gone to live with the private foster carer, "
            "within 48 hours (the date shown is the day the 48 hours end)"
        ),
        trigger="private_fostering.child_moved_in",
        deadline=_d("+2 d"),
        recurrence="per_event",
        responsible="Private foster carer or parent",
        status="law",
        verify=True,
        configurable=True,
        source="PFR regs 6, 10",
        capability="private_fostering",
    ),
    Rule(
        id="PF-NOTIFY-END",
        description=(
            "Notice that the child has left the private foster carer, within 48 "
            "hours (the date shown is the day the 48 hours end)"
        ),
        trigger="private_fostering.arrangement_ended",
        deadline=_d("+2 d"),
        recurrence="per_event",
        responsible="Private foster carer or parent",
        status="law",
        verify=True,
        configurable=True,
        source="PFR regs 6, 10",
        capability="private_fostering",
    ),
    Rule(
        id="PF-VISIT-N",
        description=(
            "Later visits, speaking to the child alone: at least every 6 weeks in "
            "the first year, then at least every 12 weeks; also when reasonably "
            "requested. The arrangement counts from when the local authority "
            "became aware of it"
        ),
        trigger="private_fostering.arrangement_became_known",
        deadline=_d("+6 w"),
        recurrence="rolling",
        interval=_d("+6 w"),
        responsible="Local authority officer",
        status="law",
        source="PFR reg 8(1),(2),(6) (text confirmed)",
        capability="private_fostering",
    ),
    Rule(
        id="SGO-NOTICE",
        description=(
            "Notice to the local authority of an intention to apply for a special "
            "guardianship order, at least 3 months before applying; the local "
            "authority then investigates and reports"
        ),
        trigger="court.special_guardianship_application_planned",
        deadline=_d("-3 m"),
        recurrence="once",
        responsible="The applicant gives notice to the local authority",
        status="law",
        verify=True,
        configurable=True,
        source="CA89 s14A(7)",
        capability="court",
    ),
)


# 1.5 Court and emergency powers (dates the system displays)
_COURT = (
    Rule(
        id="CRT-26W",
        description=(
            "Care or supervision proceedings decided within 26 weeks beginning with "
            "the day the application was issued, so the last day is 181 days after "
            "it; the court may extend by up to 8 weeks at a time, not routinely"
        ),
        trigger="court.care_application_issued",
        deadline=_d("+181 d"),
        recurrence="per_event",
        responsible="The court (local authority legal team tracks)",
        status="law",
        source=(
            "CA89 s32(1)(a)(ii),(5)-(8) (text confirmed) "
            "https://www.legislation.gov.uk/ukpga/1989/41/section/32"
        ),
        capability="court",
    ),
    Rule(
        id="CRT-EPO",
        description=(
            "An emergency protection order lasts at most 8 days; one extension of "
            "up to 7 days"
        ),
        trigger="court.emergency_protection_order_made",
        deadline=_d("+8 d"),
        recurrence="once",
        responsible="Local authority",
        status="law",
        verify=True,
        configurable=True,
        source="CA89 s45(1),(5)-(6)",
        capability="court",
    ),
    Rule(
        id="CRT-POLICE",
        description=(
            "Police protection lasts at most 72 hours; the police inform the local "
            "authority (the date shown is the day the 72 hours end)"
        ),
        trigger="court.police_protection_started",
        deadline=_d("+3 d"),
        recurrence="once",
        responsible="Police (inform the local authority)",
        status="law",
        verify=True,
        configurable=True,
        source="CA89 s46(6)",
        capability="court",
    ),
    Rule(
        id="CRT-CAO",
        description=(
            "A child assessment order lasts at most 7 days from the date it specifies"
        ),
        trigger="court.child_assessment_order_started",
        deadline=_d("+7 d"),
        recurrence="once",
        responsible="Local authority",
        status="law",
        verify=True,
        configurable=True,
        source="CA89 s43(5)",
        capability="court",
    ),
    Rule(
        id="CRT-ICO",
        description=(
            "An interim care order has no fixed maximum since 2014: it lasts until "
            "the proceedings are decided unless the court limits it"
        ),
        trigger="court.interim_care_order_made",
        deadline=None,
        recurrence="once",
        responsible="The court",
        status="law",
        verify=True,
        configurable=True,
        source="CA89 s38(4) as amended by CAFA 2014 s14 (VERIFY)",
        capability="court",
    ),
)


# 1.6 Children's homes: duties of the provider; the placing authority gets reports
_CHILDRENS_HOMES = (
    Rule(
        id="CH-REG44",
        description=(
            "Independent person's visit at least once in each calendar month, with a "
            "report copied to Ofsted, placing authorities and the provider (by the "
            "end of the month of the visit: unconfirmed)"
        ),
        trigger="care.independent_person_visit_made",
        deadline=None,
        recurrence="rolling",
        responsible="Registered person or independent person",
        status="law",
        verify=True,
        configurable=True,
        source="CHR reg 44(1),(4),(7) (text confirmed for (1)-(7))",
        capability="care",
    ),
    Rule(
        id="CH-REG45",
        description=(
            "Review of the quality of care at least every 6 months; report to HMCI "
            "within 28 days of completing it"
        ),
        trigger="care.quality_of_care_review_completed",
        deadline=_d("+6 m"),
        recurrence="rolling",
        interval=_d("+6 m"),
        responsible="Registered person",
        status="law",
        verify=True,
        configurable=True,
        source="CHR reg 45",
        capability="care",
    ),
    Rule(
        id="CH-RESTRAINT",
        description=(
            "Record of restraint or another control measure within 24 hours (the "
            "date shown is the day they end); manager's review within 48 hours"
        ),
        trigger="care.restraint_used",
        deadline=_d("+1 d"),
        recurrence="per_event",
        responsible="Registered person",
        status="law",
        verify=True,
        configurable=True,
        source="CHR reg 35(3)-(4)",
        capability="care",
    ),
    Rule(
        id="CH-NOTIFY",
        description=(
            "Notify Ofsted, the placing authority and others of serious events "
            "(death, serious injury, child sexual exploitation, police involvement, "
            "absconding) without delay"
        ),
        trigger="care.serious_event_occurred",
        deadline=None,
        recurrence="per_event",
        responsible="Registered person",
        status="law",
        source="CHR reg 40",
        capability="care",
    ),
)


# 1.7 SEND (SENDR 2014; CAFA 2014 Part 3; SEND Code of Practice 0-25, Jan 2015).
# All these periods are calendar weeks and days, never working days.
_SEND = (
    Rule(
        id="SEN-ASSESS-DECISION",
        description=(
            "Tell the parent or young person whether an EHC needs assessment will "
            "be carried out, with appeal rights if not"
        ),
        trigger="send.assessment_requested",
        deadline=_d("+6 w"),
        recurrence="once",
        responsible="Local authority SEN team",
        status="law",
        source=(
            "SENDR reg 5(1),(3) (text confirmed) "
            "https://www.legislation.gov.uk/uksi/2014/1530/regulation/5"
        ),
        capability="send",
    ),
    Rule(
        id="SEN-ADVICE",
        description=(
            "Advice and information for an EHC needs assessment (health, social "
            "care, educational psychology, school...) given, subject to exceptions "
            "such as missed appointments"
        ),
        trigger="send.advice_requested",
        deadline=_d("+6 w"),
        recurrence="per_event",
        responsible="Those asked for advice, children's social care included",
        status="law",
        verify=True,
        configurable=True,
        source="SENDR reg 8",
        capability="send",
    ),
    Rule(
        id="SEN-NO-PLAN",
        description=(
            "Tell the parent or young person of a decision not to issue an EHC "
            "plan after the assessment"
        ),
        trigger="send.assessment_requested",
        deadline=_d("+16 w"),
        recurrence="once",
        responsible="Local authority",
        status="law",
        verify=True,
        configurable=True,
        source="SENDR reg 10(1)",
        capability="send",
    ),
    Rule(
        id="SEN-DRAFT-REPS",
        description=(
            "Allow at least 15 days, beginning with the day the draft plan is "
            "served, for representations and a school preference before the plan "
            "is finalised: an earliest date, not a deadline"
        ),
        trigger="send.draft_plan_served",
        deadline=None,
        recurrence="once",
        responsible="Local authority",
        status="law",
        source="SENDR reg 13(1) (text confirmed)",
        capability="send",
    ),
    Rule(
        id="SEN-EHCP-20W",
        description=(
            "Final EHC plan issued as soon as practicable and in any event within "
            "20 weeks of the request"
        ),
        trigger="send.assessment_requested",
        deadline=_d("+20 w"),
        recurrence="once",
        responsible="Local authority",
        status="law",
        source="SENDR reg 13(2)-(3) (text confirmed)",
        capability="send",
    ),
    Rule(
        id="SEN-ANNUAL",
        description=(
            "EHC plan review within 12 months of the plan being made, then within "
            "12 months of each review"
        ),
        trigger="send.plan_finalised",
        deadline=_d("+12 m"),
        recurrence="rolling",
        interval=_d("+12 m"),
        responsible="Local authority (the school usually convenes)",
        status="law",
        source="CAFA s44(1); Code 9.166ff",
        capability="send",
    ),
    Rule(
        id="SEN-AR-STEPS",
        description=(
            "Review meeting steps: invitations and advice at least 2 weeks before "
            "the meeting; the report within 2 weeks after it; the local authority's "
            "decision to keep, amend (with the proposed amendments) or cease the "
            "plan within 4 weeks after it (the deadline shown)"
        ),
        trigger="send.annual_review_meeting_held",
        deadline=_d("+4 w"),
        recurrence="per_event",
        responsible="Head teacher and local authority",
        status="law",
        verify=True,
        configurable=True,
        source=(
            "SENDR reg 20-21; R (L) v Devon CC [2022] EWHC 493 (Admin) (amendments "
            "must accompany 4-week notice)"
        ),
        capability="send",
    ),
    Rule(
        id="SEN-AMEND",
        description=(
            "After a review: at least 15 days for representations on the proposed "
            "amendments, and the final amended plan within 8 weeks of sending them "
            "(so within 12 weeks of the review meeting)"
        ),
        trigger="send.amendments_proposed",
        deadline=_d("+8 w"),
        recurrence="per_event",
        responsible="Local authority",
        status="law",
        source="SENDR reg 22(2)-(3) (text confirmed); Devon judgment",
        capability="send",
    ),
    Rule(
        id="SEN-PHASE",
        description=(
            "Phase transfer (early years to school, infant to junior, primary to "
            "middle or secondary, middle to secondary): plan reviewed and amended "
            "to name the next school before 15 February in the calendar year of "
            "the transfer, so by 14 February"
        ),
        trigger="send.phase_transfer_window_opened",
        deadline=_d("14 Feb"),
        recurrence="once",
        responsible="Local authority",
        status="law",
        source="SENDR reg 18(1) (text confirmed)",
        capability="send",
    ),
    Rule(
        id="SEN-PHASE-POST16",
        description=(
            "Transfer from secondary school to a post-16 institution: plan reviewed "
            "and amended to name it before 31 March in the calendar year of the "
            "transfer, so by 30 March"
        ),
        trigger="send.phase_transfer_window_opened",
        deadline=_d("30 Mar"),
        recurrence="once",
        responsible="Local authority",
        status="law",
        source="SENDR reg 18(1) (text confirmed)",
        capability="send",
    ),
    Rule(
        id="SEN-POST16-MOVE",
        description=(
            "A move between post-16 institutions at another time: plan reviewed and "
            "amended to name the new one at least 5 months before the transfer"
        ),
        trigger="send.post16_transfer_planned",
        deadline=_d("-5 m"),
        recurrence="once",
        responsible="Local authority",
        status="law",
        source="SENDR reg 18(2)",
        capability="send",
    ),
    Rule(
        id="SEN-UNDER5",
        description=(
            "Consider reviewing the EHC plan of a child under 5 every 3 to 6 months "
            "(6 months by default; 3 months where the authority prefers)"
        ),
        trigger="send.plan_finalised",
        deadline=_d("+6 m"),
        recurrence="rolling",
        interval=_d("+6 m"),
        responsible="Local authority",
        status="code_of_practice",
        configurable=True,
        source="SEND Code 9.178",
        capability="send",
    ),
    Rule(
        id="SEN-LAC-ALIGN",
        description=(
            "Hold the EHC plan review together with the looked-after review and the "
            "personal education plan review where possible"
        ),
        trigger="send.plan_finalised",
        deadline=None,
        recurrence="once",
        responsible="Local authority, social worker and virtual school head",
        status="code_of_practice",
        source="SEND Code 9.169, ch.10",
        capability="send",
    ),
    Rule(
        id="SEN-TRIBUNAL",
        description=(
            "Comply with a First-tier Tribunal order (assess, issue, amend, name a "
            "school) within the period reg 44 sets for that kind of order"
        ),
        trigger="send.tribunal_order_made",
        deadline=None,
        recurrence="per_event",
        responsible="Local authority",
        status="law",
        verify=True,
        configurable=True,
        source="SENDR reg 44",
        capability="send",
    ),
)


# 1.8 Complaints (Children Act 1989 Representations Procedure (England) Regs 2006)
_COMPLAINTS = (
    Rule(
        id="CMP-S1",
        description=(
            "Stage 1 (local resolution) response; may be extended to 20 working "
            "days. Complaints must be made within a year"
        ),
        trigger="complaints.complaint_received",
        deadline=_d("+10 WD"),
        recurrence="per_event",
        responsible="Complaints manager or team",
        status="law",
        verify=True,
        configurable=True,
        source=(
            "Children Act 1989 Representations Procedure (England) Regs 2006 (SI "
            "2006/1738) reg 14"
        ),
        capability="complaints",
    ),
    Rule(
        id="CMP-S2",
        description=(
            "Stage 2 investigation and response; may be extended to 65 working days"
        ),
        trigger="complaints.stage_two_requested",
        deadline=_d("+25 WD"),
        recurrence="per_event",
        responsible="Investigating officer and independent person",
        status="law",
        verify=True,
        configurable=True,
        source="SI 2006/1738 reg 17",
        capability="complaints",
    ),
    Rule(
        id="CMP-S3-PANEL",
        description=(
            "Review panel meets (the request is made within 20 working days of the "
            "stage 2 response)"
        ),
        trigger="complaints.review_panel_requested",
        deadline=_d("+30 WD"),
        recurrence="per_event",
        responsible="Local authority",
        status="law",
        source="SI 2006/1738 reg 19(4) (text confirmed)",
        capability="complaints",
    ),
    Rule(
        id="CMP-S3-REPORT",
        description="Review panel's report",
        trigger="complaints.review_panel_held",
        deadline=_d("+5 WD"),
        recurrence="per_event",
        responsible="Review panel",
        status="law",
        source="SI 2006/1738 regs 20-21 (standards.esd.org.uk duty 3565)",
        capability="complaints",
    ),
    Rule(
        id="CMP-S3-RESPONSE",
        description="The local authority's response to the review panel's report",
        trigger="complaints.panel_report_received",
        deadline=_d("+15 WD"),
        recurrence="per_event",
        responsible="Local authority",
        status="law",
        source="SI 2006/1738 regs 20-21 (standards.esd.org.uk duty 3565)",
        capability="complaints",
    ),
)


RULES: tuple[Rule, ...] = (
    *_FRONT_DOOR_AND_PROTECTION,
    *_LOOKED_AFTER,
    *_CARE_LEAVERS,
    *_ADOPTION_AND_FOSTERING,
    *_COURT,
    *_CHILDRENS_HOMES,
    *_SEND,
    *_COMPLAINTS,
)

_RULES_BY_ID: Mapping[str, Rule] = MappingProxyType({r.id: r for r in RULES})


def rule(rule_id: str) -> Rule:
    """The rule with this id, e.g. rule("ASSESS-CF"); KeyError if there is none."""
    try:
        return _RULES_BY_ID[rule_id]
    except KeyError:
        raise KeyError(f"No timescale rule {rule_id!r}") from None


def rules_triggered_by(event: str) -> tuple[Rule, ...]:
    """The rules whose clock the event starts, in catalogue order."""
    return tuple(r for r in RULES if r.trigger == event)
