"""One draft per worker, child and form: resumed when the form is opened again,
updated in place by every autosave, gone once the note is saved or discarded."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from haven.casework import services
from haven.casework.models import CaseNote, Draft
from haven.core import clock
from haven.core.models import JournalEvent
from haven.core.work import items_for
from tests.casework.conftest import draft_id_on

pytestmark = pytest.mark.django_db


def _open(client, child, query="?kind=visit"):
    url = reverse("casework:record_note", args=[child.pk])
    return client.get(url + query).content.decode()


def _typed(child, draft_id, **overrides):
    at = timezone.localtime(clock.now()) - dt.timedelta(hours=1)
    return {
        "person": child.pk,
        "draft": draft_id,
        "children": [child.pk],
        "kind": "visit",
        "statutory_visit": "yes",
        "visit_place": "home",
        "announced": "yes",
        "bedroom_seen": "yes",
        "occurred_on_day": at.day,
        "occurred_on_month": at.month,
        "occurred_on_year": at.year,
        "occurred_time": at.strftime("%H:%M"),
        f"seen_{child.pk}": "yes",
        f"alone_{child.pk}": "yes",
        "subject": "Home visit",
        "body": "Mum answered the door.",
    } | overrides


def _autosave(client, data):
    return client.post(reverse("casework:autosave"), data).content.decode()


def _draft_rows(worker):
    return [i for i in items_for([worker]) if i.kind == "Draft case note"]


def test_the_database_refuses_a_second_draft_of_the_same_form_for_a_child(alice, child):
    now = clock.now()
    Draft.objects.create(author=alice, person=child, created_at=now, updated_at=now)
    with pytest.raises(IntegrityError), transaction.atomic():
        Draft.objects.create(author=alice, person=child, created_at=now, updated_at=now)


def test_saving_a_draft_again_for_the_same_child_updates_the_one_draft(
    alice, bob, child, sibling
):
    first = services.save_draft(
        child,
        draft_id=None,
        person_ids=[child.pk],
        fields={"subject": ["One"]},
        by=alice,
    )
    again = services.save_draft(
        child,
        draft_id=None,
        person_ids=[child.pk, sibling.pk],
        fields={"subject": ["Two"]},
        by=alice,
    )
    assert again.pk == first.pk
    assert [d.fields for d in Draft.objects.all()] == [{"subject": ["Two"]}]
    # Another child's note is another draft.
    services.save_draft(
        sibling, draft_id=None, person_ids=[sibling.pk], fields={}, by=alice
    )
    assert Draft.objects.count() == 2


def test_opening_the_form_again_resumes_the_draft_as_it_was_left(
    client, alice, child, sibling
):
    client.force_login(alice)
    draft_id = draft_id_on(_open(client, child))
    typed = _typed(
        child,
        draft_id,
        children=[child.pk, sibling.pk],
        kind="phone_call",
        **{f"seen_{child.pk}": "no"},
        occurred_on_day="3",
        occurred_on_month="2",
        occurred_on_year="2026",
        occurred_time="09:15",
        subject="Call with mum",
        body="She says school is going better",
    )
    _autosave(client, typed)

    html = _open(client, child)  # "Record a home visit" again, from the notes page
    assert draft_id_on(html) == draft_id
    assert Draft.objects.count() == 1
    when = timezone.localtime(Draft.objects.get().updated_at)
    assert f"You have a draft from {when:%-d %B %Y} at {when:%H:%M}" in html
    assert reverse("casework:discard_draft", args=[draft_id]) in html
    assert 'value="phone_call" checked' in html
    assert 'value="visit" checked' not in html
    assert f'value="{sibling.pk}" checked' in html
    seen_no = f'name="seen_{child.pk}" type="radio" value="no" checked'
    assert seen_no in html
    assert 'value="Call with mum"' in html
    assert "She says school is going better" in html
    assert 'value="09:15"' in html
    assert 'name="occurred_on_day" type="text" inputmode="numeric" value="3"' in html
    assert (
        'name="occurred_on_year" type="text" inputmode="numeric" value="2026"' in html
    )


def test_a_new_form_says_nothing_about_a_draft(client, alice, child):
    client.force_login(alice)
    html = _open(client, child)
    assert "You have a draft from" not in html
    assert "Your note is saved as a draft as you type." in html


def test_a_radio_click_on_a_reopened_form_does_not_make_a_second_draft(
    client, alice, child
):
    client.force_login(alice)
    _autosave(client, _typed(child, draft_id_on(_open(client, child))))
    reopened = draft_id_on(_open(client, child))
    _autosave(client, _typed(child, reopened, kind="phone_call"))
    assert Draft.objects.get().fields["kind"] == ["phone_call"]
    assert len(_draft_rows(alice)) == 1


def test_a_failed_save_on_a_reopened_form_keeps_one_draft(client, alice, child):
    client.force_login(alice)
    _autosave(client, _typed(child, draft_id_on(_open(client, child))))
    reopened = draft_id_on(_open(client, child))
    url = reverse("casework:record_note", args=[child.pk])
    response = client.post(url, _typed(child, reopened, body="", subject="Visit"))
    assert response.status_code == 200
    assert "Enter what happened" in response.content.decode()
    assert Draft.objects.get().fields["subject"] == ["Visit"]
    assert len(_draft_rows(alice)) == 1


def test_saving_the_note_discards_its_draft_and_its_row_on_my_work(
    client, alice, child
):
    client.force_login(alice)
    _autosave(client, _typed(child, draft_id_on(_open(client, child))))
    reopened = draft_id_on(_open(client, child))
    url = reverse("casework:record_note", args=[child.pk])
    assert client.post(url, _typed(child, reopened)).status_code == 302
    assert CaseNote.objects.filter(person=child).count() == 1
    assert not Draft.objects.exists()
    assert _draft_rows(alice) == []


def test_discarding_from_the_form_starts_it_afresh(client, alice, child):
    client.force_login(alice)
    draft_id = draft_id_on(_open(client, child))
    _autosave(client, _typed(child, draft_id, subject="Visit to discard"))
    response = client.post(
        reverse("casework:discard_draft", args=[draft_id]), {"then": "note"}
    )
    assert response.status_code == 302
    assert response.url == reverse("casework:record_note", args=[child.pk])
    html = _open(client, child, query="")
    assert "Visit to discard" not in html
    assert "You have a draft from" not in html
    assert _draft_rows(alice) == []
    # A keystroke sent as the discarded page closed does not bring it back.
    assert "has been saved or discarded" in _autosave(
        client, _typed(child, draft_id, subject="Visit to discard")
    )
    assert not Draft.objects.filter(fields__subject=["Visit to discard"]).exists()


def test_an_autosave_cannot_move_a_draft_to_another_child(
    client, alice, child, sibling
):
    client.force_login(alice)
    draft_id = draft_id_on(_open(client, child))
    _autosave(client, _typed(child, draft_id, subject="About Jasmine"))
    moved = _typed(sibling, draft_id, children=[sibling.pk], subject="Moved")
    assert "Draft not saved" in _autosave(client, moved)
    draft = Draft.objects.get(pk=draft_id)
    assert (draft.person, draft.fields["subject"]) == (child, ["About Jasmine"])


def test_drafts_are_not_written_to_the_journal(client, alice, child):
    client.force_login(alice)
    before = JournalEvent.objects.count()
    draft_id = draft_id_on(_open(client, child))
    _autosave(client, _typed(child, draft_id))
    _autosave(client, _typed(child, draft_id, kind="phone_call"))
    assert JournalEvent.objects.count() == before


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_the_latest_typed_draft_of_each_pile(alice, child, sibling):
    before = [("casework", "0003_keep_one_draft_per_worker_and_child")]
    executor = MigrationExecutor(connection)
    executor.migrate([("casework", "0002_default_oversight_policy")])
    old = executor.loader.project_state(before).apps.get_model("casework", "Draft")
    now = clock.now()

    def pile(person, fields, minutes_ago):
        at = now - dt.timedelta(minutes=minutes_ago)
        return old.objects.create(
            author_id=alice.pk,
            person_id=person.pk,
            fields=fields,
            created_at=at,
            updated_at=at,
        ).pk

    pile(child, {"subject": ["First try"]}, 30)
    latest = pile(child, {"subject": ["Second try"]}, 20)
    pile(child, {}, 5)  # a page opened since and left untouched
    only_empty = pile(sibling, {}, 10)
    pile(sibling, {}, 50)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # every app forward again
    assert sorted(Draft.objects.values_list("pk", flat=True)) == [latest, only_empty]
