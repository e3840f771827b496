"""The same draft open in two tabs: the tab left behind cannot overwrite what
the other autosaved since; it says so where the worker is looking, and saving
the note from it keeps the other tab's newer draft."""

import html as html_lib
import re

import pytest
from django.urls import reverse

from haven.casework.models import CaseNote, Draft
from tests.casework.test_drafts import _autosave, _open, _typed

pytestmark = pytest.mark.django_db


def _page_state(page):
    draft = re.search(r'name="draft" id="draft-id" value="(\d+)"', page)
    version = re.search(r'name="draft_version" id="draft-version" value="(\d+)"', page)
    assert draft and version
    return draft.group(1), version.group(1)


def test_an_autosave_from_an_older_tab_is_refused_visibly(client, alice, child):
    client.force_login(alice)
    draft_id, read_at = _page_state(_open(client, child))
    # Both tabs opened the form at the same version; the first one autosaves.
    first = _autosave(
        client, _typed(child, draft_id, body="From tab one", draft_version=read_at)
    )
    assert "Draft saved at" in first
    _id, now_at = _page_state(first)  # the page moves on with the draft
    assert int(now_at) == int(read_at) + 1

    second = _autosave(
        client, _typed(child, draft_id, body="From tab two", draft_version=read_at)
    )
    assert "Draft not saved" in second
    assert "in another tab or window" in html_lib.unescape(second)
    assert Draft.objects.get(pk=draft_id).fields["body"] == ["From tab one"]

    again = _autosave(
        client, _typed(child, draft_id, body="Tab one, more", draft_version=now_at)
    )
    assert "Draft saved at" in again
    assert Draft.objects.get(pk=draft_id).fields["body"] == ["Tab one, more"]


def test_the_same_page_may_send_again_before_its_autosave_returns(client, alice, child):
    # The page closes while its autosave is on the way back: the beacon still
    # carries the version the page read, and is its own, so it is kept.
    client.force_login(alice)
    draft_id, read_at = _page_state(_open(client, child))
    tab = {"draft_version": read_at, "submission": "tab-one"}
    assert "Draft saved at" in _autosave(
        client, _typed(child, draft_id, body="Mum", **tab)
    )
    assert "Draft saved at" in _autosave(
        client, _typed(child, draft_id, body="Mum rang", **tab)
    )
    assert Draft.objects.get(pk=draft_id).fields["body"] == ["Mum rang"]
    other = {"draft_version": read_at, "submission": "tab-two"}
    assert "Draft not saved" in _autosave(
        client, _typed(child, draft_id, body="Dad", **other)
    )


def test_a_refused_note_from_an_older_tab_keeps_the_newer_draft(client, alice, child):
    client.force_login(alice)
    draft_id, read_at = _page_state(_open(client, child))
    _autosave(client, _typed(child, draft_id, body="Newer", draft_version=read_at))
    url = reverse("casework:record_note", args=[child.pk])
    page = client.post(
        url, _typed(child, draft_id, subject="", body="Older", draft_version=read_at)
    ).content.decode()
    assert "Draft not saved" in page
    assert _page_state(page) == (draft_id, read_at)  # still refused next time
    assert Draft.objects.get(pk=draft_id).fields["body"] == ["Newer"]


def test_a_note_saved_from_an_older_tab_leaves_the_newer_draft(client, alice, child):
    client.force_login(alice)
    draft_id, read_at = _page_state(_open(client, child))
    _autosave(client, _typed(child, draft_id, body="Newer", draft_version=read_at))
    url = reverse("casework:record_note", args=[child.pk])
    saved = client.post(
        url, _typed(child, draft_id, body="Older", draft_version=read_at)
    )
    assert saved.status_code == 302
    assert CaseNote.objects.get(person=child).body == "Older"
    assert Draft.objects.get(pk=draft_id).fields["body"] == ["Newer"]
