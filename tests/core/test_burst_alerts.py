"""A burst of refused reads or break-glass uses by one user emails the
information governance lead once per burst hour, never naming a child, and
shows as new on the report and in the header until the lead reads it."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from haven.core.access import record_denial
from haven.core.services import allocate_case, break_glass
from tests.conftest import make_user
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

NAME = "Marigold"
REASON = "Reviewing this child's care plan today"


@pytest.fixture
def lead(adam):
    adam.email = "ig.lead@council.example"
    adam.save()
    return adam


@pytest.fixture
def at_ten(freezer):
    freezer.at = timezone.make_aware(dt.datetime(2026, 3, 2, 10, 5))
    return freezer


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory(given_name=NAME)
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


def test_ten_refused_reads_in_an_hour_send_one_email(client, lead, bob, child, at_ten):
    client.force_login(bob)
    for _ in range(9):
        client.get(reverse("people:detail", args=[child.pk]))
    assert mail.outbox == []
    client.get(reverse("people:detail", args=[child.pk]))
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["ig.lead@council.example"]
    assert "bob" in sent.body and "10 refused reads" in sent.body
    assert "02 Mar 2026 10:00" in sent.body
    assert reverse("information_governance") in sent.body
    assert NAME not in sent.body + sent.subject
    record_denial(bob, child.pk, what="Person")  # the 11th: the same burst
    assert len(mail.outbox) == 1


def test_the_next_hour_is_a_new_burst(lead, bob, child, at_ten):
    for _ in range(10):
        record_denial(bob, child.pk, what="Person")
    at_ten.move_to(dt.timedelta(hours=1))
    for _ in range(9):
        record_denial(bob, child.pk, what="Person")
    assert len(mail.outbox) == 1
    record_denial(bob, child.pk, what="Person")
    assert len(mail.outbox) == 2
    assert "11:00" in mail.outbox[1].body


def test_a_break_glass_burst_sends_one_email(lead, at_ten):
    iro = make_user("ivy", "independent_reviewing_officer")
    children = [ChildFactory(given_name=NAME) for _ in range(4)]
    for child in children[:2]:
        break_glass(child, reason=REASON, by=iro)
    assert mail.outbox == []
    break_glass(children[2], reason=REASON, by=iro)
    assert len(mail.outbox) == 1
    assert "3 break-glass uses" in mail.outbox[0].body
    assert NAME not in mail.outbox[0].body + mail.outbox[0].subject
    break_glass(children[3], reason=REASON, by=iro)
    assert len(mail.outbox) == 1


def test_configured_addresses_win(settings, lead, bob, at_ten):
    settings.HAVEN_IG_LEAD_EMAILS = ["dpo@council.example"]
    for _ in range(10):
        record_denial(bob, 1, what="Person")
    assert mail.outbox[0].to == ["dpo@council.example"]


def test_new_bursts_show_until_the_report_is_read(client, lead, bob, alice, at_ten):
    for _ in range(10):
        record_denial(bob, 1, what="Person")
    client.force_login(lead)
    home = client.get(reverse("home")).content.decode()
    assert "1 new burst " in home
    report = client.get(reverse("information_governance")).content.decode()
    assert "1 new burst:" in report
    assert 'id="new-bursts"' not in client.get(reverse("home")).content.decode()
    assert (
        'id="new-bursts"'
        not in client.get(reverse("information_governance")).content.decode()
    )
    client.force_login(alice)  # no review_access: never told
    assert 'id="new-bursts"' not in client.get(reverse("home")).content.decode()
