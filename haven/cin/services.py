"""Writes for a child's children in need episode: the referral that opens it,
its primary need and its closure (its plans are in plans.py), and the checks
every write on an episode shares. Each checks permission and access, validates,
changes state and journals its event on the child's record, in one transaction.

Journal events:
  frontdoor.referral_received     {"episode", "contact", "source",
                                   "re_referral"} (events before the episode's
                                   strategy flag gave way to child protection's
                                   records also carry "strategy_discussion")
  cin.primary_need_set            {"episode", "need"}
  cin.episode_closed              {"episode", "reason", "ended_plan", "step_down",
                                   "existing_early_help_request", "referral_nfa"}
"""

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.db.models import Max

from haven.cin import episode_work, handoffs, selectors
from haven.cin.codes import ClosureReason
from haven.cin.models import EPISODE_PERIOD, CinEpisode, Plan
from haven.cin.permissions import may_record_cin
from haven.cin.rules import check_closing_date, check_date, check_primary_need
from haven.core import access, clock, journal
from haven.core.errors import DomainError
from haven.core.models import JournalEvent, Team, User
from haven.core.roles import records_about_children
from haven.frontdoor.codes import ReferralSource
from haven.people.models import Person

# --- checks -----------------------------------------------------------------


def _check_open(user: User, person: Person) -> None:
    access.require_lasting_access(user, person)


def may_do_casework(user: User, person: Person) -> None:
    """Refuse a user who may not record casework on this child (for every write
    on an episode, here, in plans.py and in apps above CIN)."""
    if not may_record_cin(user):
        raise DomainError("not_permitted", "Your role does not include casework")
    _check_open(user, person)


def open_locked(episode: CinEpisode) -> CinEpisode:
    """The episode, locked, refusing a closed one."""
    episode = CinEpisode.objects.select_for_update().get(pk=episode.pk)
    if episode.closed_on is not None:
        raise DomainError("episode_closed", "This child in need episode is closed")
    return episode


# --- referral ---------------------------------------------------------------


def open_referral(
    person: Person,
    *,
    received_on: dt.date,
    source: str,
    contact_id: int | None,
    by: User,
    team: Team | None = None,
) -> CinEpisode:
    """Open the child's CIN episode at the point of referral.

    A referral may end in no further action (Working Together 2023), so it
    starts no assessment: a front-door decision to refer for assessment starts
    one (haven.pathways), or the worker starts it from the episode's page.
    Nor does it say whether a strategy discussion is needed: that is child
    protection's record (a concern, then the discussion, in haven.protection).

    If no social care team holds the child's case, it goes to `team` (or the
    team where referrals arrive) to allocate: see handoffs.hold_for_social_care.
    """
    referral = _Referral(received_on, source, contact_id, team)
    _may_refer(by, person, referral)
    episode, _joined = _refer(person, referral, by=by, join=False)
    return episode


def refer_or_join(
    person: Person,
    *,
    received_on: dt.date,
    source: str,
    contact_id: int | None,
    by: User,
) -> tuple[CinEpisode, bool]:
    """A front-door referral: the child's open episode, which the referral
    joins (True), or one opened from it as `open_referral` opens it (False).
    The caller is a service that has checked `by`'s lasting access to the
    child (the front door's decision does, before it routes): it is not asked
    again. Joining checks nothing more."""
    referral = _Referral(received_on, source, contact_id, None)
    return _refer(person, referral, by=by, join=True)


@dataclass(frozen=True)
class _Referral:
    received_on: dt.date
    source: str
    contact_id: int | None
    team: Team | None


def _may_refer(
    by: User, person: Person, referral: _Referral, *, access_checked: bool = False
) -> None:
    if not records_about_children(by):
        raise DomainError("not_permitted", "Your role does not include referrals")
    if not access_checked:
        _check_open(by, person)
    _check_referral(referral.received_on, referral.source)


def _refer(
    person: Person, referral: _Referral, *, by: User, join: bool
) -> tuple[CinEpisode, bool]:
    """Open the episode (False), or with `join` return the open one (True)."""
    try:
        with transaction.atomic():
            if connection.features.has_select_for_update:
                # (SQLite's write lock is the whole database's, held already.)
                Person.objects.select_for_update().filter(pk=person.pk).exists()
            # Read once, under the lock, for every check.
            episodes = selectors.episodes_of_records(person)
            current = selectors.open_among(episodes)
            if join and current is not None:
                return current, True
            if join:
                _may_refer(by, person, referral, access_checked=True)
            _refuse_second_episode(person, current)
            _refuse_overlap(person, referral.received_on, episodes)
            previous = selectors.previous_referral_among(episodes, referral.received_on)
            episode = CinEpisode.objects.create(
                person=person,
                referral_date=referral.received_on,
                source=referral.source,
                contact_id=referral.contact_id,
                re_referral=previous is not None,
            )
            _journal_referral(episode, by=by)
            on, team = referral.received_on, referral.team
            handoffs.hold_for_social_care(person, on=on, team=team, by=by)
    except IntegrityError:
        # Someone opened an episode at the same moment: the constraint caught it.
        _refuse_second_episode(person, selectors.open_episode(person))
        raise
    return episode, False


def _journal_referral(episode: CinEpisode, *, by: User) -> None:
    journal.append(
        episode.person,
        "frontdoor.referral_received",
        {
            "episode": episode.pk,
            "contact": episode.contact_id,
            "source": episode.source,
            "re_referral": episode.re_referral,
        },
        by=by,
        occurred_at=clock.start_of(episode.referral_date),
        significant=True,
    )


def _check_referral(received_on: dt.date, source: str) -> None:
    if received_on > clock.today():
        raise DomainError(
            "date_in_future",
            "The date the referral was received must be today or earlier",
            field="received_on",
        )
    if source not in ReferralSource.values:
        raise DomainError("bad_source", "Choose who made the referral", field="source")


def _refuse_second_episode(person: Person, current: CinEpisode | None) -> None:
    """Refuse a second episode while `current` (the child's open one) is open."""
    if current is not None:
        raise DomainError(
            "open_episode",
            f"{person} already has an open child in need episode (referred on "
            f"{current.referral_date:%-d %B %Y}). Record this on that episode, or "
            "close it first",
        )


def _refuse_overlap(
    person: Person, received_on: dt.date, episodes: list[CinEpisode]
) -> None:
    """Refuse a referral received while or before a closed episode was open:
    the two would overlap (CIN census rule 8820; PostgreSQL refuses it too), so
    such a contact cannot be passed to it either. The day an episode closed is
    not in it (cin.models.EPISODE_PERIOD), so a child may be re-referred then."""
    clash = EPISODE_PERIOD.clash_among(episodes, received_on, None, what="an episode")
    if clash is None:
        return
    if (earlier := clash.row).referral_date <= received_on and earlier.closed_on:
        when = (
            f"while {person}'s child in need episode (referred on "
            f"{earlier.referral_date:%-d %B %Y}) was still open: it closed on "
            f"{earlier.closed_on:%-d %B %Y}"
        )
    else:
        when = (
            f"before {person}'s child in need episode {EPISODE_PERIOD.words(earlier)}"
        )
    raise DomainError(
        "overlaps_closed_episode",
        f"This was received on {received_on:%-d %B %Y}, {when}. A referral from "
        "it would overlap that episode, so it cannot open a new one. Choose "
        f"another decision, or if {person} needs children's social care now, "
        "record a new contact with today's date",
    )


# --- primary need -----------------------------------------------------------


def set_primary_need(
    episode: CinEpisode, need: str, *, by: User, history: bool = False
) -> CinEpisode:
    """Record the main reason the child is in need (CIN census PrimaryNeedCode).

    `history`: recording a past referral as it was (N0 "Not stated" accepted)."""
    may_do_casework(by, episode.person)
    check_primary_need(need, on=episode.referral_date, history=history)
    with transaction.atomic():
        episode = open_locked(episode)
        if episode.primary_need == need:
            return episode
        episode.primary_need = need
        episode.save(update_fields=["primary_need"])
        journal.append(
            episode.person,
            "cin.primary_need_set",
            {"episode": episode.pk, "need": need},
            by=by,
        )
    return episode


# --- closure ----------------------------------------------------------------


def close_episode(
    episode: CinEpisode,
    *,
    closed_on: dt.date,
    reason: str,
    summary: str,
    by: User,
    step_down: bool = False,
    history: bool = False,
) -> CinEpisode:
    """Close the child's episode with the census reason; step down if asked.
    `history`: recording a past closure as it was, so Haven's local refusals
    (settings HAVEN_REFUSE_*) do not apply.

    RC9 (closed after assessment, referred to early help) always steps down; if
    the family already has an open early help request, that request stands and
    no second one is made. Any running plan ends on the closing date. The case
    leaves the social worker: to early help if the family has it, or it ends
    (see handoffs.after_closure).
    """
    person = episode.person
    may_do_casework(by, person)
    _check_closure(episode, closed_on=closed_on, reason=reason, summary=summary)
    step_down = step_down or reason == ClosureReason.RC9
    with transaction.atomic():
        episode = open_locked(episode)
        # The rules of the work other apps record on it (an assessment, say).
        episode_work.check_closure(episode, reason, history=history)
        plan = episode.plans.filter(ended_on__isnull=True).first()
        check_closing_date(episode, plan, closed_on)
        existing = handoffs.handoff().open_help(person) if step_down else None
        _end(episode, plan, closed_on=closed_on, reason=reason, summary=summary)
        journal.append(
            person,
            "cin.episode_closed",
            {
                "episode": episode.pk,
                "reason": reason,
                "ended_plan": plan.pk if plan else None,
                "step_down": step_down,
                "existing_early_help_request": existing,
                "referral_nfa": episode.referral_nfa,
            },
            by=by,
            occurred_at=_closing_moment(episode, closed_on),
            significant=True,
        )
        if step_down and existing is None:
            handoffs.handoff().step_down(episode, by=by)
        handoffs.after_closure(person, on=closed_on, by=by)
    return episode


def _closing_moment(episode: CinEpisode, closed_on: dt.date) -> dt.datetime:
    """When the closure stands in the child's journal: the start of its day,
    but after the episode's own work recorded that day. An episode closes only
    once its work is done (its assessment authorised, say), so that work came
    first; stamped at midnight, the closure would sort before an afternoon's
    authorisation and the timescale engine would read the assessment's duty as
    ended unmet rather than met."""
    moment = clock.start_of(closed_on)
    latest = JournalEvent.objects.filter(
        person_id=episode.person_id,
        payload__episode=episode.pk,
        occurred_at__gte=moment,
        occurred_at__lt=clock.start_of(closed_on + dt.timedelta(days=1)),
    ).aggregate(latest=Max("occurred_at"))["latest"]
    return moment if latest is None else latest + dt.timedelta(microseconds=1)


def _check_closure(
    episode: CinEpisode, *, closed_on: dt.date, reason: str, summary: str
) -> None:
    if reason not in ClosureReason.values:
        raise DomainError(
            "reason_required", "Choose the reason for closing", field="reason"
        )
    check_date(
        closed_on,
        field="closed_on",
        what="of closure",
        not_before=episode.referral_date,
        since="the referral",
    )
    if not summary.strip():
        raise DomainError(
            "summary_required",
            "Write a closing summary: what was done and why the episode is closing",
            field="summary",
        )
    if reason == ClosureReason.RC2 and episode.person.date_of_death is None:
        raise DomainError(
            "death_not_recorded",
            "Record the child's date of death on their details before closing "
            "with 'Died'",
            field="reason",
        )


def _end(
    episode: CinEpisode,
    plan: Plan | None,
    *,
    closed_on: dt.date,
    reason: str,
    summary: str,
) -> None:
    """End the locked episode and its running plan, if any, on the closing date."""
    if plan is not None:
        plan.ended_on = closed_on
        plan.save(update_fields=["ended_on"])
    episode.closed_on = closed_on
    episode.closure_reason = reason
    episode.closing_summary = summary.strip()
    # Closed before any plan or other work (an assessment): the referral led to
    # no further action (CIN census ReferralNFA).
    episode.referral_nfa = plan is None and not episode_work.work_recorded(episode)
    episode.save(
        update_fields=["closed_on", "closure_reason", "closing_summary", "referral_nfa"]
    )
