"""Email where the council says so: after the write commits, saying only that
there is something new, and a mail server that fails undoes nothing."""

import pytest
from django.urls import reverse

from haven.core.models import User
from haven.core.services import allocate_case
from haven.notifications.models import Notification
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def addressed(alice, bob):
    User.objects.filter(pk=alice.pk).update(email="alice@council.example")
    User.objects.filter(pk=bob.pk).update(email="bob@council.example")


def _allocate(team, alice, mona):
    child = ChildFactory(given_name="Jasmine", family_name="Thackray")
    allocate_case(child, team=team, worker=alice, by=mona)
    return child


def test_no_email_unless_the_council_says_so(
    addressed, team, alice, mona, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _allocate(team, alice, mona)
    assert mailoutbox == []


def test_the_email_says_only_that_there_is_something_new(
    addressed,
    team,
    alice,
    mona,
    mailoutbox,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.HAVEN_NOTIFY_BY_EMAIL = True
    settings.HAVEN_SITE_URL = "https://haven.council.example"
    with django_capture_on_commit_callbacks() as callbacks:
        _allocate(team, alice, mona)
    assert mailoutbox == []  # nothing is sent before the write commits
    for callback in callbacks:
        callback()
    [email] = mailoutbox
    assert email.to == ["alice@council.example"]
    link = "https://haven.council.example" + reverse("notifications:list")
    assert link in email.body
    for secret in ("Jasmine", "Thackray", "allocated", "Mona"):
        assert secret not in email.body + email.subject


def test_someone_without_an_address_is_not_emailed(
    team, alice, mona, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.HAVEN_NOTIFY_BY_EMAIL = True
    with django_capture_on_commit_callbacks(execute=True):
        _allocate(team, alice, mona)
    assert mailoutbox == []
    assert Notification.objects.filter(recipient=alice).count() == 1


def test_a_mail_server_that_refuses_undoes_nothing(
    addressed, team, alice, mona, settings, django_capture_on_commit_callbacks, caplog
):
    settings.HAVEN_NOTIFY_BY_EMAIL = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1  # nothing listens
    with django_capture_on_commit_callbacks(execute=True):
        child = _allocate(team, alice, mona)
    assert Notification.objects.get(recipient=alice).event.person_id == child.pk
    assert "Notification emails not sent (1 recipients)" in caplog.text
