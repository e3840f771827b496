"""Nothing Haven serves may be kept by a browser or proxy cache.

Every page, export and API answer after sign-in is about children or the staff
who work with them; a shared computer's cache or back button must not show it
to the next person. Static files are served (and cached) by WhiteNoise, which
answers before this middleware is reached.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


class NoStoreMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        add_never_cache_headers(response)
        return response
