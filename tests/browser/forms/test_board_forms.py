"""The whereabouts board in a browser, through its real widgets: its filters and
order narrow the children shown; the past-day form shows where they were, as
corrected since and as recorded then; a day still to come is refused in the
error summary. Each page is checked with axe-core, at desktop and phone width."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.care import board_forms, corrections, providers
from haven.care.models import Provider
from haven.care.placing import PlacementDetails
from haven.care.services import start_period_of_care
from haven.core import clock
from haven.people.keys import postcode_key
from haven.people.models import Address, Person
from tests.browser.conftest import accessibility_violations, sideways_scrolling, sign_in
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import expect_errors, fill_date, press, select

BOARD = "/looked-after/whereabouts/"


def _day(n: int) -> dt.date:
    return clock.today() - dt.timedelta(days=n)


def _home(manager) -> Provider:
    """A children's home in Birmingham, 71 miles from the children's Manchester
    homes."""
    return providers.add_provider(
        providers.ProviderDetails(
            "Birchwood House",
            "childrens_home",
            "PR4",
            ofsted_urn="SC900009",
            address_line_1="1 Birch Road",
            town="Birmingham",
            postcode="B1 1AA",
        ),
        registration="registered",
        since=_day(3000),
        by=manager,
    )


def _placed(child: Person, details: PlacementDetails, on: dt.date) -> None:
    """The child in care from `on`, recorded that day."""
    Address.objects.create(
        person=child,
        line_1="1 Home Street",
        town="Manchester",
        postcode="M1 1AD",
        postcode_key=postcode_key("M1 1AD"),
        started_on=child.date_of_birth,
    )
    with clock.held_at(clock.start_of(on) + dt.timedelta(hours=12)):
        scenes.in_need(child, on)
        start_period_of_care(
            child,
            on=on,
            need="N1",
            legal_status="C2",
            placement=details,
            by=scenes.staff("social-worker"),
        )


def _both_placed() -> tuple[Person, Person, Provider]:
    near, far = scenes.siblings(count=2)
    manager = scenes.staff("social-worker").team.managers.get()
    home = _home(manager)
    _placed(
        near,
        PlacementDetails("P1", address_line_1="2 Home Street", postcode="M1 1AE"),
        _day(40),
    )
    _placed(far, PlacementDetails("K2", provider_id=home.pk), _day(30))
    return near, far, home


def _rows(page: Page):
    return page.locator("#board tbody tr")


def _accessible(page: Page) -> None:
    for width in (1200, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert accessibility_violations(page) + sideways_scrolling(page) == []
    page.set_viewport_size({"width": 1200, "height": 900})


@covers(board_forms.BoardForm)
def test_the_boards_filters_and_order(page: Page, live_server, demo, settings):
    settings.HAVEN_AREA_CODES = ["E08000003"]  # Manchester
    near, far, _ = _both_placed()
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}{BOARD}")
    expect(page.locator("h1")).to_have_text("Where looked-after children are now")
    expect(_rows(page)).to_have_count(2)
    expect(page.locator(f"#board-child-{far.pk}")).to_contain_text("71.1 miles")
    expect(page.locator(f"#board-child-{far.pk}")).to_contain_text("Out of area")
    _accessible(page)

    select(page, "place", value="K2")
    press(page, "Show")
    expect(_rows(page)).to_have_count(1)
    expect(_rows(page).first).to_contain_text(far.full_name)
    expect(page.locator("#board-count")).to_contain_text("1 child shown, of 2")

    select(page, "place", value="")
    select(page, "area", value="in")
    press(page, "Show")
    expect(_rows(page)).to_have_count(1)
    expect(_rows(page).first).to_contain_text(near.full_name)

    select(page, "area", value="")
    select(page, "band", value="50+")
    press(page, "Show")
    expect(_rows(page)).to_have_count(1)
    expect(_rows(page).first).to_contain_text(far.full_name)

    select(page, "band", value="")
    worker = scenes.staff("social-worker")
    select(page, "worker", value=str(worker.pk))
    select(page, "team", value=str(worker.team_id))
    select(page, "sort", value="distance")
    press(page, "Show")
    expect(_rows(page)).to_have_count(2)
    expect(_rows(page).first).to_contain_text(far.full_name)  # furthest first
    expect(page.get_by_role("link", name="CSV")).to_have_attribute(
        "href",
        f"?day_day=&day_month=&day_year=&team={worker.team_id}"
        f"&worker={worker.pk}&place=&area=&band=&sort=distance&format=csv",
    )
    _accessible(page)


@covers(board_forms.BoardForm)
def test_the_board_for_a_past_day(page: Page, live_server, demo):
    near, far, home = _both_placed()
    # The first child's placement, recorded at the time as with parents (P1),
    # is found today to have been a children's home all along.
    (placement,) = near.periods_of_care.get().placements.all()
    corrections.correct_placement(
        placement,
        started_on=placement.started_on,
        details=PlacementDetails("K2", provider_id=home.pk),
        change_reason="",
        why="Recorded as the wrong placement",
        by=scenes.staff("social-worker"),
    )
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}{BOARD}")

    fill_date(page, "day", _day(35))
    press(page, "Show")
    expect(page.locator("h1")).to_have_text(
        f"Where looked-after children were on {_day(35):%-d %B %Y}"
    )
    # Only the first child was in care 35 days ago.
    expect(_rows(page)).to_have_count(1)
    row = page.locator(f"#board-child-{near.pk}")
    expect(row).to_contain_text("K2: ")
    expect(row).to_contain_text("Recorded then")
    expect(row).to_contain_text("P1: ")
    expect(page.locator("#board-recorded")).to_contain_text(
        "for 1 child, where they were that day was recorded differently"
    )
    _accessible(page)

    fill_date(page, "day", clock.today() + dt.timedelta(days=2))
    press(page, "Show")
    expect_errors(page, "The day must be today or in the past")
    expect(page.locator("h1")).to_have_text("Where looked-after children are now")
    _accessible(page)
