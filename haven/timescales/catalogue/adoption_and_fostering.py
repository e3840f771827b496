"""1.4 Adoption, fostering, private fostering, special guardianship."""

from haven.timescales.catalogue.model import Rule, d

RULES: tuple[Rule, ...] = (
    Rule(
        id="ADO-REVIEW-UNPLACED",
        description=(
            "Adoption reviews while the agency may place the child but has not: "
            "the first within 3 months, then at least every 6 months until placed"
        ),
        trigger="adoption.authority_to_place_granted",
        deadline=d("+3 m"),
        recurrence="rolling",
        interval=d("+6 m"),
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
        deadline=d("+4 w"),
        recurrence="rolling",
        interval=d("+6 m"),
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
        deadline=d("+1 w"),
        recurrence="rolling",
        interval=d("+1 w"),
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
        deadline=d("+7 WD"),
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
        deadline=d("+2 m"),
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
        deadline=d("+4 m"),
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
        earliest=d("+10 w"),
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
        deadline=d("+12 m"),
        recurrence="rolling",
        interval=d("+12 m"),
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
        deadline=d("-6 w"),
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
        deadline=d("+7 WD"),
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
        deadline=d("+7 WD"),
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
        deadline=d("+2 d"),
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
        deadline=d("+2 d"),
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
        deadline=d("+6 w"),
        recurrence="rolling",
        interval=d("+6 w"),
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
        deadline=d("-3 m"),
        recurrence="once",
        responsible="The applicant gives notice to the local authority",
        status="law",
        verify=True,
        configurable=True,
        source="CA89 s14A(7)",
        capability="court",
    ),
)
