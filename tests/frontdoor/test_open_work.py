"""A decision for a child already in open work joins that work: a referral or a
strategy discussion goes to the open children in need episode, early help to the
open early help request. Nothing fails, and the contact page says so."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.cin.models import CinEpisode
from haven.core.chronology import describe
from haven.core.models import JournalEvent
from haven.earlyhelp.models import EarlyHelpRequest
from haven.frontdoor import services
from haven.frontdoor.codes import Decision
from haven.frontdoor.models import ContactChild
from tests.frontdoor.conftest import acknowledged, details

pytestmark = pytest.mark.django_db


def decide(contact, decision, by):
    return services.decide_contact(
        ContactChild.objects.get(contact=contact),
        decision=decision,
        reasoning="Reasons given in full.",
        by=by,
    )


def earlier_contact(wednesday, fred, child, days=30):
    return acknowledged(
        services.record_contact(
            details(received_at=wednesday.at - dt.timedelta(days=days)),
            [child],
            by=fred,
        ),
        fred,
    )


def decided_payload(contact, child):
    return JournalEvent.objects.get(
        person=child, type="frontdoor.contact_decided", payload__contact=contact.pk
    ).payload


@pytest.mark.parametrize("decision", [Decision.REFERRAL, Decision.STRATEGY_DISCUSSION])
def test_a_referral_for_a_child_in_an_open_episode_joins_it(
    decision, wednesday, fred, maggie, child
):
    decide(earlier_contact(wednesday, fred, child), Decision.REFERRAL, maggie)
    episode = CinEpisode.objects.get(person=child, closed_on__isnull=True)
    now = acknowledged(services.record_contact(details(), [child], by=fred), fred)
    named = decide(now, decision, maggie)
    assert named.outcome.episode_id == episode.pk
    assert named.passed_to_open is True
    assert CinEpisode.objects.filter(person=child).count() == 1
    payload = decided_payload(now, child)
    assert payload["passed_to_open_episode"] is True
    assert payload["episode"] == episode.pk
    event = JournalEvent.objects.get(
        person=child, type="frontdoor.contact_decided", payload__contact=now.pk
    )
    assert "passed to the open child in need episode" in describe(event)


def test_a_new_referral_is_not_marked_as_passed_on(contact, maggie, child):
    decide(contact, Decision.REFERRAL, maggie)
    payload = decided_payload(contact, child)
    assert payload["passed_to_open_episode"] is False
    assert payload["passed_to_open_request"] is False


def test_early_help_for_a_child_in_open_early_help_joins_it(
    wednesday, fred, maggie, child
):
    decide(earlier_contact(wednesday, fred, child), Decision.EARLY_HELP, maggie)
    request = EarlyHelpRequest.objects.get(person=child)
    now = acknowledged(services.record_contact(details(), [child], by=fred), fred)
    named = decide(now, Decision.EARLY_HELP, maggie)
    assert named.outcome.early_help_request_id == request.pk
    assert named.passed_to_open is True
    assert EarlyHelpRequest.objects.filter(person=child).count() == 1
    payload = decided_payload(now, child)
    assert payload["passed_to_open_request"] is True
    assert payload["early_help_request"] == request.pk


def test_the_contact_page_says_the_decision_went_to_the_open_episode(
    client, wednesday, fred, maggie, child
):
    decide(earlier_contact(wednesday, fred, child), Decision.REFERRAL, maggie)
    now = acknowledged(services.record_contact(details(), [child], by=fred), fred)
    client.force_login(maggie)
    html = client.get(reverse("frontdoor:decide", args=[now.pk])).content.decode()
    assert "has an open child in need episode" in html
    assert "Re-referral" not in html
    response = client.post(
        reverse("frontdoor:decide", args=[now.pk]),
        {
            f"child-{ContactChild.objects.get(contact=now).pk}-decision": "referral",
            f"child-{ContactChild.objects.get(contact=now).pk}-reasoning": "More harm",
            f"child-{ContactChild.objects.get(contact=now).pk}-threshold": (
                "Level 4: specialist (statutory)"
            ),
            f"child-{ContactChild.objects.get(contact=now).pk}-urgency": "amber",
        },
    )
    assert response.status_code == 302
    html = client.get(reverse("frontdoor:contact", args=[now.pk])).content.decode()
    assert "Passed to the open child in need episode" in html
    html = client.get(reverse("frontdoor:person", args=[child.pk])).content.decode()
    assert "passed to the open child in need episode" in html


def test_the_re_referral_warning_counts_from_the_day_received(
    client, wednesday, fred, maggie, child
):
    """Referred on 5 March 2025; contact received 4 March 2026, within 12 months;
    decided on 10 March 2026, more than 12 months after the earlier referral."""
    CinEpisode.objects.create(
        person=child,
        referral_date=dt.date(2025, 3, 5),
        source="2A",
        closed_on=dt.date(2025, 6, 1),
        closure_reason="RC8",
    )
    now = acknowledged(services.record_contact(details(), [child], by=fred), fred)
    wednesday.move_to(dt.timedelta(days=6))
    client.force_login(maggie)
    html = client.get(reverse("frontdoor:decide", args=[now.pk])).content.decode()
    assert "Re-referral" in html
    assert "5 March 2025" in html
    # The stored flag agrees with the warning.
    decide(now, Decision.REFERRAL, maggie)
    assert CinEpisode.objects.get(person=child, closed_on__isnull=True).re_referral
