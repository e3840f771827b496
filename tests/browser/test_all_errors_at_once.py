"""The contact form in a browser, two children each with a different fault: the
error summary lists every fault at once, each naming its child, and each link
takes the worker to the box to put right (issue 9, defect 8)."""

from playwright.sync_api import Page, expect

from tests.browser.conftest import sign_in

EXPECTED = {
    "Give the reason consent was not given or not sought": "id_consent_reason",
    "Enter the last name of the first child": "id_child-0-family_name",
    "Enter the first name of the second child": "id_child-1-given_name",
    "Date of birth of the second child must be a real date": (
        "id_child-1-date_of_birth_day"
    ),
}


def test_a_contact_with_two_faulty_children_lists_every_fault_linked(
    page: Page, live_server, demo
):
    sign_in(page, live_server.url, "front-door-worker")
    page.goto(f"{live_server.url}/front-door/contacts/new/")
    expect(page.locator("h1")).to_have_text("Record a contact")
    page.select_option("#id_source", "2A")
    page.fill("#id_concerns", "The school saw bruising on both children today.")
    page.get_by_label(
        "Consent not sought: seeking it would place the child at risk"
    ).check()
    page.fill("#id_child-0-given_name", "Ottilie")
    page.fill("#id_child-1-family_name", "Wraxall")
    page.fill("#id_child-1-date_of_birth_day", "31")
    page.fill("#id_child-1-date_of_birth_month", "2")
    page.fill("#id_child-1-date_of_birth_year", "2019")
    page.click("button:has-text('Record the contact')")

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    links = summary.locator("a")
    assert sorted(links.all_inner_texts()) == sorted(EXPECTED)
    for message, target in EXPECTED.items():
        summary.get_by_role("link", name=message).click()
        expect(page.locator(f"#{target}")).to_be_focused()
    # What was typed is kept, so only the faults need putting right.
    expect(page.locator("#id_child-1-family_name")).to_have_value("Wraxall")
    expect(page.locator("#id_concerns")).to_contain_text("bruising")
