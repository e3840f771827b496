"""What each statutory visits page says beside its form."""

CPPCR = (
    "The Care Planning, Placement and Case Review (England) Regulations 2010, "
    "regulation 28"
)

FEWER = {
    "heading": "Agreement to fewer visits",
    "button": "Record the agreement",
    "guidance": (
        "A child in a long-term foster placement that has lasted at least a "
        "year, who is of sufficient age and understanding, may agree to be "
        "visited at intervals of up to six months. Record the day they agreed "
        "and what they said; from the next visit, the next one is due six "
        "months later."
    ),
    "source": CPPCR + "(3A) (as inserted in 2015)",
}

REQUEST = {
    "heading": "Request for a visit",
    "button": "Record the request",
    "guidance": (
        "The child, their carer or a parent may reasonably ask for a visit, or "
        "we may be told of a concern about the child: visit as soon as "
        "reasonably practicable. The next statutory visit meets the request."
    ),
    "source": CPPCR + "(6) and (7)",
}
