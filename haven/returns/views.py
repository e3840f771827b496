"""The statutory returns page: every registered return, for a year."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from haven.core.http import AuthenticatedRequest
from haven.returns import permissions, registry


def index(request: AuthenticatedRequest) -> HttpResponse:
    if not permissions.may_make_returns(request.user):
        raise PermissionDenied("Your role does not include the statutory returns")
    return render(request, "returns/index.html", {"returns": registry.every()})
