"""1.5 Court and emergency powers (dates the system displays)."""

from haven.timescales.catalogue.model import Rule, d

RULES: tuple[Rule, ...] = (
    Rule(
        id="CRT-26W",
        description=(
            "Care or supervision proceedings decided within 26 weeks beginning with "
            "the day the application was issued, so the last day is 181 days after "
            "it; the court may extend by up to 8 weeks at a time, not routinely"
        ),
        trigger="court.care_application_issued",
        deadline=d("+181 d"),
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
        deadline=d("+8 d"),
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
        deadline=d("+3 d"),
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
        deadline=d("+7 d"),
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
