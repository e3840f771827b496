"""How far back a run's adjustments look: local policy.

HAVEN_FINANCE_ADJUSTMENT_LOOKBACK_DAYS (haven/settings.py) says how many days
before the run's period a run compares. It never looks before the first period
Haven paid these providers for: the days before were paid before Haven, by
whatever paid them then, and are not Haven's to correct."""

import datetime as dt

from django.conf import settings
from django.db.models import Min

from haven.finance.adjustments.compare import Window
from haven.finance.models import PaymentRun

SETTING = "HAVEN_FINANCE_ADJUSTMENT_LOOKBACK_DAYS"
PAID = (PaymentRun.Status.APPROVED, PaymentRun.Status.CLOSED)


def window(kind: str, starts_on: dt.date) -> Window | None:
    """The past days a run of this kind from `starts_on` compares, or None."""
    days = getattr(settings, SETTING)
    first = PaymentRun.objects.filter(provider_kind=kind, status__in=PAID).aggregate(
        first=Min("starts_on")
    )["first"]
    if first is None:
        return None
    since = max(starts_on - dt.timedelta(days=days), first)
    return Window(since, starts_on) if since < starts_on else None
