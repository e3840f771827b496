"""Who the year's tables are about, from the children's episodes alone.

"Continuously looked after" for 12 months at 31 March is the validator's
(returns.md 2.7): a child with an episode in the year none of whose episodes
starts in the year with RNE S, ends in the year with a REC other than X1, or
is a short break (V3, V4) during the year. OC2 is for them (rules 190/191)."""

from haven.care import codes
from haven.returns.ssda903.loading import Child, Year


def continuously_looked_after(year: Year, child: Child) -> bool:
    found = year.episodes_in_year(child)
    for episode in found:
        if episode.rne == "S" and episode.decom >= year.first:
            return False
        if episode.dec is not None and episode.rec != "X1":
            return False
        if episode.ls in codes.SHORT_BREAKS:
            return False
    return bool(found)


def looked_after_at_end(year: Year, child: Child) -> bool:
    """Looked after on 31 March, a short break not counted."""
    return any(
        episode.dec is None and episode.ls not in codes.SHORT_BREAKS
        for episode in year.episodes_in_year(child)
    )
