"""The family at a glance in a browser: a relationship naming an alleged
perpetrator, the family network reached by keyboard, the household changed
through its forms, and search results telling two children apart."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.people import forms, households
from haven.people import services as people_services
from haven.people.codes import RelationshipKind
from haven.people.models import Relationship
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
    tick,
)


def test_an_alleged_perpetrator_is_recorded_and_marked_on_the_network(
    page: Page, live_server, demo
):
    child, brother = scenes.siblings(count=2)
    father = scenes.registered("Dorian", dt.date(1985, 3, 1))
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/people/{child.pk}/relationships/new/")
    page.fill("#q", "Dorian Quenby")
    page.get_by_role("button", name="Search").click()
    choose(page, "other", father.pk)
    select(page, "kind", value="father")
    fill_date(page, "started_on", child.date_of_birth)
    page.check("#id_alleged_perpetrator")
    press(page, "Save")
    expect_success(page, "Relationship recorded on both records")
    assert Relationship.objects.get(person=child, other=father).alleged_perpetrator

    page.get_by_role("link", name="See the family network").click()
    svg = page.locator("#family-network")
    expect(svg.locator("title")).to_have_text(f"Family network of {child}")
    expect(
        page.locator(f'g[aria-label="{father}: father; alleged perpetrator"]')
    ).to_have_count(1)
    assert accessibility_violations(page) == []
    # On a phone the diagram shrinks to the screen (WCAG 2.2 1.4.10 Reflow).
    page.set_viewport_size({"width": 320, "height": 640})
    assert sideways_scrolling(page) == []
    page.set_viewport_size({"width": 1200, "height": 800})
    # The relatives' boxes are links a keyboard reaches in turn.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#family-network')"):
            break
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused in {f"/people/{father.pk}/", f"/people/{brother.pk}/"}
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}{focused}")


@covers(forms.HouseholdJoinForm, forms.HouseholdLeaveForm)
def test_the_household_is_changed_through_its_forms(page: Page, live_server, demo):
    child, brother, sister = scenes.siblings(count=3)
    mother = scenes.registered("Harriet", dt.date(1990, 5, 17))
    manager = scenes.staff("social-worker").team.managers.get()  # type: ignore[union-attr]
    people_services.record_relationship(
        child, other=mother, kind=RelationshipKind.MOTHER, by=manager
    )
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/people/{child.pk}/")
    page.get_by_role("link", name=f"Change who lives with {child.given_name}").click()
    assert accessibility_violations(page) == []

    press(page, "Add to the household")
    expect_errors(page, f"Choose who lives with {child.given_name}")
    assert accessibility_violations(page) == []
    tick(page, "join-members", mother.pk, brother.pk, sister.pk)
    press(page, "Add to the household")
    expect_success(page, "Household changed: added.")
    expect(page.locator("#household")).to_contain_text(str(mother))
    assert set(households.members_of(child)) == {mother, brother, sister}

    page.goto(f"{live_server.url}/people/{child.pk}/household/")
    tick(page, "leave-leaving", sister.pk)
    press(page, "Take off the household")
    expect_errors(page, "Say why they no longer live here")
    page.fill("#id_leave-reason", "Moved to her grandmother's")
    press(page, "Take off the household")
    expect_success(page, "Household changed: taken off.")
    assert sister not in households.members_of(child)
    assert accessibility_violations(page) == []


def test_search_results_tell_two_children_of_the_same_name_apart(
    page: Page, live_server, demo
):
    first, second = scenes.siblings(count=2)
    manager = scenes.staff("social-worker").team.managers.get()  # type: ignore[union-attr]
    for child, name in ((first, "O'Kafor"), (second, "Okafor")):
        people_services.change_details(
            child, {"given_name": "Zoë", "family_name": name}, by=manager
        )
    people_services.record_move(
        first,
        line_1="3 Alder Row",
        town="Brackenfield",
        postcode="ZZ99 1AB",
        on=dt.date(2024, 1, 1),
        by=manager,
    )
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/people/")
    page.fill("#name", "zoe o kafor")
    page.get_by_role("button", name="Search", exact=True).click()
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="3 Alder Row")).to_have_count(1)
    expect(page.locator("tbody")).to_contain_text(f"{first.date_of_birth:%-d %B %Y}")
    assert accessibility_violations(page) == []


@covers(forms.AllegationForm)
def test_an_allegation_made_later_is_recorded_from_the_family_network(
    page: Page, live_server, demo
):
    (child,) = scenes.siblings(count=1)
    uncle = scenes.registered("Crispin", dt.date(1979, 11, 2))
    manager = scenes.staff("social-worker").team.managers.get()  # type: ignore[union-attr]
    link = people_services.record_relationship(
        child, other=uncle, kind=RelationshipKind.AUNT_UNCLE, by=manager
    )
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/people/{child.pk}/family/")
    page.get_by_role("link", name=f"Allegation of harm about {uncle}").click()
    press(page, "Save")
    expect_errors(
        page,
        "Choose whether they are alleged to have harmed",
        "Say where the allegation comes from",
    )
    assert accessibility_violations(page) == []
    choose(page, "alleged", "yes")
    page.fill("#id_reason", "The strategy discussion on 3 March")
    press(page, "Save")
    expect_success(page, "Allegation recorded on both records")
    expect(
        page.locator(f'g[aria-label="{uncle}: aunt or uncle; alleged perpetrator"]')
    ).to_have_count(1)
    link.refresh_from_db()
    assert link.alleged_perpetrator
