"""Who holds a child's case as social care's work starts and ends: a referral
puts the case with a social care team, and closing the episode takes it off the
social worker's caseload. The allocations are written (and journalled) by
haven.core.services, inside the caller's transaction.

What closing hands on beyond social care (a step down to early help, early help
taking the case) is declared by the app that knows both sides, haven.pathways,
through `beyond_social_care`: early help sits above this app, so it is not named
here (issue 11 item 17)."""

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Field, QuerySet

from haven.core import compiled, teams
from haven.core.caseroles import CaseRole
from haven.core.errors import DomainError
from haven.core.models import Allocation, Team, User
from haven.core.selectors import allocation_may_start, current_allocation
from haven.core.services import allocate_case, end_allocation
from haven.people.models import Person

if TYPE_CHECKING:
    from haven.cin.models import CinEpisode

REFERRED = "Referred to social care: for a manager to allocate"


def hold_for_social_care(
    person: Person, *, on: dt.date, team: Team | None, by: User
) -> None:
    """A referral is social care's work, so a social care team must hold the
    case: if no one does (a new family, or one whose case had ended), or early
    help does, it goes to `team` or the team where referrals arrive, with no
    worker until its manager allocates one. It then shows on that team's work,
    and the assessment is never left with someone who cannot do it."""
    current = _held_locked(person)
    if current is not None and teams.does_social_care(current.team):
        return
    target = team or teams.referral_team()
    if target is None:
        raise DomainError(
            "no_social_care_team",
            "There is no social care team to take the referral. Ask an "
            "administrator to check the teams",
        )
    start = allocation_may_start(person, on)
    allocate_case(person, team=target, on=start, reason=REFERRED, by=by)


def _held_locked(person: Person) -> Allocation | None:
    """The social worker's role on the case, with its team, locked; by a
    query compiled once (core.compiled): every referral asks it."""

    def build(rows: QuerySet[Allocation]) -> compiled.Compiled:
        held = rows.select_for_update().filter(
            person_id=compiled.ID_STAND_IN,
            role=CaseRole.SOCIAL_WORKER,
            ended_on__isnull=True,
        )
        person_field = Allocation._meta.get_field("person")
        assert isinstance(person_field, Field)
        slot = compiled.Slot("person", compiled.ID_STAND_IN, person_field)
        return compiled.Compiled(held.select_related("team")[:1], [slot])

    found = compiled.once("cin.held_locked", Allocation, build).objects(
        person=person.pk
    )
    return found[0] if found else None


class BeyondSocialCare:
    """What closing an episode hands on outside social care. This default hands
    on nothing; haven.pathways registers the one that knows early help."""

    def open_help(self, person: Person) -> int | None:
        """The id of the family's open help elsewhere (an early help request)."""
        return None

    def step_down(self, episode: "CinEpisode", *, by: User) -> None:
        """Ask for help after social care (the episode closed with step down)."""

    def take_over(self, person: Person, *, on: dt.date, by: User) -> bool:
        """Whether another service took the case as social care closed."""
        return False


@dataclass
class _Registered:
    handoff: BeyondSocialCare


_registered = _Registered(BeyondSocialCare())


def beyond_social_care(handoff: BeyondSocialCare) -> BeyondSocialCare:
    """Register what closing hands on beyond social care (haven.pathways)."""
    if type(_registered.handoff) is not BeyondSocialCare:
        raise ImproperlyConfigured("What CIN closure hands on is declared twice")
    _registered.handoff = handoff
    return handoff


def handoff() -> BeyondSocialCare:
    """What closing an episode hands on beyond social care."""
    return _registered.handoff


def after_closure(person: Person, *, on: dt.date, by: User) -> None:
    """Social care's work has ended, so the case leaves the social worker's
    caseload: early help takes it if the family has early help open (stepped
    down, or alongside), otherwise the allocation ends. (Child protection and
    looked-after work, when they arrive, will keep the case open too.)"""
    if handoff().take_over(person, on=on, by=by):
        return
    current = current_allocation(person)
    if current is not None:
        end_allocation(
            person,
            on=max(on, current.started_on),
            reason="Child in need episode closed",
            by=by,
        )
