"""A submit repeated (a retry after a dropped connection, a double click) is
recorded once: each form page carries a one-time token (haven.core.once)."""

import re

import pytest
from django.urls import reverse

from haven.casework.models import CaseNote
from haven.core.models import Submission
from tests.casework.conftest import draft_id_on

pytestmark = pytest.mark.django_db


def token_on(html: str) -> str:
    match = re.search(r'name="submission" value="([0-9a-f-]+)"', html)
    assert match, "the form carries no submission token"
    return match.group(1)


def _note(child, page: str, **overrides):
    return {
        "person": child.pk,
        "draft": draft_id_on(page),
        "submission": token_on(page),
        "children": [child.pk],
        "kind": "visit",
        "statutory_visit": "yes",
        "visit_place": "home",
        "announced": "yes",
        "bedroom_seen": "yes",
        "occurred_on_day": "3",
        "occurred_on_month": "2",
        "occurred_on_year": "2026",
        "occurred_time": "10:00",
        f"seen_{child.pk}": "yes",
        f"alone_{child.pk}": "yes",
        "subject": "Home visit",
        "body": "Mum answered the door.",
    } | overrides


def test_posting_the_same_note_twice_records_one_note(client, alice, child):
    client.force_login(alice)
    url = reverse("casework:record_note", args=[child.pk])
    data = _note(child, client.get(url).content.decode())
    first = client.post(url, data)
    again = client.post(url, data)
    assert first.status_code == again.status_code == 302
    assert again.url == first.url
    assert CaseNote.objects.filter(person=child).count() == 1
    followed = client.get(again.url).content.decode()
    assert "This note was already recorded" in followed


def test_a_new_page_records_a_second_note(client, alice, child):
    client.force_login(alice)
    url = reverse("casework:record_note", args=[child.pk])
    client.post(url, _note(child, client.get(url).content.decode()))
    client.post(url, _note(child, client.get(url).content.decode(), subject="Call"))
    assert CaseNote.objects.filter(person=child).count() == 2


def test_a_refused_note_keeps_its_token_and_records_once_corrected(
    client, alice, child
):
    client.force_login(alice)
    url = reverse("casework:record_note", args=[child.pk])
    data = _note(child, client.get(url).content.decode())
    refused = client.post(url, data | {"subject": ""}).content.decode()
    assert token_on(refused) == data["submission"]
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert CaseNote.objects.filter(person=child).count() == 1


def test_another_worker_replaying_a_token_records_their_own_note(
    client, alice, mona, child
):
    client.force_login(alice)
    url = reverse("casework:record_note", args=[child.pk])
    data = _note(child, client.get(url).content.decode())
    client.post(url, data)
    client.force_login(mona)
    page = client.get(url).content.decode()
    client.post(url, data | {"draft": draft_id_on(page), "subject": "Mona's"})
    assert Submission.objects.count() == 2
    assert CaseNote.objects.filter(person=child).count() == 2
