"""Documents in a browser: a document uploaded through the file input (and a
program named .pdf refused), the case summary printed, a letter written to a
parent, and an administrator changing a letter's wording; axe on each page."""

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from haven.core import clock
from haven.documents import services
from haven.documents.forms import IssueLetterForm, UploadForm, WordingForm
from haven.documents.models import Document, LetterTemplateVersion
from haven.people import services as people
from tests.browser.conftest import accessibility_violations, sign_in
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import (
    choose,
    expect_errors,
    expect_success,
    fill_date,
    press,
)
from tests.factories import AdultFactory

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(media: Path) -> Path:
    return media


def _no_violations(page: Page) -> None:
    assert accessibility_violations(page) == []


@covers(UploadForm)
def test_a_document_is_uploaded_through_the_file_input(
    page: Page, live_server, demo, media, tmp_path
):
    child = scenes.child()
    program = tmp_path / "report.pdf"
    program.write_bytes(b"MZ\x90\x00" + b"\0" * 64)
    report = tmp_path / "school-report.pdf"
    report.write_bytes(PDF)
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/people/{child.pk}/")
    page.get_by_role("link", name="Add a document").click()
    _no_violations(page)

    # A date that is not a date, and no kind chosen: both shown on one submit.
    page.fill("#id_dated_day", "31")
    page.fill("#id_dated_month", "2")
    page.fill("#id_dated_year", "2026")
    press(page, "Add the document")
    expect_errors(
        page,
        "must be a real date",
        "Select what kind of document it is",
        "Select a file",
    )
    expect(page.locator("#id_dated_day")).to_have_value("31")

    page.set_input_files("#id_file", str(program))
    choose(page, "kind", "report")
    fill_date(page, "dated", clock.today() - dt.timedelta(days=3))
    page.fill("#id_description", "Report from Mill Lane Primary")
    press(page, "Add the document")
    expect_errors(page, "Haven checks what a file holds, not its name")
    _no_violations(page)
    assert not Document.objects.exists()

    page.set_input_files("#id_file", str(report))
    press(page, "Add the document")
    expect_success(page, "Document added")
    expect(page.locator("#document-list")).to_contain_text(
        "Report from Mill Lane Primary"
    )
    document = Document.objects.get(person=child)
    assert document.file.read() == PDF and document.kind == "report"
    _no_violations(page)


@covers(IssueLetterForm, "documents/_person_section.html")
def test_the_summary_is_printed_and_a_letter_written_to_a_parent(
    page: Page, live_server, demo, media
):
    services.ensure_templates()
    child = scenes.child()
    mother = AdultFactory(given_name="Rosa", family_name="Pennington")
    people.record_relationship(
        child, other=mother, kind="mother", by=scenes.staff("social-worker")
    )
    scenes.authorised_for_a_plan(child)
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/people/{child.pk}/")
    with page.expect_response(lambda r: "/documents/" in r.url and r.ok) as opened:
        press(page, "Print a case summary")
    # Chromium shows the PDF in its viewer: the response says what it was.
    assert opened.value.headers["content-type"] == "application/pdf"
    summary = Document.objects.get(person=child, kind="case_summary")
    assert summary.file.read().startswith(b"%PDF")

    page.goto(f"{live_server.url}/people/{child.pk}/")
    page.get_by_role(
        "link", name="Write the assessment outcome letter to parents"
    ).click()
    _no_violations(page)
    press(page, "Write the letter")
    expect_errors(page, "Select who the letter is to")
    choose(page, "recipient", mother.pk)
    with page.expect_response(lambda r: "/documents/" in r.url and r.ok) as written:
        press(page, "Write the letter")
    assert written.value.headers["content-type"] == "application/pdf"
    letter = Document.objects.get(person=child, kind="letter_issued")
    assert letter.file.read().startswith(b"%PDF")
    assert letter.template_version.number == 1


@covers(WordingForm)
def test_an_administrator_changes_a_letters_wording(page: Page, live_server, demo):
    services.ensure_templates()
    sign_in(page, live_server.url, "administrator")
    page.goto(f"{live_server.url}/letter-templates/")
    _no_violations(page)
    page.get_by_role(
        "link", name="Change the assessment outcome letter to parents"
    ).click()
    _no_violations(page)

    page.fill("#id_body", "Dear {{ recipient_name }}\n\n{% debug %}")
    page.fill("#id_reason", "Plainer words agreed with parents' group")
    press(page, "Save a new version")
    expect_errors(page, "Remove {% debug %}")
    _no_violations(page)

    page.fill(
        "#id_body", "Dear {{ recipient_name }}\n\nWhat happens next: {{ outcome }}."
    )
    press(page, "Save a new version")
    expect_success(page, "a new version is in use")
    newest = (
        LetterTemplateVersion.objects.filter(template__key="assessment_outcome")
        .order_by("-number")
        .first()
    )
    assert newest.number == 2 and newest.changed_by.username == "administrator"
    assert "{{ outcome }}" in newest.body
    _no_violations(page)
