"""Writes for the start of child protection work on a child's episode: the
concern that calls for a strategy discussion, and the discussion itself. Each
checks permission and access, validates, changes state and journals its event
on the child's record, in one transaction.

Journal events:
  protection.significant_harm_suspected  {"episode", "concern"} (starts CP-STRAT)
  protection.strategy_discussion_held    {"episode", "strategy_discussion",
                                          "decision", "immediate_protection",
                                          "agencies"} (meets CP-STRAT)
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from django.db import transaction

from haven.cin.models import CinEpisode
from haven.cin.services import may_do_casework, open_locked
from haven.core import clock, journal
from haven.core.errors import Failures
from haven.core.models import JournalEvent, User
from haven.protection.codes import ImmediateProtection, StrategyDecision
from haven.protection.models import StrategyDiscussion
from haven.protection.rules import check_day, people_rows, require_text


def suspect_significant_harm(
    episode: CinEpisode, *, on: dt.date, concern: str, by: User
) -> JournalEvent:
    """Record that there is reasonable cause to suspect the child is suffering,
    or likely to suffer, significant harm: a strategy discussion is due (CP-STRAT)."""
    may_do_casework(by, episode.person)
    failures = Failures()
    with failures.gather():
        check_day(episode, on, field="on", what="of the concern")
    with failures.gather():
        require_text(
            concern,
            code="concern_required",
            message="Say what the concern is",
            field="concern",
        )
    failures.raise_any()
    with transaction.atomic():
        episode = open_locked(episode)
        return journal.append(
            episode.person,
            "protection.significant_harm_suspected",
            {"episode": episode.pk, "concern": concern.strip()},
            by=by,
            occurred_at=clock.start_of(on),
            significant=True,
        )


@dataclass(frozen=True)
class Discussion:
    """What a strategy discussion or meeting decided, as typed."""

    held_on: dt.date | None
    participants: Sequence[dict[str, Any]]
    information_shared: str
    decision: str
    no_section_47_reason: str = ""
    immediate_protection: str = ""
    actions_agreed: str = ""


def _check_decision(typed: Discussion, failures: Failures) -> None:
    if typed.decision not in StrategyDecision.values:
        failures.add(
            "decision_required",
            "Choose what the strategy discussion decided",
            field="decision",
        )
    no_s47 = typed.decision == StrategyDecision.NO_SECTION_47
    if no_s47 and not typed.no_section_47_reason.strip():
        failures.add(
            "reason_required",
            "Say why there are to be no section 47 enquiries",
            field="no_section_47_reason",
        )
    immediate = typed.decision == StrategyDecision.IMMEDIATE_PROTECTION
    if immediate and typed.immediate_protection not in ImmediateProtection.values:
        failures.add(
            "immediate_protection_required",
            "Choose how the child was protected: police protection or an "
            "emergency protection order",
            field="immediate_protection",
        )


def check_discussion(episode: CinEpisode, typed: Discussion) -> list[dict[str, Any]]:
    failures = Failures()
    with failures.gather():
        check_day(episode, typed.held_on, field="held_on", what="of the discussion")
    participants = people_rows(
        typed.participants, field="participants", who="participant", failures=failures
    )
    if not typed.information_shared.strip():
        failures.add(
            "information_required",
            "Say what information was shared",
            field="information_shared",
        )
    _check_decision(typed, failures)
    failures.raise_any()
    return participants


def record_strategy_discussion(
    episode: CinEpisode, typed: Discussion, *, by: User
) -> StrategyDiscussion:
    """Record a strategy discussion or meeting on the child's open episode:
    who took part from which agency, what was shared, what was decided and the
    actions agreed. A decision for section 47 enquiries lets one start
    (enquiries.start_section_47)."""
    may_do_casework(by, episode.person)
    participants = check_discussion(episode, typed)
    immediate = typed.decision == StrategyDecision.IMMEDIATE_PROTECTION
    no_s47 = typed.decision == StrategyDecision.NO_SECTION_47
    with transaction.atomic():
        episode = open_locked(episode)
        discussion = StrategyDiscussion.objects.create(
            episode=episode,
            held_on=cast(dt.date, typed.held_on),  # checked above
            participants=participants,
            information_shared=typed.information_shared.strip(),
            decision=typed.decision,
            no_section_47_reason=typed.no_section_47_reason.strip() if no_s47 else "",
            immediate_protection=typed.immediate_protection if immediate else "",
            actions_agreed=typed.actions_agreed.strip(),
            recorded_by=by,
            recorded_at=clock.now(),
        )
        _journal_discussion(discussion, by=by)
    return discussion


def _journal_discussion(discussion: StrategyDiscussion, *, by: User) -> None:
    agencies = sorted({p["agency"] for p in discussion.participants})
    journal.append(
        discussion.episode.person,
        "protection.strategy_discussion_held",
        {
            "episode": discussion.episode_id,
            "strategy_discussion": discussion.pk,
            "decision": discussion.decision,
            "immediate_protection": discussion.immediate_protection,
            "agencies": agencies,
        },
        by=by,
        occurred_at=clock.start_of(discussion.held_on),
        significant=True,
    )
