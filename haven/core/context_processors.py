from typing import Any

from django.conf import settings
from django.http import HttpRequest

from haven.core import alerts
from haven.core.mfa import pending_step
from haven.core.navigation import navigation_for
from haven.core.roles import group_names
from haven.core.selectors import is_demo_database


def shell(request: HttpRequest) -> dict[str, Any]:
    """What the page frame needs: the authority, the user's roles and menu.
    A session still to enter its security code is shown none of them."""
    user = getattr(request, "user", None)
    mfa_pending = user is not None and pending_step(request) is not None
    signed_in = user is not None and user.is_authenticated and not mfa_pending
    return {
        "shell": {
            "authority_name": settings.HAVEN_LOCAL_AUTHORITY_NAME,
            "la_code": settings.HAVEN_LA_CODE,
            "is_demo": is_demo_database(),
            "role_names": group_names(user) if signed_in else [],
            "navigation": navigation_for(request) if signed_in else [],
            "mfa_pending": mfa_pending,
            # For the information governance lead: bursts not yet seen.
            "new_bursts": alerts.new_for(user) if user and signed_in else 0,
        }
    }
