"""Where the front door's decision for a strategy discussion (or immediate
protection, which one follows) leads the manager who made it: straight to
recording the discussion on the child's episode. The decision opened the
episode and recorded the concern (haven.pathways); registered with the front
door's routing in plugin.py, since the front door cannot import this app."""

from django.urls import reverse

from haven.cin.selectors import open_episode
from haven.core.models import User
from haven.frontdoor.models import ContactChild
from haven.protection.permissions import may_record_protection


def record_the_discussion(named: ContactChild, user: User) -> str | None:
    """The strategy discussion form for the child's open episode, for a user
    who may record it."""
    if not may_record_protection(user):
        return None
    episode = open_episode(named.person)
    if episode is None:
        return None
    return reverse("protection:strategy", args=[episode.pk])
