"""Request types for views behind the sign-in wall."""

from django.http import HttpRequest

from haven.core.models import User


class AuthenticatedRequest(HttpRequest):
    """Every view but sign-in runs behind LoginRequiredMiddleware: a real user."""

    user: User
