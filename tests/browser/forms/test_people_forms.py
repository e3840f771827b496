"""The register's forms in a browser: a new child with several disabilities,
changing their details, an address, a known-as name, a warning, a relationship,
and merging and separating a duplicate record."""

import datetime as dt
import random

from playwright.sync_api import Browser, Page, expect

from haven.core import clock
from haven.core.models import Allocation, Team
from haven.people import forms, lifestage, merging
from haven.people import services as people_services
from haven.people.identifiers import generate_nhs_number
from haven.people.models import ParentalResponsibility, Person, Relationship
from tests.browser.conftest import (
    accessibility_violations,
    serious_accessibility_violations,
    sign_in,
)
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import (
    choose,
    expect_success,
    fill_date,
    press,
    select,
    tick,
)


@covers(forms.NewPersonForm, forms.EditPersonForm)
def test_a_child_is_added_with_several_disabilities_then_changed(
    page: Page, live_server, demo
):
    born = clock.today() - dt.timedelta(days=9 * 365)
    nhs = generate_nhs_number(random.Random(9))
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/people/new/")

    expect(page.locator("input[name=kind]")).to_have_count(0)
    page.fill("#id_given_name", "Peregrine")
    page.fill("#id_family_name", scenes.FAMILY)
    fill_date(page, "date_of_birth", born)
    choose(page, "sex", "M")
    page.fill("#id_gender_identity", "Boy")
    select(page, "ethnicity", value="MWBC")
    page.fill("#id_first_language", "Welsh")
    page.fill("#id_religion", "None")
    tick(page, "disabilities", "MOB", "COMM", "HAND")
    page.fill("#id_nhs_number", nhs)
    select(page, "upn_unknown", value="UN2")
    page.fill("#id_local_id", "QB1001")
    press(page, "Continue")

    expect_success(page, "added to the register")
    person = Person.objects.get(given_name="Peregrine", family_name=scenes.FAMILY)
    assert lifestage.is_child_on(person, clock.today())
    assert person.date_of_birth == born
    assert person.sex == "M"
    assert person.gender_identity == "Boy"
    assert person.ethnicity == "MWBC"
    assert (person.first_language, person.religion) == ("Welsh", "None")
    assert sorted(person.disabilities) == ["COMM", "HAND", "MOB"]
    assert person.nhs_number.replace(" ", "") == nhs.replace(" ", "")
    assert person.local_id == "QB1001"
    assert (person.upn_unknown, person.la_child_id) == ("UN2", "QB1001")

    page.goto(f"{live_server.url}/people/{person.pk}/edit/")
    for code in ("MOB", "COMM", "HAND"):
        expect(page.locator(f"input[name=disabilities][value={code}]")).to_be_checked()
    page.uncheck("input[name=disabilities][value=HAND]")
    tick(page, "disabilities", "LD")
    page.fill("#id_first_language", "English")
    page.fill("#id_reason", "His mother corrected his details.")
    press(page, "Save")

    expect_success(page, "Details saved")
    person.refresh_from_db()
    assert sorted(person.disabilities) == ["COMM", "LD", "MOB"]
    assert person.first_language == "English"
    assert person.date_of_birth == born


@covers(forms.AddressForm, forms.KnownAsForm, forms.WarningForm)
def test_an_address_a_known_as_name_and_a_warning_are_added(
    page: Page, live_server, demo
):
    child = scenes.child()
    moved = clock.today() - dt.timedelta(days=3)
    sign_in(page, live_server.url, "social-worker")

    page.goto(f"{live_server.url}/people/{child.pk}/addresses/new/")
    page.fill("#id_line_1", "14 Kiln Close")
    page.fill("#id_line_2", "Upper flat")
    page.fill("#id_town", "Brackenfield")
    page.fill("#id_postcode", "ZZ99 4ZZ")
    fill_date(page, "on", moved)
    press(page, "Save")
    expect_success(page, "New address recorded")
    address = child.addresses.get(ended_on__isnull=True)
    assert (address.line_1, address.line_2, address.town) == (
        "14 Kiln Close",
        "Upper flat",
        "Brackenfield",
    )
    assert address.postcode == "ZZ99 4ZZ"
    assert address.started_on == moved

    page.goto(f"{live_server.url}/people/{child.pk}/names/new/")
    page.fill("#id_given_name", "Mimi")
    page.fill("#id_family_name", "Quenby-Hart")
    press(page, "Save")
    expect_success(page, "Name added")
    assert child.names.filter(given_name="Mimi", family_name="Quenby-Hart").exists()

    page.goto(f"{live_server.url}/people/{child.pk}/warnings/new/")
    choose(page, "kind", "address_confidential")
    page.fill("#id_detail", "Mother has fled domestic abuse; never share the address.")
    press(page, "Save")
    expect_success(page, "Warning added")
    warning = child.warnings.get()
    assert warning.kind == "address_confidential"
    assert warning.detail == "Mother has fled domestic abuse; never share the address."
    assert warning.recorded_by.username == "social-worker"


@covers(forms.RelationshipForm)
def test_a_relationship_is_found_chosen_and_recorded(page: Page, live_server, demo):
    child = scenes.child()
    mother = scenes.registered("Harriet", dt.date(1990, 5, 17))
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/people/{child.pk}/relationships/new/")

    page.fill("#q", "Harriet Quenby")
    page.get_by_role("button", name="Search").click()
    choose(page, "other", mother.pk)
    select(page, "kind", value="mother")
    fill_date(page, "started_on", child.date_of_birth)
    press(page, "Save")

    expect_success(page, "Relationship recorded on both records")
    link = Relationship.objects.get(person=child, other=mother)
    assert link.kind == "mother"
    assert link.started_on == child.date_of_birth


@covers(forms.ResponsibilityForm)
def test_parental_responsibility_is_recorded_with_its_basis(
    page: Page, live_server, demo
):
    child = scenes.child()
    mother = scenes.registered("Harriet", dt.date(1990, 5, 17))
    link = people_services.record_relationship(
        child, other=mother, kind="mother", by=scenes.staff("social-worker")
    )
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/people/{child.pk}/")
    page.get_by_role("link", name="Record parental responsibility").click()
    expect(page.locator("#id_basis-hint")).to_contain_text("Children Act 1989")

    choose(page, "basis", "care_order")
    choose(page, "holder", f"person-{link.pk}")
    press(page, "Save")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "choose the local authority"
    )
    expect(page.locator("input[name=basis][value=care_order]")).to_be_checked()

    choose(page, "basis", "mother")
    fill_date(page, "started_on", child.date_of_birth)
    press(page, "Save")
    expect_success(page, "Parental responsibility recorded")
    row = ParentalResponsibility.objects.get(child=child)
    assert (row.holder, row.basis, row.started_on) == (
        mother,
        "mother",
        child.date_of_birth,
    )
    expect(page.locator("#relationships")).to_contain_text(
        "Harriet has parental responsibility for"
    )


@covers(forms.ImmigrationStatusForm)
def test_uasc_status_is_recorded_with_the_date_it_ceased(page: Page, live_server, demo):
    child = scenes.child()
    started = clock.today() - dt.timedelta(days=100)
    ceased = clock.today() - dt.timedelta(days=10)
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/people/{child.pk}/")
    page.get_by_role("link", name="Record an immigration status").click()

    choose(page, "status", "other")
    fill_date(page, "started_on", started)
    press(page, "Save")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Describe the status")

    choose(page, "status", "uasc")
    fill_date(page, "ended_on", ceased)
    press(page, "Save")
    expect_success(page, "Immigration status recorded")
    row = child.immigration_statuses.get()
    assert (row.status, row.started_on, row.ended_on) == ("uasc", started, ceased)
    expect(page.locator("#immigration")).to_contain_text(
        "Unaccompanied asylum-seeking child (UASC)"
    )
    expect(page.locator("#immigration")).to_contain_text("(UASC ceased)")


@covers(forms.MergeForm, forms.ReasonForm)
def test_a_duplicate_is_merged_and_separated_again(page: Page, live_server, demo):
    child = scenes.child()
    duplicate = scenes.registered(child.given_name, child.date_of_birth)
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/people/{child.pk}/merge/")

    page.fill("#id_duplicate", str(duplicate.pk))
    page.fill("#id_reason", "The same girl, registered twice by the school.")
    press(page, "Save")

    expect_success(page, "merged into this one")
    duplicate.refresh_from_db()
    assert duplicate.merged_into == child

    page.goto(f"{live_server.url}/people/{child.pk}/merge/")
    page.locator("#merged").get_by_role("link", name="Separate again").click()
    page.fill("#id_reason", "Twins, not the same girl.")
    press(page, "Save")

    expect_success(page, "stands on its own again")
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None


@covers(forms.EditPersonForm)
def test_two_people_change_the_same_details_and_the_second_merges(
    page: Page, browser: Browser, live_server, demo
):
    child = scenes.child()
    manager = scenes._manager_of(child).username
    url = f"{live_server.url}/people/{child.pk}/edit/"
    sign_in(page, live_server.url, "social-worker")
    page.goto(url)
    other = browser.new_context(viewport={"width": 1200, "height": 900})
    second = other.new_page()
    second.set_default_timeout(10_000)
    try:
        sign_in(second, live_server.url, manager)
        second.goto(url)  # both have the form open at the same version

        page.fill("#id_first_language", "Welsh")
        press(page, "Save")
        expect_success(page, "Details saved")

        second.fill("#id_first_language", "Polish")
        second.fill("#id_religion", "Catholic")
        press(second, "Save")
        expect(second.locator(".govuk-error-summary")).to_contain_text(
            "Someone else changed this record since you opened it"
        )
        row = second.locator("#conflict-first_language")
        expect(row.locator(".conflict-theirs")).to_have_text("Welsh")
        expect(row.locator(".conflict-yours")).to_have_text("Polish")
        expect(second.locator("#id_first_language")).to_have_value("Polish")
        assert serious_accessibility_violations(second) == []
        child.refresh_from_db()
        assert child.first_language == "Welsh"

        second.fill("#id_first_language", "Welsh and Polish")
        press(second, "Save")
        expect_success(second, "Details saved")
        child.refresh_from_db()
        assert (child.first_language, child.religion) == (
            "Welsh and Polish",
            "Catholic",
        )
    finally:
        other.close()


@covers(forms.MergeDecisionForm)
def test_the_holding_teams_manager_agrees_to_a_merge(page: Page, live_server, demo):
    child = scenes.child()
    worker = scenes.staff("social-worker")
    duplicate = scenes.registered(child.given_name, child.date_of_birth)
    # The duplicate is held by another team, and co-worked by the worker.
    other = Team.objects.exclude(pk=worker.team_id).filter(managers__isnull=False)
    holding = other.exclude(kind=Team.Kind.SERVICE).first()
    Allocation.objects.filter(person=duplicate).update(ended_on=clock.today())
    Allocation.objects.create(
        person=duplicate, team=holding, worker=worker, started_on=clock.today()
    )
    asked = merging.merge_or_ask(
        duplicate, into=child, reason="Registered twice by the school", by=worker
    )
    assert asked is not None
    sign_in(page, live_server.url, holding.managers.get().username)
    page.goto(f"{live_server.url}/people/merge-requests/")
    assert accessibility_violations(page) == []
    page.get_by_role("link", name="Decide").click()
    assert accessibility_violations(page) == []

    press(page, "Save the decision")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Choose whether you agree to the merge"
    )
    choose(page, "decision", "decline")
    press(page, "Save the decision")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Say why you are declining"
    )
    choose(page, "decision", "agree")
    page.fill("#id_note", "Checked with the school.")
    press(page, "Save the decision")

    expect_success(page, "the records are merged")
    duplicate.refresh_from_db()
    assert duplicate.merged_into == child
