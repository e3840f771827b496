"""Placed at a distance: of the children in a placement at the end of each
month, how many more than 20 miles from home, by the SSDA903's own distance
(haven.care.distance.miles from HOME_POST to PL_POST, as each episode carries
it, haven.care.episodes). Where either postcode is missing or not in the
directory the distance is not known and the child counts as not far."""

from haven.care import distance
from haven.care.episodes import episode_on
from haven.reporting.figures import Figure, Item, declare
from haven.reporting.histories import cared_for
from haven.reporting.spans import Span

MILES = 20
# The care app's bands beyond 20 miles (the DfE reports placements more
# than 20 miles from home).
FAR = frozenset(key for key, _, low, _ in distance.BANDS if low >= MILES)
BAND_WORDS = {key: words for key, words, _, _ in distance.BANDS}


def _placed(span: Span) -> list[Item]:
    items = []
    for cared in cared_for(span.first, span.last, homes=True):
        for month in span.months:
            episode = episode_on(cared.episodes, month.last)
            if episode is None:
                continue
            band = distance.band_of(episode.pl_distance)
            miles = "Not known" if episode.pl_distance is None else episode.pl_distance
            items.append(
                Item(
                    cared.person_id,
                    month.key,
                    month.last,
                    hit=band in FAR,
                    details=(miles, BAND_WORDS.get(band, "Not known")),
                )
            )
    return items


AT_A_DISTANCE = declare(
    Figure(
        key="placed_far",
        name="Placed more than 20 miles from home",
        counts="Of the children in a placement at the end of each month, the "
        "per cent placed more than 20 miles from home",
        source="The straight-line distance from the child's home postcode "
        "before care (HOME_POST) to the placement's (PL_POST), as the SSDA903 "
        "PL_DISTANCE and the DfE's 'Children looked after in England' count "
        "it; a distance not known counts as not over 20 miles.",
        compute=_placed,
        rate=True,
        hit_words=("Over 20 miles", "20 miles or less, or not known"),
        columns=("Miles from home", "Distance"),
        team_words="the team holding the child's case at the end of the month",
    )
)
