"""The demo's notifications: its history told staff of many things, read long
since; the demo social worker has a few new ones, one of each kind she has, and
a colleague's break-glass on one of her children, through the real service."""

from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.models import Allocation, Restriction, User
from haven.core.services import break_glass
from haven.notifications.models import Notification

DEMO_WORKER = "social-worker"
GLASS_REASON = "Out-of-hours call from the police about this child"


def populate() -> None:
    """Mark everything the demo's history notified read, but the newest of each
    kind of news for the demo social worker."""
    Notification.objects.filter(read_at__isnull=True).update(read_at=clock.now())
    worker = User.objects.filter(username=DEMO_WORKER).first()
    if worker is None:
        return
    _colleague_breaks_glass(worker)
    newest = []
    for kind in Notification.Kind.values:
        mine = Notification.objects.filter(recipient=worker, kind=kind)
        found = mine.order_by("-created_at", "-pk").values_list("pk", flat=True)
        newest += list(found[:1])
    Notification.objects.filter(pk__in=newest).update(read_at=None)


def _colleague_breaks_glass(worker: User) -> None:
    """A social worker of another team opens one of her children's records out
    of hours (the demo's history has no break-glass of its own)."""
    held = (
        Allocation.objects.filter(
            worker=worker, role=CaseRole.SOCIAL_WORKER, ended_on__isnull=True
        )
        .exclude(person__in=Restriction.objects.values("person"))
        .order_by("pk")
        .select_related("person")
        .first()
    )
    colleague = (
        User.objects.filter(groups__name="Social worker", is_active=True)
        .exclude(team=worker.team)
        .order_by("username")
        .first()
    )
    if held is not None and colleague is not None:
        break_glass(held.person, reason=GLASS_REASON, by=colleague)
