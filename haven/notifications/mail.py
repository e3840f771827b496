"""Telling staff by email that there is something new in Haven.

Only where the council says so (HAVEN_NOTIFY_BY_EMAIL) and has a mail server
(Django's email backends: HAVEN_EMAIL_BACKEND, HAVEN_EMAIL_HOST). An email
leaves the building: it says only that there is a new notification, with a
link, never a child's name nor what happened.
"""

import logging

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse

from haven.core.models import User

log = logging.getLogger(__name__)

SUBJECT = "Haven: you have a new notification"


def after_commit(recipients: list[int]) -> None:
    """Email these people once the write that notified them has committed: a
    write rolled back tells no one, and a mail server that fails never undoes
    the write."""
    if not settings.HAVEN_NOTIFY_BY_EMAIL:
        return
    # Robust: whatever else goes wrong in sending is logged, not raised at a
    # user whose write has already committed.
    transaction.on_commit(lambda: send(recipients), robust=True)


def send(recipients: list[int]) -> None:
    """Send each active recipient with an address the one plain email."""
    addresses = (
        User.objects.filter(pk__in=recipients, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    link = settings.HAVEN_SITE_URL + reverse("notifications:list")
    body = (
        "There is a new notification for you in Haven.\n\n"
        f"Sign in to read it:\n{link}\n"
    )
    messages = [(SUBJECT, body, None, [address]) for address in sorted(addresses)]
    if not messages:
        return
    try:
        send_mass_mail(messages)
    except OSError:  # smtplib.SMTPException is one
        # The notification is in Haven whatever happens to the email.
        log.exception("Notification emails not sent (%d recipients)", len(messages))
