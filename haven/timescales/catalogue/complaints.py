"""1.8 Complaints (Children Act 1989 Representations Procedure (England) Regs 2006)."""

from haven.timescales.catalogue.model import Rule, d

RULES: tuple[Rule, ...] = (
    Rule(
        id="CMP-S1",
        description=(
            "Stage 1 (local resolution) response; may be extended to 20 working "
            "days. Complaints must be made within a year"
        ),
        trigger="complaints.complaint_received",
        deadline=d("+10 WD"),
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
        deadline=d("+25 WD"),
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
        deadline=d("+30 WD"),
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
        deadline=d("+5 WD"),
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
        deadline=d("+15 WD"),
        recurrence="per_event",
        responsible="Local authority",
        status="law",
        source="SI 2006/1738 regs 20-21 (standards.esd.org.uk duty 3565)",
        capability="complaints",
    ),
)
