"""Multi-factor authentication: after the password, a code from the person's
authenticator app (or a recovery code, once) before anything opens; set-up
forced when HAVEN_REQUIRE_MFA is on; wrong codes count towards the lockout."""

import base64
import re

import pytest
from django.contrib.admin.models import LogEntry
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from haven.core import mfa, signin
from haven.core.models import SignInFailure

pytestmark = pytest.mark.django_db

RIGHT = "correct horse battery staple"
LOCKED = "Too many attempts"
WRONG_CODE = "The code is not right"


def sign_in(client, username="alice", password=RIGHT, **extra):
    return client.post(
        "/sign-in/", {"username": username, "password": password, **extra}
    )


def enter(client, code, next_url=""):
    return client.post("/sign-in/code/", {"code": code, "next": next_url})


def code_for(key_hex: str) -> str:
    """The app's code now, worked out from the secret as the app does."""
    return f"{totp(bytes.fromhex(key_hex)):06d}"


def other_code(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


@pytest.fixture
def app(alice):
    """Alice's confirmed authenticator app."""
    return TOTPDevice.objects.create(user=alice, name="Authenticator app")


def test_a_worker_with_an_app_is_asked_for_a_code_before_anything_opens(
    client, alice, app
):
    assert sign_in(client).status_code == 302
    assert "_auth_user_id" in client.session
    home = client.get("/")
    assert home.status_code == 302 and home.url == "/sign-in/code/"
    people = client.get("/people/")
    assert people.status_code == 302
    assert people.url == "/sign-in/code/?next=%2Fpeople%2F"
    page = client.get("/sign-in/code/").content.decode()
    assert "Enter your security code" in page
    # The frame shows no menu and no account links to a half-signed-in session.
    assert 'href="/password/"' not in page and "/work/" not in page

    response = enter(client, code_for(app.key), next_url="/people/")
    assert response.status_code == 302 and response.url == "/people/"
    assert client.get("/people/").status_code == 200


def test_a_half_signed_in_session_is_refused_the_api_and_the_admin(
    client, alice, app, adam
):
    sign_in(client)
    api = client.get("/api/people/")
    assert api.status_code == 403
    assert "security code" in api.json()["detail"]
    assert client.get("/admin/").status_code == 302
    assert client.get("/password/").status_code == 302
    assert client.get("/account/security/").status_code == 302
    # Nor may it set up a second app instead of entering the first one's code.
    set_up = client.get("/account/security/set-up/")
    assert set_up.status_code == 302 and set_up.url.startswith("/sign-in/code/")


def test_sign_out_works_half_signed_in(client, alice, app):
    sign_in(client)
    response = client.post("/sign-out/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_without_an_app_and_not_required_no_code_is_asked(client, alice, settings):
    settings.HAVEN_REQUIRE_MFA = False
    sign_in(client)
    assert client.get("/").status_code == 200
    assert client.get("/api/people/").status_code == 200


def test_when_required_a_worker_without_an_app_must_set_one_up(client, alice, settings):
    settings.HAVEN_REQUIRE_MFA = True
    sign_in(client)
    for url in ("/", "/people/", "/sign-in/code/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/account/security/set-up/"), url
    assert client.get("/api/people/").status_code == 403

    page = client.get("/account/security/set-up/").content.decode()
    assert '<svg role="img"' in page and "style=" not in page.split("<svg", 1)[1]
    shown = re.search(r'id="secret">([A-Z2-7 ]+)<', page)
    assert shown is not None
    key = base64.b32decode(shown.group(1).replace(" ", "")).hex()
    assert not TOTPDevice.objects.filter(user=alice).exists()  # nothing kept yet

    assert (
        WRONG_CODE
        in client.post(
            "/account/security/set-up/", {"code": other_code(code_for(key))}
        ).content.decode()
    )
    assert not TOTPDevice.objects.filter(user=alice).exists()

    response = client.post("/account/security/set-up/", {"code": code_for(key)})
    assert response.status_code == 302
    assert response.url == "/account/security/recovery-codes/"
    codes_page = client.get(response.url).content.decode()
    assert "This is the only time Haven shows them" in codes_page
    codes = re.findall(r"<code>([a-z2-7]{8})</code>", codes_page)
    assert len(codes) == mfa.RECOVERY_CODES
    # Shown once: the page does not show them again.
    assert client.get("/account/security/recovery-codes/").status_code == 302
    assert TOTPDevice.objects.get(user=alice, confirmed=True).key == key
    assert client.get("/people/").status_code == 200


def test_the_code_used_to_set_up_cannot_sign_in_again(client, alice):
    client.force_login(alice)
    client.get("/account/security/set-up/")
    key = client.session[mfa.SECRET_KEY]
    code = code_for(key)
    assert client.post("/account/security/set-up/", {"code": code}).status_code == 302
    client.post("/sign-out/")
    sign_in(client)
    assert WRONG_CODE in enter(client, code).content.decode()


def test_a_code_cannot_be_replayed(client, alice, app):
    code = code_for(app.key)
    sign_in(client)
    assert enter(client, code).status_code == 302
    client.post("/sign-out/")
    sign_in(client)
    response = enter(client, code)
    assert response.status_code == 200
    assert WRONG_CODE in response.content.decode()
    assert client.get("/people/").status_code == 302


def test_a_recovery_code_works_once(client, alice, app):
    codes = mfa.replace_recovery_codes(alice)
    sign_in(client)
    # Typed with a space in the middle and in capitals, as it might be.
    assert enter(client, f"{codes[0][:4].upper()} {codes[0][4:]}").status_code == 302
    assert client.get("/people/").status_code == 200
    client.post("/sign-out/")
    sign_in(client)
    assert WRONG_CODE in enter(client, codes[0]).content.decode()
    assert enter(client, codes[1]).status_code == 302
    assert mfa.recovery_codes_left(alice) == mfa.RECOVERY_CODES - 2


def test_wrong_codes_count_towards_the_lockout(client, alice, app):
    sign_in(client)
    for _ in range(4):
        assert WRONG_CODE in enter(client, "000000").content.decode()
    response = enter(client, "000000")
    assert response.status_code == 302 and response.url == "/sign-in/"
    assert "_auth_user_id" not in client.session
    assert LOCKED in client.get("/sign-in/").content.decode()
    # The right password is refused now too, so no more codes can be tried.
    assert LOCKED in sign_in(client).content.decode()
    assert "_auth_user_id" not in client.session


def test_a_new_password_sign_in_does_not_start_the_code_count_again(client, alice, app):
    sign_in(client)
    for _ in range(4):
        enter(client, "000000")
    client.post("/sign-out/")
    sign_in(client)
    response = enter(client, "000000")
    assert response.status_code == 302 and response.url == "/sign-in/"


def test_the_right_code_ends_the_count(client, alice, app):
    sign_in(client)
    for _ in range(4):
        enter(client, "000000")
    assert enter(client, code_for(app.key)).status_code == 302
    assert not SignInFailure.objects.filter(username="alice").exists()


def test_account_security_shows_the_app_and_makes_new_recovery_codes(
    client, alice, app
):
    old = mfa.replace_recovery_codes(alice)
    sign_in(client)
    enter(client, code_for(app.key))
    assert 'href="/account/security/"' in client.get("/").content.decode()
    page = client.get("/account/security/").content.decode()
    assert "Set up on" in page and f"{mfa.RECOVERY_CODES}</dd>" in page
    response = client.post("/account/security/recovery-codes/new/")
    assert response.url == "/account/security/recovery-codes/"
    new = re.findall(
        r"<code>([a-z2-7]{8})</code>", client.get(response.url).content.decode()
    )
    assert len(new) == mfa.RECOVERY_CODES and not set(new) & set(old)
    client.post("/sign-out/")
    sign_in(client)
    assert WRONG_CODE in enter(client, old[0]).content.decode()
    assert enter(client, new[0]).status_code == 302


def test_staff_may_set_up_an_app_when_not_required_and_are_then_asked(
    client, alice, settings
):
    settings.HAVEN_REQUIRE_MFA = False
    sign_in(client)
    page = client.get("/account/security/").content.decode()
    assert "You have not set up an authenticator app" in page
    client.get("/account/security/set-up/")
    code = code_for(client.session[mfa.SECRET_KEY])
    client.post("/account/security/set-up/", {"code": code})
    client.post("/sign-out/")
    sign_in(client)
    assert client.get("/").url == "/sign-in/code/"


def test_an_administrator_resets_mfa_and_sees_no_secret(client, adam, alice, app):
    mfa.replace_recovery_codes(alice)
    client.force_login(adam)
    # django-otp's device pages, which show secrets, are not in the admin.
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404
    assert client.get("/admin/otp_static/staticdevice/").status_code == 404
    change_page = client.get(f"/admin/core/user/{alice.pk}/change/").content.decode()
    assert "Set up on" in change_page
    assert app.key not in change_page
    response = client.post(
        "/admin/core/user/",
        {"action": "reset_mfa", "_selected_action": [alice.pk]},
        follow=True,
    )
    assert "Multi-factor authentication reset for 1 staff" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=alice).exists()
    assert not StaticDevice.objects.filter(user=alice).exists()
    entry = LogEntry.objects.get(object_id=str(alice.pk), user=adam)
    assert entry.get_change_message() == "Reset multi-factor authentication"


def test_a_social_worker_cannot_reset_anyones_mfa(client, bob, alice, app):
    client.force_login(bob)
    client.post(
        "/admin/core/user/", {"action": "reset_mfa", "_selected_action": [alice.pk]}
    )
    assert TOTPDevice.objects.filter(user=alice).exists()


def test_a_code_page_next_elsewhere_goes_home(client, alice, app):
    sign_in(client)
    response = enter(client, code_for(app.key), next_url="https://elsewhere.example/")
    assert response.url == "/"


def test_a_half_signed_in_session_locked_meanwhile_is_signed_out(client, alice, app):
    sign_in(client)
    for _ in range(5):
        signin.record_failure("alice", "198.51.100.1")  # guesses from elsewhere
    response = enter(client, code_for(app.key))
    assert response.url == "/sign-in/"
    assert "_auth_user_id" not in client.session
