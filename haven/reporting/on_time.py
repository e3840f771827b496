"""Reviews, visits and the return home interview after a missing episode, on
time: of the duties met in each month, how many by their due date, each due
date the timescale engine's (as in timeliness.py)."""

from haven.reporting.figures import Figure, declare
from haven.reporting.timeliness import TIMESCALE_COLUMNS, of_rules, source_of


def _declare(
    key: str, name: str, counts: str, unit: str, measure: str, *rule_ids: str
) -> Figure:
    return declare(
        Figure(
            key=key,
            name=name,
            counts=counts,
            source=source_of(measure, *rule_ids),
            compute=of_rules(*rule_ids),
            unit=unit,
            rate=True,
            hit_words=("On time", "Late"),
            columns=TIMESCALE_COLUMNS,
        )
    )


CIN_REVIEWS = _declare(
    "cin_reviews",
    "Child in need plan reviews on time",
    "Of the child in need plan reviews held in each month, the per cent held "
    "by their due date",
    "reviews",
    "Working Together sets no interval: the council's (three months unless it "
    "sets its own).",
    "CIN-REVIEW",
)
CIN_VISITS = _declare(
    "cin_visits",
    "Child in need visits on time",
    "Of the visits to children on child in need plans made in each month, the "
    "per cent made by their due date",
    "visits",
    "There is no national frequency: the council's.",
    "CIN-VISIT",
)
LAC_REVIEWS = _declare(
    "lac_reviews",
    "Looked-after children's reviews on time",
    "Of the looked-after children's reviews held in each month, the per cent "
    "held by their due date",
    "reviews",
    "The first review within 20 working days, the second within three months "
    "of it, then every six months.",
    "LAC-REVIEW-1",
    "LAC-REVIEW-2",
    "LAC-REVIEW-N",
)
CP_REVIEWS = _declare(
    "cp_reviews",
    "Review child protection conferences on time",
    "Of the review child protection conferences held in each month, the per "
    "cent held by their due date",
    "conferences",
    "The first review within three months of the initial conference, then "
    "every six months.",
    "CP-RCPC1",
    "CP-RCPC-N",
)
CP_VISITS = _declare(
    "cp_visits",
    "Child protection visits on time",
    "Of the visits to children on child protection plans made in each month, "
    "the per cent made by their due date",
    "visits",
    "A child on a plan is seen within 10 working days of the last time, unless "
    "the council sets its own interval.",
    "CP-VISIT",
)
LAC_VISITS = _declare(
    "lac_visits",
    "Looked-after children's visits on time",
    "Of the statutory visits to looked-after children made in each month, the "
    "per cent made by their due date",
    "visits",
    "Each regime of the Care Planning, Placement and Case Review Regulations "
    "2010 reg 28 (a new placement, its first year, a long-term placement).",
    "LAC-VISIT-1",
    "LAC-VISIT-Y1",
    "LAC-VISIT-LT",
    "LAC-VISIT-OTHER",
    "LAC-VISIT-LTFP",
    "LAC-VISIT-REQ",
)
RETURN_INTERVIEWS = _declare(
    "return_interviews",
    "Return home interviews within 72 hours",
    "Of the return home interviews offered in each month after a child "
    "looked after went missing, the per cent offered within 72 hours",
    "interviews",
    "Statutory guidance on children who run away or go missing from home or care.",
    "LAC-MISSING-RHI",
)

ON_TIME = (
    CIN_REVIEWS,
    CIN_VISITS,
    CP_REVIEWS,
    CP_VISITS,
    LAC_REVIEWS,
    LAC_VISITS,
    RETURN_INTERVIEWS,
)
