from django.http import HttpResponse

from haven.core.http import AuthenticatedRequest


def chronology(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    raise NotImplementedError


def access_log(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    raise NotImplementedError


def break_glass(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    raise NotImplementedError
