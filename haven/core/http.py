"""Request types for views behind the sign-in wall."""

from django.http import HttpRequest, QueryDict

from haven.core.models import User


class AuthenticatedRequest(HttpRequest):
    """Every view but sign-in runs behind LoginRequiredMiddleware: a real user."""

    user: User


def posted(request: HttpRequest) -> QueryDict | None:
    """The submitted data, or None on a GET. Not `request.POST or None`: a POST
    with nothing filled in must still bind the form, so it says what is missing."""
    return request.POST if request.method == "POST" else None
