"""What each plan's page says beside its form. The sources are the catalogue's
(haven/timescales/catalogue/looked_after.py), shown with the rule."""

from haven.timescales.queue import source_words

CARE_PLAN = {
    "heading": "Care plan",
    "button": "Record this version",
    "guidance": (
        "Prepare the care plan before the child's first placement or, if that "
        "is not practicable, within 10 working days of its start, and keep it "
        "under review. A plan for permanence is needed by the second review. "
        "Each change is a new version: the old one is kept, with what changed "
        "and why."
    ),
}

PLACEMENT_PLAN = {
    "heading": "Placement plan",
    "button": "Record this version",
    "guidance": (
        "Agree the placement plan with the carer before the placement or, if "
        "that is not practicable, within 5 working days of its start. Each "
        "change is a new version: the old one is kept, with what changed and "
        "why."
    ),
}


def care_plan_page() -> dict[str, str]:
    return {
        **CARE_PLAN,
        "source": source_words("LAC-CAREPLAN")
        + "; the plan for permanence: "
        + source_words("LAC-PERM-PLAN")
        + " (to be verified; the council sets its date)",
    }


def placement_plan_page() -> dict[str, str]:
    return {
        **PLACEMENT_PLAN,
        "source": source_words("LAC-PLACEPLAN") + " (to be verified)",
    }
