import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework import services
from haven.casework.integrity import notes_match_their_journal
from haven.casework.models import CaseNote, Draft
from haven.casework.seeing import Seen
from haven.casework.visits import Visit
from haven.core import clock
from haven.core.chronology import describe
from haven.core.errors import AccessDenied, DomainError, DomainErrors
from haven.core.models import JournalEvent
from haven.core.work import items_for
from tests.casework.conftest import draft_id_on

pytestmark = pytest.mark.django_db


def _note(children, by, **overrides):
    values = {
        "kind": "visit",
        "occurred_at": clock.now() - dt.timedelta(hours=2),
        "subject": "Home visit",
        "body": "Saw both children in the kitchen.",
        "seen": Seen(True, "no", "Mum stayed in the kitchen."),
        "visit": Visit(True, "home", False, "yes"),
        "significant": False,
    }
    return services.record_note(children, by=by, **(values | overrides))


def test_one_note_for_siblings_lands_on_each_childs_record(alice, child, sibling):
    notes = _note([child, sibling], alice, significant=True)
    assert {n.person for n in notes} == {child, sibling}
    assert len({n.group for n in notes}) == 1
    for person in (child, sibling):
        event = JournalEvent.objects.get(person=person, type="casework.note_recorded")
        assert event.significant
        assert event.payload["children"] == [child.pk, sibling.pk]
        assert describe(event) == (
            "Visit (statutory, at home, unannounced, bedroom seen): Home visit "
            "(child seen, not alone: Mum stayed in the kitchen.), "
            "with 1 other child"
        )


def test_a_child_can_be_seen_alone_only_if_seen(alice, child):
    with pytest.raises(DomainError) as refused:
        _note([child], alice, seen=Seen(False, "yes"))
    assert refused.value.code == "seen_alone_not_seen"
    assert refused.value.field == f"alone_{child.pk}"
    assert not CaseNote.objects.exists()


def test_each_child_has_their_own_seen_answers(alice, child, sibling):
    baby = Seen(True, "not_applicable")
    notes = _note(
        [child, sibling],
        alice,
        seen={child.pk: Seen(True, "no", "Mum stayed in the room."), sibling.pk: baby},
    )
    mine, theirs = sorted(notes, key=lambda n: n.person_id != child.pk)
    assert (mine.child_seen, mine.seen_alone, mine.alone_not_applicable) == (
        True,
        False,
        False,
    )
    assert mine.not_alone_reason == "Mum stayed in the room."
    assert (theirs.child_seen, theirs.alone_not_applicable) == (True, True)
    assert theirs.not_alone_reason == ""
    for note, words in (
        (mine, "(child seen, not alone: Mum stayed in the room.)"),
        (theirs, "(child seen, too young to be seen alone)"),
    ):
        event = JournalEvent.objects.get(
            person=note.person, type="casework.note_recorded"
        )
        assert event.payload["alone_not_applicable"] == note.alone_not_applicable
        assert event.payload["not_alone_reason"] == note.not_alone_reason
        assert words in describe(event)
    assert list(notes_match_their_journal()) == []
    CaseNote.objects.filter(pk=theirs.pk).update(alone_not_applicable=False)
    [mismatch] = notes_match_their_journal()
    assert "alone_not_applicable" in mismatch.problem


def test_every_childs_missing_answer_is_refused_at_once(alice, child, sibling):
    with pytest.raises(DomainErrors) as refused:
        _note(
            [child, sibling],
            alice,
            seen={child.pk: Seen(True, "no"), sibling.pk: Seen(True)},
        )
    assert refused.value.codes == ["not_alone_reason_required", "alone_required"]
    assert [f.field for f in refused.value.failures] == [
        f"reason_{child.pk}",
        f"alone_{sibling.pk}",
    ]
    assert not CaseNote.objects.exists()


def test_a_note_cannot_be_for_the_future(alice, child):
    with pytest.raises(DomainError) as refused:
        _note([child], alice, occurred_at=clock.now() + dt.timedelta(hours=1))
    assert refused.value.code == "occurred_in_future"


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"subject": " "}, "subject_required"),
        ({"body": ""}, "body_required"),
        ({"kind": "telepathy"}, "kind_required"),
    ],
)
def test_each_missing_fact_is_refused(alice, child, overrides, code):
    with pytest.raises(DomainError) as refused:
        _note([child], alice, **overrides)
    assert refused.value.code == code


def test_no_children_is_refused(alice):
    with pytest.raises(DomainError) as refused:
        _note([], alice)
    assert refused.value.field == "children"


def test_a_worker_without_access_to_any_child_is_refused(alice, bob, child, sibling):
    with pytest.raises(AccessDenied):
        _note([child], bob)
    assert not CaseNote.objects.exists()


def test_the_record_page_offers_siblings_and_saves_on_each(
    client, alice, child, sibling
):
    client.force_login(alice)
    url = reverse("casework:record_note", args=[child.pk])
    html = client.get(url + "?kind=visit").content.decode()
    assert "Kai Thackray" in html
    assert 'hx-post="/casework/autosave/"' in html
    now = timezone.localtime(clock.now()) - dt.timedelta(hours=1)
    response = client.post(
        url,
        {
            "person": child.pk,
            "children": [child.pk, sibling.pk],
            "kind": "visit",
            "statutory_visit": "yes",
            "visit_place": "home",
            "announced": "yes",
            "bedroom_seen": "yes",
            "occurred_on_day": now.day,
            "occurred_on_month": now.month,
            "occurred_on_year": now.year,
            "occurred_time": now.strftime("%H:%M"),
            f"seen_{child.pk}": "yes",
            f"alone_{child.pk}": "yes",
            f"seen_{sibling.pk}": "yes",
            f"alone_{sibling.pk}": "no",
            f"reason_{sibling.pk}": "Asleep on mum's lap.",
            "subject": "Visit with both",
            "body": "All well.",
            "action": "another",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert response["Location"] == url + "?kind=visit"
    notes = CaseNote.objects.filter(subject="Visit with both")
    assert {(n.person_id, n.seen_alone, n.not_alone_reason) for n in notes} == {
        (child.pk, True, ""),
        (sibling.pk, False, "Asleep on mum's lap."),
    }
    page = client.get(reverse("casework:person", args=[sibling.pk])).content.decode()
    assert "Visit with both" in page


def test_an_error_is_shown_and_what_was_typed_kept(client, alice, child):
    client.force_login(alice)
    url = reverse("casework:record_note", args=[child.pk])
    response = client.post(
        url,
        {
            "person": child.pk,
            "children": [child.pk],
            "kind": "phone_call",
            "occurred_on_day": "1",
            "occurred_on_month": "2",
            "occurred_on_year": "2026",
            "occurred_time": "10:00",
            f"alone_{child.pk}": "yes",
            "subject": "Call with mum",
            "body": "Mum says school is going better.",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Jasmine Thackray can only be seen alone if they were seen" in html
    assert "Mum says school is going better." in html
    # Nothing typed is lost even if the worker leaves now.
    assert Draft.objects.get(author=alice).fields["subject"] == ["Call with mum"]


def test_autosave_keeps_a_draft_that_reopens_and_is_on_my_work(
    client, alice, child, sibling
):
    client.force_login(alice)
    typed = {
        "person": child.pk,
        "children": [child.pk, sibling.pk],
        "kind": "visit",
        "statutory_visit": "yes",
        "visit_place": "home",
        "announced": "yes",
        "bedroom_seen": "yes",
        "occurred_on_day": "3",
        "occurred_on_month": "2",
        "occurred_on_year": "2026",
        "occurred_time": "14:03",
        f"seen_{child.pk}": "yes",
        f"alone_{child.pk}": "yes",
        "subject": "Visit in progress",
        "body": "First line",
    }
    response = client.post(reverse("casework:autosave"), typed)
    assert "Draft saved at" in response.content.decode()
    draft = Draft.objects.get(author=alice)
    assert draft.person_ids == [child.pk, sibling.pk]
    assert f'value="{draft.pk}" hx-swap-oob="true"' in response.content.decode()

    # Typing on updates the same draft.
    client.post(
        reverse("casework:autosave"),
        typed | {"draft": draft.pk, "body": "First line\nSecond line"},
    )
    assert Draft.objects.get().fields["body"] == ["First line\nSecond line"]
    assert not JournalEvent.objects.filter(type__startswith="casework.").exists()

    # A new session (tab closed, server restarted) reopens it from My work.
    client.logout()
    client.force_login(alice)
    [item] = [i for i in items_for([alice]) if i.kind == "Draft case note"]
    assert item.due_on is None and "Visit in progress" in item.title
    response = client.get(item.url, follow=True)
    html = response.content.decode()
    assert "First line\nSecond line" in html
    assert 'value="Visit in progress"' in html
    assert f'id="draft-id" value="{draft.pk}"' in html
    assert 'value="14:03"' in html
    assert 'value="2026"' in html
    assert f'value="{sibling.pk}" checked' in html


def test_saving_the_note_removes_its_draft(client, alice, child):
    draft = services.save_draft(
        child, draft_id=None, person_ids=[child.pk], fields={}, by=alice
    )
    _note([child], alice, draft=draft)
    assert not Draft.objects.exists()


def test_autosave_when_signed_out_says_so(client, child):
    response = client.post(reverse("casework:autosave"), {"person": child.pk})
    assert response.status_code == 200
    assert "You have been signed out" in response.content.decode()


def test_a_draft_cannot_name_a_child_the_worker_may_not_open(alice, bob, child):
    from tests.factories import ChildFactory

    stranger = ChildFactory()
    with pytest.raises(AccessDenied):
        services.save_draft(
            child, draft_id=None, person_ids=[stranger.pk], fields={}, by=alice
        )
    with pytest.raises(AccessDenied):
        services.save_draft(child, draft_id=None, person_ids=[], fields={}, by=bob)


def test_another_workers_draft_is_not_reachable(client, alice, bob, child):
    draft = services.save_draft(
        child, draft_id=None, person_ids=[child.pk], fields={}, by=alice
    )
    client.force_login(bob)
    assert client.get(reverse("casework:draft", args=[draft.pk])).status_code == 404
    response = client.post(reverse("casework:discard_draft", args=[draft.pk]))
    assert response.status_code == 404
    assert Draft.objects.exists()


def test_discarding_a_draft(client, alice, child):
    services.save_draft(
        child, draft_id=None, person_ids=[child.pk], fields={"subject": ["X"]}, by=alice
    )
    client.force_login(alice)
    assert ">X</a>" in client.get(reverse("casework:drafts")).content.decode()
    draft = Draft.objects.get()
    client.post(reverse("casework:discard_draft", args=[draft.pk]))
    assert not Draft.objects.exists()


def test_bob_cannot_open_the_case_notes(client, bob, child):
    client.force_login(bob)
    assert client.get(reverse("casework:person", args=[child.pk])).status_code == 403
    url = reverse("casework:record_note", args=[child.pk])
    assert client.get(url).status_code == 403


def test_an_autosave_after_the_note_was_saved_does_not_bring_the_draft_back(
    client, alice, child
):
    draft = services.save_draft(
        child, draft_id=None, person_ids=[child.pk], fields={}, by=alice
    )
    draft_id = draft.pk
    _note([child], alice, draft=draft)
    client.force_login(alice)
    response = client.post(
        reverse("casework:autosave"),
        {"person": child.pk, "draft": draft_id, "subject": "late keystroke"},
    )
    assert "has been saved or discarded" in response.content.decode()
    assert not Draft.objects.exists()


def test_the_note_page_carries_a_draft_id_from_the_start(client, alice, child):
    client.force_login(alice)
    html = client.get(reverse("casework:record_note", args=[child.pk])).content.decode()
    draft = Draft.objects.get(pk=draft_id_on(html))
    assert (draft.author, draft.person, draft.fields) == (alice, child, {})
    assert "Your note is saved as a draft as you type." in html
    # Nothing typed yet: not a draft to finish.
    assert (
        "You have no drafts." in client.get(reverse("casework:drafts")).content.decode()
    )
    assert not [i for i in items_for([alice]) if i.kind == "Draft case note"]


def test_the_first_autosave_arriving_after_save_leaves_no_stray_draft(
    client, alice, child
):
    client.force_login(alice)
    url = reverse("casework:record_note", args=[child.pk])
    draft_id = draft_id_on(client.get(url + "?kind=visit").content.decode())
    now = timezone.localtime(clock.now()) - dt.timedelta(hours=1)
    typed = {
        "person": child.pk,
        "draft": draft_id,
        "children": [child.pk],
        "kind": "visit",
        "statutory_visit": "yes",
        "visit_place": "home",
        "announced": "yes",
        "bedroom_seen": "yes",
        "occurred_on_day": now.day,
        "occurred_on_month": now.month,
        "occurred_on_year": now.year,
        "occurred_time": now.strftime("%H:%M"),
        f"seen_{child.pk}": "yes",
        f"alone_{child.pk}": "yes",
        "subject": "Quick visit",
        "body": "Saved before the first autosave came back.",
    }
    assert client.post(url, typed).status_code == 302
    response = client.post(reverse("casework:autosave"), typed)
    assert "has been saved or discarded" in response.content.decode()
    assert CaseNote.objects.filter(subject="Quick visit").count() == 1
    assert not Draft.objects.exists()


def test_opening_the_note_page_clears_old_untouched_drafts(
    client, freezer, alice, child, sibling
):
    left = services.open_draft(sibling, by=alice)
    typed = services.save_draft(
        child, draft_id=None, person_ids=[child.pk], fields={"subject": ["X"]}, by=alice
    )
    freezer.move_to(dt.timedelta(days=2))
    client.force_login(alice)
    html = client.get(reverse("casework:record_note", args=[child.pk])).content.decode()
    assert not Draft.objects.filter(pk=left.pk).exists()
    assert draft_id_on(html) == typed.pk


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("phone_call", "a phone call"),
        ("email", "an email"),
        ("letter", "a letter"),
        ("meeting_no_child", "a meeting without the child"),
    ],
)
def test_a_child_is_seen_only_in_face_to_face_contact(alice, child, kind, words):
    with pytest.raises(DomainError) as refused:
        _note([child], alice, kind=kind)
    assert refused.value.code == "seen_not_face_to_face"
    assert refused.value.field == f"seen_{child.pk}"
    assert refused.value.message.startswith(
        f"Jasmine Thackray cannot be seen in {words}"
    )
    assert not CaseNote.objects.exists()
    # Not seen, it is recorded.
    (note,) = _note([child], alice, kind=kind, seen=Seen(False))
    assert not note.child_seen


def test_the_form_refuses_seen_on_a_phone_call_with_the_other_errors(
    client, alice, child
):
    client.force_login(alice)
    url = reverse("casework:record_note", args=[child.pk])
    response = client.post(
        url,
        {
            "person": child.pk,
            "children": [child.pk],
            "kind": "phone_call",
            "occurred_on_day": "1",
            "occurred_on_month": "2",
            "occurred_on_year": "2026",
            "occurred_time": "10:00",
            f"seen_{child.pk}": "yes",
            f"alone_{child.pk}": "yes",
            "body": "Mum says school is going better.",
        },
    )
    html = response.content.decode()
    assert "Jasmine Thackray cannot be seen in a phone call" in html
    assert "Enter a subject" in html
    assert not CaseNote.objects.exists()


def test_a_visit_records_its_details_on_each_note_and_in_the_journal(
    alice, child, sibling
):
    visit = Visit(statutory=False, place="school", announced=True, bedroom_seen="")
    with pytest.raises(DomainError) as refused:
        _note([child], alice, visit=visit)
    assert refused.value.code == "bedroom_seen_required"
    with pytest.raises(DomainErrors) as refused:
        _note([child], alice, visit=None)
    assert [f.field for f in refused.value.failures] == [
        "statutory_visit",
        "visit_place",
        "announced",
        "bedroom_seen",
    ]
    visit = Visit(False, "school", True, "not_applicable")
    notes = _note([child, sibling], alice, visit=visit)
    for note in notes:
        assert (note.statutory_visit, note.visit_place) == (False, "school")
        assert (note.announced, note.bedroom_seen) == (True, "not_applicable")
        event = JournalEvent.objects.get(
            person=note.person, type="casework.note_recorded"
        )
        assert event.payload["visit_place"] == "school"
        assert describe(event).startswith(
            "Visit (not statutory, at school, announced): Home visit"
        )
    assert list(notes_match_their_journal()) == []
    CaseNote.objects.filter(pk=notes[0].pk).update(announced=False)
    [mismatch] = notes_match_their_journal()
    assert "announced" in mismatch.problem


def test_a_note_that_is_not_a_visit_has_no_visit_details(alice, child):
    (note,) = _note([child], alice, kind="phone_call", seen=Seen(False))
    assert (note.statutory_visit, note.visit_place, note.bedroom_seen) == (
        None,
        "",
        "",
    )
    assert (
        "statutory_visit"
        not in JournalEvent.objects.get(
            person=child, type="casework.note_recorded"
        ).payload
    )


def test_the_note_page_shows_a_visits_details(client, alice, child):
    _note([child], alice)
    client.force_login(alice)
    html = client.get(reverse("casework:person", args=[child.pk])).content.decode()
    assert "Statutory, at home, unannounced, bedroom seen" in html
    assert "Yes, not alone: Mum stayed in the kitchen." in html


def test_a_resumed_draft_with_seen_blank_asks_whether_seen_not_whether_alone(
    client, alice, child
):
    # The "seen alone" question follows from "seen": with "seen" unanswered the
    # worker is asked that first, never whether the child was seen alone.
    fields = {"children": [str(child.pk)], "kind": ["visit"], "subject": ["Visit"]}
    services.save_draft(
        child, draft_id=None, person_ids=[child.pk], fields=fields, by=alice
    )
    client.force_login(alice)
    url = reverse("casework:record_note", args=[child.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "person": child.pk,
            "children": [child.pk],
            "kind": "visit",
            "statutory_visit": "yes",
            "visit_place": "home",
            "announced": "yes",
            "bedroom_seen": "yes",
            "occurred_on_day": "1",
            "occurred_on_month": "2",
            "occurred_on_year": "2026",
            "occurred_time": "10:00",
            "subject": "Visit",
            "body": "Talked with mum.",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Say whether Jasmine Thackray was seen</a>" in html
    assert "Say whether Jasmine Thackray was seen alone" not in html
    assert not CaseNote.objects.exists()
