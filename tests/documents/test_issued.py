"""Documents Haven writes from the record: the case summary and letters from
versioned templates, as real PDFs kept on the record as issued."""

import codecs
import datetime as dt
import re
import zlib

import pytest
from django.urls import reverse

from haven.assessments.codes import Outcome, Status
from haven.assessments.models import Assessment
from haven.cin.models import CinEpisode
from haven.core import clock
from haven.core.chronology import describe
from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.documents import services
from haven.documents.models import Document
from haven.people import services as people
from tests.factories import AdultFactory

pytestmark = pytest.mark.django_db


def pdf_title(pdf: bytes) -> str:
    """The PDF's /Title (WeasyPrint writes the page's <title> there), decoded
    from a literal or a UTF-16 hex string."""
    # The info dictionary may sit in a compressed object stream: inflate each.
    inflated = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            inflated.append(zlib.decompress(stream))
        except zlib.error:
            continue
    text = b"\n".join(inflated)
    match = re.search(rb"/Title\s*(<[0-9A-Fa-f]+>|\((?:\\.|[^\\)])*\))", text)
    assert match, "the PDF has a title"
    raw = match.group(1)
    if raw.startswith(b"<"):
        data = bytes.fromhex(raw[1:-1].decode())
        if data.startswith(codecs.BOM_UTF16_BE):
            return data[2:].decode("utf-16-be")
        return data.decode("latin-1")
    return re.sub(rb"\\(.)", rb"\1", raw[1:-1]).decode("latin-1")


@pytest.fixture
def mother(child, alice):
    mum = AdultFactory(given_name="Rosa", family_name="Pennington")
    people.record_relationship(child, other=mum, kind="mother", by=alice)
    return mum


@pytest.fixture
def authorised(child, mona):
    episode = CinEpisode.objects.create(
        person=child, referral_date=dt.date(2026, 9, 1), source="1A"
    )
    return Assessment.objects.create(
        episode=episode,
        person=child,
        started_on=dt.date(2026, 9, 2),
        status=Status.AUTHORISED,
        outcome=Outcome.CIN_PLAN,
        authorised_at=clock.now(),
        authorised_by=mona,
    )


def test_the_case_summary_is_a_real_pdf_naming_the_child(child, alice, mother):
    document = services.issue_case_summary(child, by=alice)
    content = document.file.read()
    assert content.startswith(b"%PDF")
    assert pdf_title(content) == "Case summary: Zoë O'Kafor"
    assert (
        document.kind == "case_summary" and document.content_type == "application/pdf"
    )
    event = JournalEvent.objects.get(person=child, type="documents.summary_issued")
    assert event.actor == alice and event.payload["document"] == document.pk


def test_printing_the_summary_opens_it_from_the_record(client, child, alice):
    client.force_login(alice)
    url = reverse("documents:case_summary", kwargs={"pk": child.pk})
    response = client.post(url, follow=True)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("inline")


def test_a_stranger_cannot_print_a_summary(client, child, bob):
    client.force_login(bob)
    url = reverse("documents:case_summary", kwargs={"pk": child.pk})
    assert client.post(url).status_code == 403
    assert not Document.objects.exists()


def test_the_outcome_letter_is_issued_from_the_current_version(
    child, alice, mother, authorised, letters, adam
):
    services.change_wording(
        "assessment_outcome",
        body="Dear {{ recipient_name }}\n\n{{ child_name }}: {{ outcome }}.",
        reason="Shorter",
        by=adam,
        seen=None,
    )
    document = services.issue_letter(
        child, letter="assessment_outcome", recipient=mother, by=alice
    )
    content = document.file.read()
    assert content.startswith(b"%PDF")
    assert "Zoë O'Kafor" in pdf_title(content)
    assert document.template_version.number == 2
    event = JournalEvent.objects.get(person=child, type="documents.letter_issued")
    assert event.payload["version"] == 2 and event.payload["recipient"] == mother.pk
    assert describe(event) == (
        "Letter sent: Assessment outcome letter to parents, to Rosa Pennington"
    )


def test_a_letter_needs_an_authorised_assessment(child, alice, mother, letters):
    with pytest.raises(DomainError) as refused:
        services.issue_letter(
            child, letter="assessment_outcome", recipient=mother, by=alice
        )
    assert refused.value.code == "no_authorised_assessment"


def test_a_letter_goes_only_to_a_parent_or_carer_of_the_child(
    child, alice, authorised, letters
):
    stranger = AdultFactory()
    with pytest.raises(DomainError) as refused:
        services.issue_letter(
            child, letter="assessment_outcome", recipient=stranger, by=alice
        )
    assert refused.value.code == "recipient_required"
