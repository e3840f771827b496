"""What each health page says beside its form."""

CPPCR = (
    "The Care Planning, Placement and Case Review (England) Regulations 2010, "
    "regulation 7 and Schedule 1"
)
PROMOTING = (
    '"Promoting the health and wellbeing of looked-after children" (DfE and DHSC, '
    "March 2015)"
)
SSDA903 = "SSDA903 return, OC2 table (children looked after for 12 months)"

ASSESSMENT = {
    "heading": "Health assessment",
    "button": "Record the assessment",
    "guidance": (
        "A registered medical practitioner carries out the initial health "
        "assessment, in time for the health plan to inform the first review. "
        "Review assessments follow every six months for a child under 5 and "
        "every year from their 5th birthday; each one recorded here sets when "
        "the next is due."
    ),
    "source": f"{CPPCR}; {PROMOTING}",
}

DENTAL = {
    "heading": "Dental check",
    "button": "Record the dental check",
    "guidance": "Record each dental check the child has while looked after.",
    "source": f"{PROMOTING}; {SSDA903}: TEETH_CHECK",
}

UP_TO_DATE = {
    "heading": "Immunisations and development checks",
    "button": "Record the check",
    "guidance": (
        "Record whether the child's immunisations, or for a child under 5 their "
        "health surveillance and development checks, were up to date on the day "
        "you checked, or that it is not known."
    ),
    "source": f"{PROMOTING}; {SSDA903}: IMMUNISATIONS, HEALTH_CHECK",
}

SDQ = {
    "heading": "Strengths and Difficulties Questionnaire",
    "button": "Record the score",
    "guidance": (
        "Each year for a child aged 4 to 16, the carer (or a teacher, or a young "
        "person aged 11 to 16) completes the questionnaire. Record the total "
        "difficulties score, from 0 to 40: 17 or more is a cause for concern."
    ),
    "source": f"{PROMOTING}; {SSDA903}: SDQ_SCORE",
}

SUBSTANCE = {
    "heading": "Substance misuse",
    "button": "Record it",
    "guidance": (
        "Record a substance misuse problem identified while the child is looked "
        "after, and whether an intervention was offered and received."
    ),
    "source": f"{SSDA903}: SUBSTANCE_MISUSE, INTERVENTION_OFFERED, "
    "INTERVENTION_RECEIVED",
}

OFFENCE = {
    "heading": "Final warning, reprimand or conviction",
    "button": "Record it",
    "guidance": (
        "Record each final warning, reprimand or conviction given to the child "
        "while looked after."
    ),
    "source": f"{SSDA903}: CONVICTED",
}
