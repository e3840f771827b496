"""A transfer-in conference booked before the child's plan comes here: the
social worker books its day, chair and administrator from the child's episode;
it is on the chair's queue as due (CP-TRANSFER-IN, from the engine); on the
day, recording it starts from the booking and closes it. And the conference
administrator's queue, where the invitations are marked sent."""

import datetime as dt
import re

from playwright.sync_api import Page, expect

from haven.core import access, clock
from haven.protection import arrangements
from haven.protection.models import ConferenceArrangement
from haven.timescales import selectors
from tests.browser.conftest import (
    DEMO_PASSWORD,
    accessibility_violations,
    sign_in,
    sign_out,
)
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.test_protection_conference_forms import administrator, ahead
from tests.browser.forms.test_protection_forms import _enquiry_found_harm, _referred
from tests.browser.forms.widgets import (
    choose,
    expect_success,
    fill_date,
    press,
    select,
)


def test_a_transfer_in_conference_is_booked_ahead_and_on_the_chairs_queue(
    page: Page, live_server, demo
):
    child = scenes.child()
    episode = _referred(child)
    chair, admin = scenes.staff("cp-chair"), administrator()
    planned = ahead(8)
    assert access.why_user_may_open(chair, child) is None

    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/children-in-need/people/{child.pk}/")
    page.get_by_role("link", name="Arrange a transfer-in conference").click()
    expect(page.locator("h1")).to_have_text(
        "Arrange a transfer-in child protection conference"
    )
    assert accessibility_violations(page) == []
    fill_date(page, "planned_on", planned)
    select(page, "chair", value=str(chair.pk))
    select(page, "administrator", value=str(admin.pk))
    press(page, "Arrange the conference")
    expect_success(page, f"Transfer-in conference arranged for {planned:%-d %B %Y}")
    booked = ConferenceArrangement.objects.get(episode=episode, kind="transfer_in")
    assert (booked.planned_on, booked.chair, booked.administrator) == (
        planned,
        chair,
        admin,
    )
    assert access.may_change(chair, child) and access.may_change(admin, child)

    # On the chair's queue, due when the engine says (15 working days from
    # the booking), with the day it is booked for.
    due = selectors.due_on(child.pk, "CP-TRANSFER-IN", episode.pk)
    assert due is not None and due > planned
    sign_out(page)
    sign_in(page, live_server.url, "cp-chair")
    page.goto(f"{live_server.url}/child-protection/conferences/")
    row = page.locator("tr", has_text=child.full_name)
    expect(row).to_contain_text(f"{due:%-d %b %Y}")
    expect(row).to_contain_text(
        "Hold the transfer-in child protection conference "
        f"(arranged for {planned:%-d %B %Y})"
    )
    assert accessibility_violations(page) == []
    sign_out(page)

    # On the day: recorded from the booking, which it closes.
    with clock.held_at(clock.start_of(planned) + dt.timedelta(hours=14)):
        sign_in(page, live_server.url, "social-worker")
        page.goto(f"{live_server.url}/children-in-need/people/{child.pk}/")
        page.get_by_role("link", name="Record a transfer-in conference").click()
        expect(page.locator("#id_chair")).to_have_value(str(chair.pk))
        expect(page.locator("#id_held_on_day")).to_have_value(str(planned.day))
        page.fill("#id_transferred_from", "Northshire County Council")
        page.fill("#id_attendance-0-agency", "Northshire children's services")
        page.fill("#id_attendance-0-name", "Pat Oduya")
        page.check("#id_attendance-0-attended")
        choose(page, "decision", "plan")
        choose(page, "category", "NEG")
        press(page, "Record the conference")
        expect_success(page, "the child protection plan has started")
        expect(page).to_have_url(re.compile(r"/child-protection/plans/\d+/"))
    booked.refresh_from_db()
    plan = episode.cp_plans.get()
    assert booked.conference == plan.starting_conference
    assert plan.started_on == planned
    found = selectors.obligation_for(child.pk, "CP-TRANSFER-IN", episode.pk)
    assert found is not None and found.status == "met_on_time"


@covers("protection/administration.html")
def test_the_administrators_queue_marks_the_invitations_sent(
    page: Page, live_server, demo
):
    child = scenes.child()
    found = _enquiry_found_harm(child)
    chair, admin = scenes.staff("cp-chair"), administrator()
    admin.set_password(DEMO_PASSWORD)
    admin.save()
    booking = arrangements.Booking(ahead(5), chair, admin)
    booked = arrangements.arrange_initial(
        found, booking, by=scenes.staff("social-worker")
    )
    sign_in(page, live_server.url, admin.username)
    page.locator("#navigation").get_by_role(
        "link", name="Conference administration"
    ).click()
    row = page.locator(f"#arrangement-{booked.pk}")
    expect(row).to_contain_text(
        f"Send the invitations to the initial child protection conference on "
        f"{ahead(5):%-d %B %Y}"
    )
    assert accessibility_violations(page) == []
    row.get_by_role("button", name=f"Invitations sent for {child.full_name}").click()
    expect_success(page, f"Invitations sent: {child.full_name}")
    expect(page.locator(f"#arrangement-{booked.pk}")).to_have_count(0)
    booked.refresh_from_db()
    assert booked.invitations_sent_on == clock.today()
