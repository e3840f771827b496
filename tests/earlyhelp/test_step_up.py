"""Step up to social care: early help closes and a contact goes to the front door,
or neither."""

import datetime as dt

import pytest

from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.earlyhelp import services
from haven.earlyhelp.models import EarlyHelpRequest

pytestmark = pytest.mark.django_db


def test_step_up_makes_a_contact_for_the_front_doors_decision(allocated, child, ellie):
    # Issue 11: step up goes through the front door like any other contact,
    # with its one working day decision clock, not straight to a referral.
    from haven.frontdoor.models import Contact, ContactChild
    from haven.timescales.models import Obligation

    contact = services.step_up(
        allocated,
        reason="Disclosure of harm at school",
        consent="given",
        on=dt.date(2026, 4, 1),
        by=ellie,
    )
    allocated.refresh_from_db()
    assert allocated.outcome == "step_up"
    assert allocated.closed_on == dt.date(2026, 4, 1)
    assert allocated.stepped_up_contact_id == contact.pk
    assert allocated.cin_episode_id is None
    contact = Contact.objects.get(pk=contact.pk)
    assert contact.source == "5D"
    assert contact.concerns == "Disclosure of harm at school"
    assert contact.referrer_name == ellie.get_full_name()
    assert contact.referrer_role == "Early help lead practitioner"
    named = ContactChild.objects.get(contact=contact)
    assert (named.person, named.decision) == (child, "")
    decision = Obligation.objects.get(person=child, rule_id="REF-DECISION")
    assert (decision.subject, decision.status) == (str(contact.pk), "due")
    closed = JournalEvent.objects.get(person=child, type="earlyhelp.episode_closed")
    assert closed.payload["contact"] == contact.pk
    assert not JournalEvent.objects.filter(
        person=child, type="frontdoor.referral_received"
    ).exists()
    # The early help history stays on the record.
    assert EarlyHelpRequest.objects.filter(person=child).count() == 1


def test_step_up_asks_whether_the_family_agreed_to_sharing(allocated, ellie):
    with pytest.raises(DomainError) as err:
        services.step_up(allocated, reason="Disclosure", consent="", by=ellie)
    assert err.value.field == "consent"
    allocated.refresh_from_db()
    assert allocated.closed_on is None


def test_step_up_needs_a_reason(allocated, ellie):
    with pytest.raises(DomainError) as err:
        services.step_up(allocated, reason=" ", consent="given", by=ellie)
    assert err.value.field == "reason"
