"""A person's documents are listed in their subject access export, each marked
for the officer to read before release."""

import csv
import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from haven.documents import services
from tests.documents.conftest import PDF_BYTES

pytestmark = pytest.mark.django_db


def test_each_document_is_listed_with_who_added_it(client, child, alice, mona):
    services.add_document(
        child,
        file=SimpleUploadedFile("r.pdf", PDF_BYTES, content_type="application/pdf"),
        kind="report",
        dated=dt.date(2026, 3, 2),
        description="School report from Mill Lane Primary",
        by=alice,
    )
    client.force_login(mona)
    response = client.get(reverse("disclosure:subject_access", args=[child.pk]))
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
    found = [row for row in rows if row["section"] == "Document"]
    assert len(found) == 1
    (row,) = found
    assert row["text"].startswith("School report from Mill Lane Primary")
    assert "released separately" in row["text"]
    review = row["third party — review before release"]
    assert "read it before release" in review
    assert "staff: Alice Tester" in review
