"""Synthetic single assessments for the demo authority, made through the services.

seed_demo passes `assess` to the CIN demo, which calls it for each episode it
works on: the assessment is started (unless the front door's referral started
it), drafted, submitted and decided by the child's manager, each step as if on
its own date. Some stay in progress or wait for the manager; some are returned;
an assessment finding no further action is authorised and the worker closes the
episode choosing the reason its outcome proposes.
"""

import datetime as dt
import random

from haven.assessments import selectors, services
from haven.assessments.codes import EDITABLE
from haven.assessments.models import Assessment
from haven.assessments.starting import start_assessment
from haven.cin import services as cin
from haven.cin.demo import clock_at
from haven.cin.models import CinEpisode
from haven.core import clock
from haven.core.codelists import collection_year
from haven.core.models import User
from haven.timescales import calendar

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


def assess(
    rng: random.Random, episode: CinEpisode, worker: User, manager: User
) -> dt.date | None:
    """Work the episode's assessment as far as its dates allow: the date it was
    authorised with a plan as its outcome, or None if the story ends before."""
    assessment = _started(episode, worker)
    reason, factors, need, analysis, recommendation = rng.choice(STORIES)
    nfa = need == "N9"
    start = episode.referral_date
    draft_on = calendar.add_working_days(start, rng.randint(3, 10))
    if draft_on > clock.today():
        return None
    with clock_at(draft_on):
        services.save_assessment(
            assessment,
            {"reason": reason, "childs_voice": rng.choice(VOICES)},
            primary_need=need,
            by=worker,
        )
    submit_on = calendar.add_working_days(start, rng.randint(15, 50))
    if submit_on > clock.today():
        return None  # still in progress
    with clock_at(submit_on):
        _submit(assessment, submit_on, factors, analysis, recommendation, nfa, worker)
    decide_on = calendar.add_working_days(submit_on, rng.randint(1, 4))
    if decide_on > clock.today():
        return None
    closing = f"Closed after assessment. {recommendation}" if nfa else None
    return _decide(rng, assessment, (worker, manager), decide_on, closing)


def _decide(
    rng: random.Random,
    assessment: Assessment,
    staff: tuple[User, User],
    decide_on: dt.date,
    closing: str | None,
) -> dt.date | None:
    """The manager's decision on `decide_on`: as `assess` answers. `closing`:
    the summary the worker closes a no-further-action episode with."""
    worker, manager = staff
    # An assessment started before the last collection year no longer waits
    # for its manager or went back to its worker: it was authorised (else a
    # census fault, rule 8736), and its story ends there, as before.
    recent = assessment.started_on >= _last_year_began()
    if rng.random() < 0.15:
        if not recent:
            with clock_at(decide_on, hour=15):
                _authorise(assessment, manager)
        return None
    with clock_at(decide_on, hour=15):
        if rng.random() < 0.2:
            if not recent:
                _authorise(assessment, manager)
                return None
            services.return_assessment(
                assessment,
                comments="Please add the father's view and the school's information.",
                by=manager,
            )
            return None
        if _authorise(assessment, manager):
            # Authorised late, with its reasons: the story ends here, as it
            # did when the demo gave none and the service refused it.
            return None
        if closing is not None:
            # The outcome proposes RC8; the worker closes, choosing it.
            cin.close_episode(
                assessment.episode,
                closed_on=decide_on,
                reason="RC8",
                summary=closing,
                by=worker,
            )
            return None
    return decide_on


LATE_DECISION = "The manager was on leave and the decision waited for their return."


def _last_year_began() -> dt.date:
    """1 April of the latest collection year that has ended."""
    return dt.date(collection_year(clock.today()) - 2, 4, 1)


def _authorise(assessment: Assessment, manager: User) -> bool:
    """Authorise, giving the reasons for a delay when it is late (the service
    asks for them); whether it was late."""
    due = selectors.due_on(assessment)
    late = due is not None and clock.today() > due
    delay_reason = LATE_DECISION if late else ""
    services.authorise_assessment(assessment, delay_reason=delay_reason, by=manager)
    return late


def finish(
    rng: random.Random, assessment: Assessment, worker: User, manager: User
) -> None:
    """Take an unfinished assessment to authorised today: the large benchmark
    authority's older work is finished, as a real authority's would be."""
    if assessment.status in EDITABLE:
        reason, factors, need, analysis, recommendation = rng.choice(STORIES)
        services.save_assessment(
            assessment,
            {"reason": reason, "childs_voice": rng.choice(VOICES)},
            primary_need=need,
            by=worker,
        )
        nfa = need == "N9"
        today = clock.today()
        _submit(assessment, today, factors, analysis, recommendation, nfa, worker)
    _authorise(assessment, manager)


def _started(episode: CinEpisode, worker: User) -> Assessment:
    """The episode's assessment: the one the front door's referral started, or
    one started now from the referral (as a referral for assessment would)."""
    if not episode.assessments.exists():
        with clock_at(episode.referral_date):
            return start_assessment(
                episode, started_on=episode.referral_date, by=worker
            )
    return episode.assessments.get()


def _submit(
    assessment: Assessment,
    submit_on: dt.date,
    factors: list[str],
    analysis: str,
    recommendation: str,
    nfa: bool,
    worker: User,
) -> None:
    late = submit_on > (selectors.due_on(assessment) or submit_on)
    services.save_assessment(
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
                if late
                else ""
            ),
        },
        by=worker,
    )
    services.submit_assessment(assessment, by=worker)
