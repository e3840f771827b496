"""Alerts to the information governance lead: a burst of refused reads or of
break-glass uses by one user is emailed as it happens (once per burst hour),
and shown as new on the report and in the page header until the lead reads the
report. The email names the user, never a child."""

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from haven.core import clock, permissions
from haven.core.models import BreakGlass, BurstAlert, DeniedAccess, User

log = logging.getLogger(__name__)

REVIEW_ACCESS = "review_access"


def _hour_of(moment: dt.datetime) -> dt.datetime:
    local = timezone.localtime(moment)
    return local.replace(minute=0, second=0, microsecond=0)


def _count(user: User, what: str, start: dt.datetime) -> int:
    end = start + dt.timedelta(hours=1)
    if what == BurstAlert.What.DENIALS:
        denied = DeniedAccess.objects.filter(user=user, at__gte=start, at__lt=end)
        return denied.count()
    glass = BreakGlass.objects.filter(
        user=user, started_at__gte=start, started_at__lt=end
    )
    return glass.count()


def _limit(what: str) -> int:
    if what == BurstAlert.What.DENIALS:
        return int(settings.HAVEN_DENIALS_BURST)
    return int(settings.HAVEN_BREAK_GLASS_BURST)


def after_denial(user: User) -> None:
    """Called once a refused read is logged."""
    _check(user, BurstAlert.What.DENIALS)


def after_break_glass(user: User) -> None:
    """Called once a break-glass use is logged."""
    _check(user, BurstAlert.What.BREAK_GLASS)


def _check(user: User, what: str) -> None:
    start = _hour_of(clock.now())
    count = _count(user, what, start)
    if count < _limit(what):
        return
    try:
        # A savepoint: the unique constraint refuses a second alert for the
        # same burst hour without spoiling the caller's transaction.
        with transaction.atomic():
            alert = BurstAlert.objects.create(
                user=user, what=what, hour=start, count=count, raised_at=clock.now()
            )
    except IntegrityError:
        return
    _email(alert)


def recipients() -> list[str]:
    """The lead's addresses, or every active reviewer with an email address."""
    if settings.HAVEN_IG_LEAD_EMAILS:
        return list(settings.HAVEN_IG_LEAD_EMAILS)
    reviewers = (
        User.objects.filter(is_active=True)
        .filter(
            Q(groups__permissions__codename=REVIEW_ACCESS)
            | Q(user_permissions__codename=REVIEW_ACCESS)
            | Q(is_superuser=True)
        )
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    return sorted(reviewers)


def _email(alert: BurstAlert) -> None:
    to = recipients()
    if not to:
        log.warning("Burst alert %s: no information governance email", alert.pk)
        return
    who = alert.user
    team = who.team.name if who.team is not None else "no team"
    hour = alert.hour.strftime("%d %b %Y %H:00")
    what = alert.get_what_display().lower()
    link = settings.HAVEN_SITE_URL + reverse("information_governance")
    body = (
        f"{who.get_full_name() or who.username} ({who.username}, {team}) reached "
        f"{alert.count} {what} in the hour starting {hour}, the local limit.\n\n"
        f"The information governance report lists them by Haven ID:\n{link}\n"
    )
    subject = f"Haven: a burst of {what} by {who.username}"
    try:
        send_mail(subject, body, None, to)
    except OSError:
        # The banner on the report still shows the burst as new.
        log.exception("Burst alert %s: the email could not be sent", alert.pk)


def new_for(user: User) -> int:
    """How many bursts this reviewer has not seen on the report yet."""
    if not permissions.may_review_access(user):
        return 0
    return BurstAlert.objects.exclude(seen_by=user).count()


def mark_seen(user: User) -> None:
    """The reviewer has read the report: every alert so far is seen."""
    unseen = BurstAlert.objects.exclude(seen_by=user)
    through = BurstAlert.seen_by.through
    through.objects.bulk_create(
        [
            through(burstalert_id=pk, user_id=user.pk)
            for pk in unseen.values_list("pk", flat=True)
        ]
    )
