"""The pages of multi-factor authentication: the code after the password,
setting up an app, recovery codes shown once, and Account security."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from haven.core import mfa, signin
from haven.core.forms import SetUpAppForm, SignInCodeForm
from haven.core.http import AuthenticatedRequest, posted
from haven.core.route_policy import Policy, policy


def _next(request: HttpRequest) -> str:
    """Where the person was going when the code page stopped them, if safe."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if safe and wanted.startswith("/") else ""


@policy(Policy.STAFF)
def sign_in_code(request: AuthenticatedRequest) -> HttpResponse:
    if mfa.pending_step(request) != "code":
        return redirect(_next(request) or "home")
    form = SignInCodeForm(posted(request))
    if form.is_valid():
        try:
            right = mfa.check_code(request, form.cleaned_data["code"])
        except mfa.Locked:
            messages.error(request, signin.locked_message())
            return redirect("login")
        if right:
            return redirect(_next(request) or "home")
        form.add_error("code", form.wrong)
    return render(
        request, "core/sign_in_code.html", {"form": form, "next": _next(request)}
    )


@policy(Policy.STAFF)
def set_up(request: AuthenticatedRequest) -> HttpResponse:
    if mfa.has_mfa(request.user):
        messages.info(request, "You have already set up an authenticator app")
        return redirect("account_security")
    form = SetUpAppForm(posted(request))
    if form.is_valid():
        if mfa.confirm_set_up(request, form.cleaned_data["code"]):
            return redirect("recovery_codes")
        form.add_error("code", form.wrong)
    device = mfa.draft_device(request)
    return render(
        request,
        "core/mfa_set_up.html",
        {
            "form": form,
            "qr_code": mfa.qr_code(device),
            "secret": mfa.readable_secret(device),
            "required": settings.HAVEN_REQUIRE_MFA,
            "signed_in": mfa.pending_step(request) is None,
        },
    )


@policy(Policy.STAFF)
def recovery_codes(request: AuthenticatedRequest) -> HttpResponse:
    """New recovery codes, shown this once: the session forgets them."""
    codes = request.session.pop(mfa.NEW_CODES_KEY, None)
    if not codes:
        return redirect("account_security")
    return render(request, "core/recovery_codes.html", {"codes": codes})


@policy(Policy.STAFF)
@require_POST
def new_recovery_codes(request: AuthenticatedRequest) -> HttpResponse:
    if not mfa.has_mfa(request.user):
        return redirect("account_security")
    request.session[mfa.NEW_CODES_KEY] = mfa.replace_recovery_codes(request.user)
    return redirect("recovery_codes")


@policy(Policy.STAFF)
def account_security(request: AuthenticatedRequest) -> HttpResponse:
    device = mfa.app_device(request.user)
    return render(
        request,
        "core/account_security.html",
        {
            "device": device,
            "codes_left": mfa.recovery_codes_left(request.user) if device else 0,
            "required": settings.HAVEN_REQUIRE_MFA,
        },
    )
