from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader

from haven.core.http import AuthenticatedRequest
from haven.core.selectors import home_page_for


def home(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "core/home.html", {"page": home_page_for(request.user)})


@login_not_required
def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


@login_not_required
def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "403.html", {"reason": str(exception)}, status=403)


@login_not_required
def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without the request, so no context processor reads the database:
    # the database may be the thing that failed.
    html = loader.get_template("500.html").render(
        {"shell": {"authority_name": "Haven"}}
    )
    return HttpResponse(html, status=500)
