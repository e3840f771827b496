"""What each missing-from-care page says beside its form: its heading and
button, the guidance a worker reads while filling it, and its source."""

RUNAWAY = (
    "Statutory guidance on children who run away or go missing from home or "
    "care (DfE, January 2014); DfE SSDA903 children looked after return, "
    "Missing table (returns.md 2.5)"
)

REPORT = {
    "heading": "Report missing from care",
    "button": "Report missing",
    "guidance": (
        "Record when the child went missing, or was away from their placement "
        "without authorisation, and whether the police were told. The child "
        "stays on their placement: nothing about it changes. Tell the police "
        "at once when a child is missing; their reference can be added later."
    ),
    "source": RUNAWAY,
}

RETURN = {
    "heading": "Record their return",
    "button": "Record the return",
    "guidance": (
        "Record when the child came back or was found. An independent return "
        "home interview must then be offered within 72 hours; it shows on "
        "your work with its date."
    ),
    "source": RUNAWAY,
}

POLICE = {
    "heading": "Police report",
    "button": "Save the police report",
    "guidance": (
        "Say whether the police were told that the child was missing, and the "
        "reference they gave. An episode open for more than 24 hours with no "
        "police reference is listed for managers."
    ),
    "source": RUNAWAY,
}

INTERVIEW = {
    "heading": "Return home interview",
    "button": "Save the interview",
    "guidance": (
        "An independent person offers the child an interview within 72 hours "
        "of their return, to understand why they went missing and what "
        "happened while they were away. Record when it was offered, and when "
        "it was held or that the child declined it. Come back to add the date "
        "it was held."
    ),
    "source": RUNAWAY + " (independent return interviews)",
}

STRATEGY = {
    "heading": "Strategy meeting",
    "button": "Record the meeting",
    "guidance": (
        "A child who goes missing for long or often needs a strategy meeting "
        "with the police and others involved, to plan how to keep them safe. "
        "The local protocol sets when: here after 72 hours missing, or three "
        "episodes in 30 days."
    ),
    "source": "Local runaway and missing from home and care protocol; " + RUNAWAY,
}
