from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.messages.views import SuccessMessageMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse_lazy

from haven.core.home import panels_for
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.core.selectors import home_page_for


@policy(Policy.STAFF)
def home(request: AuthenticatedRequest) -> HttpResponse:
    page = home_page_for(request.user)
    page.panels = panels_for(request)
    return render(request, "core/home.html", {"page": page})


@policy(Policy.STAFF)
class ChangePassword(SuccessMessageMixin, auth_views.PasswordChangeView):
    """Staff change their own password; the session stays signed in."""

    # Not registration/password_change_form.html: the admin's template of that
    # name comes first.
    template_name = "core/change_password.html"
    success_url = reverse_lazy("home")
    success_message = "Your password has been changed"


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
