"""Placed out of the authority's area: of the children placed at the end of
each month, how many out of it, by the rule the whereabouts board and the
SSDA903 use (haven.care.distance: the placement's recorded district, else its
postcode's, against settings.HAVEN_AREA_CODES). Where the area cannot be told
(no codes set, a postcode not in the directory) the child counts as not out."""

from django.conf import settings

from haven.care import distance
from haven.care.models import Placement
from haven.care.models.looked_after import PLACEMENT_PERIOD
from haven.core.periods import contains
from haven.reporting.figures import Figure, Item, declare
from haven.reporting.spans import Span


def _placed(span: Span) -> list[Item]:
    rows = (
        Placement.objects.filter(
            PLACEMENT_PERIOD.overlapping_days(span.first, span.last)
        )
        .order_by()
        .values_list(
            "period__person_id", "started_on", "ended_on", "postcode", "local_authority"
        )
    )
    ours = settings.HAVEN_AREA_CODES  # read once for every placement
    items = []
    for person_id, start, end, postcode, recorded in rows:
        district = distance.district_of(postcode, recorded)
        area = distance.area_of(district, ours)
        for month in span.months:
            if contains(start, end, month.last, inclusive_end=False):
                items.append(
                    Item(
                        person_id,
                        month.key,
                        month.last,
                        hit=area is distance.Area.OUT,
                        details=(district, area.label),
                    )
                )
    return items


OUT_OF_AREA = declare(
    Figure(
        key="out_of_area",
        name="Placed out of area",
        counts="Of the children in a placement at the end of each month, the "
        "per cent placed outside the authority's area",
        source="The placement's district (its recorded local authority, else its "
        "postcode's in the ONS postcode directory) against the authority's own "
        "districts (HAVEN_AREA_CODES), as SSDA903 PL_LOCATION and the "
        "whereabouts board read it.",
        compute=_placed,
        rate=True,
        hit_words=("Out of area", "In area or not known"),
        columns=("District", "Area"),
        team_words="the team holding the child's case at the end of the month",
    )
)
