"""Adoption in a browser, through the forms' real widgets, as the demo's
adoption worker: a child in care gets a placement order through the court
form (the legal status, E1, follows from it), then the decision that they
should be placed for adoption, the match with their adopters, placement for
adoption (the placement showing no address) and the adoption order that ends
care; each form refused first with its faults named. A second child's plan
for adoption ends, and previous permanence is recorded. Axe checks each page."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.care import providers
from haven.care.adoption import forms
from haven.care.models import (
    Adopters,
    AdoptionDecision,
    PermanenceBefore,
    Provider,
)
from haven.care.moves import change_legal_status
from haven.care.placing import PlacementDetails
from haven.care.services import start_period_of_care
from haven.core import clock
from haven.core.services import allocate_case
from haven.people.models import Person
from tests.browser.conftest import accessibility_violations, sign_in
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

WORKER = "adoption-worker"


def _ago(days: int) -> dt.date:
    return clock.today() - dt.timedelta(days=days)


def _under_placement_order(given: str, *, order: bool = True) -> Person:
    """Three, looked after for 200 days under a care order, held by the
    adoption worker's team; with a placement order for the last 150 days
    unless `order` is False (the walk records it through the court form)."""
    worker = scenes.staff(WORKER)
    person = scenes.registered(given, clock.today() - dt.timedelta(days=3 * 365))
    team = worker.team
    assert team is not None
    allocate_case(person, team=team, worker=worker, by=team.managers.get())
    scenes.in_need(person, _ago(200))
    period = start_period_of_care(
        person,
        on=_ago(200),
        need="N1",
        legal_status="C2",
        placement=PlacementDetails(
            "P1", address_line_1="1 Home Street", postcode="LS6 1AA"
        ),
        by=worker,
    )
    if order:
        change_legal_status(period, on=_ago(150), code="E1", by=worker)
    return person


def _placement_order(page: Page) -> None:
    """The court's placement order, through the court form: the legal status
    follows from it (E1), and with it the authority to place."""
    _step(page, "Record an order")
    choose(page, "kind", "placement")
    fill_date(page, "made_on", _ago(150))
    page.fill("#id_court", "Leeds Family Court")
    press(page, "Record the order")
    expect_success(page, "Order recorded")
    expect(page.locator("#court-orders")).to_contain_text("Placement order")


def _agency() -> Provider:
    """The authority's adoption service, added by a team manager."""
    team = scenes.staff(WORKER).team
    assert team is not None
    return providers.add_provider(
        providers.ProviderDetails(
            "Haven Adoption Service",
            "la_fostering",
            "PR1",
            ofsted_urn="SC900091",
            address_line_1="1 Civic Way",
            town="Leeds",
            postcode="LS1 1UR",
        ),
        registration="registered",
        since=_ago(3000),
        by=team.managers.get(),
    )


def _step(page: Page, link: str) -> None:
    page.get_by_role("link", name=link).click()
    assert accessibility_violations(page) == []


def _decide(page: Page) -> None:
    _step(page, "Record the decision to place for adoption")
    press(page, "Record the decision")
    expect_errors(
        page,
        "Enter the date of the decision",
        "Enter the agency decision maker's name",
    )
    fill_date(page, "decided_on", _ago(140))
    page.fill("#id_decision_maker", "Farida Haque")
    press(page, "Record the decision")
    expect_success(page, "Adoption decision recorded")


def _match(page: Page) -> None:
    _step(page, "Record the match with adopters")
    press(page, "Record the match")
    expect_errors(
        page,
        "Enter the date of the match",
        "Enter the adopters' names",
        "Enter the adopters' address",
        "Choose the adopters' legal status",
        "Choose how many adopters",
    )
    fill_date(page, "matched_on", _ago(100))
    page.fill("#id_names", "Tamsin and Rhodri Pembury")
    page.fill("#id_address_line_1", "4 Quarry Bank")
    page.fill("#id_town", "Ilkley")
    page.fill("#id_postcode", "LS29 8AB")
    choose(page, "legal_status", "L3")
    choose(page, "number", "2")
    choose(page, "sexes", "MF")
    press(page, "Record the match")
    expect_success(page, "Match recorded")
    expect(page.locator("#adopters")).to_contain_text("Tamsin and Rhodri Pembury")


def _place(page: Page, agency: Provider) -> None:
    _step(page, "Record the placement for adoption")
    press(page, "Record the placement")
    expect_errors(page, "Enter the date of the placement")
    fill_date(page, "placed_on", _ago(60))
    select(page, "provider", value=str(agency.pk))
    select(page, "reason", value="CARPL")
    press(page, "Record the placement")
    expect_success(page, "Placement for adoption recorded")
    expect(page.locator("#adoption-dates")).to_contain_text(
        "address held by the adoption team"
    )


@covers(forms.DecisionForm, forms.MatchForm, forms.PlaceForm, forms.OrderForm)
def test_a_child_is_placed_for_adoption_and_adopted(page: Page, live_server, demo):
    person = _under_placement_order("Wilhelmina", order=False)
    agency = _agency()
    base = live_server.url
    sign_in(page, base, WORKER)
    page.goto(f"{base}/people/{person.pk}/")
    expect(page.locator("#adoption-none")).to_be_visible()
    assert accessibility_violations(page) == []
    _placement_order(page)
    _decide(page)
    _match(page)
    _place(page, agency)
    _step(page, "Record the adoption order")
    press(page, "Record the adoption order")
    expect_errors(
        page,
        "Choose whether the application was unopposed or consent was dispensed with",
    )
    fill_date(page, "adopted_on", _ago(5))
    choose(page, "reason", "E11")
    press(page, "Record the adoption order")
    expect_success(page, "Adoption order recorded")
    adopters = Adopters.objects.get(decision__person=person)
    assert adopters.adopted_on == _ago(5)
    assert adopters.placement is not None and adopters.placement.place == "A6"
    expect(page.locator("#adoption-dates")).to_contain_text("Adoption order")
    assert accessibility_violations(page) == []


@covers(forms.CeaseForm, forms.PermanenceForm)
def test_a_plan_for_adoption_ends_and_previous_permanence_is_recorded(
    page: Page, live_server, demo
):
    person = _under_placement_order("Ottoline")
    base = live_server.url
    sign_in(page, base, WORKER)
    page.goto(f"{base}/people/{person.pk}/")
    _decide(page)
    _step(page, "Record the plan for adoption ending")
    press(page, "Record the plan ending")
    expect_errors(
        page,
        "Choose why the plan for adoption ended",
        "Enter the date the plan ended",
    )
    fill_date(page, "ceased_on", _ago(20))
    choose(page, "reason", "RD1")
    press(page, "Record the plan ending")
    expect_success(page, "The end of the plan for adoption recorded")
    assert AdoptionDecision.objects.get(person=person).ceased_reason == "RD1"
    expect(page.locator("#adoption-dates")).to_contain_text("Plan ended")

    _step(page, "Record previous permanence")
    press(page, "Record previous permanence")
    expect_errors(page, "Choose the permanence the child had before")
    choose(page, "code", "P3")
    page.fill("#id_authority", "E08000035")
    fill_date(page, "made_on", _ago(900))
    press(page, "Record previous permanence")
    expect_success(page, "Previous permanence recorded")
    assert PermanenceBefore.objects.get(person=person).code == "P3"
    expect(page.locator("#previous-permanence")).to_contain_text("Residence order")
    assert accessibility_violations(page) == []
