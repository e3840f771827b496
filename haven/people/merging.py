"""Merges that need another team's agreement.

A worker may merge two records on their own only when their team holds both
(or nobody holds either): merging another team's child into their record would
change that team's record, and could hand the worker the child. Otherwise the
merge is asked for, and a manager of the holding team agrees or declines; on
agreement the merge is made in the requester's name, naming the manager.
"""

from django.db import transaction
from django.db.models import QuerySet

from haven.core import access, clock
from haven.core.errors import DomainError
from haven.core.models import User
from haven.people import permissions as rules
from haven.people import services
from haven.people.models import MergeRequest, Person

PENDING = MergeRequest.State.PENDING


def merge_or_ask(
    duplicate: Person, *, into: Person, reason: str, by: User
) -> MergeRequest | None:
    """Merge now when no other team holds either record; otherwise ask the
    holding team's managers, and return the request."""
    services.check_merge(duplicate, into=into, reason=reason, by=by)
    teams = services.teams_to_agree(by, duplicate, into)
    if not teams:
        services.merge_records(duplicate, into=into, reason=reason, by=by)
        return None
    asked = MergeRequest.objects.filter(
        duplicate=duplicate, into=into, state=PENDING
    ).exists()
    if asked:
        raise DomainError(
            "already_asked", "This merge is already waiting for agreement"
        )
    # The duplicate's holders first: it is their record that disappears.
    held = services.holding_teams(duplicate) & teams
    with transaction.atomic():
        return MergeRequest.objects.create(
            duplicate=duplicate,
            into=into,
            reason=reason.strip(),
            requested_by=by,
            requested_at=clock.now(),
            holding_team_id=min(held or teams),
        )


def pending_for(user: User) -> QuerySet[MergeRequest]:
    """Merge requests waiting for a manager of one of the user's teams."""
    if not rules.may_agree_merges(user):
        return MergeRequest.objects.none()
    return pending_in(access.managed_team_ids(user))


def pending_in(team_ids: set[int]) -> QuerySet[MergeRequest]:
    """Merge requests waiting for a manager of one of these teams."""
    return MergeRequest.objects.filter(
        state=PENDING, holding_team_id__in=team_ids
    ).select_related("requested_by", "holding_team")


def _check_decider(request: MergeRequest, by: User) -> None:
    if not pending_for(by).filter(pk=request.pk).exists():
        raise DomainError(
            "not_permitted", "Only a manager of the team holding the record decides"
        )
    # Every other team holding either record must be the decider's to speak for.
    needed = services.teams_to_agree(
        request.requested_by, request.duplicate, request.into
    )
    if not needed <= access.managed_team_ids(by):
        raise DomainError(
            "not_permitted",
            "Another team holds one of these records too: its manager must agree",
        )


def agree(request: MergeRequest, *, by: User, note: str = "") -> Person:
    """Agree to the merge: it is made now, in the requester's name."""
    with transaction.atomic():
        request = MergeRequest.objects.select_for_update().get(pk=request.pk)
        if request.state != PENDING:
            raise DomainError("already_decided", "This merge has already been decided")
        _check_decider(request, by)
        survivor = services.merge_records(
            request.duplicate,
            into=request.into,
            reason=request.reason,
            by=request.requested_by,
            agreed_by=by,
        )
        _decide(request, MergeRequest.State.AGREED, by, note)
    return survivor


def decline(request: MergeRequest, *, by: User, note: str) -> None:
    """Decline the merge, saying why: the requester reads the reason."""
    if not note.strip():
        raise DomainError(
            "reason_required", "Say why you are declining the merge", field="note"
        )
    with transaction.atomic():
        request = MergeRequest.objects.select_for_update().get(pk=request.pk)
        if request.state != PENDING:
            raise DomainError("already_decided", "This merge has already been decided")
        _check_decider(request, by)
        _decide(request, MergeRequest.State.DECLINED, by, note)


def _decide(request: MergeRequest, state: str, by: User, note: str) -> None:
    request.state = state
    request.decided_by = by
    request.decided_at = clock.now()
    request.decision_note = note.strip()
    request.save(update_fields=["state", "decided_by", "decided_at", "decision_note"])
