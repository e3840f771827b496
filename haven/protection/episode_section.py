"""The child protection work on a CIN episode, shown in the episode's section
of the child's children in need page (registered in plugin.py)."""

from typing import Any

from haven.cin.models import CinEpisode
from haven.core.models import User
from haven.protection.codes import EnquiryOutcome, StrategyDecision


def on_the_episode(episode: CinEpisode, user: User) -> dict[str, Any]:
    """The episode's strategy discussions (each that decided on enquiries but
    started none offered to start one), enquiries, conferences and plans."""
    discussions = list(
        episode.strategy_discussions.select_related("section_47").order_by("held_on")
    )
    enquiries = list(
        episode.section_47_enquiries.select_related("initial_conference").order_by(
            "started_on"
        )
    )
    plans = list(episode.cp_plans.order_by("started_on"))
    to_start = [
        d
        for d in discussions
        if d.decision == StrategyDecision.SECTION_47 and not hasattr(d, "section_47")
    ]
    to_confer = [
        e
        for e in enquiries
        if e.outcome == EnquiryOutcome.SIGNIFICANT_HARM
        and not hasattr(e, "initial_conference")
    ]
    return {
        "episode": episode,
        "unborn": episode.person.is_unborn,
        "on_a_plan": any(p.is_open for p in plans),
        "discussions": discussions,
        "enquiries": enquiries,
        "plans": plans,
        "to_start": to_start,
        "to_confer": to_confer,
    }
