"""Every download goes through the access-checked view: logged when allowed,
refused and logged when not, restricted and sealed children included."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from haven.core.models import AccessLogEntry, DeniedAccess
from haven.core.services import restrict_record
from haven.documents import services
from tests.documents.conftest import PDF_BYTES

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(child, alice):
    return services.add_document(
        child,
        file=SimpleUploadedFile("x.pdf", PDF_BYTES),
        kind="letter_received",
        dated=dt.date(2026, 3, 2),
        description="Letter from Dr Okonjo about Zoë",
        by=alice,
    )


def _url(document):
    return reverse(
        "documents:download", kwargs={"pk": document.person_id, "document": document.pk}
    )


def test_an_allowed_download_is_the_file_and_writes_the_access_log(
    client, alice, document
):
    client.force_login(alice)
    before = AccessLogEntry.objects.filter(person=document.person).count()
    response = client.get(_url(document))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert "Zo" not in response["Content-Disposition"]
    log = AccessLogEntry.objects.filter(person=document.person)
    assert log.count() == before + 1
    entry = log.order_by("-at", "-pk").first()
    assert entry.user == alice
    assert entry.what == f"Document {document.pk} downloaded"
    assert entry.why == "Allocated worker"


def test_each_download_is_logged(client, alice, document):
    client.force_login(alice)
    for _ in range(3):
        client.get(_url(document))
    what = f"Document {document.pk} downloaded"
    assert AccessLogEntry.objects.filter(person=document.person, what=what).count() == 3


def test_an_unauthorised_download_is_refused_and_logged(client, bob, document):
    client.force_login(bob)
    response = client.get(_url(document))
    assert response.status_code == 403
    assert PDF_BYTES not in response.content
    denial = DeniedAccess.objects.get(user=bob)
    assert denial.asked_for == document.person_id
    assert denial.what == f"Document {document.pk} downloaded"
    assert not AccessLogEntry.objects.filter(user=bob).exists()


def test_a_document_is_not_reached_through_another_childs_url(
    client, alice, team, mona, document
):
    from haven.core.services import allocate_case
    from tests.factories import ChildFactory

    other = ChildFactory()
    allocate_case(other, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    client.force_login(alice)
    url = reverse(
        "documents:download", kwargs={"pk": other.pk, "document": document.pk}
    )
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("kind", ["restricted", "sealed"])
def test_a_restricted_or_sealed_childs_documents_and_descriptions_stay_hidden(
    client, alice, mona, document, kind
):
    restrict_record(document.person, kind=kind, reason="High-profile", by=mona)
    client.force_login(alice)
    response = client.get(_url(document))
    assert response.status_code == 404  # as if there were no such record
    page = client.get(reverse("people:detail", kwargs={"pk": document.person_id}))
    assert "Dr Okonjo" not in page.content.decode()
    assert DeniedAccess.objects.filter(user=alice).count() == 2


def test_the_childs_page_lists_documents_for_a_reader(client, alice, document):
    client.force_login(alice)
    page = client.get(reverse("people:detail", kwargs={"pk": document.person_id}))
    text = page.content.decode()
    assert "Letter from Dr Okonjo about Zoë" in text
    assert _url(document) in text


def test_no_media_url_serves_the_file(client, alice, document):
    client.force_login(alice)
    assert client.get("/media/" + document.file.name).status_code == 404
    assert client.get("/" + document.file.name).status_code == 404
