"""The one clock domain code asks, so tests can freeze time in one place."""

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from django.utils import timezone


def now() -> dt.datetime:
    return timezone.now()


def today() -> dt.date:
    return timezone.localdate()


def start_of(day: dt.date) -> dt.datetime:
    """Midnight at the start of a day, local time: when a dated event 'occurred'."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


@contextmanager
def held_at(moment: dt.datetime) -> Iterator[None]:
    """Record as if it were `moment`, for building a history (the demo authority):
    services read the time only from this module."""
    module = sys.modules[__name__]
    real_now, real_today = now, today
    setattr(module, "now", lambda: moment)  # noqa: B010
    setattr(module, "today", lambda: timezone.localdate(moment))  # noqa: B010
    try:
        yield
    finally:
        setattr(module, "now", real_now)  # noqa: B010
        setattr(module, "today", real_today)  # noqa: B010
