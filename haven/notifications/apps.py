from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """Telling staff what happened that is theirs to know: built from the
    journal's events by listeners, so it sits above every app whose events it
    reads, and nothing below imports it."""

    name = "haven.notifications"
    label = "notifications"
