"""What single assessments add to a child's CIN episode (registered with haven.cin,
which cannot import this app): the assessments on the episode's page and its
button to start one, what closing the episode must respect, and how a referral
for assessment starts one. Imported by AssessmentsConfig.ready."""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from haven.assessments.codes import PROPOSED_CLOSURE, Outcome, Status
from haven.assessments.selectors import due_on
from haven.cin.codes import AFTER_ASSESSMENT
from haven.cin.episode_work import EpisodeWork
from haven.cin.models import CinEpisode
from haven.cin.sections import Context
from haven.core.errors import DomainError
from haven.core.models import User


def on_the_episode(episode: CinEpisode, user: User) -> Context:
    """The episode's assessments, each with when it is due, and whether one is
    under way (then no other may start)."""
    assessments = list(episode.assessments.all())
    return {
        "episode": episode,
        "assessments": [{"assessment": a, "due_on": due_on(a)} for a in assessments],
        "assessing": any(a.status != Status.AUTHORISED for a in assessments),
    }


def check_closed_after_assessment(
    episode: CinEpisode, *, history: bool = False
) -> None:
    # Census rule 8825Q: RC8 and RC9 need a (completed) assessment.
    if not episode.assessments.filter(status=Status.AUTHORISED).exists():
        raise DomainError(
            "assessment_not_authorised",
            "Closing 'after assessment' needs the assessment to be authorised first",
            field="reason",
        )
    # Local practice, not a DfE rule: the census rules out RC8/RC9 only after a
    # section 47, ICPC or CP plan (rule 2990), not after a child in need plan.
    # A council may switch it off; history is recorded as it happened.
    refuse = settings.HAVEN_REFUSE_CLOSING_AFTER_ASSESSMENT_WITH_PLAN
    if refuse and not history and episode.plans.exists():
        raise DomainError(
            "plan_on_episode",
            "Local practice, not a DfE rule: the child had a child in need plan, "
            "so choose 'Services ceased' (RC7) rather than closing after "
            "assessment",
            field="reason",
        )


def check_assessments_finished(episode: CinEpisode) -> None:
    # An episode closing mid-assessment would leave the assessment unfinished
    # for good: nobody could authorise it on a closed episode.
    if episode.assessments.exclude(status=Status.AUTHORISED).exists():
        raise DomainError(
            "assessment_not_finished",
            "Authorise or finish the assessment before closing the episode",
        )


def check_closure(episode: CinEpisode, reason: str, history: bool) -> None:
    if reason in AFTER_ASSESSMENT:
        check_closed_after_assessment(episode, history=history)
    check_assessments_finished(episode)


def dates(episode: CinEpisode) -> list[tuple[dt.date, str]]:
    """The episode cannot close before an assessment started or was authorised."""
    found = []
    for assessment in episode.assessments.all():
        found.append((assessment.started_on, "the assessment started"))
        if assessment.authorised_at is not None:
            authorised = timezone.localdate(assessment.authorised_at)
            found.append((authorised, "the assessment was authorised"))
    return found


def proposed_closure(episode: CinEpisode) -> str:
    """The reason for closure the latest authorised assessment's outcome proposes,
    or "": the closing page pre-selects it, and the worker chooses."""
    latest = (
        episode.assessments.filter(status=Status.AUTHORISED)
        .order_by("-authorised_at", "-pk")
        .first()
    )
    if latest is None or latest.outcome not in Outcome.values:
        return ""
    return PROPOSED_CLOSURE.get(Outcome(latest.outcome), "")


# The work an assessment is on a CIN episode, declared by the plugin.
WORK = EpisodeWork(
    name="assessment",
    recorded=lambda episode: episode.assessments.exists(),
    dates=dates,
    check_closure=check_closure,
    proposed_closure=proposed_closure,
)
