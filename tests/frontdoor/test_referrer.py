"""Issue 11 item 9: acknowledging the referrer is part of the one working day
duty (REF-DECISION), so a decision waits for it; feedback on the decision is
recorded after it."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.core import clock
from haven.core.chronology import describe
from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.frontdoor import referrer, services
from haven.frontdoor.models import Contact, ContactChild
from tests.frontdoor.conftest import details

pytestmark = pytest.mark.django_db


@pytest.fixture
def unacknowledged(wednesday, fred, child) -> Contact:
    return services.record_contact(details(), [child], by=fred)


def _decide(contact, by):
    return services.decide_contact(
        ContactChild.objects.get(contact=contact),
        decision="nfa",
        reasoning="No role for us.",
        by=by,
    )


def test_a_decision_waits_for_the_acknowledgement(unacknowledged, maggie):
    with pytest.raises(DomainError) as refused:
        _decide(unacknowledged, maggie)
    assert refused.value.code == "acknowledgement_required"
    assert not ContactChild.objects.get(contact=unacknowledged).decision


def test_an_acknowledgement_not_possible_keeps_its_reason(unacknowledged, fred, maggie):
    referrer.acknowledge(
        unacknowledged, on=None, how="", not_possible=" Anonymous caller ", by=fred
    )
    _decide(unacknowledged, maggie)
    unacknowledged.refresh_from_db()
    assert unacknowledged.acknowledgement_not_possible == "Anonymous caller"
    assert unacknowledged.acknowledged_on is None
    event = JournalEvent.objects.get(type="frontdoor.referrer_acknowledged")
    assert describe(event) == "Referrer not acknowledged: Anonymous caller"


def test_an_acknowledgement_names_the_date_and_method(unacknowledged, fred, child):
    with pytest.raises(DomainError) as refused:
        referrer.acknowledge(unacknowledged, on=None, how="", by=fred)
    assert refused.value.codes == ["date_required", "method_required"]
    with pytest.raises(DomainError) as refused:
        referrer.acknowledge(
            unacknowledged,
            on=clock.today() + dt.timedelta(days=1),
            how="email",
            by=fred,
        )
    assert refused.value.code == "date_in_future"
    referrer.acknowledge(unacknowledged, on=clock.today(), how="email", by=fred)
    unacknowledged.refresh_from_db()
    assert (unacknowledged.acknowledged_on, unacknowledged.acknowledged_how) == (
        dt.date(2026, 3, 4),
        "email",
    )
    event = JournalEvent.objects.get(
        person=child, type="frontdoor.referrer_acknowledged"
    )
    assert event.payload["contact"] == unacknowledged.pk
    with pytest.raises(DomainError) as refused:
        referrer.acknowledge(unacknowledged, on=clock.today(), how="phone", by=fred)
    assert refused.value.code == "already_acknowledged"


def test_feedback_comes_after_the_decision(contact, fred, maggie, child):
    with pytest.raises(DomainError) as refused:
        referrer.give_feedback(contact, on=clock.today(), how="phone", by=fred)
    assert refused.value.code == "not_decided"
    _decide(contact, maggie)
    referrer.give_feedback(contact, on=clock.today(), how="letter", by=fred)
    contact.refresh_from_db()
    assert (contact.feedback_on, contact.feedback_how) == (
        dt.date(2026, 3, 4),
        "letter",
    )
    event = JournalEvent.objects.get(person=child, type="frontdoor.referrer_feedback")
    assert describe(event) == "Referrer told the decision (letter)"


def test_the_decide_page_records_the_acknowledgement_with_the_decision(
    client, unacknowledged, maggie
):
    client.force_login(maggie)
    url = reverse("frontdoor:decide", args=[unacknowledged.pk])
    assert "Acknowledge the referrer" in client.get(url).content.decode()
    named = ContactChild.objects.get(contact=unacknowledged)
    decision = {
        f"child-{named.pk}-decision": "nfa",
        f"child-{named.pk}-reasoning": "No role for us.",
        f"child-{named.pk}-threshold": "Level 1: universal",
        f"child-{named.pk}-urgency": "green",
    }
    response = client.post(url, decision)
    assert response.status_code == 200
    assert "Enter the date the referrer was acknowledged" in response.content.decode()
    response = client.post(
        url,
        {
            **decision,
            "ack-on_day": "4",
            "ack-on_month": "3",
            "ack-on_year": "2026",
            "ack-how": "phone",
        },
    )
    assert response.status_code == 302
    unacknowledged.refresh_from_db()
    assert unacknowledged.acknowledged_how == "phone"
    named.refresh_from_db()
    assert named.decision == "nfa"


def test_the_feedback_page_records_it(client, contact, fred, maggie):
    _decide(contact, maggie)
    client.force_login(fred)
    page = client.get(reverse("frontdoor:contact", args=[contact.pk])).content
    assert reverse("frontdoor:feedback", args=[contact.pk]) in page.decode()
    response = client.post(
        reverse("frontdoor:feedback", args=[contact.pk]),
        {"on_day": "4", "on_month": "3", "on_year": "2026", "how": "email"},
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.feedback_how == "email"
