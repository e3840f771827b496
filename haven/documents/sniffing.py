"""What a file really is, from its first bytes: never from its name.

A file called report.pdf may be a program; the name and the browser's stated
type are the uploader's to choose, so Haven reads the content. A few kinds are
allowed, each known by its signature ("magic bytes"): PDF, PNG and JPEG by
their opening bytes, Word (.docx) and OpenDocument text (.odt) as zip archives
holding the member that makes them what they are.
"""

import zipfile
from dataclasses import dataclass
from typing import IO

PDF = b"%PDF-"
PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"
ZIP = b"PK\x03\x04"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
DOCX_MEMBER = "word/document.xml"


@dataclass(frozen=True)
class Kind:
    content_type: str
    extension: str
    words: str


PDF_KIND = Kind("application/pdf", "pdf", "PDF")
PNG_KIND = Kind("image/png", "png", "PNG image")
JPEG_KIND = Kind("image/jpeg", "jpg", "JPEG image")
DOCX_KIND = Kind(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "docx",
    "Word document",
)
ODT_KIND = Kind("application/vnd.oasis.opendocument.text", "odt", "OpenDocument text")

ALLOWED_WORDS = (
    "a PDF, a PNG or JPEG image, a Word document (.docx) or OpenDocument text (.odt)"
)


def sniff(file: IO[bytes]) -> Kind | None:
    """The kind of document the file holds, or None if it is none Haven keeps.
    The file is read from its start and left at its start."""
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    if head.startswith(PDF):
        return PDF_KIND
    if head.startswith(PNG):
        return PNG_KIND
    if head.startswith(JPEG):
        return JPEG_KIND
    if head.startswith(ZIP):
        return _office(file)
    return None


def _office(file: IO[bytes]) -> Kind | None:
    """A .docx or .odt: a zip with the right member. Only the member list and
    the tiny `mimetype` member are read, so a zip bomb is never inflated."""
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if DOCX_MEMBER in names and "[Content_Types].xml" in names:
                return DOCX_KIND
            info = archive.getinfo("mimetype") if "mimetype" in names else None
            small = info is not None and info.file_size <= len(ODT_MIMETYPE)
            if small and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return ODT_KIND
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        file.seek(0)
    return None


KINDS_BY_TYPE = {
    k.content_type: k for k in (PDF_KIND, PNG_KIND, JPEG_KIND, DOCX_KIND, ODT_KIND)
}
