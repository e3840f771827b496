"""Repeated wrong passwords lock the username (and, past a higher limit, the
address) for a while, counted in the database; an administrator can unlock."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from haven.core import signin
from haven.core.models import SignInFailure, SignInLock
from haven.core.roles import ROLES_BY_KEY

pytestmark = pytest.mark.django_db

RIGHT = "correct horse battery staple"
LOCKED = (
    "Too many attempts. Try again in 15 minutes or ask your administrator to "
    "unlock your account"
)


def sign_in(client, username, password, address="192.0.2.10"):
    return client.post(
        "/sign-in/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(
    client, alice
):
    for _ in range(4):
        response = sign_in(client, "alice", "wrong")
        assert "Enter a correct username and password" in response.content.decode()
    response = sign_in(client, "alice", "wrong")
    assert LOCKED in response.content.decode()
    response = sign_in(client, "alice", RIGHT)
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_ends_after_fifteen_minutes(client, alice, freezer):
    for _ in range(5):
        sign_in(client, "alice", "wrong")
    freezer.move_to(dt.timedelta(minutes=14))
    assert LOCKED in sign_in(client, "alice", RIGHT).content.decode()
    freezer.move_to(dt.timedelta(minutes=2))
    assert sign_in(client, "alice", RIGHT).status_code == 302


def test_a_lock_counts_every_spelling_of_the_username(client, alice):
    for name in ["alice", "Alice", "ALICE", "alice ", "aLice"]:
        sign_in(client, name, "wrong")
    assert LOCKED in sign_in(client, "alice", RIGHT).content.decode()


def test_a_right_password_before_the_limit_starts_the_count_again(client, alice):
    for _ in range(4):
        sign_in(client, "alice", "wrong")
    assert sign_in(client, "alice", RIGHT).status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, "alice", "wrong")
    assert sign_in(client, "alice", RIGHT).status_code == 302


def test_one_address_guessing_many_usernames_is_locked(client, alice, settings):
    settings.HAVEN_SIGN_IN_FAILURES_PER_ADDRESS = 8
    for number in range(8):
        sign_in(client, f"someone{number}", "wrong", address="198.51.100.7")
    response = sign_in(client, "alice", RIGHT, address="198.51.100.7")
    assert LOCKED in response.content.decode()
    assert sign_in(client, "alice", RIGHT, address="192.0.2.99").status_code == 302


def test_the_admin_sign_in_is_locked_too(client, alice):
    for _ in range(5):
        sign_in(client, "alice", "wrong")
    client.post("/admin/login/", {"username": "alice", "password": RIGHT})
    assert "_auth_user_id" not in client.session


def test_the_limits_are_settings(client, alice, settings):
    settings.HAVEN_SIGN_IN_FAILURES_PER_USERNAME = 2
    settings.HAVEN_SIGN_IN_LOCKOUT_MINUTES = 60
    sign_in(client, "alice", "wrong")
    response = sign_in(client, "alice", "wrong")
    assert "Try again in 60 minutes" in response.content.decode()


def test_an_administrator_unlocks_an_account(client, alice, adam):
    for _ in range(5):
        sign_in(client, "alice", "wrong")
    lock = SignInLock.objects.get(username="alice")
    client.force_login(adam)
    listing = client.get("/admin/core/signinlock/")
    assert listing.status_code == 200
    assert "alice" in listing.content.decode()
    response = client.post(
        "/admin/core/signinlock/",
        {"action": "unlock", "_selected_action": [lock.pk]},
    )
    assert response.status_code == 302
    assert not SignInLock.objects.exists()
    client.logout()
    assert sign_in(client, "alice", "wrong").status_code == 200
    assert sign_in(client, "alice", RIGHT).status_code == 302


def test_the_administrator_role_may_unlock_but_not_forge_locks():
    perms = set(ROLES_BY_KEY["administrator"].permissions)
    assert {"view_signinlock", "delete_signinlock"} <= perms
    assert "add_signinlock" not in perms
    assert (
        Group.objects.get(name="Administrator")
        .permissions.filter(codename="delete_signinlock")
        .exists()
    )


def test_behind_a_proxy_the_forwarded_address_is_counted(client, alice, settings):
    settings.HAVEN_TRUSTED_PROXIES = 1
    settings.HAVEN_SIGN_IN_FAILURES_PER_ADDRESS = 3
    for number in range(3):
        client.post(
            "/sign-in/",
            {"username": f"someone{number}", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.5, 198.51.100.9",
        )
    assert SignInLock.objects.get().ip_address == "198.51.100.9"
    response = client.post(
        "/sign-in/",
        {"username": "alice", "password": RIGHT},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.10",
    )
    assert response.status_code == 302


def test_a_forwarded_header_that_is_no_address_is_not_stored(client, settings):
    settings.HAVEN_TRUSTED_PROXIES = 1
    response = client.post(
        "/sign-in/",
        {"username": "someone", "password": "wrong"},
        HTTP_X_FORWARDED_FOR="unknown",
        REMOTE_ADDR="not an address either",
    )
    assert response.status_code == 200
    assert SignInFailure.objects.get().ip_address is None


def test_failures_without_a_username_lock_no_one():
    for _ in range(6):
        signin.record_failure("", None)
        signin.record_failure(None, "192.0.2.1")
    assert not SignInLock.objects.exists()
