"""SEND: section 1.7 of the note.

SENDR 2014; CAFA 2014 Part 3; SEND Code of Practice 0-25, Jan 2015. All these
periods are calendar weeks and days, never working days.
"""

from haven.timescales.catalogue.model import Rule, d

RULES: tuple[Rule, ...] = (
    Rule(
        id="SEN-ASSESS-DECISION",
        description=(
            "Tell the parent or young person whether an EHC needs assessment will "
            "be carried out, with appeal rights if not"
        ),
        trigger="send.assessment_requested",
        deadline=d("+6 w"),
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
        deadline=d("+6 w"),
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
        deadline=d("+16 w"),
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
        deadline=d("+20 w"),
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
        deadline=d("+12 m"),
        recurrence="rolling",
        interval=d("+12 m"),
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
        deadline=d("+4 w"),
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
        deadline=d("+8 w"),
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
        deadline=d("14 Feb"),
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
        deadline=d("30 Mar"),
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
        deadline=d("-5 m"),
        # Counted back from the move's date in the trigger's payload, not from
        # the day the move was recorded.
        counted_from="transfer_date",
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
        deadline=d("+6 m"),
        recurrence="rolling",
        interval=d("+6 m"),
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
