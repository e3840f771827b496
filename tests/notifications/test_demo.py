"""The demo's history told staff of many things, read by now; the demo social
worker has a few new notifications, her colleague's break-glass among them."""

import pytest
from django.core.management import call_command

from haven.core.models import User
from haven.notifications.demo import DEMO_WORKER
from haven.notifications.models import Notification

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_demo_social_worker_has_a_few_unread_notifications():
    call_command("seed_demo", children=20, seed=7, verbosity=0)
    worker = User.objects.get(username=DEMO_WORKER)
    unread = Notification.objects.filter(read_at__isnull=True)
    kinds = set(unread.values_list("kind", flat=True))
    assert set(unread.values_list("recipient", flat=True)) == {worker.pk}
    assert 2 <= unread.count() <= len(Notification.Kind.values)
    assert Notification.Kind.BREAK_GLASS in kinds
    assert Notification.Kind.CASE_ALLOCATED in kinds
    assert Notification.objects.filter(read_at__isnull=False).exists()
