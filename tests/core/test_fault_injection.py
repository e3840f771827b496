"""A database error at any point of a main service leaves no trace.

For each service call, the database is made to fail at the call's first query,
then at its second, and so on (and at its commit), on the same state each time,
until the call gets through. After every failure the service must have raised
the error, every row of every table must be as it was, and verify_journal must
find the journal matching state. The last, unfailed run must change state and
leave a journal that verifies.

The tests are transactional: each service's own atomic block is the outermost,
so what is exercised is a real COMMIT or ROLLBACK on SQLite or PostgreSQL, not
a savepoint inside the test's transaction.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from haven.assessments import services as assessments
from haven.assessments.models import Assessment
from haven.casework import services as casework
from haven.casework.models import Draft
from haven.casework.seeing import Seen
from haven.casework.visits import Visit
from haven.cin import services as cin
from haven.cin.models import CinEpisode
from haven.core import clock
from haven.core.models import Team, User
from haven.core.services import allocate_case
from haven.frontdoor import referrer
from haven.frontdoor import services as frontdoor
from haven.frontdoor.codes import ConsentStatus, Decision, ReferralSource
from haven.frontdoor.models import ContactChild
from haven.people import services as people
from haven.people.models import Person
from tests.casework.conftest import draft_id_on
from tests.casework.test_idempotent import token_on
from tests.conftest import make_user
from tests.core.faults import fail_at_every_point
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db(transaction=True)

# State ------------------------------------------------------------------------


@dataclass
class Staff:
    team: Team
    other_team: Team
    alice: User
    mona: User
    bob: User
    fred: User
    maggie: User


@pytest.fixture
def staff(service, team, other_team, alice, mona, bob) -> Staff:
    front_door = Team.objects.create(name="Front Door (MASH)", parent=service)
    fred = make_user("fred", "front_door_worker", front_door)
    maggie = make_user("maggie", "team_manager", front_door)
    front_door.managers.add(maggie)
    return Staff(team, other_team, alice, mona, bob, fred, maggie)


def allocated_child(staff: Staff, **names: str) -> Person:
    child = ChildFactory(**names)
    allocate_case(
        child,
        team=staff.team,
        worker=staff.alice,
        on=clock.today() - dt.timedelta(days=30),
        by=staff.mona,
    )
    return child


def user(pk: int) -> User:
    return User.objects.get(pk=pk)


def person(pk: int) -> Person:
    return Person.objects.get(pk=pk)


def contact_details() -> dict[str, object]:
    return {
        "received_at": clock.now() - dt.timedelta(hours=1),
        "source": ReferralSource.SCHOOLS,
        "referrer_name": "Ms Patel",
        "referrer_role": "Designated safeguarding lead",
        "referrer_organisation": "Millbrook Primary",
        "referrer_phone": "01632 960000",
        "concerns": "Arrived at school hungry with bruising to the arm.",
        "consent": ConsentStatus.GIVEN,
        "consent_reason": "",
    }


COMPLETE = {
    "reason": "School reports the child is often hungry",
    "factors": ["21"],
    "childs_voice": "Said she likes school dinners best",
    "risks": "Food is short at home",
    "strengths": "Mother asks for help",
    "protective_factors": "Grandmother nearby",
    "analysis": "The family is managing with support already in place",
    "recommendation": "No further action",
    "outcome": "nfa",
}


def open_assessment(staff: Staff, child: Person) -> Assessment:
    episode = cin.open_referral(
        child,
        received_on=clock.today() - dt.timedelta(days=20),
        source="2A",
        contact_id=None,
        by=staff.alice,
    )
    found = episode.assessments.first()
    if found is None:  # should opening a referral ever stop starting one
        found = Assessment.objects.create(
            episode=episode, person=child, started_on=episode.referral_date
        )
    return found


# The services -----------------------------------------------------------------


def test_recording_a_contact(staff: Staff) -> None:
    children = [ChildFactory().pk, ChildFactory().pk]
    fail_at_every_point(
        "record_contact",
        lambda: (
            lambda: frontdoor.record_contact(
                contact_details(),
                [person(pk) for pk in children],
                by=user(staff.fred.pk),
            )
        ),
    )


@pytest.mark.parametrize("decision", [Decision.REFERRAL, Decision.EARLY_HELP])
def test_deciding_a_contact(staff: Staff, decision: str) -> None:
    contact = frontdoor.record_contact(
        contact_details(), [ChildFactory()], by=staff.fred
    )
    referrer.acknowledge(contact, on=clock.today(), how="phone", by=staff.fred)
    named = contact.children.get()
    fail_at_every_point(
        f"decide_contact ({decision})",
        lambda: (
            lambda: frontdoor.decide_contact(
                ContactChild.objects.get(pk=named.pk),
                decision=decision,
                reasoning="Bruising and hunger reported by school",
                by=user(staff.maggie.pk),
            )
        ),
    )


def test_acknowledging_the_referrer(staff: Staff) -> None:
    contact = frontdoor.record_contact(
        contact_details(), [ChildFactory(), ChildFactory()], by=staff.fred
    )
    fail_at_every_point(
        "acknowledge",
        lambda: (
            lambda: referrer.acknowledge(
                contact, on=clock.today(), how="email", by=user(staff.fred.pk)
            )
        ),
    )


def test_opening_a_referral_and_its_assessment(staff: Staff) -> None:
    child = allocated_child(staff)
    fail_at_every_point(
        "open_referral",
        lambda: (
            lambda: cin.open_referral(
                person(child.pk),
                received_on=clock.today() - dt.timedelta(days=2),
                source="2A",
                contact_id=None,
                by=user(staff.alice.pk),
            )
        ),
    )


def test_saving_an_assessment(staff: Staff) -> None:
    assessment = open_assessment(staff, allocated_child(staff))
    fail_at_every_point(
        "save_assessment",
        lambda: (
            lambda: assessments.save_assessment(
                Assessment.objects.get(pk=assessment.pk),
                COMPLETE,
                primary_need="N1",
                by=user(staff.alice.pk),
            )
        ),
    )


def test_submitting_an_assessment(staff: Staff) -> None:
    assessment = open_assessment(staff, allocated_child(staff))
    assessments.save_assessment(assessment, COMPLETE, primary_need="N1", by=staff.alice)
    fail_at_every_point(
        "submit_assessment",
        lambda: (
            lambda: assessments.submit_assessment(
                Assessment.objects.get(pk=assessment.pk), by=user(staff.alice.pk)
            )
        ),
    )


def test_authorising_an_assessment_then_closing_the_episode(staff: Staff) -> None:
    # Authorising only proposes a closure reason; the worker closes the episode.
    assessment = open_assessment(staff, allocated_child(staff))
    assessments.save_assessment(assessment, COMPLETE, primary_need="N1", by=staff.alice)
    assessments.submit_assessment(assessment, by=staff.alice)
    fail_at_every_point(
        "authorise_assessment",
        lambda: (
            lambda: assessments.authorise_assessment(
                Assessment.objects.get(pk=assessment.pk), by=user(staff.mona.pk)
            )
        ),
    )
    fail_at_every_point(
        "close_episode",
        lambda: (
            lambda: cin.close_episode(
                CinEpisode.objects.get(pk=assessment.episode_id),
                closed_on=clock.today(),
                reason="RC8",
                summary="No further action after the assessment.",
                by=user(staff.alice.pk),
            )
        ),
    )
    assert CinEpisode.objects.get(pk=assessment.episode_id).closed_on == clock.today()


def test_recording_a_case_note_on_siblings_from_a_draft(staff: Staff) -> None:
    child, sibling = allocated_child(staff), allocated_child(staff)
    draft = casework.open_draft(child, by=staff.alice)
    fail_at_every_point(
        "record_note",
        lambda: (
            lambda: casework.record_note(
                [person(child.pk), person(sibling.pk)],
                kind="visit",
                occurred_at=clock.now() - dt.timedelta(hours=2),
                subject="Home visit",
                body="Seen at home with their mother; talked about school.",
                seen=Seen(True, "yes"),
                visit=Visit(True, "home", True, "yes"),
                by=user(staff.alice.pk),
                draft=Draft.objects.get(pk=draft.pk),
            )
        ),
    )
    assert not Draft.objects.filter(pk=draft.pk).exists()


def test_merging_records(staff: Staff) -> None:
    child, duplicate = allocated_child(staff), allocated_child(staff)
    fail_at_every_point(
        "merge_records",
        lambda: (
            lambda: people.merge_records(
                person(duplicate.pk),
                into=person(child.pk),
                reason="The same child registered twice",
                by=user(staff.alice.pk),
            )
        ),
    )


def test_transferring_a_case_to_another_team(staff: Staff) -> None:
    child = allocated_child(staff)
    fail_at_every_point(
        "transfer_case",
        lambda: (
            lambda: casework.transfer_case(
                person(child.pk),
                team=Team.objects.get(pk=staff.other_team.pk),
                worker=user(staff.bob.pk),
                reason="Moves to the children in care team",
                change_reason="TSPROC",
                by=user(staff.mona.pk),
            )
        ),
    )


def test_allocating_a_case(staff: Staff) -> None:
    child = ChildFactory()
    fail_at_every_point(
        "allocate_case",
        lambda: (
            lambda: allocate_case(
                person(child.pk),
                team=Team.objects.get(pk=staff.team.pk),
                worker=user(staff.alice.pk),
                reason="New referral",
                by=user(staff.mona.pk),
            )
        ),
    )


def test_unmerging_records(staff: Staff) -> None:
    child, duplicate = allocated_child(staff), allocated_child(staff)
    people.merge_records(duplicate, into=child, reason="Same child", by=staff.alice)
    fail_at_every_point(
        "unmerge_records",
        lambda: (
            lambda: people.unmerge_records(
                person(duplicate.pk),
                reason="Twins, not the same child",
                by=user(staff.alice.pk),
            )
        ),
    )


# Whole requests: the view's own writes (a new child registered, the one-time
# submission token, the draft deleted) must go with the service's or not at all.
# The log of who opened the record may grow: it is written in its own
# transaction as the page opens the record (which was read, whatever became of
# the write).
PAGES = frozenset({"core_accesslogentry"})


def posted(client: Client, url: str, data: dict[str, object]) -> Callable[[], None]:
    def post() -> None:
        response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()[-2000:]

    return post


def test_posting_the_note_form(staff: Staff, client: Client) -> None:
    child, sibling = allocated_child(staff), allocated_child(staff)
    people.record_relationship(child, other=sibling, kind="sibling", by=staff.alice)
    client.force_login(staff.alice)
    url = reverse("casework:record_note", args=[child.pk])
    page = client.get(url).content.decode()
    at = timezone.localtime(clock.now()) - dt.timedelta(hours=1)
    data = {
        "person": child.pk,
        "draft": draft_id_on(page),
        "submission": token_on(page),
        "children": [child.pk, sibling.pk],
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
        f"seen_{sibling.pk}": "no",
        "subject": "Home visit",
        "body": "Seen at home with their mother; talked about school.",
    }
    fail_at_every_point("the note form", lambda: posted(client, url, data), logs=PAGES)


def test_posting_a_contact_about_a_child_new_to_the_register(
    staff: Staff, client: Client
) -> None:
    client.force_login(staff.fred)
    url = reverse("frontdoor:new_contact")
    # Yesterday: a contact received at 00:05 today is still to come when the
    # suite passes midnight (it failed so at 00:03).
    received = clock.today() - dt.timedelta(days=1)
    data = {
        "submission": token_on(client.get(url).content.decode()),
        "received_on_day": received.day,
        "received_on_month": received.month,
        "received_on_year": received.year,
        "received_time": "00:05",
        "source": "6",
        "referrer_name": "PC Jones",
        "referrer_role": "Officer",
        "referrer_organisation": "Police",
        "referrer_phone": "",
        "concerns": "Domestic incident at the home overnight.",
        "consent": "not_sought_risk",
        "consent_reason": "Telling the family could put the mother at risk",
        "child-TOTAL_FORMS": "1",
        "child-INITIAL_FORMS": "0",
        "child-MIN_NUM_FORMS": "0",
        "child-MAX_NUM_FORMS": "4",
        "adult-TOTAL_FORMS": "3",
        "adult-INITIAL_FORMS": "0",
        "adult-MIN_NUM_FORMS": "0",
        "adult-MAX_NUM_FORMS": "3",
        "child-0-given_name": "Oscar",
        "child-0-family_name": "Wainwright",
        "child-0-date_of_birth_day": "12",
        "child-0-date_of_birth_month": "6",
        "child-0-date_of_birth_year": "2019",
        "child-0-match": "",
    }
    fail_at_every_point(
        "the new contact form", lambda: posted(client, url, data), logs=PAGES
    )
    assert Person.objects.filter(given_name="Oscar").count() == 1
