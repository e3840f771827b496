"""The state a form test starts from, built through Haven's services on top of
the demo authority, so each test knows exactly which child it is about."""

import datetime as dt

from haven.assessments import services as assessments
from haven.assessments.codes import SECTION_FIELDS
from haven.assessments.models import Assessment
from haven.assessments.starting import start_assessment
from haven.cin import selectors as cin_selectors
from haven.cin import services as cin
from haven.cin.models import CinEpisode
from haven.core import clock
from haven.core.models import Team, User
from haven.core.services import allocate_case
from haven.earlyhelp import services as earlyhelp
from haven.earlyhelp.models import EarlyHelpRequest
from haven.people import services as people
from haven.people.codes import RelationshipKind
from haven.people.models import Person

# Invented names, not in the demo's lists, so a search finds only these.
FAMILY = "Quenby"
GIVEN = ("Marnie", "Tobiah", "Elspeth")


def staff(username: str) -> User:
    return User.objects.select_related("team").get(username=username)


def siblings(worker: str = "social-worker", count: int = 3) -> list[Person]:
    """Brothers and sisters allocated to one worker, each recorded as the
    others' sibling (so one note can be recorded for them all)."""
    allocated_to = staff(worker)
    team = allocated_to.team
    assert team is not None
    manager = team.managers.get()
    today = clock.today()
    children = [
        people.register_person(
            {
                "given_name": GIVEN[i],
                "family_name": FAMILY,
                "date_of_birth": today - dt.timedelta(days=700 + 900 * i),
                # The census's disability answer, which authorising needs.
                "disabilities": ["NONE"],
            },
            by=manager,
        )
        for i in range(count)
    ]
    for child in children:
        allocate_case(
            child,
            team=team,
            worker=allocated_to,
            by=manager,
        )
    first = children[0]
    for other in children[1:]:
        people.record_relationship(
            first, other=other, kind=RelationshipKind.SIBLING, by=manager
        )
    return children


def child(worker: str = "social-worker") -> Person:
    return siblings(worker, count=1)[0]


def in_need(person: Person, on: dt.date | None = None) -> CinEpisode:
    """The child's open children in need episode, opened by a police referral
    on `on` (today) unless one is open: care starts inside one."""
    return cin_selectors.open_episode(person) or cin.open_referral(
        person,
        received_on=on or clock.today(),
        source="6",
        contact_id=None,
        by=_manager_of(person),
    )


def referred(person: Person) -> Assessment:
    """The child referred today: a children in need episode, its single
    assessment open for the allocated worker to write."""
    manager = _manager_of(person)
    episode = cin.open_referral(
        person,
        received_on=clock.today(),
        source="2A",
        contact_id=None,
        by=manager,
    )
    return start_assessment(episode, started_on=clock.today(), by=manager)


def authorised_for_a_plan(person: Person, worker: str = "social-worker") -> Assessment:
    """The child's single assessment written, submitted and authorised with the
    outcome "child in need plan", so the worker can start the plan."""
    assessment = submitted(person, worker)
    return assessments.authorise_assessment(assessment, by=_manager_of(person))


def submitted(person: Person, worker: str = "social-worker") -> Assessment:
    """The child's single assessment written and submitted for authorisation,
    recommending a child in need plan."""
    assessment = referred(person)
    writer = staff(worker)
    sections = {name: f"{name} written by the worker" for name in SECTION_FIELDS}
    changes = {
        "reason": "Referred by school",
        "factors": ["4A"],
        "outcome": "cin_plan",
        **sections,
    }
    assessment = assessments.save_assessment(
        assessment, changes, primary_need="N1", by=writer
    )
    return assessments.submit_assessment(assessment, by=writer)


def _manager_of(person: Person) -> User:
    current = person.allocations.get(ended_on__isnull=True)
    return current.team.managers.get()


def registered(given: str, born: dt.date | None) -> Person:
    """A person registered by the social worker's manager, so the worker's team
    holds the record. The date of birth decides whether they are a child."""
    team = staff("social-worker").team
    assert team is not None
    return people.register_person(
        {
            "given_name": given,
            "family_name": FAMILY,
            "date_of_birth": born,
        },
        by=team.managers.get(),
    )


def early_help_manager() -> User:
    return Team.objects.get(name="Early Help Team").managers.get()


def with_early_help(
    person: Person, worker: str = "early-help-worker"
) -> EarlyHelpRequest:
    """The child's family allocated to an early help worker."""
    manager = early_help_manager()
    request = earlyhelp.request_early_help(
        person,
        requested_on=clock.today() - dt.timedelta(days=20),
        reason="Parents need help with routines",
        source="direct",
        contact_id=None,
        by=manager,
    )
    return earlyhelp.allocate_request(
        request,
        worker=staff(worker),
        on=clock.today() - dt.timedelta(days=10),
        by=manager,
    )


def known_only_to_early_help() -> Person:
    """A child registered by the early help team, no social care involved."""
    return people.register_person(
        {
            "given_name": "Rosalind",
            "family_name": FAMILY,
            "date_of_birth": clock.today() - dt.timedelta(days=2500),
        },
        by=early_help_manager(),
    )
