"""A session left idle for HAVEN_IDLE_TIMEOUT_MINUTES (30 by default) is signed
out; the next request goes to sign-in and says why."""

import datetime as dt
import time

import pytest

from haven.core import idle

pytestmark = pytest.mark.django_db


class WallClock:
    def __init__(self) -> None:
        self.seconds = time.time()

    def move_to(self, minutes: int) -> None:
        self.seconds += minutes * 60


@pytest.fixture
def wall_clock(monkeypatch: pytest.MonkeyPatch) -> WallClock:
    clock = WallClock()
    monkeypatch.setattr(idle, "seconds_now", lambda: clock.seconds)
    return clock


RIGHT = "correct horse battery staple"


def signed_in(client, user):
    response = client.post("/sign-in/", {"username": user.username, "password": RIGHT})
    assert response.status_code == 302
    return client


def test_an_idle_session_is_signed_out_with_a_message(client, alice, wall_clock):
    signed_in(client, alice)
    assert client.get("/").status_code == 200
    wall_clock.move_to(31)
    response = client.get("/people/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=/people/")
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "You were signed out because Haven was not used for 30 minutes" in page


def test_a_session_in_use_stays_signed_in(client, alice, wall_clock):
    signed_in(client, alice)
    for _ in range(6):
        wall_clock.move_to(20)
        assert client.get("/").status_code == 200


def test_the_idle_timeout_is_a_setting(client, alice, wall_clock, settings):
    settings.HAVEN_IDLE_TIMEOUT_MINUTES = 5
    signed_in(client, alice)
    client.get("/")
    wall_clock.move_to(6)
    assert client.get("/").status_code == 302


def test_the_record_s_clock_moving_on_does_not_sign_anyone_out(client, alice, freezer):
    signed_in(client, alice)
    client.get("/")
    freezer.move_to(dt.timedelta(days=2))
    assert client.get("/").status_code == 200
