"""The one clock domain code asks, so tests can freeze time in one place."""

import datetime as dt

from django.utils import timezone


def now() -> dt.datetime:
    return timezone.now()


def today() -> dt.date:
    return timezone.localdate()


def start_of(day: dt.date) -> dt.datetime:
    """Midnight at the start of a day, local time: when a dated event 'occurred'."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))
