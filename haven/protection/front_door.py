"""Where the front door's decision for a strategy discussion (or immediate
protection, which one follows) leads the manager who made it: straight to
recording the discussion on the child's episode. The decision opened the
episode and recorded the concern (haven.pathways); registered with the front
door's routing in plugin.py, since the front door cannot import this app.

Siblings named in one contact and decided together each need their own
discussion: the manager then goes to a page listing the children, each with
their form, and comes back to it after recording each one until none waits.
"""

from dataclasses import dataclass

from django.urls import reverse

from haven.cin.models import CinEpisode
from haven.cin.selectors import open_episode
from haven.core.models import User
from haven.frontdoor.codes import STRATEGY_DECISIONS
from haven.frontdoor.models import Contact, ContactChild
from haven.protection.models import StrategyDiscussion
from haven.protection.permissions import may_record_protection


@dataclass(frozen=True)
class ToRecord:
    """A child the contact's decision said needs a strategy discussion: their
    open episode, and the discussion recorded on it since the decision."""

    named: ContactChild
    episode: CinEpisode | None
    discussion: StrategyDiscussion | None


def record_the_discussion(named: ContactChild, user: User) -> str | None:
    """The strategy discussion form for the child's open episode, for a user
    who may record it; the list of them when the contact's decision named
    several children for one."""
    if not may_record_protection(user):
        return None
    children = to_record(named.contact)
    waiting = [row for row in children if row.episode and not row.discussion]
    if len(waiting) > 1:
        return reverse("protection:contact_strategies", args=[named.contact_id])
    episode = open_episode(named.person)
    if episode is None:
        return None
    return reverse("protection:strategy", args=[episode.pk])


def to_record(contact: Contact, opened: set[int] | None = None) -> list[ToRecord]:
    """Each child of the contact decided for a strategy discussion (of the
    people `opened`, those a page's user may open, if given), in the
    contact's order. A handful of siblings at most: a query or two each."""
    decided = ContactChild.objects.filter(
        contact=contact, decision__in=STRATEGY_DECISIONS
    ).select_related("person", "contact")
    rows = []
    for child in decided.order_by("pk"):
        episode = open_episode(child.person)
        held = None
        if episode is not None and child.decided_at is not None:
            held = episode.strategy_discussions.filter(
                recorded_at__gte=child.decided_at
            ).first()
        rows.append(ToRecord(child, episode, held))
    return [r for r in rows if opened is None or r.named.person_id in opened]
