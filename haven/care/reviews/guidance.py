"""What each reviews page says beside its form."""

CPPCR = (
    "The Care Planning, Placement and Case Review (England) Regulations 2010, Part 6"
)
HANDBOOK = "IRO Handbook (DCSF 2010)"

REVIEW = {
    "heading": "Record a looked-after review",
    "button": "Record the review",
    "guidance": (
        "The first review is held within 20 working days of the child coming "
        "into care, the second within 3 months of the first, then at least every "
        "6 months. Record how the child took part (PN0 only for a child under "
        "4), who attended, and each recommendation with the worker who will "
        "carry it out and the date you set: it goes on their work list until "
        "they mark it done."
    ),
    "source": CPPCR + ", regulation 33; SSDA903 Reviews table (REVIEW, REVIEW_CODE)",
}

DONE = {
    "heading": "Mark the IRO's recommendation done",
    "button": "Mark it done",
    "guidance": (
        "Say what was done: the IRO reads it before the next review and checks "
        "that the care plan moved on as recommended."
    ),
    "source": HANDBOOK + ", chapter 3",
}

CONTACT = {
    "heading": "Record an IRO visit or midway check",
    "button": "Record it",
    "guidance": (
        "The IRO meets the child before each review, and between reviews checks "
        "that the care plan and the review's recommendations are moving on."
    ),
    "source": HANDBOOK + ", chapters 2 and 3; " + CPPCR + ", regulation 36",
}

EARLY = {
    "heading": "Ask for an early review",
    "button": "Record the request",
    "guidance": (
        "A review is held before its date when the IRO asks for one, when the "
        "placement no longer safeguards the child's welfare, or before a "
        "significant change to the care plan. Say why."
    ),
    "source": CPPCR + ", regulation 33(3) and regulation 32(2)",
}

ESCALATION = {
    "heading": "Raise a concern (dispute resolution)",
    "button": "Record the concern",
    "guidance": (
        "Under the dispute resolution protocol the IRO first raises a concern "
        "informally with the social worker or their manager, then, if it is not "
        "resolved, through the formal stages, each within the timescales the "
        "protocol sets."
    ),
    "source": HANDBOOK + ", chapter 6; Children Act 1989 section 25B(3)",
}

ESCALATE = {
    "heading": "Take the concern to the next stage",
    "button": "Escalate",
    "guidance": (
        "Record what the last stage answered, and who the concern now goes to."
    ),
    "source": HANDBOOK + ", chapter 6",
}

RESOLVE = {
    "heading": "Record the escalation's outcome",
    "button": "Record the outcome",
    "guidance": "Say how the concern was resolved, and what changed for the child.",
    "source": HANDBOOK + ", chapter 6",
}

CIRCULATED = {
    "heading": "Record the review's decisions sent out",
    "button": "Record it",
    "guidance": (
        "The review's decisions go to the child, their parents, carers and the "
        "professionals involved within about 5 working days of the review; the "
        "full record follows."
    ),
    "source": HANDBOOK + ", chapter 4 (a local default the authority may change)",
}
