import pytest

from haven.core.chronology import describe
from haven.core.models import JournalEvent
from haven.frontdoor import services
from haven.frontdoor.models import ContactChild

pytestmark = pytest.mark.django_db


def test_contact_events_read_as_words(contact, maggie, child):
    services.decide_contact(
        ContactChild.objects.get(contact=contact),
        decision="nfa",
        reasoning="No role for us.",
        by=maggie,
    )
    received, acknowledged, decided = JournalEvent.objects.filter(
        person=child, type__startswith="frontdoor."
    ).order_by("sequence")
    assert describe(received) == "Contact received from schools"
    assert describe(acknowledged) == "Referrer acknowledged (phone call)"
    assert describe(decided) == "Contact decision: No further action. No role for us."
