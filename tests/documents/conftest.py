"""Documents tests keep their files in a temporary MEDIA_ROOT of their own."""

import datetime as dt
import io
import zipfile

import pytest

from haven.core.services import allocate_case
from haven.documents import services
from tests.factories import ChildFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(media):
    return media


@pytest.fixture
def letters(db):
    services.ensure_templates()


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory(given_name="Zoë", family_name="O'Kafor")
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


def stored(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()]


def docx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def odt_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()
