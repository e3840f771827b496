"""Writes for a section 47 enquiry: starting it from the strategy discussion
that decided on it, and recording its outcome. Each checks permission and
access, validates, changes state and journals its event on the child's record,
in one transaction.

Journal events:
  protection.section_47_enquiry_started     {"section_47", "episode",
      "strategy_discussion", "started_on", "icpc_target"}: dated the day of
      the strategy discussion that started it (the catalogue's trigger date,
      from which CP-ICPC counts 15 working days)
  protection.initial_conference_recommended {"section_47", "episode", "outcome"}
      (the enquiry found likely significant harm; meets CP-S47, starts
      CP-ICPC-REQUEST)
  protection.section_47_enquiry_completed   {"section_47", "episode", "outcome"}
      (no conference needed; meets CP-S47, ends CP-ICPC)
"""

import datetime as dt

from django.db import transaction

from haven.cin.services import may_do_casework, open_locked
from haven.core import clock, journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.protection.codes import EnquiryOutcome, StrategyDecision
from haven.protection.models import (
    ENQUIRY_PERIOD,
    Section47Enquiry,
    StrategyDiscussion,
)
from haven.protection.rules import check_day, check_weekday


def check_start(
    discussion: StrategyDiscussion,
    started_on: dt.date | None,
    icpc_target: dt.date | None,
) -> None:
    failures = Failures()
    if discussion.decision != StrategyDecision.SECTION_47:
        failures.add(
            "not_decided",
            "This strategy discussion did not decide on section 47 enquiries: "
            "record a strategy discussion that does",
        )
    with failures.gather():
        check_day(
            discussion.episode,
            started_on,
            field="started_on",
            what="the enquiry started",
            not_before=(discussion.held_on, "the strategy discussion"),
        )
    if icpc_target is not None:
        if started_on and icpc_target < started_on:
            failures.add(
                "target_before_start",
                "The initial conference's target date must be on or after the "
                "enquiry started",
                field="icpc_target",
            )
        # Census rule 8870Q queries a target at a weekend: no conference is.
        with failures.gather():
            check_weekday(icpc_target, field="icpc_target")
    failures.raise_any()


def _refuse_overlap(discussion: StrategyDiscussion, started_on: dt.date) -> None:
    """One open enquiry per episode, none overlapping (census rules 8839, 8890)."""
    enquiries = Section47Enquiry.objects.filter(episode_id=discussion.episode_id)
    running = enquiries.filter(ENQUIRY_PERIOD.open_rows()).first()
    if running is not None:
        raise DomainError(
            "enquiry_open",
            f"A section 47 enquiry started on {running.started_on:%-d %B %Y} is "
            "still open: record its outcome (or hold its initial conference) first",
        )
    clash = ENQUIRY_PERIOD.clash(
        enquiries, started_on, None, what="the section 47 enquiry"
    )
    if clash is not None:
        raise DomainError("enquiries_overlap", clash.message, field="started_on")


def start_section_47(
    discussion: StrategyDiscussion,
    *,
    started_on: dt.date,
    by: User,
    icpc_target: dt.date | None = None,
    record: str = "",
) -> Section47Enquiry:
    """Start the section 47 enquiry the strategy discussion decided on."""
    may_do_casework(by, discussion.episode.person)
    check_start(discussion, started_on, icpc_target)
    with transaction.atomic():
        episode = open_locked(discussion.episode)
        if Section47Enquiry.objects.filter(strategy_discussion=discussion).exists():
            raise DomainError(
                "already_started",
                "This strategy discussion has already started a section 47 enquiry",
            )
        _refuse_overlap(discussion, started_on)
        enquiry = Section47Enquiry.objects.create(
            episode=episode,
            strategy_discussion=discussion,
            started_on=started_on,
            icpc_target=icpc_target,
            record=record.strip(),
            started_by=by,
        )
        journal.append(
            episode.person,
            "protection.section_47_enquiry_started",
            {
                "section_47": enquiry.pk,
                "episode": episode.pk,
                "strategy_discussion": discussion.pk,
                "started_on": started_on,
                "icpc_target": icpc_target,
            },
            by=by,
            occurred_at=clock.start_of(discussion.held_on),
            significant=True,
        )
    return enquiry


def check_outcome(
    enquiry: Section47Enquiry, outcome: str, completed_on: dt.date | None
) -> None:
    failures = Failures()
    if outcome not in EnquiryOutcome.values:
        failures.add(
            "outcome_required", "Choose what the enquiry found", field="outcome"
        )
    with failures.gather():
        check_day(
            enquiry.episode,
            completed_on,
            field="completed_on",
            what="the enquiry was completed",
            not_before=(enquiry.started_on, "the enquiry started"),
        )
    failures.raise_any()


def record_section_47_outcome(
    enquiry: Section47Enquiry,
    *,
    outcome: str,
    completed_on: dt.date,
    by: User,
    record: str = "",
) -> Section47Enquiry:
    """Record what the enquiry found. Likely significant harm calls an initial
    conference, and the enquiry stays open until it is held (census rule 8890
    runs an enquiry to its conference); otherwise no conference is needed
    (ICPCnotRequired) and the enquiry ends that day."""
    may_do_casework(by, enquiry.episode.person)
    check_outcome(enquiry, outcome, completed_on)
    conference = outcome == EnquiryOutcome.SIGNIFICANT_HARM
    with transaction.atomic():
        episode = open_locked(enquiry.episode)
        enquiry = Section47Enquiry.objects.select_for_update().get(pk=enquiry.pk)
        if enquiry.outcome:
            raise DomainError(
                "outcome_recorded", "This enquiry's outcome is already recorded"
            )
        enquiry.outcome = outcome
        enquiry.completed_on = completed_on
        enquiry.icpc_not_required = not conference
        enquiry.ended_on = None if conference else completed_on
        if record.strip():
            enquiry.record = record.strip()
        enquiry.save()
        journal.append(
            episode.person,
            "protection.initial_conference_recommended"
            if conference
            else "protection.section_47_enquiry_completed",
            {"section_47": enquiry.pk, "episode": episode.pk, "outcome": outcome},
            by=by,
            occurred_at=clock.start_of(completed_on),
            significant=True,
        )
    return enquiry
