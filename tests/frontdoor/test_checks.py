"""Issue 11 item 9: multi-agency checks requested and returned, listed on the
contact; the decision page shows those outstanding without waiting for them."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.core import clock
from haven.core.chronology import describe
from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.frontdoor import checks
from haven.frontdoor.models import AgencyCheck, ContactChild

pytestmark = pytest.mark.django_db


def test_a_check_is_requested_and_returned(contact, fred, child):
    check = checks.request_check(contact, agency="police", on=clock.today(), by=fred)
    assert (check.agency, check.requested_on, check.returned_on) == (
        "police",
        dt.date(2026, 3, 4),
        None,
    )
    checks.record_return(
        check, on=clock.today(), summary=" Two callouts in 2025. ", by=fred
    )
    check.refresh_from_db()
    assert (check.returned_on, check.summary) == (
        dt.date(2026, 3, 4),
        "Two callouts in 2025.",
    )
    requested, returned = JournalEvent.objects.filter(
        person=child, type__startswith="frontdoor.check_"
    ).order_by("sequence")
    assert describe(requested) == "Multi-agency check requested: Police"
    assert describe(returned) == "Multi-agency check returned: Police"
    with pytest.raises(DomainError) as refused:
        checks.record_return(check, on=clock.today(), summary="Again", by=fred)
    assert refused.value.code == "already_returned"


def test_a_check_names_its_agency_and_dates(contact, fred):
    with pytest.raises(DomainError) as refused:
        checks.request_check(contact, agency="other", on=None, by=fred)
    assert refused.value.codes == ["detail_required", "date_required"]
    check = checks.request_check(
        contact,
        agency="other",
        detail="Youth offending team",
        on=clock.today(),
        by=fred,
    )
    assert check.agency_words == "Youth offending team"
    with pytest.raises(DomainError) as refused:
        checks.record_return(
            check, on=clock.today() - dt.timedelta(days=1), summary="", by=fred
        )
    assert refused.value.codes == ["date_too_early", "summary_required"]
    assert not AgencyCheck.objects.exclude(returned_on=None).exists()


def test_outstanding_checks_show_but_do_not_hold_up_the_decision(
    client, contact, fred, maggie
):
    checks.request_check(contact, agency="health", on=clock.today(), by=fred)
    client.force_login(maggie)
    url = reverse("frontdoor:decide", args=[contact.pk])
    html = client.get(url).content.decode()
    assert "Checks not yet returned: Health (requested 4 March 2026)" in html
    named = ContactChild.objects.get(contact=contact)
    response = client.post(
        url,
        {
            f"child-{named.pk}-decision": "nfa",
            f"child-{named.pk}-reasoning": "No role for us.",
            f"child-{named.pk}-threshold": "Level 1: universal",
            f"child-{named.pk}-urgency": "green",
        },
    )
    assert response.status_code == 302


def test_the_contact_lists_its_checks_and_pages_record_them(client, contact, fred):
    client.force_login(fred)
    response = client.post(
        reverse("frontdoor:check", args=[contact.pk]),
        {"agency": "education", "on_day": "4", "on_month": "3", "on_year": "2026"},
    )
    assert response.status_code == 302
    check = AgencyCheck.objects.get(contact=contact)
    html = client.get(reverse("frontdoor:contact", args=[contact.pk])).content
    assert "Outstanding" in html.decode()
    response = client.post(
        reverse("frontdoor:check_return", args=[contact.pk, check.pk]),
        {"on_day": "4", "on_month": "3", "on_year": "2026", "summary": "Attends."},
    )
    assert response.status_code == 302
    html = client.get(reverse("frontdoor:contact", args=[contact.pk])).content
    assert "Attends." in html.decode()
