"""The kinds of child protection history the demo tells (demo.py chooses
which, demo_story.py records each step). Each kind says how far back its
referral is placed, so that its telling reaches the state it is about by
today: an overdue conference just overdue, a plan long enough to have ended
at its first review."""

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from haven.cin import services as cin
from haven.cin.demo import clock_at
from haven.cin.models import CinEpisode
from haven.core import clock
from haven.core.models import User
from haven.core.selectors import current_allocation
from haven.core.services import allocate_case
from haven.people import services as people
from haven.people.codes import Sex
from haven.people.models import Person
from haven.protection.codes import ConferenceKind, EnquiryOutcome, StrategyDecision
from haven.protection.demo_story import Later, Story, working_day
from haven.protection.models import Conference
from haven.timescales.calendar import add_working_days

SOURCES = ("2A", "3A", "3B", "6", "6", "8")  # schools, health, police, other
CONCERNS = (
    "The school saw bruising to the child's arms; the child said their father did it.",
    "Police attended a domestic incident overnight: the children were present "
    "and one was hurt.",
    "The children were found alone at home late at night, with little food in "
    "the house.",
    "A&E saw the baby with an injury the parents' account does not explain.",
)


def _conference_day(story: Story, day: dt.date) -> dt.date:
    """Within 15 working days of the discussion, but now and then late (about
    one in five nationally)."""
    late = story.rng.random() < 0.2
    return add_working_days(
        day, story.rng.randint(16, 22) if late else 10 + story.rng.randint(0, 5)
    )


def no_section_47(story: Story, day: dt.date) -> None:
    story.discuss(day, StrategyDecision.NO_SECTION_47)


def not_substantiated(story: Story, day: dt.date) -> None:
    found = story.discuss(day)
    story.enquire(
        found, EnquiryOutcome.NOT_SUBSTANTIATED, after=story.rng.randint(5, 15)
    )


def no_significant_harm(story: Story, day: dt.date) -> None:
    found = story.discuss(day)
    story.enquire(
        found, EnquiryOutcome.NO_SIGNIFICANT_HARM, after=story.rng.randint(5, 15)
    )


def _conference(
    story: Story, day: dt.date, *, plan: bool, kind: str = ConferenceKind.INITIAL
) -> Conference:
    found = story.discuss(day)
    enquiry = story.enquire(
        found, EnquiryOutcome.SIGNIFICANT_HARM, after=story.rng.randint(6, 9)
    )
    return story.initial(enquiry, _conference_day(story, day), plan=plan, kind=kind)


def conference_no_plan(story: Story, day: dt.date) -> None:
    _conference(story, day, plan=False)


def conference_overdue(story: Story, day: dt.date) -> None:
    """The enquiry found likely significant harm, and the initial conference's
    15 working days have passed without one."""
    found = story.discuss(day)
    story.enquire(found, EnquiryOutcome.SIGNIFICANT_HARM, after=story.rng.randint(6, 9))


def plan_ended_at_first_review(story: Story, day: dt.date) -> None:
    plan = _conference(story, day, plan=True).started_plan
    story.step_down(story.run_plan(plan, ends_at=1))


# The review a running plan ends at: most within the year, some in the
# second, a few run on (DfE: of plans ending in 2023-24 about three in four
# had lasted under a year and one in twenty-five two years or more).
ENDS_AT = {2: 55, 3: 30, 4: 5, None: 10}


def plan_runs_on(story: Story, day: dt.date) -> None:
    plan = _conference(story, day, plan=True).started_plan
    ends_at = story.rng.choices(list(ENDS_AT), weights=list(ENDS_AT.values()))[0]
    story.step_down(story.run_plan(plan, ends_at=ends_at))


def review_overdue(story: Story, day: dt.date) -> None:
    plan = _conference(story, day, plan=True).started_plan
    story.run_plan(plan, ends_at=None, reviews=False)


def repeat_plan(story: Story, day: dt.date) -> None:
    """A plan ended at its first review, the child stepped down to a child in
    need plan, and new concerns some months later: a second plan."""
    first = _conference(story, day, plan=True).started_plan
    ended = story.run_plan(first, ends_at=1)
    story.step_down(ended)
    again = working_day(ended + dt.timedelta(days=story.rng.randint(60, 150)))
    story.concern(again, story.rng.choice(CONCERNS))
    second = _conference(story, again, plan=True).started_plan
    story.run_plan(second, ends_at=None)


Refer = Callable[[random.Random, Person, User, User], tuple[CinEpisode, dt.date]]


def referred(back: tuple[int, int]) -> Refer:
    """The child referred between `back` days ago (a working day), with the
    concern that calls for a strategy discussion."""

    def refer(
        rng: random.Random, child: Person, worker: User, manager: User
    ) -> tuple[CinEpisode, dt.date]:
        day = working_day(clock.today() - dt.timedelta(days=rng.randint(*back)))
        if child.date_of_birth and day <= child.date_of_birth:
            raise Later  # too young for this story
        with clock_at(day, 9):
            episode = cin.open_referral(
                child,
                received_on=day,
                source=rng.choice(SOURCES),
                contact_id=None,
                by=worker,
            )
        return episode, day

    return refer


def unborn_sibling(
    rng: random.Random, sibling: Person, worker: User, manager: User
) -> tuple[CinEpisode, dt.date]:
    """The child's mother is pregnant: the unborn baby is registered, allocated
    to the child's worker and referred by the midwife 26 to 40 days ago, the
    baby due one to three months from today."""
    mother = sibling.relationships.filter(kind="mother").select_related("other")
    held, case = mother.first(), current_allocation(sibling)
    if held is None or case is None:
        raise Later
    day = working_day(clock.today() - dt.timedelta(days=rng.randint(26, 40)))
    with clock_at(day, 9):
        unborn = people.register_person(
            {
                "given_name": "Baby",
                "family_name": sibling.family_name,
                # Due 30 to 104 days after the real today.
                "expected_date_of_birth": day + dt.timedelta(days=rng.randint(70, 130)),
                "sex": Sex.UNKNOWN,
            },
            by=manager,
        )
        allocate_case(
            unborn,
            team=case.team,
            worker=worker,
            reason="Pre-birth referral",
            by=manager,
        )
        people.record_relationship(unborn, other=held.other, kind="mother", by=manager)
        episode = cin.open_referral(
            unborn, received_on=day, source="3D", contact_id=None, by=worker
        )
    return episode, day


def pre_birth(story: Story, day: dt.date) -> None:
    plan = _conference(story, day, plan=True, kind=ConferenceKind.PRE_BIRTH)
    story.run_plan(plan.started_plan, ends_at=None)


@dataclass(frozen=True)
class Kind:
    tell: Callable[[Story, dt.date], None]
    # Where the history starts: the child referred on the day returned (the
    # front door's decisions were referred already).
    refer: Refer
    # How many days back its referral may be: the child was born before.
    oldest: int


def _kind(tell: Callable[[Story, dt.date], None], back: tuple[int, int]) -> Kind:
    return Kind(tell, referred(back), back[1])


STORIES = {
    "no_section_47": _kind(no_section_47, (5, 330)),
    "not_substantiated": _kind(not_substantiated, (10, 330)),
    "no_significant_harm": _kind(no_significant_harm, (10, 330)),
    "conference_no_plan": _kind(conference_no_plan, (25, 330)),
    # The enquiry's outcome 6 to 9 working days in, the conference due at 15.
    "conference_overdue": _kind(conference_overdue, (25, 40)),
    "plan_ended_at_first_review": _kind(plan_ended_at_first_review, (130, 500)),
    "plan_runs_on": _kind(plan_runs_on, (30, 700)),
    # The conference about 17 days in, its review due three months on: the
    # first review is one to four weeks overdue today.
    "review_overdue": _kind(review_overdue, (118, 140)),
    "repeat_plan": _kind(repeat_plan, (330, 520)),
    "pre_birth": Kind(pre_birth, unborn_sibling, 0),
}


def next_day(rng: random.Random, decided: dt.date) -> dt.date:
    """The strategy discussion after a front-door decision: that day or the
    next working day (CP-STRAT)."""
    return add_working_days(decided, rng.choice((0, 0, 1)))
