"""A service's refusal of access that reaches no view's handling is answered
as the refusal it is (403, with the service's reason in words), never as a
server error: a reader who follows a link their access does not cover (a
break-glass reader offered a form, say) learns why, and nothing is recorded."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from haven.core.errors import AccessDenied


class RefusalMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if isinstance(exception, AccessDenied):
            # Django answers PermissionDenied with handler403, which shows the reason.
            raise PermissionDenied(exception.message) from exception
        return None
