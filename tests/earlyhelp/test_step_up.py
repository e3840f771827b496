"""Step up to social care: early help closes and a referral opens, or neither."""

import datetime as dt

import pytest

from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.earlyhelp import services
from haven.earlyhelp.models import EarlyHelpRequest

pytestmark = pytest.mark.django_db


def test_step_up_closes_early_help_and_opens_a_referral(allocated, child, ellie):
    episode = services.step_up(
        allocated,
        reason="Disclosure of harm at school",
        source="5D",
        on=dt.date(2026, 4, 1),
        by=ellie,
    )
    allocated.refresh_from_db()
    assert allocated.outcome == "step_up"
    assert allocated.closed_on == dt.date(2026, 4, 1)
    assert allocated.cin_episode_id == episode.pk
    closed = JournalEvent.objects.get(person=child, type="earlyhelp.episode_closed")
    assert closed.payload["episode"] == episode.pk
    referral = JournalEvent.objects.get(
        person=child, type="frontdoor.referral_received"
    )
    assert referral.payload["source"] == "5D"
    # The early help history stays on the record.
    assert EarlyHelpRequest.objects.filter(person=child).count() == 1


def test_step_up_needs_a_reason(allocated, ellie):
    with pytest.raises(DomainError) as err:
        services.step_up(allocated, reason=" ", source="5D", by=ellie)
    assert err.value.field == "reason"


def test_if_social_care_refuses_early_help_stays_open(allocated, child, ellie, alice):
    services.step_up(
        allocated, reason="First", source="5D", on=dt.date(2026, 4, 1), by=ellie
    )
    # The case is with social care now: its social worker asks for early help.
    again = services.request_early_help(
        child,
        requested_on=dt.date(2026, 4, 2),
        reason="Support alongside",
        source="direct",
        contact_id=None,
        by=alice,
    )
    services.allocate_request(
        again,
        worker=ellie,
        on=dt.date(2026, 4, 2),
        by=ellie.team.managers.first(),
    )
    again.refresh_from_db()
    with pytest.raises(DomainError):
        services.step_up(
            again, reason="Second", source="5D", on=dt.date(2026, 4, 3), by=ellie
        )
    again.refresh_from_db()
    assert again.closed_on is None
