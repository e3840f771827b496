"""The lead practitioner and their organisation, often outside the council."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.core.errors import DomainErrors
from haven.core.models import JournalEvent
from haven.earlyhelp import services
from haven.earlyhelp.lead import record_lead

pytestmark = pytest.mark.django_db


def test_a_lead_outside_the_council_is_recorded_in_words(allocated, ellie, child):
    done = record_lead(
        allocated,
        name="Priya Shah",
        role="School nurse",
        organisation="Oakfield Primary School",
        by=ellie,
    )
    assert (done.lead_name, done.lead_role, done.lead_organisation) == (
        "Priya Shah",
        "School nurse",
        "Oakfield Primary School",
    )
    assert done.lead_staff is None
    event = JournalEvent.objects.get(person=child, type="earlyhelp.lead_recorded")
    assert event.payload["organisation"] == "Oakfield Primary School"


def test_a_staff_lead_brings_their_name_and_team(allocated, ellie, eh_team):
    done = record_lead(allocated, staff=ellie, role="Family worker", by=ellie)
    assert done.lead_staff == ellie
    assert done.lead_name == (ellie.get_full_name() or ellie.get_username())
    assert eh_team.name in done.lead_organisation


def test_every_missing_fact_is_named_at_once(allocated, ellie):
    with pytest.raises(DomainErrors) as err:
        record_lead(allocated, by=ellie)
    assert {e.field for e in err.value.failures} == {"name", "role", "organisation"}


def test_the_step_up_names_the_lead_as_referrer(allocated, ellie):
    from haven.frontdoor.models import Contact

    record_lead(
        allocated,
        name="Priya Shah",
        role="School nurse",
        organisation="Oakfield Primary School",
        by=ellie,
    )
    contact = services.step_up(
        allocated,
        reason="Bruises",
        consent="given",
        on=dt.date(2026, 4, 1),
        by=ellie,
    )
    contact = Contact.objects.get(pk=contact.pk)
    assert (contact.referrer_name, contact.referrer_organisation) == (
        "Priya Shah",
        "Oakfield Primary School",
    )


def test_the_lead_page_saves_and_the_person_page_shows_it(
    client, allocated, ellie, child
):
    client.force_login(ellie)
    url = reverse("earlyhelp:lead", args=[allocated.pk])
    response = client.post(
        url,
        {"name": "Priya Shah", "role": "School nurse", "organisation": "Oakfield"},
    )
    assert response.status_code == 302
    html = client.get(reverse("earlyhelp:person", args=[child.pk])).content.decode()
    assert "Priya Shah, School nurse (Oakfield)" in html
