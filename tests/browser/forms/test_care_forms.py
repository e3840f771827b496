"""Looked-after children's forms in a browser, through their real widgets: a
child comes into care, moves, changes legal status and leaves care; a past
placement is corrected; providers and carers are added; and each form's
refusals appear in the error summary."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.care import forms, moves, provider_forms, providers
from haven.care.models import Carer, PeriodOfCare, Provider
from haven.care.placing import PlacementDetails
from haven.care.services import start_period_of_care
from haven.core import clock
from haven.core.models import JournalEvent
from haven.people.models import Person
from tests.browser.conftest import (
    accessibility_violations,
    sideways_scrolling,
    sign_in,
)
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


def _day(n: int) -> dt.date:
    return clock.today() - dt.timedelta(days=n)


def _manager():
    return scenes.staff("social-worker").team.managers.get()


def _directory() -> tuple[Carer, Provider]:
    """An in-house foster carer and a children's home, added by the manager."""
    manager = _manager()
    service = providers.add_provider(
        providers.ProviderDetails(
            "Haven Fostering Service", "la_fostering", "PR1", ofsted_urn="SC900001"
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
            ofsted_urn="SC900002",
            address_line_1="2 Larch Lane",
            town="Leeds",
            postcode="LS6 2AB",
        ),
        registration="registered",
        since=_day(3000),
        by=manager,
    )
    person = scenes.registered("Maureen", _day(20000))
    carer = providers.approve_carer(
        person,
        provider=service,
        approved_on=_day(2000),
        connected_person=False,
        by=manager,
    )
    return carer, home


def _fill_foster_placement(page: Page, carer: Carer) -> None:
    select(page, "place", value="U6")
    select(page, "carer", value=str(carer.pk))
    page.fill("#id_address_line_1", "7 Ash Grove")
    page.fill("#id_town", "Leeds")
    page.fill("#id_postcode", "LS6 1AA")


@covers(
    forms.StartPeriodForm, forms.MoveForm, forms.LegalStatusForm, forms.EndPeriodForm
)
def test_a_child_comes_into_care_moves_and_leaves(page: Page, live_server, demo):
    child = scenes.child()
    scenes.in_need(child, _day(60))
    carer, home = _directory()
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{child.pk}/")
    page.get_by_role("link", name="Start a period of care").click()

    fill_date(page, "started_on", _day(60))
    select(page, "need", value="N1")
    select(page, "legal_status", value="C1")
    _fill_foster_placement(page, carer)
    press(page, "Start the period of care")
    expect_success(page, "Period of care started")
    period = PeriodOfCare.objects.get(person=child)
    assert (period.started_on, period.need) == (_day(60), "N1")
    expect(page.locator("#care-now")).to_contain_text("U6")

    page.get_by_role("link", name="Move to a new placement").click()
    fill_date(page, "on", _day(30))
    select(page, "reason", value="CREQB")
    select(page, "place", value="K2")
    select(page, "provider", value=str(home.pk))
    press(page, "Record the move")
    expect_success(page, "Move recorded")
    first, second = period.placements.order_by("started_on")
    assert (first.ended_on, first.change_reason) == (_day(30), "CREQB")
    assert (second.provider, second.postcode) == (home, "LS6 2AB")
    expect(page.locator(f"#episodes-{period.pk}")).to_contain_text("CREQB")
    # The section with its histories and episodes, at desktop and phone width.
    for width in (1200, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert accessibility_violations(page) + sideways_scrolling(page) == []
    page.set_viewport_size({"width": 1200, "height": 900})

    page.get_by_role("link", name="Change the legal status").click()
    fill_date(page, "on", _day(20))
    select(page, "code", value="C2")
    press(page, "Record the change")
    expect_success(page, "Legal status changed")
    assert list(period.legal_statuses.values_list("code", flat=True)) == ["C1", "C2"]

    page.get_by_role("link", name="End the period of care").click()
    fill_date(page, "ended_on", _day(5))
    select(page, "reason", value="E4A")
    press(page, "End the period of care")
    expect_success(page, "Period of care ended")
    period.refresh_from_db()
    assert (period.ended_on, period.reason_ended) == (_day(5), "E4A")
    expect(page.locator("#care-now")).to_have_text("Not looked after now.")


@covers(forms.StartPeriodForm)
def test_starting_lists_every_refusal(page: Page, live_server, demo):
    child = scenes.child()
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/looked-after/people/{child.pk}/start/")
    born = Person.objects.get(pk=child.pk).date_of_birth
    scenes.in_need(child, born)
    fill_date(page, "started_on", born - dt.timedelta(days=3))
    select(page, "legal_status", value="C1")
    select(page, "place", value="K2")
    page.fill("#id_postcode", "nowhere")
    press(page, "Start the period of care")
    expect_errors(
        page,
        "Choose the category of need",
        "Choose the provider of this placement",
        "Enter a real postcode, like SW1A 1AA",
        "before the child was born",
        "cannot start before the referral",
    )
    assert not PeriodOfCare.objects.filter(person=child).exists()


def _in_care(child: Person, carer: Carer) -> PeriodOfCare:
    details = PlacementDetails(
        "U6", carer_id=carer.pk, address_line_1="7 Ash Grove", postcode="LS6 1AA"
    )
    scenes.in_need(child, _day(90))
    return start_period_of_care(
        child,
        on=_day(90),
        need="N1",
        legal_status="C2",
        placement=details,
        by=scenes.staff("social-worker"),
    )


@covers(forms.MoveForm, forms.LegalStatusForm)
def test_a_move_and_a_legal_status_refused_in_the_summary(
    page: Page, live_server, demo
):
    child = scenes.child()
    carer, home = _directory()
    period = _in_care(child, carer)
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/looked-after/periods/{period.pk}/move/")
    fill_date(page, "on", _day(10))
    select(page, "place", value="A5")
    select(page, "carer", value=str(carer.pk))
    press(page, "Record the move")
    expect_errors(
        page,
        "Choose the reason the placement ended",
        "needs the legal status E1 (placement order)",
    )
    assert period.placements.count() == 1

    page.goto(f"{base}/looked-after/periods/{period.pk}/legal-status/")
    fill_date(page, "on", _day(95))
    select(page, "code", value="V3")
    press(page, "Record the change")
    expect_errors(page, "A short break (legal status V3 or V4)", "would end on")


@covers(forms.EndPeriodForm)
def test_ending_refused_in_the_summary(page: Page, live_server, demo):
    child = scenes.child()
    carer, _home = _directory()
    period = _in_care(child, carer)
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/looked-after/periods/{period.pk}/end/")
    fill_date(page, "ended_on", clock.today() + dt.timedelta(days=2))
    select(page, "reason", value="E2")
    press(page, "End the period of care")
    expect_errors(
        page,
        "must be today or earlier",
        "Record the child's date of death on their details",
    )


@covers(forms.CorrectPlacementForm)
def test_a_past_placement_is_corrected_with_a_reason(page: Page, live_server, demo):
    child = scenes.child()
    carer, home = _directory()
    period = _in_care(child, carer)
    moves.move_placement(
        period,
        on=_day(30),
        placement=PlacementDetails("K2", provider_id=home.pk),
        reason="CREQB",
        by=scenes.staff("social-worker"),
    )
    second = period.placements.order_by("started_on").last()
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{child.pk}/")
    page.get_by_role(
        "link", name=f"Correct the placement from {_day(30):%-d %B %Y}"
    ).click()

    fill_date(page, "started_on", _day(35))
    press(page, "Save the correction")
    expect_errors(page, "Say why the placement record is being corrected")

    page.fill("#id_why", "The move was five days earlier than recorded")
    press(page, "Save the correction")
    expect_success(page, "Placement corrected")
    first, second = period.placements.order_by("started_on")
    assert (first.ended_on, second.started_on) == (_day(35), _day(35))
    event = JournalEvent.objects.get(person=child, type="care.placement_corrected")
    assert event.reason == "The move was five days earlier than recorded"


@covers(provider_forms.ProviderForm, provider_forms.CarerForm)
def test_a_manager_adds_a_provider_and_approves_a_carer(page: Page, live_server, demo):
    manager = _manager()
    person = scenes.registered("Desmond", _day(18000))
    base = live_server.url
    sign_in(page, base, manager.username)
    page.goto(f"{base}/looked-after/providers/")
    page.get_by_role("link", name="Add a provider").click()

    page.fill("#id_name", "Kestrel Fostering")
    choose(page, "kind", "agency")
    select(page, "sector", value="PR5")
    page.fill("#id_ofsted_urn", "SC1")
    choose(page, "registration", "registered")
    fill_date(page, "registered_on", _day(400))
    page.fill("#id_postcode", "LS1 4AP")
    press(page, "Add the provider")
    expect_errors(page, "Enter the Ofsted unique reference number (URN)")

    page.fill("#id_ofsted_urn", "SC765432")
    press(page, "Add the provider")
    expect_success(page, "Kestrel Fostering added")
    agency = Provider.objects.get(name="Kestrel Fostering")
    assert (agency.kind, agency.sector, agency.ofsted_urn) == (
        "agency",
        "PR5",
        "SC765432",
    )
    assert agency.current_registration().started_on == _day(400)

    page.get_by_role("link", name="Approve a carer for Kestrel Fostering").click()
    page.fill("#id_person", str(person.pk))
    fill_date(page, "approved_on", _day(100))
    page.check("#id_connected_person")
    press(page, "Approve the carer")
    expect_success(page, "approved as a foster carer")
    carer = Carer.objects.get(person=person)
    assert (carer.provider, carer.connected_person) == (agency, True)

    page.get_by_role("link", name="Kestrel Fostering", exact=True).click()
    choose(page, "registration", "suspended")
    fill_date(page, "registered_on", _day(3))
    press(page, "Save the changes")
    expect_success(page, "Kestrel Fostering changed")
    assert agency.current_registration().status == "suspended"
