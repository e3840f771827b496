from collections.abc import Callable
from typing import Any

from django.apps import AppConfig


class CinConfig(AppConfig):
    name = "haven.cin"
    label = "cin"
    verbose_name = "Children in need"

    def ready(self) -> None:
        from haven.core.chronology import DESCRIBERS
        from haven.timescales.registry import activate

        activate(
            "CIN-REVIEW",
            key="plan",
            met_by=("cin.plan_reviewed",),
            ended_by=("cin.episode_closed",),
            action="Review the child in need plan",
            url_name="cin:plan",
        )
        # Keyed on the child: a visit note in which the child was seen carries
        # "seen_on_visit" (casework.note_recorded); one without it meets nothing.
        activate(
            "CIN-VISIT",
            key="seen_on_visit",
            met_by=("casework.note_recorded",),
            ended_by=("cin.episode_closed",),
            action="Visit the child and see them",
            url_name="casework:person",
        )

        DESCRIBERS.update(_describers())


def _describers() -> dict[str, Callable[[dict[str, Any]], str]]:
    """The chronology's words for this app's events."""
    from haven.cin.codes import ClosureReason, NeedCode, ReviewDecision
    from haven.core.chronology import counted

    def _words(choices: type, code: str) -> str:
        try:
            return str(choices(code).label)
        except ValueError:
            return str(code)

    return {
        "frontdoor.referral_received": lambda p: (
            "Referral received: child in need episode opened"
            + (" (a re-referral within 12 months)" if p.get("re_referral") else "")
        ),
        "cin.primary_need_set": lambda p: (
            f"Primary need: {_words(NeedCode, p.get('need', ''))}"
        ),
        "cin.child_in_need_plan_started": lambda p: (
            "Child in need plan started with " + counted(p.get("actions", 0), "action")
        ),
        "cin.plan_reviewed": lambda p: (
            "Child in need plan reviewed: "
            + _words(ReviewDecision, p.get("decision", "")).lower()
        ),
        "cin.episode_closed": lambda p: (
            "Child in need episode closed: "
            + _words(ClosureReason, p.get("reason", ""))
            + ("; stepped down to early help" if p.get("step_down") else "")
            + (
                " (the family's open early help request continues)"
                if p.get("existing_early_help_request")
                else ""
            )
        ),
    }
