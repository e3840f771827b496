"""Asking for early help (the family joins a team's queue) and allocating the
request to a worker, who takes each child's case."""

import datetime as dt
from collections.abc import Sequence

from django.contrib.auth.models import Group
from django.db import transaction

from haven.cin.selectors import open_episode
from haven.core import access, clock
from haven.core.errors import DomainError
from haven.core.models import Team, User
from haven.core.roles import ROLES_BY_KEY
from haven.core.services import allocate_case
from haven.earlyhelp import handoffs, permissions
from haven.earlyhelp.codes import RequestSource
from haven.earlyhelp.family import siblings_of
from haven.earlyhelp.models import EarlyHelpRequest
from haven.earlyhelp.rules import (
    check_not_closed,
    check_open,
    checked_date,
    locked,
    may_request,
    record_event,
    required_text,
)
from haven.people.models import Person


def early_help_team(by: User) -> Team | None:
    """The team whose queue a new request joins.

    An early help worker's own team; otherwise the team of the first active early
    help worker (a council usually has one early help hub taking requests).
    """
    if permissions.may_take_requests(by) and by.team is not None:
        return by.team
    group = Group.objects.filter(name=ROLES_BY_KEY["early_help_worker"].name).first()
    if group is None:
        return None
    return (
        Team.objects.filter(members__groups=group, members__is_active=True)
        .order_by("name")
        .first()
    )


def request_early_help(
    person: Person,
    *,
    requested_on: dt.date,
    reason: str,
    source: str,
    contact_id: int | None,
    by: User,
    team: Team | None = None,
    siblings: Sequence[Person] = (),
) -> EarlyHelpRequest:
    """Put the family in the early help team's queue, where its wait is visible.

    `siblings`: the child's brothers and sisters the same help is for (see
    haven.earlyhelp.family); one request, assessment and plan covers them all.
    """
    may_request(by)
    children = _family(person, siblings)
    for child in children:
        check_open(by, child)
    if source not in RequestSource.values:
        raise DomainError("bad_source", "Choose where the request came from", "source")
    checked_date(requested_on, field="requested_on", what="of the request")
    reason = required_text(
        reason, field="reason", words="Say what the family needs help with"
    )
    _refuse_second_request(person, children)
    with transaction.atomic():
        request = EarlyHelpRequest.objects.create(
            person=person,
            requested_on=requested_on,
            reason=reason,
            source=source,
            contact_id=contact_id,
            team=team or early_help_team(by),
            created_at=clock.now(),
            created_by=by,
        )
        request.children.set(children)
        record_event(
            request,
            "requested",
            {
                "source": source,
                "contact": contact_id,
                "team": request.team.name if request.team else None,
                "reason": reason,
                "children": [child.pk for child in children],
            },
            by=by,
            on=requested_on,
        )
    return request


def _refuse_second_request(person: Person, children: list[Person]) -> None:
    for child in children:
        if EarlyHelpRequest.objects.filter(
            children=child, closed_on__isnull=True
        ).exists():
            raise DomainError(
                "open_request",
                f"{child} already has an open early help request",
                field="siblings" if child != person else "",
            )


def _family(person: Person, siblings: Sequence[Person]) -> list[Person]:
    """The child and the siblings named, each once; refused if one named is not
    the child's brother or sister in the register."""
    named = {s.pk: s for s in siblings if s.pk != person.pk}
    known = set(siblings_of(person).filter(pk__in=named).values_list("pk", flat=True))
    strangers = [str(named[pk]) for pk in named if pk not in known]
    if strangers:
        raise DomainError(
            "not_a_sibling",
            f"{', '.join(strangers)} is not recorded as {person}'s brother or "
            "sister, or in the same household",
            field="siblings",
        )
    return [person, *named.values()]


def allocate_request(
    request: EarlyHelpRequest,
    *,
    worker: User,
    on: dt.date | None = None,
    by: User,
) -> EarlyHelpRequest:
    """A manager gives a waiting family to a worker; the case is allocated to them.

    A child in an open children in need episode stays allocated to their social
    worker: early help works alongside social care, and the early help worker
    reads the record through the "Early help: open request" relationship.
    """
    if not permissions.may_allocate(by, request):
        raise DomainError(
            "not_permitted", "Only the early help team's managers can allocate"
        )
    for child in request.family():
        check_open(by, child)
    check_not_closed(request)
    on = checked_date(
        on or clock.today(),
        field="on",
        what="of allocation",
        not_before=request.requested_on,
        not_before_words="the date of the request",
    )
    if not worker.is_active or worker.team_id is None:
        raise DomainError("bad_worker", "Choose a worker in a team", field="worker")
    if worker.team_id not in access.managed_team_ids(by):
        raise DomainError(
            "worker_not_in_team", f"{worker} is not in a team you manage", "worker"
        )
    if request.allocated_worker_id == worker.pk:
        raise DomainError(
            "already_allocated", f"The family is already with {worker}", "worker"
        )

    with transaction.atomic():
        request = locked(request)
        check_not_closed(request)
        if request.allocated_worker_id == worker.pk:
            raise DomainError(
                "already_allocated", f"The family is already with {worker}", "worker"
            )
        first = request.allocated_on is None
        request.allocated_on = on if first else request.allocated_on
        request.allocated_worker = worker
        if request.team_id is None:
            request.team = worker.team
        request.save(update_fields=["allocated_on", "allocated_worker", "team"])
        for child in request.family():
            _allocate_child(request, child, worker=worker, on=on, by=by)
    return request


def _allocate_child(
    request: EarlyHelpRequest, child: Person, *, worker: User, on: dt.date, by: User
) -> None:
    """Each child's case goes to the worker, unless social care holds it."""
    assert worker.team is not None
    alongside = open_episode(child) is not None
    if not alongside:
        allocate_case(
            child,
            team=worker.team,
            worker=worker,
            on=handoffs.case_moves_on(child, on),
            reason=handoffs.EARLY_HELP_REASON,
            by=by,
        )
    record_event(
        request,
        "request_allocated",
        {
            "worker": str(worker),
            "worker_id": worker.pk,
            "team": worker.team.name,
            "waited_days": (on - request.requested_on).days,
            "alongside_social_care": alongside,
        },
        by=by,
        on=on,
        child=child,
    )
