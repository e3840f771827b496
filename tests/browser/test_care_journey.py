"""A looked-after child's journey in a browser, each step on its own day (the
clock held there, as the worker would have recorded it): the child comes into
care in a foster placement, the first statutory visit, a move to a children's
home, the child goes missing and returns, the return home interview, then the
whereabouts board for today and for a month ago. Every page passes axe."""

import contextlib
import datetime as dt
from collections.abc import Iterator

from playwright.sync_api import Page, expect

from haven.care import providers
from haven.care.models import MissingEpisode, PeriodOfCare
from haven.core import clock
from tests.browser.conftest import sign_in
from tests.browser.forms import scenes
from tests.browser.forms.widgets import (
    choose,
    expect_success,
    fill_date,
    press,
    select,
)
from tests.browser.journeys import accessible, on

TODAY = clock.today()
BOARD = "/looked-after/whereabouts/"


def _day(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


@contextlib.contextmanager
def _on(n: int) -> Iterator[dt.date]:
    """Haven's clock (the live server's too) at noon, `n` days ago."""
    day = _day(n)
    with on(day, hour=12):
        yield day


def _directory():  # type: ignore[no-untyped-def]
    """The authority's fostering service with a carer, and a children's home."""
    manager = scenes.staff("social-worker").team.managers.get()
    service = providers.add_provider(
        providers.ProviderDetails(
            "Haven Fostering Service", "la_fostering", "PR1", ofsted_urn="SC900101"
        ),
        registration="registered",
        since=_day(3000),
        by=manager,
    )
    home = providers.add_provider(
        providers.ProviderDetails(
            "Larchfield House",
            "childrens_home",
            "PR4",
            ofsted_urn="SC900102",
            address_line_1="2 Larch Lane",
            town="Leeds",
            postcode="LS6 2AB",
        ),
        registration="registered",
        since=_day(3000),
        by=manager,
    )
    carer = providers.approve_carer(
        scenes.registered("Maureen", _day(20000)),
        provider=service,
        approved_on=_day(2000),
        connected_person=False,
        by=manager,
    )
    return carer, home


def _child_page(page: Page, base: str, pk: int) -> None:
    page.goto(f"{base}/people/{pk}/")
    accessible(page)


def test_into_care_visited_moved_missing_returned_interviewed_and_on_the_board(
    page: Page, live_server, demo
):
    child = scenes.child()
    scenes.in_need(child, _day(45))  # referred by the police, then into care
    carer, home = _directory()
    base = live_server.url
    sign_in(page, base, "social-worker")

    with _on(40) as day:  # comes into care, with foster carers
        _child_page(page, base, child.pk)
        page.get_by_role("link", name="Start a period of care").click()
        fill_date(page, "started_on", day)
        select(page, "need", value="N1")
        select(page, "legal_status", value="C1")
        select(page, "place", value="U6")
        select(page, "carer", value=str(carer.pk))
        page.fill("#id_address_line_1", "7 Ash Grove")
        page.fill("#id_town", "Leeds")
        page.fill("#id_postcode", "LS6 1AA")
        accessible(page)
        press(page, "Start the period of care")
        expect_success(page, "Period of care started")
        accessible(page)
    period = PeriodOfCare.objects.get(person=child)

    with _on(37) as day:  # the first statutory visit, within the week
        _child_page(page, base, child.pk)
        page.get_by_role("link", name="Record a statutory visit").click()
        fill_date(page, "occurred_on", day)
        page.fill("#id_occurred_time", "10:00")
        choose(page, "statutory_visit", "yes")
        choose(page, "visit_place", "placement")
        choose(page, "announced", "yes")
        choose(page, "bedroom_seen", "yes")
        choose(page, f"seen_{child.pk}", "yes")
        choose(page, f"alone_{child.pk}", "yes")
        page.fill("#id_subject", "First visit in the placement")
        page.fill("#id_body", "Settling in; showed me her room.")
        accessible(page)
        press(page, "Save")
        expect_success(page, "Note recorded")

    with _on(20) as day:  # moves to a children's home
        _child_page(page, base, child.pk)
        page.get_by_role("link", name="Move to a new placement").click()
        fill_date(page, "on", day)
        select(page, "reason", value="CREQB")
        select(page, "place", value="K2")
        select(page, "provider", value=str(home.pk))
        accessible(page)
        press(page, "Record the move")
        expect_success(page, "Move recorded")

    with _on(10) as day:  # goes missing in the evening
        _child_page(page, base, child.pk)
        page.get_by_role("link", name="Report missing").click()
        page.locator("input[name='kind'][value='M']").check()
        fill_date(page, "started_on", day)
        page.fill("#id_started_time", "9:30")
        page.check("#id_reported_to_police")
        page.fill("#id_police_reference", "WY-2026-4410")
        accessible(page)
        press(page, "Report missing")
        expect_success(page, "Reported missing")
        page.goto(f"{base}{BOARD}")
        expect(page.locator("main")).to_contain_text("Missing")
        accessible(page)

    with _on(9) as day:  # found the next morning
        _child_page(page, base, child.pk)
        page.get_by_role("link", name="Record their return").click()
        fill_date(page, "returned_on", day)
        page.fill("#id_returned_time", "8:15")
        accessible(page)
        press(page, "Record the return")
        expect_success(page, "Return recorded")

    with _on(8) as day:  # the return home interview, offered and held
        _child_page(page, base, child.pk)
        page.get_by_role("link", name="Record the interview").click()
        fill_date(page, "offered_on", day)
        fill_date(page, "held_on", day)
        page.fill("#id_interviewed_by", "Open Door Independent Service")
        accessible(page)
        press(page, "Save the interview")
        expect_success(page, "Return home interview saved")
    episode = MissingEpisode.objects.get(period=period)
    assert episode.ended_at is not None and episode.interview_held_on == _day(8)

    # Today's board: in the children's home.
    page.goto(f"{base}{BOARD}")
    expect(page.locator("h1")).to_have_text("Where looked-after children are now")
    row = page.locator("tr", has_text=child.family_name)
    expect(row).to_contain_text("Larchfield House")
    accessible(page)

    # A month ago: with the foster carers.
    fill_date(page, "day", _day(30))
    press(page, "Show")
    expect(page.locator("h1")).to_have_text(
        f"Where looked-after children were on {_day(30):%-d %B %Y}"
    )
    row = page.locator("tr", has_text=child.family_name)
    expect(row).to_contain_text("7 Ash Grove")
    expect(row).not_to_contain_text("Larchfield House")
    accessible(page)
