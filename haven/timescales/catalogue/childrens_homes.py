"""1.6 Children's homes: duties of the provider; the placing authority gets reports."""

from haven.timescales.catalogue.model import Rule, d

RULES: tuple[Rule, ...] = (
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
        deadline=d("+6 m"),
        recurrence="rolling",
        interval=d("+6 m"),
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
        deadline=d("+1 d"),
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
