"""Issue 17's walk through the real pages: a child placed with a fostering
agency at a weekly rate; a four-week run previewed by one finance officer and
approved by another; the social worker then records that the child's care
ended two weeks before the paid period did; the next run's preview carries the
recovery, saying why; approved, the provider's statement shows it, and the
overpayment is listed as owed."""

import datetime as dt
from decimal import Decimal

from playwright.sync_api import Page, expect

from haven.core import clock
from haven.finance.models import PaymentRun
from tests.browser.conftest import (
    accessibility_violations,
    sideways_scrolling,
    sign_in,
    sign_out,
)
from tests.browser.forms import scenes
from tests.browser.forms.widgets import (
    choose,
    expect_success,
    fill_date,
    press,
    select,
)
from tests.care.factories import AgencyFactory, CarerFactory, fostered, in_care


def _preview(page: Page, base: str, monday: dt.date) -> PaymentRun:
    page.goto(f"{base}/payments/")
    choose(page, "provider_kind", "agency")
    fill_date(page, "starts_on", monday)
    press(page, "Preview the run")
    expect(page.locator("#status")).to_contain_text("waiting for approval")
    return PaymentRun.objects.get(status="previewed")


def _approve(page: Page, base: str, run: PaymentRun) -> None:
    sign_out(page)
    sign_in(page, base, "finance-officer2")
    page.goto(f"{base}/payments/runs/{run.pk}/")
    press(page, "Approve the run")
    expect_success(page, "Run approved")
    press(page, "Close the run")
    expect_success(page, "Run closed")
    sign_out(page)


def _fits(page: Page) -> None:
    """No accessibility violation, at desktop width and on a phone."""
    for width in (1200, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert accessibility_violations(page) + sideways_scrolling(page) == []
    page.set_viewport_size({"width": 1200, "height": 900})


def test_a_backdated_end_is_recovered_by_the_next_run(page: Page, live_server, demo):
    today = clock.today()
    monday = today - dt.timedelta(days=today.weekday() + 63)  # two runs, ended
    agency = AgencyFactory(name="Quenby Fostering")
    child = scenes.child()
    in_care(
        child,
        by=scenes.staff("social-worker"),
        on=monday - dt.timedelta(days=10),
        placement=fostered(CarerFactory(provider=agency)),
    )
    base = live_server.url
    sign_in(page, base, "finance-officer")
    page.goto(f"{base}/payments/providers/{agency.pk}/rates/")
    choose(page, "basis", "framework")
    page.fill("#id_weekly_amount", "840.00")
    fill_date(page, "started_on", monday - dt.timedelta(days=30))
    press(page, "Set the rate")
    expect_success(page, "Rate set for Quenby Fostering")
    first = _preview(page, base, monday)
    expect(page.locator("#lines tr", has_text=child.full_name)).to_contain_text(
        "£3360.00"
    )
    _approve(page, base, first)

    ended = monday + dt.timedelta(days=14)  # two weeks before the paid end
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{child.pk}/")
    page.get_by_role("link", name="End the period of care").click()
    fill_date(page, "ended_on", ended)
    select(page, "reason", value="E4A")
    press(page, "End the period of care")
    expect_success(page, "Period of care ended")
    sign_out(page)

    sign_in(page, base, "finance-officer")
    second = _preview(page, base, monday + dt.timedelta(days=28))
    words = (
        f"The placement ended on {ended:%-d %B %Y}, not "
        f"{monday + dt.timedelta(days=28):%-d %B %Y} as paid: 14 days recovered"
    )
    ours = page.locator("#lines tr", has_text=child.full_name)
    expect(ours).to_contain_text(words)
    expect(ours).to_contain_text("−£1680.00")
    expect(page.locator("#lookback")).to_contain_text("Adjustments look back to")
    _fits(page)
    _approve(page, base, second)

    sign_in(page, base, "finance-officer")
    page.goto(f"{base}/payments/runs/{second.pk}/")
    page.get_by_role("link", name="Quenby Fostering statement").click()
    expect(page.locator("h1")).to_have_text("Statement for Quenby Fostering")
    expect(page.locator("#owes")).to_have_text("£1680.00")
    expect(page.locator(f"#run-{second.pk}")).to_contain_text("£1680.00")
    expect(page.get_by_text(words)).to_have_count(1)
    _fits(page)
    page.goto(f"{base}/payments/")
    page.get_by_role("link", name="Overpayments owed by providers").click()
    row = page.locator("#overpayments tr", has_text="Quenby Fostering")
    expect(row).to_contain_text("£1680.00")
    _fits(page)
    second.refresh_from_db()
    assert (second.status, second.total) == ("closed", Decimal("0.00"))
