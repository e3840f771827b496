"""Changing a statutory timescale's local value in a browser."""

import datetime as dt

from playwright.sync_api import Page

from haven.core import clock
from haven.core.models import User
from haven.timescales.forms import RuleValueForm
from haven.timescales.models import RuleSetting
from tests.browser.conftest import sign_in
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import expect_success, fill_date, press, select


@covers(RuleValueForm)
def test_an_administrator_changes_a_local_rule(page: Page, live_server, demo):
    approver = User.objects.get(username="service-manager")
    starts = clock.today() + dt.timedelta(days=7)
    sign_in(page, live_server.url, "administrator")
    page.goto(f"{live_server.url}/work/rules/CP-CORE-N/change/")

    page.fill("#id_deadline", "+6 w")
    page.fill("#id_interval", "+6 w")
    fill_date(page, "applies_from", starts)
    page.fill("#id_reason", "The partnership agreed six-weekly core groups.")
    select(page, "approved_by", value=str(approver.pk))
    press(page, "Save the new value")

    expect_success(page, "CP-CORE-N changed")
    setting = RuleSetting.objects.get(rule_id="CP-CORE-N")
    assert (setting.deadline, setting.interval) == ("+6 w", "+6 w")
    assert setting.applies_from == starts
    assert setting.reason == "The partnership agreed six-weekly core groups."
    assert setting.approved_by == approver
    assert setting.changed_by.username == "administrator"
