"""Multi-factor authentication: a code from an authenticator app (TOTP), or a
single-use recovery code, after the password.

Built on django-otp: a confirmed TOTPDevice is a person's app, a StaticDevice
holds their recovery codes. Signing in has two steps. The password signs the
session in (Django's login), but until a code verifies it (django-otp's login)
the session is "half signed in": `MultiFactorMiddleware` lets it reach only the
code page, or the set-up page when HAVEN_REQUIRE_MFA asks everyone to have an
app, and sign-out. Wrong codes count towards the sign-in lockout in signin.py,
so a stolen password gets no more guesses at the code than at the password.
"""

import base64
from collections.abc import Callable
from typing import Any, Literal

import django_otp
import segno
from django.conf import settings
from django.contrib.auth import logout
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from haven.core import signin

RECOVERY_CODES = 10
APP_NAME = "Authenticator app"
CODES_NAME = "Recovery codes"
# The secret being set up, kept in the session until a code confirms it, so
# opening the set-up page stores nothing.
SECRET_KEY = "haven_mfa_secret"
WITHOUT_APP_KEY = "haven_mfa_without_app"
# New recovery codes, shown once by the page they are redirected to.
NEW_CODES_KEY = "haven_mfa_new_codes"

Step = Literal["code", "set_up"]
# What a half-signed-in session may open, by view name, for each step.
OPEN_AT = {"code": {"sign_in_code", "logout"}, "set_up": {"mfa_set_up", "logout"}}


class Locked(Exception):
    """The account or address is locked: no code is checked."""


def app_device(user: Any) -> TOTPDevice | None:
    found: TOTPDevice | None = TOTPDevice.objects.filter(
        user=user, confirmed=True
    ).first()
    return found


def has_mfa(user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_step(request: HttpRequest) -> Step | None:
    """What a signed-in session must do before anything else: enter a code,
    set up an app, or nothing. Worked out once per request."""
    if not hasattr(request, "_haven_mfa_step"):
        request._haven_mfa_step = _step(request)  # type: ignore[attr-defined]
    step: Step | None = request._haven_mfa_step  # type: ignore[attr-defined]
    return step


def _step(request: HttpRequest) -> Step | None:
    user = getattr(request, "user", None)
    # otp_device is set by OTPMiddleware: the device that verified this session.
    if user is None or not user.is_authenticated:
        return None
    if getattr(user, "otp_device", None) is not None:
        return None
    if _known_without_app(request):
        return None
    if has_mfa(user):
        return "code"
    if settings.HAVEN_REQUIRE_MFA:
        return "set_up"
    # MFA optional and no app: remembered for the session, so each page does not
    # ask the database again. Setting one up (`confirm_set_up`) forgets it; a
    # session begun before an app existed is the only kind that has it.
    request.session[WITHOUT_APP_KEY] = True
    return None


def _known_without_app(request: HttpRequest) -> bool:
    return not settings.HAVEN_REQUIRE_MFA and bool(request.session.get(WITHOUT_APP_KEY))


class MultiFactorMiddleware:
    """Sends a half-signed-in session to its code (or set-up) page from every
    other page; the API refuses it outright. After OTPMiddleware, and after
    LoginRequiredMiddleware, which deals with sessions not signed in at all."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        step = pending_step(request)
        match = request.resolver_match
        if step is None or (match and match.view_name in OPEN_AT[step]):
            return None
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"detail": "Finish signing in: enter your security code."},
                status=403,
            )
        if step == "set_up":
            return redirect("mfa_set_up")
        target = reverse("sign_in_code")
        if request.method == "GET" and request.path != reverse("home"):
            # Where they were going, for after the code (a bookmark, a link).
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)


def check_code(request: HttpRequest, code: str) -> bool:
    """Verify a half-signed-in session's code: an app's current code or an
    unused recovery code (which is then used up). A wrong code counts towards
    the lockout; at the lock the session is signed out and Locked raised."""
    user: Any = request.user
    username, address = user.get_username(), signin.client_address(request)
    if signin.is_locked(username, address):
        logout(request)
        raise Locked
    device = _matching_device(user, normalise(code))
    if device is None:
        signin.record_failure(username, address)
        if signin.is_locked(username, address):
            logout(request)
            raise Locked
        return False
    _verified(request, device)
    signin.forget_failures(username)
    return True


def normalise(code: str) -> str:
    # Typed as shown ("abcd efgh") or as an app groups it ("123 456").
    return "".join(code.split()).replace("-", "").lower()


def _matching_device(user: Any, code: str) -> Any:
    # An app's codes are six digits; recovery codes are eight letters and digits,
    # so each code is tried against the one kind it can be.
    kind = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    for device in kind.objects.filter(user=user, confirmed=True):
        if django_otp.verify_token(user, device.persistent_id, code):
            return device
    return None


def _verified(request: HttpRequest, device: Any) -> None:
    # A new session key at each step up in privilege, as Django's login does.
    request.session.cycle_key()
    django_otp.login(request, device)


def set_up_secret(request: HttpRequest) -> str:
    """The hex secret for the app being set up, made once per session."""
    secret = request.session.get(SECRET_KEY)
    if not isinstance(secret, str):
        secret = random_hex(20)
        request.session[SECRET_KEY] = secret
    return secret


def draft_device(request: HttpRequest) -> TOTPDevice:
    """The app device being set up, not saved: what the page shows comes from it."""
    return TOTPDevice(
        user=request.user, key=set_up_secret(request), name=APP_NAME, confirmed=True
    )


def qr_code(device: TOTPDevice) -> SafeString:
    """The app's set-up link as an inline SVG QR code: no inline style, so the
    CSP lets it show; the title names it for screen readers."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5, svgclass="haven-qr", title="QR code to scan with your app"
    )
    # segno writes only its own markup; the link it encodes is not in the text.
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))


def readable_secret(device: TOTPDevice) -> SafeString:
    """The secret in base32, as apps ask for it, in groups of four characters."""
    text = base64.b32encode(device.bin_key).decode()
    groups = [text[i : i + 4] for i in range(0, len(text), 4)]
    return format_html("{}", " ".join(groups))


def confirm_set_up(request: HttpRequest, code: str) -> bool:
    """Keep the app being set up if the code is its current one; the session
    is then verified and new recovery codes wait to be shown once."""
    device = draft_device(request)
    code = normalise(code)
    if not (code.isdigit() and len(code) == 6):
        return False
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if not totp.verify(int(code), device.tolerance):
        return False
    # This code cannot be used again at the next sign-in.
    device.last_t = totp.t()
    with transaction.atomic():
        TOTPDevice.objects.filter(user=request.user).delete()
        device.save()
        codes = replace_recovery_codes(request.user)
    request.session.pop(SECRET_KEY, None)
    request.session.pop(WITHOUT_APP_KEY, None)
    _verified(request, device)
    request.session[NEW_CODES_KEY] = codes
    return True


def replace_recovery_codes(user: Any) -> list[str]:
    """New recovery codes for the user, replacing any they had."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=CODES_NAME)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(
            StaticToken(device=device, token=code) for code in codes
        )
    return codes


def recovery_codes_left(user: Any) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def reset(user: Any) -> None:
    """Remove the user's app and recovery codes (an administrator's reset): they
    set up again at their next sign-in, if MFA is required."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
