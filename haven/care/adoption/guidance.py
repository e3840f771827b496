"""Each adoption page's heading, guidance and legal source."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    heading: str
    guidance: str
    source: str
    button: str
    done: str


DECIDE = Step(
    "Decision that the child should be placed for adoption",
    "The agency decision maker decides, after the adoption panel's "
    "recommendation, that the child should be placed for adoption. The date is "
    "the SSDA903's DATE_PLACED and the AD1's DATE_INT.",
    "Adoption Agencies Regulations 2005 reg 19; SSDA903 PlacedAdoption and AD1",
    "Record the decision",
    "Adoption decision recorded",
)
CEASE = Step(
    "The plan for adoption ended",
    "When the child should no longer be placed for adoption, record the date "
    "and why (SSDA903 DATE_PLACED_CEASED and REASON_PLACED_CEASED).",
    "SSDA903 PlacedAdoption (rule 119)",
    "Record the plan ending",
    "The end of the plan for adoption recorded",
)
MATCH = Step(
    "Match with prospective adopters",
    "The adopters' names and address are sealed: only the adoption team reads "
    "them. The dates and the AD1 facts (how many adopters, their sexes and "
    "legal status, whether they are the child's foster carers) go to the DfE.",
    "Adoption Agencies Regulations 2005 regs 31 to 33; SSDA903 AD1 (rules "
    "514 to 524, 331)",
    "Record the match",
    "Match recorded",
)
PLACE = Step(
    "Placed for adoption",
    "The agency may place the child only with a placement order (E1) or a "
    "freeing order (D1) in force. The placement records the adoption agency; "
    "its address is held by the adoption team, never on the placement.",
    "Adoption and Children Act 2002 ss18 to 19; Adoption Agencies Regulations "
    "2005 reg 35; SSDA903 PLACE A5 and A6 (rule 333)",
    "Record the placement",
    "Placement for adoption recorded",
)
ORDER = Step(
    "Adoption order",
    "The adoption order ends the child's period of care (SSDA903 REC E11 or "
    "E12) and sends the AD1 row for the year.",
    "Adoption and Children Act 2002 s46; SSDA903 REC and AD1",
    "Record the adoption order",
    "Adoption order recorded",
)
PERMANENCE = Step(
    "Previous permanence",
    "For a child who returns to care: the permanence order they had before "
    "(adoption, special guardianship or a child arrangements order), the "
    "authority that made it and its date.",
    "SSDA903 PrevPerm (PREV_PERM, LA_PERM, DATE_PERM; rules 630 to 634)",
    "Record previous permanence",
    "Previous permanence recorded",
)

# Prospective adopters' approval (haven/care/adoption/approval.py).
_APPROVAL_SOURCE = (
    "Adoption Agencies Regulations 2005 regs 21 to 30B (as amended 2013); "
    "adoption statutory guidance (DfE 2013) chapter 3"
)
REGISTER = Step(
    heading="Prospective adopters: registration of interest",
    guidance=(
        "Record the day the agency received the registration of interest: "
        "stage 1 (pre-assessment checks and training) starts that day. The "
        "applicants' record is sealed: only the adoption team can open it, "
        "find it or see it on a work queue."
    ),
    source=_APPROVAL_SOURCE,
    button="Record the registration",
    done="Registration of interest recorded",
)
APPROVAL_STEPS = {
    "stage_one": Step(
        heading="End of stage 1",
        guidance=(
            "Record the day the agency decided whether the applicants may go "
            "on to stage 2, and what it decided."
        ),
        source=_APPROVAL_SOURCE,
        button="Record stage 1",
        done="Stage 1 recorded",
    ),
    "stage_two": Step(
        heading="Start of stage 2",
        guidance=(
            "Record the day the applicants told the agency they wish to go on "
            "to stage 2 (the assessment): stage 2 starts that day."
        ),
        source=_APPROVAL_SOURCE,
        button="Record the start of stage 2",
        done="Start of stage 2 recorded",
    ),
    "panel": Step(
        heading="The panel's recommendation",
        guidance=(
            "Record the day the agency decision maker received the panel's "
            "recommendation and final minutes: their decision is due from it."
        ),
        source=_APPROVAL_SOURCE,
        button="Record the recommendation",
        done="Recommendation recorded",
    ),
    "decision": Step(
        heading="The agency decision maker's decision",
        guidance=(
            "Record the day the agency decision maker decided whether the "
            "applicants are suitable to adopt, and the decision."
        ),
        source=_APPROVAL_SOURCE,
        button="Record the decision",
        done="Decision recorded",
    ),
}
