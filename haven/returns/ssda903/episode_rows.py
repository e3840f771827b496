"""The Episodes table: every episode open on some day of the year, as
haven.care.episodes derives it from the period's legal status and placement
histories (returns.md 2.4)."""

from typing import Any

from haven.care.episodes import Episode
from haven.returns.ssda903.loading import Child, Year


def episode_row(child: Child, episode: Episode) -> dict[str, Any]:
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
        "HOME_POST": episode.home_post,
        "PL_POST": episode.pl_post,
        "URN": episode.urn,
    }


def episode_rows(year: Year) -> list[dict[str, Any]]:
    return [
        episode_row(child, episode)
        for child in year.children.values()
        for episode in year.episodes_in_year(child)
    ]
