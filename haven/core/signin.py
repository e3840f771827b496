"""Throttling sign-in: after too many wrong passwords for a username, or from
one address, sign-in is refused for a while.

Failures are rows in the database, so every server process (and SQLite or
PostgreSQL alike) counts the same attempts. `ThrottlingBackend` comes first
in AUTHENTICATION_BACKENDS: while a lock holds it refuses before any password
is checked, so a locked account cannot be guessed at, on the sign-in page or
the admin's. The limits are settings (HAVEN_SIGN_IN_*).
"""

import datetime as dt
import ipaddress
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import BaseBackend, ModelBackend
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest

from haven.core import clock
from haven.core.models import SignInFailure, SignInLock


def locked_message() -> str:
    minutes = settings.HAVEN_SIGN_IN_LOCKOUT_MINUTES
    return (
        f"Too many attempts. Try again in {minutes} minutes or ask your "
        "administrator to unlock your account"
    )


def client_address(request: HttpRequest | None) -> str | None:
    """The address a request came from. Behind a proxy (HAVEN_TRUSTED_PROXIES
    of them) the proxies' own X-Forwarded-For entries name it; otherwise every
    sign-in would seem to come from the proxy and one limit would lock out all."""
    if request is None:
        return None
    proxies = settings.HAVEN_TRUSTED_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    found = hops[-proxies] if proxies and len(hops) >= proxies else None
    return _address(found or request.META.get("REMOTE_ADDR"))


def _address(text: str | None) -> str | None:
    # Only an address is stored: PostgreSQL's inet column refuses anything else.
    try:
        return str(ipaddress.ip_address((text or "").strip()))
    except ValueError:
        return None


def _key(username: str | None) -> str:
    # One count however the name is typed: "Alice" and "alice" are one account
    # to an attacker trying passwords.
    return (username or "").strip().lower()[:150]


def is_locked(username: str | None, address: str | None) -> bool:
    held = Q(username=_key(username)) if _key(username) else Q(pk__in=[])
    if address:
        held |= Q(ip_address=address, username="")
    return SignInLock.objects.filter(held, until__gt=clock.now()).exists()


def record_failure(username: str | None, address: str | None) -> None:
    """Count a failed sign-in; lock the username or address that reached its limit.
    Attempts while locked are not counted, so a lock ends when it says it will."""
    if is_locked(username, address):
        return
    now = clock.now()
    since = now - dt.timedelta(minutes=settings.HAVEN_SIGN_IN_WINDOW_MINUTES)
    with transaction.atomic():
        SignInFailure.objects.filter(at__lt=since).delete()
        SignInFailure.objects.create(
            username=_key(username), ip_address=address, at=now
        )
        if _key(username) and _count(since, username=_key(username)) >= (
            settings.HAVEN_SIGN_IN_FAILURES_PER_USERNAME
        ):
            _lock(now, username=_key(username))
        if address and _count(since, ip_address=address) >= (
            settings.HAVEN_SIGN_IN_FAILURES_PER_ADDRESS
        ):
            _lock(now, ip_address=address)


def _count(since: dt.datetime, **who: Any) -> int:
    """Failures in the window, not counting those an earlier lock answered: a lock
    shorter than the window must not be followed by another at the next mistake."""
    lock_who = who if "username" in who else {**who, "username": ""}
    last_lock = SignInLock.objects.filter(**lock_who).order_by("-locked_at").first()
    if last_lock and last_lock.locked_at >= since:
        return SignInFailure.objects.filter(at__gt=last_lock.locked_at, **who).count()
    return SignInFailure.objects.filter(at__gte=since, **who).count()


def _lock(now: dt.datetime, **who: Any) -> None:
    until = now + dt.timedelta(minutes=settings.HAVEN_SIGN_IN_LOCKOUT_MINUTES)
    SignInLock.objects.create(locked_at=now, until=until, **who)


def unlock(lock: SignInLock) -> None:
    """End a lock and forget the failures behind it, so one more wrong
    password does not lock again at once."""
    with transaction.atomic():
        if lock.username:
            SignInFailure.objects.filter(username=lock.username).delete()
            SignInLock.objects.filter(username=lock.username).delete()
        else:
            SignInFailure.objects.filter(ip_address=lock.ip_address).delete()
            SignInLock.objects.filter(ip_address=lock.ip_address, username="").delete()


class ThrottlingBackend(BaseBackend):
    """Refuses every sign-in for a locked username or address, before any other
    backend checks the password."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if is_locked(username, client_address(request)):
            raise PermissionDenied(locked_message())
        return None

    def get_user(self, user_id: int) -> Any:
        # Being first in the list, this is the backend a test's force_login (or
        # any login without authenticate) records in the session.
        return ModelBackend().get_user(user_id)


def count_failure(
    sender: Any,
    credentials: dict[str, Any],
    request: HttpRequest | None = None,
    **kwargs: Any,
) -> None:
    record_failure(credentials.get("username"), client_address(request))


def forget_failures(username: str) -> None:
    SignInFailure.objects.filter(username=_key(username)).delete()


def forget_failures_on_sign_in(
    sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any
) -> None:
    # With an authenticator app the password is only half of signing in: the
    # count goes on through the code page and ends when a code is right
    # (mfa.check_code), or each new password would buy more guesses at the code.
    from haven.core.mfa import has_mfa  # mfa imports this module

    if not has_mfa(user):
        forget_failures(user.get_username())
