"""The data quality page in a browser, as a service manager on the demo
authority with one looked-after child's ethnicity planted missing: reached
from the dashboard, it passes axe at desktop and phone width, and its count
opens the records with the link to each fix."""

from playwright.sync_api import Page, expect

from haven.care.models import PeriodOfCare
from haven.people.models import Person
from tests.browser.conftest import accessibility_violations, sideways_scrolling, sign_in


def _accessible(page: Page) -> None:
    for width in (1200, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert accessibility_violations(page) + sideways_scrolling(page) == [], width
    page.set_viewport_size({"width": 1200, "height": 900})


def test_a_service_manager_opens_the_data_quality_list_onto_its_fixes(
    page: Page, live_server, demo
):
    period = PeriodOfCare.objects.filter(ended_on__isnull=True).first()
    assert period is not None, "the demo has children looked after"
    Person.objects.filter(pk=period.person_id).update(ethnicity="NOBT")

    sign_in(page, live_server.url, "service-manager")
    page.get_by_role("link", name="Performance", exact=True).first.click()
    page.locator("#data-quality").click()
    expect(page.locator("h1")).to_contain_text("Data quality")
    expect(page.locator("#table-quality")).to_be_visible()
    _accessible(page)

    page.locator("#section-ethnicity a").click()
    expect(page.locator("h1")).to_contain_text("Ethnicity missing")
    _accessible(page)
    fix = page.locator(f'#records a[href="/people/{period.person_id}/edit/"]')
    expect(fix).to_be_visible()
