"""The service navigation, assembled from the entries each app declares.

An app declares its places in its `plugin.py` (discovered at start-up, the way
Django's admin finds `admin.py`), so the core never imports the apps above it:

    menu_entry("Front door", "frontdoor:queue", order=30, shown=works_at_front_door)
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from django.urls import reverse

from haven.core import permissions
from haven.core.models import User

Shown = Callable[[User], bool]


@dataclass(frozen=True)
class Entry:
    text: str
    url_name: str
    order: int
    shown: Shown


ENTRIES: dict[str, Entry] = {}


def menu_entry(text: str, url_name: str, *, order: int, shown: Shown) -> None:
    """Declare a place in the menu (in an app's plugin.py); one entry a page."""
    if url_name in ENTRIES:
        raise ImproperlyConfigured(f"The menu entry for {url_name} is declared twice")
    ENTRIES[url_name] = Entry(text, url_name, order, shown)


def with_perm(*perms: str) -> Shown:
    """Shown to a user holding any of these permissions ("core.x")."""
    return lambda user: permissions.holds(user, *perms)


def navigation_for(request: HttpRequest) -> list[dict[str, Any]]:
    """The service navigation: only the places this user's roles can use."""
    user = request.user
    if not isinstance(user, User):
        return []
    items = []
    for entry in sorted(ENTRIES.values(), key=lambda e: (e.order, e.text)):
        if entry.shown(user):
            href = reverse(entry.url_name)
            items.append(
                {"text": entry.text, "href": href, "current": request.path == href}
            )
    return items
