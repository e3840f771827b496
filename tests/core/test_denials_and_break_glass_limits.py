"""Every denied read is logged with who and what; break-glass asks for a reason
in words and is limited per user (local policy)."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.core.errors import DomainError
from haven.core.models import BreakGlass, DeniedAccess
from haven.core.services import allocate_case, break_glass, restrict_record
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

REASON = "Police at the door asking about this child"


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory()
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


def test_a_refused_page_is_logged_with_who_which_record_and_where(client, bob, child):
    client.force_login(bob)
    url = reverse("people:detail", args=[child.pk])
    assert client.get(url).status_code == 403
    denied = DeniedAccess.objects.get()
    assert (denied.user, denied.asked_for, denied.what, denied.route) == (
        bob,
        child.pk,
        "Person page",
        url,
    )


def test_unknown_restricted_and_api_refusals_are_logged_too(client, bob, mona, child):
    secret = ChildFactory()
    restrict_record(secret, kind="restricted", reason="High-profile case", by=mona)
    client.force_login(bob)
    client.get(reverse("people:detail", args=[999_999]))
    client.get(reverse("record:break_glass", args=[secret.pk]))
    client.get(f"/api/people/{child.pk}/chronology/")
    logged = set(DeniedAccess.objects.values_list("asked_for", "what"))
    assert logged == {
        (999_999, "Person page"),
        (secret.pk, "Break-glass"),
        (child.pk, "API: chronology"),
    }
    assert set(DeniedAccess.objects.values_list("user", flat=True)) == {bob.pk}


@pytest.mark.parametrize(
    "reason",
    [
        "aaaaaaaaaaaaaaaa",
        "a a a a a a a a a a",
        "1234567890 1234",
        "aaaa bbbb cccc dddd",
        "Police at the\x00 door",
    ],
)
def test_a_break_glass_reason_must_be_words(child, bob, reason):
    with pytest.raises(DomainError) as refused:
        break_glass(child, reason=reason, by=bob)
    assert refused.value.field == "reason"
    assert not BreakGlass.objects.exists()


def test_a_nul_byte_in_the_reason_is_refused_with_a_message(client, bob, child):
    client.force_login(bob)
    page = client.post(
        reverse("record:break_glass", args=[child.pk]),
        {"reason": "Police at the\x00 door asking"},
    )
    assert "Haven cannot store" in page.content.decode()


def test_break_glass_is_limited_per_user_each_hour(
    bob, alice, settings, freezer, service
):
    settings.HAVEN_BREAK_GLASS_PER_HOUR = 2
    children = [ChildFactory() for _ in range(3)]
    for child in children[:2]:
        break_glass(child, reason=REASON, by=bob)
    with pytest.raises(DomainError) as refused:
        break_glass(children[2], reason=REASON, by=bob)
    assert refused.value.code == "break_glass_limit"
    assert "local policy: 2 an hour" in refused.value.message
    freezer.move_to(dt.timedelta(hours=1, seconds=1))
    break_glass(children[2], reason=REASON, by=bob)
    assert BreakGlass.objects.filter(user=bob).count() == 3
