"""Synthetic children in need work for the demo authority, made through the services.

About a third of the children have an episode: some with the assessment still in
progress or waiting for authorisation, some authorised with a child in need plan
and a review, some closed (no further action after assessment, or the plan ended).
Children the front door already referred keep their episode and it is worked on;
the others are referred here. Each step is recorded as if on its own date.
"""

import datetime as dt
import random
from contextlib import AbstractContextManager

from haven.assessments import selectors as assess_selectors
from haven.assessments import services as assess
from haven.cin import selectors, services
from haven.cin.models import CinEpisode
from haven.cin.permissions import may_record_cin
from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.errors import DomainError
from haven.core.models import Allocation, Restriction, User
from haven.people.models import Person
from haven.timescales import calendar

SHARE = 3  # one child in SHARE

# (reason, factors, primary need, analysis, recommendation)
STORIES = (
    (
        "School reports the child often arrives hungry and in unwashed clothes",
        ["16A"],
        "N1",
        "Neglect of basic care is likely; mother is struggling since her partner "
        "left and wants help.",
        "A child in need plan focused on routines, meals and school attendance.",
    ),
    (
        "Police attended a domestic incident at the home; the child was present",
        ["3B", "17A"],
        "N1",
        "The child is exposed to domestic abuse; mother has agreed to safety "
        "planning and the perpetrator has left.",
        "A child in need plan with domestic abuse support for mother.",
    ),
    (
        "Health visitor worried about mother's low mood and the baby's weight",
        ["4B"],
        "N3",
        "Mother's mental health affects her care of the baby; family support is "
        "limited.",
        "A child in need plan with perinatal mental health support.",
    ),
    (
        "Child with autism; family asking for help with behaviour and respite",
        ["6A"],
        "N2",
        "The family cope well but are exhausted; the child's needs are rising.",
        "A child in need plan with a short breaks assessment.",
    ),
    (
        "Neighbour reported shouting; the children were seen out late",
        ["21"],
        "N9",
        "No concerns found: the children are well cared for and the family have "
        "good support.",
        "No further action; the family know where to find help.",
    ),
)
VOICES = (
    "Said they like school and their friends, and want mum to be less sad.",
    "Drew a picture of the family; said they feel safe with nan.",
    "Too young to say; was relaxed and smiling with mum during the visit.",
)
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


def _clock_at(day: dt.date, hour: int = 11) -> AbstractContextManager[None]:
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


def populate(rng: random.Random, children: list[Person]) -> None:
    restricted = set(
        Restriction.objects.filter(person__in=children).values_list(
            "person_id", flat=True
        )
    )
    chosen = [c for c in children if c.pk not in restricted and not c.is_unborn]
    referred = [c for c in chosen if selectors.open_episode(c) is not None]
    others = [c for c in chosen if selectors.open_episode(c) is None]
    wanted = max(0, len(children) // SHARE - len(referred))
    for child in referred + rng.sample(others, min(wanted, len(others))):
        staff = _staff(child)
        if staff is None:
            continue
        try:
            _work(rng, child, *staff)
        except DomainError:
            # A rule refused a step (an early help request already open, say):
            # the child keeps the work done so far.
            continue


def _work(rng: random.Random, child: Person, worker: User, manager: User) -> None:
    episode = selectors.open_episode(child)
    if episode is None:
        referred = _working_day_back(rng, 330)
        if child.date_of_birth and referred < child.date_of_birth:
            referred = child.date_of_birth
        with _clock_at(referred):
            episode = services.open_referral(
                child,
                received_on=referred,
                source=rng.choice(["1A", "2A", "3A", "3B", "6", "8"]),
                contact_id=None,
                by=worker,
                assessment_from=referred,
            )
    _assess(rng, episode, worker, manager)


def _assess(
    rng: random.Random, episode: CinEpisode, worker: User, manager: User
) -> None:
    assessment = episode.assessments.get()
    reason, factors, need, analysis, recommendation = rng.choice(STORIES)
    nfa = need == "N9"
    start = episode.referral_date
    draft_on = calendar.add_working_days(start, rng.randint(3, 10))
    if draft_on > clock.today():
        return
    with _clock_at(draft_on):
        assess.save_assessment(
            assessment,
            {"reason": reason, "childs_voice": rng.choice(VOICES)},
            primary_need=need,
            by=worker,
        )
    submit_on = calendar.add_working_days(start, rng.randint(15, 50))
    if submit_on > clock.today():
        return  # still in progress
    with _clock_at(submit_on):
        assess.save_assessment(
            assessment,
            {
                "factors": factors,
                "risks": "As in the referral; no injuries seen.",
                "strengths": "Parent engaged with the assessment.",
                "protective_factors": "Grandparents nearby and involved.",
                "analysis": analysis,
                "recommendation": recommendation,
                "outcome": "nfa" if nfa else "cin_plan",
                "delay_reason": (
                    "The family cancelled two visits; we waited for the school's "
                    "information."
                    if submit_on > (assess_selectors.due_on(assessment) or submit_on)
                    else ""
                ),
            },
            by=worker,
        )
        assess.submit_assessment(assessment, by=worker)
    decide_on = calendar.add_working_days(submit_on, rng.randint(1, 4))
    if decide_on > clock.today() or rng.random() < 0.15:
        return  # waiting for the manager
    with _clock_at(decide_on, hour=15):
        if rng.random() < 0.2:
            assess.return_assessment(
                assessment,
                comments="Please add the father's view and the school's information.",
                by=manager,
            )
            return
        assess.authorise_assessment(assessment, by=manager)
        if nfa:
            # The outcome proposes RC8; the worker closes, choosing it.
            services.close_episode(
                episode,
                closed_on=decide_on,
                reason="RC8",
                summary=f"Closed after assessment. {recommendation}",
                by=worker,
            )
    if not nfa:
        _plan(rng, episode, worker, decide_on)


def _plan(
    rng: random.Random, episode: CinEpisode, worker: User, after: dt.date
) -> None:
    start = calendar.add_working_days(after, rng.randint(2, 8))
    if start > clock.today():
        return
    actions = [
        services.ActionLine(
            what_must_change=what,
            who=who,
            by_when=start + dt.timedelta(weeks=rng.randint(4, 12)),
            if_not_met=if_not,
        )
        for what, who, if_not in rng.sample(ACTIONS, rng.randint(1, 3))
    ]
    with _clock_at(start):
        plan = services.start_plan(
            episode, started_on=start, actions=actions, by=worker
        )
    review_on = calendar.add_working_days(
        calendar.add_months(start, 3), -rng.randint(0, 10)
    )
    if review_on > clock.today():
        return
    closing = rng.random() < 0.4
    with _clock_at(review_on):
        services.review_plan(
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
