from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from haven.core.mfa import pending_step
from haven.notifications.selectors import unread_count


def header(request: HttpRequest) -> dict[str, Any]:
    """The header's link to the user's notifications, with how many are
    unread (one query). None before signing in, or while a security code is
    still owed."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or pending_step(request):
        return {"header_notifications": None}
    return {
        "header_notifications": {
            "url": reverse("notifications:list"),
            "unread": unread_count(user),
        }
    }
