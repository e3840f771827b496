"""Starting a single assessment on a child's children in need episode.

Journal events:
  assessments.assessment_started  {"assessment", "episode", "referral_date" (the
                                   episode's first)} (starts ASSESS-CF)
"""

import datetime as dt

from django.db import transaction

from haven.assessments.codes import Status
from haven.assessments.models import Assessment
from haven.cin.models import CinEpisode
from haven.cin.rules import check_date
from haven.cin.services import may_do_casework, open_locked
from haven.core import clock, journal
from haven.core.errors import DomainError
from haven.core.models import User


def start_assessment(
    episode: CinEpisode, *, started_on: dt.date, by: User
) -> Assessment:
    """Start a single assessment on the child's open episode, from its actual
    start date (CIN census AssessmentActualStartDate): this starts its 45
    working day clock (ASSESS-CF). An episode may hold several assessments, one
    unfinished at a time (census rule 8896)."""
    may_do_casework(by, episode.person)
    with transaction.atomic():
        episode = open_locked(episode)
        return begin_assessment(episode, started_on=started_on, by=by)


def begin_assessment(
    episode: CinEpisode, *, started_on: dt.date, by: User
) -> Assessment:
    """Start the assessment on the locked episode, inside the caller's
    transaction."""
    _check_start(episode, started_on)
    statuses = set(episode.assessments.values_list("status", flat=True))
    if statuses - {Status.AUTHORISED}:
        raise DomainError(
            "assessment_unfinished",
            "The child already has an assessment under way: finish it before "
            "starting another",
        )
    return _begin(episode, started_on=started_on, by=by, first=not statuses)


def begin_first_assessment(
    episode: CinEpisode, *, started_on: dt.date, by: User
) -> Assessment:
    """`begin_assessment` on an episode opened in the caller's transaction,
    which has no assessment yet (a referral for assessment, in pathways)."""
    _check_start(episode, started_on)
    return _begin(episode, started_on=started_on, by=by, first=True)


def _check_start(episode: CinEpisode, started_on: dt.date) -> None:
    check_date(
        started_on,
        field="started_on",
        what="the assessment started",
        not_before=episode.referral_date,
        since="the referral",
    )


def _begin(
    episode: CinEpisode, *, started_on: dt.date, by: User, first: bool
) -> Assessment:
    assessment = Assessment.objects.create(
        episode=episode, person=episode.person, started_on=started_on
    )
    started: dict[str, object] = {"assessment": assessment.pk, "episode": episode.pk}
    if first:
        # The episode's first assessment is due 45 working days from the
        # referral (Working Together 2023), however late it started; a later
        # one counts from its own start (ASSESS-CF's `counted_from`).
        started["referral_date"] = episode.referral_date.isoformat()
    journal.append(
        episode.person,
        "assessments.assessment_started",
        started,
        by=by,
        occurred_at=clock.start_of(started_on),
        significant=True,
    )
    return assessment
