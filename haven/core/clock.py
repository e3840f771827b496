"""The one clock domain code asks, so tests can freeze time in one place."""

import datetime as dt

from django.utils import timezone


def now() -> dt.datetime:
    return timezone.now()


def today() -> dt.date:
    return timezone.localdate()
