"""Where a front-door decision leads, declared by the app that knows both sides.

The front door decides; the services it routes to (children in need, early
help) sit above it, so it does not import them. The app allowed to know both
(haven.pathways) registers at start-up, in its plugin.py, what starts each
decision's next step and what the decision page shows about the child's work
elsewhere (issue 11 item 17). The front door asks; it never names the services.

Where the manager goes once the decision is recorded is declared the same way,
by the app whose page comes next (a strategy discussion: child protection).
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


# Where the user who recorded the decision continues (a page's URL), or None
# to stay on the contact. Run after the decision has committed.
ContinueAt = Callable[["ContactChild", "User"], str | None]

_NEXT_STEPS: dict[str, NextStep] = {}
_CONTINUE_AT: dict[str, ContinueAt] = {}
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


def continue_at(*decisions: str) -> Callable[[ContinueAt], ContinueAt]:
    """Register the page the user goes to after recording `decisions`."""

    def register(func: ContinueAt) -> ContinueAt:
        for decision in decisions:
            if decision in _CONTINUE_AT:
                raise ImproperlyConfigured(
                    f"Where the user goes after the decision {decision!r} is "
                    "declared twice"
                )
            _CONTINUE_AT[decision] = func
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


def where_next(decided: "list[ContactChild]", user: "User") -> str | None:
    """The page the user goes to after recording these decisions: the first
    one's with a page of its own to continue at (the other children's due work
    waits on their queues)."""
    for named in decided:
        step = _CONTINUE_AT.get(named.decision)
        url = step(named, user) if step is not None else None
        if url:
            return url
    return None
