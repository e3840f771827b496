"""The Episodes table: every episode open on some day of the year, as
haven.care.episodes derives it from the period's legal status and placement
histories (returns.md 2.4).

An unaccompanied asylum-seeking child (now or before) has no home in England
to measure a placement's distance from: their HOME_POST is left blank, as the
DfE asks (rule 406: no distance for a UASC). A short break (V3, V4) has
neither postcode: the DfE asks no placement location of one (rules 398, 420)."""

from collections.abc import Collection
from typing import Any

from haven.care import codes
from haven.care.episodes import Episode
from haven.returns.ssda903.loading import Child, Year


def episode_row(child: Child, episode: Episode, *, uasc: bool) -> dict[str, Any]:
    short = episode.ls in codes.SHORT_BREAKS
    return {
        "CHILD": child.child,
        "DECOM": episode.decom,
        "RNE": episode.rne,
        "LS": episode.ls,
        "CIN": episode.cin,
        "PLACE": episode.place,
        "PLACE_PROVIDER": episode.place_provider,
        "DEC": episode.dec,
        "REC": episode.rec,
        "REASON_PLACE_CHANGE": episode.reason_place_change,
        "HOME_POST": "" if uasc or short else episode.home_post,
        "PL_POST": "" if short else episode.pl_post,
        "URN": episode.urn,
    }


def episode_rows(year: Year, uasc: Collection[int] = ()) -> list[dict[str, Any]]:
    """The table; `uasc`: the Haven IDs of the children who are or were UASC."""
    return [
        episode_row(child, episode, uasc=child.person.pk in uasc)
        for child in year.children.values()
        for episode in year.episodes_in_year(child)
    ]
