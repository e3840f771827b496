"""Where a front-door decision leads, declared by the app that knows both sides.

The front door decides; the services it routes to (children in need, early
help) sit above it, so it does not import them. The app allowed to know both
(haven.pathways) registers at start-up, in its plugin.py, what starts each
decision's next step and what the decision page shows about the child's work
elsewhere (issue 11 item 17). The front door asks; it never names the services.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from haven.core.models import User
    from haven.frontdoor.models import ContactChild
    from haven.people.models import Person

# The decision's next step, run inside decide_contact's transaction: it returns
# what the "frontdoor.contact_decided" event records about where the child went.
NextStep = Callable[["ContactChild", "User"], dict[str, Any]]

# What the journal records when no next step ran (a decision of no further
# action, say): the keys every "frontdoor.contact_decided" event carries.
NOWHERE: dict[str, Any] = {
    "episode": None,
    "early_help_request": None,
    "passed_to_open_episode": False,
    "passed_to_open_request": False,
}


@dataclass(frozen=True)
class ChildsWork:
    """What the decision page shows about a child's social care history."""

    previous_referral: dt.date | None = None
    open_episode: bool = False


_NEXT_STEPS: dict[str, NextStep] = {}
_history: list[Callable[["Person", dt.date], ChildsWork]] = []


def next_step(*decisions: str) -> Callable[[NextStep], NextStep]:
    """Register the function that starts what `decisions` lead to."""

    def register(func: NextStep) -> NextStep:
        for decision in decisions:
            if decision in _NEXT_STEPS:
                raise ImproperlyConfigured(
                    f"What the decision {decision!r} leads to is declared twice"
                )
            _NEXT_STEPS[decision] = func
        return func

    return register


def childs_work(
    func: Callable[["Person", dt.date], ChildsWork],
) -> Callable[["Person", dt.date], ChildsWork]:
    """Register what tells the decision page about the child's social care
    work (a referral in the 12 months before `on`, an open episode)."""
    if _history:
        raise ImproperlyConfigured("The child's social care work is declared twice")
    _history.append(func)
    return func


def start_next_step(named: "ContactChild", by: "User") -> dict[str, Any]:
    """Start what the decision leads to; what the journal should say of it."""
    step = _NEXT_STEPS.get(named.decision)
    if step is None:
        return dict(NOWHERE)
    return {**NOWHERE, **step(named, by)}


def work_of(person: "Person", on: dt.date) -> ChildsWork:
    """The child's social care work, as the decision page shows it."""
    return _history[0](person, on) if _history else ChildsWork()
