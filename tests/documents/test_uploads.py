"""Uploading a document to a child's record: checked by its content, limited in
size, stored under a random name, journaled in the chronology."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from haven.core.chronology import describe
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.documents import services
from haven.documents.models import Document
from tests.documents.conftest import PDF_BYTES, docx_bytes, odt_bytes, stored

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 32
EXE = b"MZ\x90\x00\x03" + b"\0" * 64


def _upload(name: str, content: bytes, content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def _add(child, user, file, **overrides):
    fields = {
        "kind": "report",
        "dated": dt.date(2026, 3, 2),
        "description": "School report from Mill Lane Primary",
    }
    return services.add_document(child, file=file, by=user, **(fields | overrides))


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (PDF_BYTES, "application/pdf"),
        (PNG, "image/png"),
        (JPEG, "image/jpeg"),
        (
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (odt_bytes(), "application/vnd.oasis.opendocument.text"),
    ],
)
def test_it_keeps_each_allowed_kind_found_by_its_content(
    child, alice, media, content, content_type
):
    document = _add(child, alice, _upload("anything.bin", content, "text/plain"))
    assert document.content_type == content_type
    assert document.size == len(content)
    assert document.file.read() == content


def test_the_stored_name_is_random_never_the_uploaders(child, alice, media):
    document = _add(child, alice, _upload("Zoe OKafor school report.pdf", PDF_BYTES))
    assert "Zoe" not in document.file.name and "report" not in document.file.name
    assert document.file.name.startswith("documents/")
    [path] = stored(media)
    assert "Zoe" not in str(path)


def test_a_pdf_that_is_really_a_program_is_refused_and_nothing_kept(
    child, alice, media
):
    with pytest.raises(DomainError) as refused:
        _add(child, alice, _upload("report.pdf", EXE))
    assert refused.value.code == "file_type_not_allowed"
    assert "Haven checks what a file holds, not its name" in refused.value.message
    assert refused.value.field == "file"
    assert stored(media) == []
    assert not Document.objects.exists()


def test_a_zip_that_is_neither_word_nor_opendocument_is_refused(child, alice, media):
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("payload.exe", "MZ")
    with pytest.raises(DomainError) as refused:
        _add(child, alice, _upload("letter.docx", out.getvalue()))
    assert refused.value.code == "file_type_not_allowed"
    assert stored(media) == []


def test_an_oversized_file_is_refused_with_the_limit_and_nothing_kept(
    child, alice, media, settings
):
    settings.HAVEN_DOCUMENT_MAX_MB = 1
    big = PDF_BYTES + b"0" * (1024 * 1024)
    with pytest.raises(DomainError) as refused:
        _add(child, alice, _upload("big.pdf", big))
    assert refused.value.code == "file_too_big"
    assert refused.value.message == "The selected file must be smaller than 1 MB"
    assert stored(media) == [] and not Document.objects.exists()


def test_every_fault_is_reported_at_once(child, alice, media):
    with pytest.raises(DomainError) as refused:
        _add(
            child,
            alice,
            _upload("empty.pdf", b""),
            kind="",
            dated=dt.date(2099, 1, 1),
            description=" ",
        )
    codes = {failure.code for failure in refused.value.failures}
    assert codes == {
        "kind_required",
        "dated_in_future",
        "description_required",
        "file_empty",
    }
    assert stored(media) == []


def test_it_is_journaled_on_its_date_in_the_chronology(child, alice, media):
    document = _add(child, alice, _upload("r.pdf", PDF_BYTES))
    event = JournalEvent.objects.get(person=child, type="documents.document_added")
    assert event.payload["document"] == document.pk
    assert event.occurred_at.date() == dt.date(2026, 3, 2)
    assert describe(event) == (
        "Report added to the record: School report from Mill Lane Primary"
    )


def test_a_stranger_cannot_add_to_a_child_they_do_not_hold(child, bob, media):
    with pytest.raises(AccessDenied):
        _add(child, bob, _upload("r.pdf", PDF_BYTES))
    assert stored(media) == []
