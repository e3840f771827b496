"""The guidance and legal source shown beside each court form."""

PROCEEDINGS = {
    "heading": "Court proceedings",
    "button": "Record the proceedings",
    "guidance": (
        "Record the application the day the court issued it. Care and "
        "supervision proceedings are to be decided within 26 weeks of that day; "
        "the date shows on the child's page and the allocated worker's work."
    ),
    "source": "Children Act 1989 s31 and s32(1)(a); Public Law Outline (FPR PD 12A)",
}
ORDER = {
    "heading": "Court order",
    "button": "Record the order",
    "guidance": (
        "The order is where a looked-after child's legal status comes from: "
        "recording police protection, an emergency protection, child assessment, "
        "interim care, care or placement order changes it from that day. A "
        "special guardianship or child arrangements order ends the child's care "
        "that day, and so does a supervision order made in place of a care or "
        "interim care order: say why their care ended. A final order decides "
        "the proceedings it was made in."
    ),
    "source": (
        "Children Act 1989 s8, s14A, s31, s38, s43, s44, s46; Adoption and "
        "Children Act 2002 s21; SSDA903 legal status (LS) and reason episode "
        "ceased (REC)"
    ),
}
EXTENSION = {
    "heading": "Extension of the 26 weeks",
    "button": "Record the extension",
    "guidance": (
        "The court may extend the time for deciding the proceedings by up to 8 "
        "weeks at a time, only where it is necessary to resolve them justly, and "
        "not routinely. The new date is counted from the application."
    ),
    "source": "Children Act 1989 s32(5) to (8)",
}
DISPOSAL = {
    "heading": "The court's decision",
    "button": "Record the decision",
    "guidance": (
        "Record the day the court decided the proceedings. Interim orders made "
        "in them end that day. Record a final order with the order form: it "
        "decides the proceedings itself. Where the child is looked after under "
        "an interim care order and no order was made, say whether their care "
        "ended (and why) or they stay accommodated under section 20."
    ),
    "source": "Children Act 1989 s32 and s38(4)",
}
DISCHARGE = {
    "heading": "End of an order",
    "button": "Record the end",
    "guidance": (
        "Record the day the order stopped having effect before its end: "
        "discharged by the court, or police protection over. A later order that "
        "takes its place ends it by itself. Where the child is looked after "
        "under this order, their legal status cannot stay as it was: say "
        "whether their care ended (and why) or they stay accommodated under "
        "section 20."
    ),
    "source": (
        "Children Act 1989 s20, s39, s45 and s46; SSDA903 reason episode ceased (REC)"
    ),
}
