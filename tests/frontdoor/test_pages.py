import datetime as dt

import pytest
from django.urls import reverse

from haven.frontdoor import services
from haven.frontdoor.models import Contact, ContactChild
from haven.people.models import Person
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


def _contact_post(**changes: str) -> dict[str, str]:
    data = {
        "received_on_day": "4",
        "received_on_month": "3",
        "received_on_year": "2026",
        "received_time": "09:15",
        "source": "6",
        "referrer_name": "PC Jones",
        "referrer_role": "Officer",
        "referrer_organisation": "Police",
        "referrer_phone": "",
        "concerns": "Domestic incident at the home overnight.",
        "consent": "not_sought_risk",
        "consent_reason": "Telling the family could put the mother at risk",
        "child-TOTAL_FORMS": "4",
        "child-INITIAL_FORMS": "0",
        "child-MIN_NUM_FORMS": "0",
        "child-MAX_NUM_FORMS": "4",
        "adult-TOTAL_FORMS": "3",
        "adult-INITIAL_FORMS": "0",
        "adult-MIN_NUM_FORMS": "0",
        "adult-MAX_NUM_FORMS": "3",
        "child-0-given_name": "Oscar",
        "child-0-family_name": "Wainwright",
        "child-0-date_of_birth_day": "12",
        "child-0-date_of_birth_month": "6",
        "child-0-date_of_birth_year": "2019",
        "child-0-match": "",
    }
    data.update(changes)
    return data


def test_the_queue_shows_contacts_oldest_first_with_overdue_in_red(
    client, contact, fred, child, wednesday
):
    client.force_login(fred)
    html = client.get(reverse("frontdoor:queue")).content.decode()
    assert "Jasmine Thackray" in html
    assert "5 Mar 2026" in html
    assert "Overdue" not in html
    wednesday.move_to(dt.timedelta(days=2))
    html = client.get(reverse("frontdoor:queue")).content.decode()
    assert "govuk-tag--red" in html


def test_the_queue_is_refused_to_a_social_worker(client, contact, bob):
    client.force_login(bob)
    assert client.get(reverse("frontdoor:queue")).status_code == 403


def test_the_new_contact_page_has_child_rows_and_guidance(client, wednesday, fred):
    client.force_login(fred)
    html = client.get(reverse("frontdoor:new_contact")).content.decode()
    assert 'name="child-2-given_name"' in html
    assert "Working Together to Safeguard Children 2023" in html


def test_recording_a_contact_registers_a_new_child(client, wednesday, fred):
    client.force_login(fred)
    response = client.post(reverse("frontdoor:new_contact"), _contact_post())
    contact = Contact.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("frontdoor:contact", args=[contact.pk])
    child = Person.objects.get(given_name="Oscar")
    assert child.date_of_birth == dt.date(2019, 6, 12)
    assert ContactChild.objects.get().person == child
    assert contact.source == "6"
    assert contact.received_at.hour == 9


def test_errors_are_shown_and_what_was_typed_is_kept(client, wednesday, fred):
    client.force_login(fred)
    response = client.post(
        reverse("frontdoor:new_contact"),
        _contact_post(concerns="", consent_reason=""),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Describe the presenting concerns" in html
    assert "There is a problem" in html
    assert 'value="PC Jones"' in html
    assert 'value="Oscar"' in html
    assert not Contact.objects.exists()


def test_consent_reason_error_comes_from_the_service(client, wednesday, fred):
    client.force_login(fred)
    html = client.post(
        reverse("frontdoor:new_contact"), _contact_post(consent_reason="")
    ).content.decode()
    assert "Give the reason consent was not given or not sought" in html
    assert not Person.objects.filter(given_name="Oscar").exists()


def test_a_child_already_known_is_offered_and_can_be_chosen(client, wednesday, fred):
    known = ChildFactory(
        given_name="Oscar", family_name="Wainwright", date_of_birth=dt.date(2019, 6, 12)
    )
    client.force_login(fred)
    html = client.post(
        reverse("frontdoor:new_contact"), _contact_post()
    ).content.decode()
    assert "already on the register" in html
    assert f'value="{known.pk}"' in html
    assert not Contact.objects.exists()
    response = client.post(
        reverse("frontdoor:new_contact"),
        _contact_post(**{"child-0-match": str(known.pk)}),
    )
    assert response.status_code == 302
    assert ContactChild.objects.get().person == known
    assert Person.objects.filter(given_name="Oscar").count() == 1


def test_a_social_worker_cannot_record_contacts(client, alice):
    client.force_login(alice)
    assert client.get(reverse("frontdoor:new_contact")).status_code == 403


def test_the_decide_page_shows_guidance_and_keeps_a_choice_without_reasons(
    client, contact, maggie
):
    client.force_login(maggie)
    named = ContactChild.objects.get(contact=contact)
    url = reverse("frontdoor:decide", args=[contact.pk])
    html = client.get(url).content.decode()
    assert (
        "Statutory guidance" in html
        and "Working Together to Safeguard Children 2023" in html
    )
    response = client.post(url, {f"child-{named.pk}-decision": "advice"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Give the reasons for the decision" in html
    assert 'value="advice" checked' in html


def test_the_decide_page_records_the_decision(client, contact, maggie):
    client.force_login(maggie)
    named = ContactChild.objects.get(contact=contact)
    response = client.post(
        reverse("frontdoor:decide", args=[contact.pk]),
        {
            f"child-{named.pk}-decision": "nfa",
            f"child-{named.pk}-reasoning": "Explained; no role for us.",
            f"child-{named.pk}-threshold": "Level 1: universal",
            f"child-{named.pk}-urgency": "green",
        },
    )
    assert response.status_code == 302
    named.refresh_from_db()
    assert (named.decision, named.threshold, named.urgency) == (
        "nfa",
        "Level 1: universal",
        "green",
    )
    html = client.get(reverse("frontdoor:contact", args=[contact.pk])).content
    assert "Level 1: universal" in html.decode()


def test_a_worker_following_a_decide_link_sees_the_contact(client, contact, fred):
    client.force_login(fred)
    url = reverse("frontdoor:decide", args=[contact.pk])
    response = client.get(url)
    assert response.url == reverse("frontdoor:contact", args=[contact.pk])
    assert client.post(url, {}).status_code == 403


def test_the_decide_page_warns_of_a_re_referral(client, wednesday, fred, maggie, child):
    from tests.frontdoor.conftest import acknowledged, details

    earlier = acknowledged(
        services.record_contact(
            details(received_at=wednesday.at - dt.timedelta(days=90)),
            [child],
            by=fred,
        ),
        fred,
    )
    services.decide_contact(
        ContactChild.objects.get(contact=earlier),
        decision="referral",
        reasoning="Needs assessment",
        by=maggie,
    )
    from haven.cin.models import CinEpisode

    episode = CinEpisode.objects.get(person=child)
    # Closed since: a new referral would open a new episode, a re-referral.
    CinEpisode.objects.filter(pk=episode.pk).update(
        closed_on=wednesday.at.date() - dt.timedelta(days=30), closure_reason="RC8"
    )
    now = services.record_contact(details(), [child], by=fred)
    client.force_login(maggie)
    html = client.get(reverse("frontdoor:decide", args=[now.pk])).content.decode()
    assert "Re-referral" in html
    assert episode.referral_date.strftime("%-d %B %Y") in html


def test_the_contact_and_person_pages(client, contact, fred, child, bob):
    client.force_login(fred)
    html = client.get(reverse("frontdoor:contact", args=[contact.pk])).content.decode()
    assert "Millbrook Primary" in html and "Awaiting decision" in html
    html = client.get(reverse("frontdoor:person", args=[child.pk])).content.decode()
    assert "Schools" in html
    client.force_login(bob)
    assert (
        client.get(reverse("frontdoor:contact", args=[contact.pk])).status_code == 403
    )
    assert client.get(reverse("frontdoor:person", args=[child.pk])).status_code == 403
