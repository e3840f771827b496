"""Signing out a session left idle (HAVEN_IDLE_TIMEOUT_MINUTES), besides the
absolute age every session has (SESSION_COOKIE_AGE): a worker who walks away
from a screen showing a child's record does not leave it open all day."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

LAST_SEEN = "haven_last_seen"
# The time seen is written at most this often, so every request does not
# rewrite the session; the timeout may come up to this much early.
RESOLUTION_SECONDS = 60


def seconds_now() -> float:
    """The wall clock, like the session's own expiry; not haven.core.clock, the
    time of the record, which tests and the demo builder move about."""
    return time.time()


class IdleTimeoutMiddleware:
    """Signs out a session idle for longer than the timeout, with a message on
    the sign-in page that the login-required check sends the request to."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request: HttpRequest) -> None:
        now = seconds_now()
        last_seen = request.session.get(LAST_SEEN)
        limit = settings.HAVEN_IDLE_TIMEOUT_MINUTES * 60
        if isinstance(last_seen, int | float) and now - last_seen > limit:
            logout(request)
            messages.info(
                request,
                "You were signed out because Haven was not used for "
                f"{settings.HAVEN_IDLE_TIMEOUT_MINUTES} minutes. Sign in again.",
            )
            return
        if not isinstance(last_seen, int | float) or (
            now - last_seen >= RESOLUTION_SECONDS
        ):
            request.session[LAST_SEEN] = now
