"""Who the year's tables are about, from the children's episodes alone.

"Continuously looked after" for 12 months at 31 March is the validator's
(returns.md 2.7): a child with an episode in the year none of whose episodes
starts in the year with RNE S, ends in the year with a REC other than X1, or
is a short break (V3, V4) during the year. OC2 is for them (rules 190/191).
Care that starts on 1 April or ends on 31 March (the day after the last in
care) covers the 12 months, as the validator counts them."""

from haven.care import codes
from haven.returns.ssda903.loading import Child, Year


def continuously_looked_after(year: Year, child: Child) -> bool:
    found = year.episodes_in_year(child)
    for episode in found:
        if episode.rne == "S" and episode.decom > year.first:
            return False
        if episode.dec is not None and episode.dec < year.last and episode.rec != "X1":
            return False
        if episode.ls in codes.SHORT_BREAKS:
            return False
    return bool(found)


def looked_after_in_year(year: Year, child: Child) -> bool:
    """Looked after on some day of the year, short breaks not counted (the
    Header's MOTHER is asked of them alone, rules 399 and 628)."""
    return any(
        episode.ls not in codes.SHORT_BREAKS for episode in year.episodes_in_year(child)
    )


def looked_after_at_end(year: Year, child: Child) -> bool:
    """Looked after on 31 March, a short break not counted."""
    return any(
        episode.dec is None and episode.ls not in codes.SHORT_BREAKS
        for episode in year.episodes_in_year(child)
    )
