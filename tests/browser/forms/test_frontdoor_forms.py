"""Front door forms in a browser: a contact about two children (one already on
the register, one new) and the manager's decision for each on one page."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.core import clock
from haven.frontdoor import forms
from haven.frontdoor.models import Contact, ContactChild
from haven.people.models import Person
from tests.browser.conftest import sign_in
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import (
    choose,
    expect_errors,
    expect_success,
    fill_date,
    press,
    select,
)


@covers(
    forms.ContactForm,
    forms.ChildRowForm,
    forms.AdultRowForm,
    forms.DecisionForm,
    forms.AcknowledgementForm,
    forms.FeedbackForm,
)
def test_a_contact_about_two_children_and_a_decision_for_each(
    page: Page, live_server, demo
):
    known = scenes.child()
    assert known.date_of_birth is not None
    received = clock.today() - dt.timedelta(days=1)
    newborn = clock.today() - dt.timedelta(days=200)
    sign_in(page, live_server.url, "front-door-worker")
    page.goto(f"{live_server.url}/front-door/contacts/new/")

    fill_date(page, "received_on", received)
    page.fill("#id_received_time", "09:15")
    select(page, "source", value="3B")
    page.fill("#id_referrer_name", "Nadia Fenwick")
    page.fill("#id_referrer_role", "Health visitor")
    page.fill("#id_referrer_organisation", "Northfield Health Centre")
    page.fill("#id_referrer_phone", "01632 960555")
    page.fill("#id_child-0-given_name", known.given_name)
    page.fill("#id_child-0-family_name", known.family_name)
    fill_date(page, "child-0-date_of_birth", known.date_of_birth)
    page.fill("#id_child-1-given_name", "Wilf")
    page.fill("#id_child-1-family_name", scenes.FAMILY)
    fill_date(page, "child-1-date_of_birth", newborn)
    # The parents and the alleged perpetrator: each becomes a person in the register.
    page.fill("#id_adult-0-given_name", "Ingrid")
    page.fill("#id_adult-0-family_name", "Saltonstall")
    choose(page, "adult-0-role", "parent")
    page.fill("#id_adult-1-given_name", "Bram")
    page.fill("#id_adult-1-family_name", "Quenby")
    fill_date(page, "adult-1-date_of_birth", dt.date(1990, 2, 3))
    page.fill("#id_concerns", "The baby has not been seen by the GP since birth.")
    choose(page, "consent", "without_consent")
    page.fill("#id_consent_reason", "Mother could not be reached.")
    press(page, "Record the contact")

    # The register knows the first child: the worker says it is the same one;
    # and the second adult's role was missed.
    expect_errors(page, "Say why the second adult is named")
    choose(page, "adult-1-role", "alleged")
    choose(page, "child-0-match", known.pk)
    press(page, "Record the contact")

    expect_success(page, "Contact recorded")
    contact = Contact.objects.get(referrer_name="Nadia Fenwick")
    assert contact.source == "3B"
    assert clock.start_of(received).replace(hour=9, minute=15) == contact.received_at
    assert contact.referrer_role == "Health visitor"
    assert contact.referrer_organisation == "Northfield Health Centre"
    assert contact.referrer_phone == "01632 960555"
    assert contact.concerns == "The baby has not been seen by the GP since birth."
    assert (contact.consent, contact.consent_reason) == (
        "without_consent",
        "Mother could not be reached.",
    )
    named = {
        c.person.given_name: c for c in ContactChild.objects.filter(contact=contact)
    }
    assert set(named) == {known.given_name, "Wilf"}
    assert named[known.given_name].person == known
    wilf = Person.objects.get(given_name="Wilf", family_name=scenes.FAMILY)
    assert wilf.date_of_birth == newborn
    assert Person.objects.filter(given_name=known.given_name).count() == 1
    adults = {a.person.given_name: a for a in contact.adults.select_related("person")}
    assert adults["Ingrid"].role == "parent"
    assert (adults["Bram"].role, adults["Bram"].person.date_of_birth) == (
        "alleged",
        dt.date(1990, 2, 3),
    )

    # The front door's manager decides for both children on one page.
    page.click("button:has-text('Sign out')")
    sign_in(page, live_server.url, "team-manager")
    page.goto(f"{live_server.url}/front-door/contacts/{contact.pk}/decide/")
    first, second = named[known.given_name], named["Wilf"]
    choose(page, f"child-{first.pk}-decision", "specialist")
    page.fill(f"#id_child-{first.pk}-reasoning", "Known to the assessment team.")
    choose(page, f"child-{second.pk}-decision", "nfa")
    page.fill(f"#id_child-{second.pk}-reasoning", "GP has since seen the baby.")
    press(page, "Record the decision")

    # Every error at once, and what was typed is kept.
    expect_errors(
        page,
        "Say how the referrer was told",
        "Name the specialist service asked to assess",
        "Choose the threshold level",
        "Choose the urgency: red, amber or green",
    )
    # The referrer was acknowledged (the date is today's unless changed).
    fill_date(page, "ack-on", clock.today())
    choose(page, "ack-how", "phone")
    page.fill(f"#id_child-{first.pk}-specialist_service", "Disabled children's team")
    select(page, f"child-{first.pk}-threshold", value="Level 3: targeted")
    choose(page, f"child-{first.pk}-urgency", "amber")
    select(page, f"child-{second.pk}-threshold", value="Level 1: universal")
    choose(page, f"child-{second.pk}-urgency", "green")
    press(page, "Record the decision")

    expect_success(page, "Decision recorded")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.decision, first.reasoning) == (
        "specialist",
        "Known to the assessment team.",
    )
    assert (first.specialist_service, first.threshold, first.urgency) == (
        "Disabled children's team",
        "Level 3: targeted",
        "amber",
    )
    assert (second.threshold, second.urgency) == ("Level 1: universal", "green")
    assert (second.decision, second.reasoning) == ("nfa", "GP has since seen the baby.")
    assert first.decided_by.username == second.decided_by.username == "team-manager"
    expect(page.locator("#children")).to_contain_text("Disabled children's team")
    contact.refresh_from_db()
    assert (contact.acknowledged_on, contact.acknowledged_how) == (
        clock.today(),
        "phone",
    )

    # The referrer is told the decision: a simple action on the contact.
    page.click("#feedback a")
    press(page, "Record the feedback")
    expect_errors(page, "Say how the referrer was told")
    fill_date(page, "on", clock.today())
    choose(page, "how", "email")
    press(page, "Record the feedback")
    expect_success(page, "Feedback to the referrer recorded")
    contact.refresh_from_db()
    assert (contact.feedback_on, contact.feedback_how) == (clock.today(), "email")
    expect(page.locator("#feedback")).to_contain_text("(email)")


@covers(forms.CheckRequestForm, forms.CheckReturnForm)
def test_a_multi_agency_check_requested_and_returned(page: Page, live_server, demo):
    from haven.core.models import User
    from haven.frontdoor import services

    worker = User.objects.get(username="front-door-worker")
    contact = services.record_contact(
        {
            "received_at": clock.now(),
            "source": "2A",
            "concerns": "Bruising seen at school.",
            "consent": "given",
            "consent_reason": "",
        },
        [scenes.child()],
        by=worker,
    )
    sign_in(page, live_server.url, "front-door-worker")
    page.goto(f"{live_server.url}/front-door/contacts/{contact.pk}/")
    page.click("text=Request a multi-agency check")
    select(page, "agency", value="other")
    press(page, "Record the request")
    expect_errors(page, "Name the agency")
    page.fill("#id_detail", "Youth offending team")
    fill_date(page, "on", clock.today())
    press(page, "Record the request")
    expect_success(page, "Check requested")
    expect(page.locator("#checks")).to_contain_text("Outstanding")

    page.click("#checks a")
    press(page, "Record the return")
    expect_errors(page, "Summarise what the agency told us")
    page.fill("#id_summary", "Known to the team in 2024; no current order.")
    press(page, "Record the return")
    expect_success(page, "Check return recorded")
    check = contact.checks.get()
    assert (check.agency_words, check.returned_on, check.summary) == (
        "Youth offending team",
        clock.today(),
        "Known to the team in 2024; no current order.",
    )
