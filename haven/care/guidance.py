"""What each care page says beside its form: its heading and button, the
guidance a worker reads while filling it, and the source of the rule."""

CARE_PLANNING = (
    "The Care Planning, Placement and Case Review (England) Regulations 2010; "
    "DfE SSDA903 children looked after return, technical specification "
    "(returns.md 2.4)"
)

START = {
    "heading": "Start a period of care",
    "button": "Start the period of care",
    "guidance": (
        "Record the day the child started to be looked after, the legal basis "
        "(an order, or accommodation under section 20) and where they were "
        "placed that day. The SSDA903 records this as the first episode, with "
        "reason for new episode S. A foster placement needs the carer; most "
        "other placements need the provider. A looked-after child is a child in "
        "need: care starts inside their open child in need episode, on or after "
        "its referral, and the episode stays open while they are looked after."
    ),
    "source": CARE_PLANNING,
}

MOVE = {
    "heading": "Move to a new placement",
    "button": "Record the move",
    "guidance": (
        "A move is one step: the current placement ends on the day of the move "
        "and the new one starts that day, so there is never a day without a "
        "placement. Say why the current placement is ending (SSDA903 "
        "REASON_PLACE_CHANGE), except when leaving a temporary placement. A "
        "child placed for adoption (A3 to A6) needs the legal status that "
        "allows it: record a placement order first."
    ),
    "source": CARE_PLANNING + "; rules 225, 226 and 408",
}

LEGAL = {
    "heading": "Change the legal status",
    "button": "Record the change",
    "guidance": (
        "Record the day an order was made or ended: the current legal status "
        "ends that day and the new one starts. Each change starts a new SSDA903 "
        "episode (reason L, or T or B if the placement changes the same day). "
        "A short break (V3 or V4) is its own period of care, never a change."
    ),
    "source": CARE_PLANNING + "; rules 366 and 408",
}

END = {
    "heading": "End the period of care",
    "button": "End the period of care",
    "guidance": (
        "Record the day the child ceased to be looked after and why: their "
        "legal status and placement end that day (SSDA903 DEC and REC). A "
        "child who dies: record the date of death on their details first."
    ),
    "source": CARE_PLANNING + "; rule 148",
}

CORRECT = {
    "heading": "Correct a placement",
    "button": "Save the correction",
    "guidance": (
        "Put right a placement recorded wrongly: its type, carer, provider, "
        "address or the day it started. Moving the start also moves the end "
        "of the placement before it. The record before and after, and your "
        "reason, stay in the child's journal; the SSDA903 episodes follow at "
        "once."
    ),
    "source": CARE_PLANNING,
}

CORRECT_STATUS = {
    "heading": "Correct a legal status",
    "button": "Save the correction",
    "guidance": (
        "Put right a legal status recorded wrongly: its code or the day it "
        "started. Moving the start also moves the end of the legal status "
        "before it; the first starts with the period of care (correct the "
        "period to move it). A placement for adoption still needs the legal "
        "status that allows it. The record before and after, and your reason, "
        "stay in the child's journal; the SSDA903 episodes follow at once."
    ),
    "source": CARE_PLANNING + "; rules 366 and 408",
}

CORRECT_PERIOD = {
    "heading": "Correct the period of care",
    "button": "Save the correction",
    "guidance": (
        "Put right the day the child started to be looked after (the first "
        "SSDA903 episode's DECOM, reason S), their category of need, and for a "
        "period that has ended, the day and reason it ended (DEC and REC). The "
        "first legal status and placement move with the start, the last with "
        "the end. To end a period, use 'End the period of care'; a correction "
        "cannot reopen one. The SSDA903 episodes, the whereabouts board and "
        "the visit timescales follow at once."
    ),
    "source": CARE_PLANNING + "; rule 148",
}
