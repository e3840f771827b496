"""A conference's record: its words change until the chair signs it off, then
it is read-only and a correction is an amendment beside it, never written
over it. And the letter to the child's parents, in plain words."""

import pytest

from haven.core.errors import AccessDenied, DomainError, DomainErrors
from haven.core.models import JournalEvent, Restriction
from haven.core.services import restrict_record
from haven.people.services import record_relationship
from haven.protection import arrangements, conferences, letters, records
from haven.protection.models import ConferenceAmendment
from haven.timescales import selectors
from tests.factories import AdultFactory
from tests.protection.conftest import enquiry, meeting, on_a_plan
from tests.protection.test_case_roles import _weekday_ahead

pytestmark = pytest.mark.django_db


def _signed(episode, alice, cath):
    conference = on_a_plan(episode, alice, cath).starting_conference
    return conferences.sign_off(conference, by=cath)


def test_the_minutes_are_recorded_with_the_conference(episode, alice, cath):
    found = enquiry(episode, alice)
    conference = conferences.hold_initial_conference(
        episode,
        meeting(cath, minutes="Agreed the risks at home are high"),
        by=alice,
        section_47=found,
    )
    assert conference.minutes == "Agreed the risks at home are high"


def test_the_record_changes_until_it_is_signed_off(child, episode, alice, cath):
    conference = on_a_plan(episode, alice, cath).starting_conference
    records.change_record(
        conference, {"minutes": "Discussed the bruising", "dissent": ""}, by=cath
    )
    conference.refresh_from_db()
    assert conference.minutes == "Discussed the bruising"
    event = JournalEvent.objects.get(type="protection.conference_record_changed")
    assert event.payload["before"] == {"minutes": ""}
    assert event.payload["after"] == {"minutes": "Discussed the bruising"}


def test_a_signed_record_is_never_changed(episode, alice, cath):
    conference = _signed(episode, alice, cath)
    with pytest.raises(DomainError) as refused:
        records.change_record(conference, {"minutes": "Rewritten"}, by=alice)
    assert refused.value.code == "signed_off"
    assert "add an amendment instead" in refused.value.message
    conference.refresh_from_db()
    assert conference.minutes == ""


def test_an_amendment_is_added_beside_the_signed_record(episode, alice, cath):
    conference = _signed(episode, alice, cath)
    made = records.amend(
        conference,
        text="Dad attended for the last half hour",
        reason="Omitted from the attendance",
        by=alice,
    )
    assert list(conference.amendments.all()) == [made]
    assert (made.made_by, made.reason) == (alice, "Omitted from the attendance")
    event = JournalEvent.objects.get(type="protection.conference_amended")
    assert event.reason == "Omitted from the attendance"
    conference.refresh_from_db()
    assert conference.family_views == ""


def test_an_amendment_waits_for_the_sign_off_and_says_what_and_why(
    episode, alice, cath
):
    conference = on_a_plan(episode, alice, cath).starting_conference
    with pytest.raises(DomainErrors) as refused:
        records.amend(conference, text=" ", reason="", by=alice)
    assert refused.value.codes == [
        "not_signed_off",
        "text_required",
        "reason_required",
    ]
    assert not ConferenceAmendment.objects.exists()


def test_a_stranger_neither_changes_nor_amends(episode, alice, cath, bob):
    conference = _signed(episode, alice, cath)
    with pytest.raises(AccessDenied):
        records.amend(conference, text="x", reason="y", by=bob)


def test_a_record_is_signed_off_once(episode, alice, cath):
    conference = _signed(episode, alice, cath)
    with pytest.raises(DomainError) as refused:
        conferences.sign_off(conference, by=cath)
    assert refused.value.message == "This conference is already signed off"


def test_the_chair_signs_off_on_the_conference_page(client, episode, alice, cath):
    conference = on_a_plan(episode, alice, cath).starting_conference
    url = f"/child-protection/conferences/{conference.pk}/"
    client.force_login(alice)
    assert "Sign off the record" not in client.get(url).content.decode()
    client.post(url)
    conference.refresh_from_db()
    assert conference.signed_off_at is None
    client.force_login(cath)
    assert "Sign off the record" in client.get(url).content.decode()
    page = client.post(url, follow=True).content.decode()
    assert "This record can no longer be changed" in page
    assert "Change the record" not in page
    conference.refresh_from_db()
    assert conference.signed_off_by == cath
    changing = client.get(f"/child-protection/conferences/{conference.pk}/record/")
    assert changing.url == f"/child-protection/conferences/{conference.pk}/amend/"


def test_the_letter_to_the_parents(child, episode, alice, cath, mona):
    mum = AdultFactory(given_name="Jo", family_name="Ashdown")
    dad = AdultFactory(given_name="Sam", family_name="Ashdown")
    record_relationship(child, other=mum, kind="mother", by=alice)
    record_relationship(child, other=dad, kind="father", by=alice)
    restrict_record(dad, kind=Restriction.Kind.RESTRICTED, reason="Risk", by=mona)
    plan = on_a_plan(episode, alice, cath)
    letter = letters.letter_for(plan, child, alice)
    assert letter.to == ["Jo Ashdown"]
    assert letter.worried == "Kai's needs are not being met (neglect)"
    assert letter.next_review == selectors.due_on(child.pk, "CP-RCPC1", plan.pk)
    assert not letter.review_booked
    assert letter.worker.worker == alice and letter.chair == cath
    arrangements.arrange_review(
        plan, arrangements.Booking(_weekday_ahead(4), cath), by=alice
    )
    letter = letters.letter_for(plan, child, alice)
    assert (letter.next_review, letter.review_booked) == (_weekday_ahead(4), True)


def test_the_letter_page_is_plain_words(client, child, episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    client.force_login(alice)
    page = client.get(f"/child-protection/plans/{plan.pk}/letter/").content.decode()
    assert "Dear parent or carer of Kai Ashdown" in page
    assert "because we are worried that Kai&#x27;s needs are not being met" in page
    assert "NEG" not in page


def test_the_administrator_writes_the_minutes_but_not_the_decision(
    episode, alice, cath, reviewing
):
    from tests.protection.test_case_roles import administrator

    ada = administrator("ada", reviewing)
    found = enquiry(episode, alice)
    arrangements.arrange_initial(
        found, arrangements.Booking(_weekday_ahead(2), cath, ada), by=alice
    )
    with pytest.raises(DomainError) as refused:
        conferences.hold_initial_conference(
            episode, meeting(cath), by=ada, section_47=found
        )
    assert refused.value.code == "not_permitted"
    conference = conferences.hold_initial_conference(
        episode, meeting(cath), by=alice, section_47=found
    )
    records.change_record(conference, {"minutes": "Taken by Ada"}, by=ada)
    conference.refresh_from_db()
    assert conference.minutes == "Taken by Ada"
