"""Staff change their own password, linked from the header, and the password
validators refuse a weak one."""

import pytest

pytestmark = pytest.mark.django_db

RIGHT = "correct horse battery staple"
NEW = "kettle orbit meadow 7 lantern"


def change(client, old, new1, new2=None):
    return client.post(
        "/password/",
        {"old_password": old, "new_password1": new1, "new_password2": new2 or new1},
    )


def test_the_header_leads_to_change_password(client, alice):
    # One "Your account" link in the header; that page links the password change.
    client.force_login(alice)
    assert 'href="/account/security/"' in client.get("/").content.decode()
    assert 'href="/password/"' in client.get("/account/security/").content.decode()


def test_a_worker_changes_their_own_password_and_stays_signed_in(client, alice):
    client.force_login(alice)
    page = client.get("/password/")
    assert page.status_code == 200
    assert "Change your password" in page.content.decode()
    response = change(client, RIGHT, NEW)
    assert response.status_code == 302
    assert "Your password has been changed" in client.get("/").content.decode()
    alice.refresh_from_db()
    assert alice.check_password(NEW)


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("short1", "This password is too short"),
        ("password123", "This password is too common"),
        ("48207139562", "This password is entirely numeric"),
        ("alicetester", "too similar to the"),
    ],
)
def test_a_weak_password_is_refused(client, alice, new, message):
    client.force_login(alice)
    response = change(client, RIGHT, new)
    assert response.status_code == 200
    assert message in response.content.decode()
    alice.refresh_from_db()
    assert alice.check_password(RIGHT)


def test_the_current_password_must_be_right(client, alice):
    client.force_login(alice)
    response = change(client, "not it", NEW)
    assert "Your current password is not right" in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()


def test_changing_a_password_needs_a_signed_in_person(client):
    response = client.get("/password/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")
