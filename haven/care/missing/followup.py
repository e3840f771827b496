"""What follows a missing episode: the independent return home interview,
offered within 72 hours of the child's return (LAC-MISSING-RHI) and held or
declined, and the strategy meeting a long or repeated run of episodes calls
for (LAC-MISSING-STRAT). Recording them meets those duties; their due dates are
the timescale engine's.

Journal events:
  care.return_interview_recorded     {"missing_episode", "offered_on",
                                      "held_on", "declined", "interviewed_by"}
  care.missing_strategy_meeting_held {"missing_child", "meeting", "held_on"}
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from haven.care import inputs, recording
from haven.care.models import MissingEpisode, PeriodOfCare, StrategyMeeting
from haven.core import journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.people.models import Person
from haven.people.selectors import records_of

WHO_LENGTH = 200


@dataclass(frozen=True)
class Interview:
    """The return home interview: when it was offered, and held or declined."""

    offered_on: dt.date | None
    held_on: dt.date | None = None
    declined: bool = False
    interviewed_by: str = ""


def record_return_interview(
    episode: MissingEpisode, interview: Interview, *, by: User
) -> MissingEpisode:
    """Record the interview offered after the child's return, and whether it was
    held or declined; recorded again when it is held after being offered."""
    child = episode.period.person
    recording.may_record(by, child)
    failures = Failures()
    offered = inputs.past_date(
        interview.offered_on,
        field="offered_on",
        what="the interview was offered",
        failures=failures,
    )
    held = _held(interview, failures)
    who = interview.interviewed_by.strip()
    if len(who) > WHO_LENGTH:
        failures.add(
            "who_too_long",
            f"Who offered the interview must be {WHO_LENGTH} characters or fewer",
            field="interviewed_by",
        )
    with transaction.atomic():
        episode = _locked(episode)
        _check_after_return(episode, offered, held, failures)
        failures.raise_any()
        assert offered is not None
        episode.interview_offered_on = offered
        episode.interview_held_on = held
        episode.interview_declined = interview.declined
        episode.interviewed_by = who
        episode.save()
        journal.append(
            child,
            "care.return_interview_recorded",
            {
                "missing_episode": episode.pk,
                "offered_on": offered,
                "held_on": held,
                "declined": interview.declined,
                "interviewed_by": who,
            },
            by=by,
            occurred_at=recording.occurred(offered),
        )
    return episode


def _held(interview: Interview, failures: Failures) -> dt.date | None:
    if interview.held_on is None:
        return None
    if interview.declined:
        failures.add(
            "held_and_declined",
            "An interview the child declined was not held: leave the date it "
            "was held blank, or untick 'declined'",
            field="declined",
        )
    return inputs.past_date(
        interview.held_on,
        field="held_on",
        what="the interview was held",
        failures=failures,
    )


def _locked(episode: MissingEpisode) -> MissingEpisode:
    return (
        MissingEpisode.objects.select_for_update()
        .select_related("period__person")
        .get(pk=episode.pk)
    )


def _check_after_return(
    episode: MissingEpisode,
    offered: dt.date | None,
    held: dt.date | None,
    failures: Failures,
) -> None:
    if episode.ended_at is None:
        raise DomainError(
            "not_returned",
            "Record the child's return first: the interview follows it",
        )
    returned = timezone.localdate(episode.ended_at)
    if offered is not None and offered < returned:
        failures.add(
            "offered_before_return",
            f"The child returned on {inputs.words(returned)}: the interview is "
            "offered after that",
            field="offered_on",
        )
    if offered is not None and held is not None and held < offered:
        failures.add(
            "held_before_offered",
            f"The interview was offered on {inputs.words(offered)}: it was held "
            "on or after that day",
            field="held_on",
        )


def record_strategy_meeting(
    child: Person, *, held_on: dt.date | None, decisions: str, by: User
) -> StrategyMeeting:
    """A strategy meeting about the child's missing episodes was held."""
    recording.may_record(by, child)
    if not PeriodOfCare.objects.filter(person_id__in=records_of(child)).exists():
        raise DomainError(
            "never_looked_after",
            f"{child} has never been looked after: a missing-from-care strategy "
            "meeting is recorded for a child in care",
        )
    failures = Failures()
    held = inputs.past_date(
        held_on, field="held_on", what="the meeting was held", failures=failures
    )
    if not decisions.strip():
        failures.add(
            "decisions_required",
            "Say what the meeting decided",
            field="decisions",
        )
    born = child.date_of_birth
    if held is not None and born is not None and held < born:
        failures.add(
            "before_birth",
            "The meeting cannot be before the child was born",
            field="held_on",
        )
    failures.raise_any()
    assert held is not None
    with transaction.atomic():
        meeting = StrategyMeeting.objects.create(
            person=child, held_on=held, decisions=decisions.strip(), recorded_by=by
        )
        journal.append(
            child,
            "care.missing_strategy_meeting_held",
            {"missing_child": child.pk, "meeting": meeting.pk, "held_on": held},
            by=by,
            occurred_at=recording.occurred(held),
        )
    return meeting
