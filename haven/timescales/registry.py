"""Which rules of the catalogue are live, and how their events are recognised.

A capability activates a rule when it records the rule's events, in its
plugin.py:

    activate(
        "REF-DECISION",
        key="contact",
        met_by=("frontdoor.contact_decided",),
        action="Decide what happens next with the contact",
        url_name="frontdoor:decide",
    )

The trigger event (the rule's `trigger` in the catalogue) and the events that meet
or end an obligation carry `key` in their journal payload, naming the thing the
obligation is about (a contact's id, an assessment's id). An ending event without
that key ends every open obligation under the rule for the person (closing a
child's episode ends all its outstanding duties).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from haven.timescales.catalogue import Rule, rule


@dataclass(frozen=True)
class Activation:
    rule: Rule
    key: str
    met_by: tuple[str, ...]
    ended_by: tuple[str, ...]
    action: str  # the work queue's words for what to do
    url_name: str  # reversed with the subject's id: the page that meets it
    # Events recorded before the rule's trigger changed that still start it
    # when they carry `key` (so a child's older records keep their clocks).
    formerly_started_by: tuple[str, ...] = ()
    # Who may do what it asks: a child's page links to `url_name` only for
    # them (None: anyone who may open the child), so no one is shown a link
    # that refuses them.
    may_act: Callable[[Any], bool] | None = None
    # Events that move an open obligation's due date later by the days their
    # payload names (a court's extension of its time limit): the date is still
    # the engine's, counted from the trigger.
    extended_by: tuple[str, ...] = ()
    # False: the duty is not the social worker's (a SEND team's), so it is left
    # off their queue; its own capability shows it to whoever does it.
    social_workers: bool = True

    def starts(self, event_type: str) -> bool:
        return event_type == self.rule.trigger or event_type in self.formerly_started_by


ACTIVE: dict[str, Activation] = {}


def activate(
    rule_id: str,
    *,
    key: str,
    met_by: tuple[str, ...],
    action: str,
    url_name: str,
    ended_by: tuple[str, ...] = (),
    formerly_started_by: tuple[str, ...] = (),
    may_act: Callable[[Any], bool] | None = None,
    extended_by: tuple[str, ...] = (),
    social_workers: bool = True,
) -> Activation:
    activation = Activation(
        rule(rule_id),
        key,
        met_by,
        ended_by,
        action,
        url_name,
        formerly_started_by,
        may_act,
        extended_by,
        social_workers,
    )
    if rule_id in ACTIVE:
        raise ImproperlyConfigured(f"The rule {rule_id} is activated twice")
    ACTIVE[rule_id] = activation
    # Kept in the catalogue's ids' order, not the order the apps were found in:
    # the engine makes an event's obligations in this order.
    ordered = sorted(ACTIVE.items())
    ACTIVE.clear()
    ACTIVE.update(ordered)
    return activation


def watched_event_types() -> set[str]:
    """Every event type that can change an obligation."""
    types: set[str] = set()
    for a in ACTIVE.values():
        types.add(a.rule.trigger)
        types.update(a.met_by, a.ended_by, a.formerly_started_by, a.extended_by)
    return types
