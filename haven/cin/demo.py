"""Synthetic children in need work for the demo authority, made through the services.

About a third of the children have an episode. Children the front door already
referred keep their episode and it is worked on; the others are referred here, a
few of them closed with no further action before any assessment (ReferralNFA).
Each episode's assessment is the `assess` step seed_demo passes in (this app
cannot import assessments): after it, an episode whose assessment was authorised
for a plan gets a child in need plan and a review, and some close when the plan
ends. Each step is recorded as if on its own date.
"""

import datetime as dt
import random
from collections.abc import Callable
from contextlib import AbstractContextManager

from haven.cin import plans, selectors, services
from haven.cin.models import CinEpisode
from haven.cin.permissions import may_record_cin
from haven.cin.rules import ActionLine
from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.errors import DomainError
from haven.core.models import Allocation, Restriction, User
from haven.people.models import Person
from haven.timescales import calendar

SHARE = 3  # one child in SHARE
NFA_SHARE = 6  # of the children referred here, one in NFA_SHARE needs nothing more

# The episode's assessment (the referral's worker, their manager): the date it
# was authorised with a plan as its outcome, or None if the story ends there.
Assess = Callable[[random.Random, CinEpisode, User, User], dt.date | None]

ACTIONS = (
    (
        "The child attends school every day and on time",
        "Mother, with the school's attendance officer",
        "A meeting with the school and the plan is reviewed early",
    ),
    (
        "Regular meals and a bedtime routine in place",
        "Mother, supported by the family support worker",
        "A strategy discussion is considered",
    ),
    (
        "Mother attends the domestic abuse support programme",
        "Mother and the domestic abuse service",
        "The social worker reviews the risk with the manager",
    ),
    (
        "GP review of mother's mental health",
        "Mother and the GP",
        "The social worker refers to the perinatal mental health team",
    ),
)


def clock_at(day: dt.date, hour: int = 11) -> AbstractContextManager[None]:
    """Record as if it were `hour` o'clock on `day`."""
    return clock.held_at(clock.start_of(day) + dt.timedelta(hours=hour))


def _working_day_back(rng: random.Random, most: int) -> dt.date:
    day = clock.today() - dt.timedelta(days=rng.randint(5, most))
    while not calendar.is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def _staff(person: Person) -> tuple[User, User] | None:
    """The child's allocated social worker and their team's manager."""
    allocation = (
        Allocation.objects.filter(
            person=person, role=CaseRole.SOCIAL_WORKER, ended_on__isnull=True
        )
        .select_related("worker", "team")
        .first()
    )
    if allocation is None or allocation.worker is None:
        return None
    if not may_record_cin(allocation.worker):
        return None
    manager = allocation.team.managers.first()
    return (allocation.worker, manager) if manager else None


def populate(rng: random.Random, children: list[Person], *, assess: Assess) -> None:
    """Episodes for about a third of the children: those the front door referred
    and more referred here, each assessed by `assess` unless its referral ends
    in no further action; then a plan where the assessment asked for one."""
    restricted = set(
        Restriction.objects.filter(person__in=children).values_list(
            "person_id", flat=True
        )
    )
    chosen = [c for c in children if c.pk not in restricted and not c.is_unborn]
    referred = [c for c in chosen if selectors.open_episode(c) is not None]
    others = [c for c in chosen if selectors.open_episode(c) is None]
    wanted = max(0, len(children) // SHARE - len(referred))
    made = 0
    for child in referred + rng.sample(others, min(wanted, len(others))):
        staff = _staff(child)
        if staff is None:
            continue
        try:
            episode = selectors.open_episode(child)
            if episode is None:
                episode = _refer(rng, child, staff[0])
                made += 1
                if made % NFA_SHARE == 1:
                    _no_further_action(rng, episode, staff[0])
                    continue
            after = assess(rng, episode, *staff)
            if after is not None:
                _plan(rng, episode, staff[0], after)
        except DomainError:
            # A rule refused a step (an early help request already open, say):
            # the child keeps the work done so far.
            continue


def _refer(rng: random.Random, child: Person, worker: User) -> CinEpisode:
    referred = _working_day_back(rng, 330)
    if child.date_of_birth and referred < child.date_of_birth:
        referred = child.date_of_birth
    with clock_at(referred):
        return services.open_referral(
            child,
            received_on=referred,
            source=rng.choice(["1A", "2A", "3A", "3B", "6", "8"]),
            contact_id=None,
            by=worker,
        )


def _no_further_action(rng: random.Random, episode: CinEpisode, worker: User) -> None:
    """The worker's checks on the referral find the child needs nothing more
    from social care: the episode closes before any assessment (ReferralNFA)."""
    closed_on = calendar.add_working_days(episode.referral_date, rng.randint(1, 3))
    closed_on = min(closed_on, clock.today())
    with clock_at(closed_on):
        services.close_episode(
            episode,
            closed_on=closed_on,
            reason="RC7",
            summary="Checks with the school and the health visitor found no "
            "concerns: no further action. The family know where to find help.",
            by=worker,
        )


def _plan(
    rng: random.Random, episode: CinEpisode, worker: User, after: dt.date
) -> None:
    start = calendar.add_working_days(after, rng.randint(2, 8))
    if start > clock.today():
        return
    actions = [
        ActionLine(
            what_must_change=what,
            who=who,
            by_when=start + dt.timedelta(weeks=rng.randint(4, 12)),
            if_not_met=if_not,
        )
        for what, who, if_not in rng.sample(ACTIONS, rng.randint(1, 3))
    ]
    with clock_at(start):
        plan = plans.start_plan(episode, started_on=start, actions=actions, by=worker)
    review_on = calendar.add_working_days(
        calendar.add_months(start, 3), -rng.randint(0, 10)
    )
    if review_on > clock.today():
        return
    closing = rng.random() < 0.4
    with clock_at(review_on):
        plans.review_plan(
            plan,
            held_on=review_on,
            summary="Good progress on the actions; the family are engaged.",
            decision="close" if closing else "continue",
            attended="Mother and social worker",
            by=worker,
        )
        if closing:
            services.close_episode(
                episode,
                closed_on=review_on,
                reason="RC7",
                summary="The actions are met and the child is no longer in need.",
                by=worker,
            )
