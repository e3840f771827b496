"""Reads for case recording and supervision, scoped by the person's record or
the user asking."""

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from haven.casework.models import CaseNote, Draft, Supervision, SupervisionAction
from haven.core import access, among, clock, teams
from haven.core.caseroles import HOLDER_PERMISSION, CaseRole
from haven.core.models import Allocation, Team, User
from haven.people import lifestage
from haven.people import selectors as people
from haven.people.models import Person


def notes_of(person: Person) -> QuerySet[CaseNote]:
    """The person's case notes (with merged records'), newest first."""
    return CaseNote.objects.filter(
        person_id__in=people.record_ids(person)
    ).select_related("author")


def supervisions_of(person: Person) -> QuerySet[Supervision]:
    actions = SupervisionAction.objects.select_related("owner")
    return (
        Supervision.objects.filter(person_id__in=people.record_ids(person))
        .select_related("manager")
        .prefetch_related(Prefetch("actions", queryset=actions))
    )


def drafts_of(user: User) -> QuerySet[Draft]:
    """The user's drafts with something typed in them (a page opened and left
    without typing has an empty one)."""
    return unfinished_drafts().filter(author=user).select_related("person")


def draft_of(user: User, pk: int | None, *, person: Person) -> Draft | None:
    """The user's own draft with this id, of a note started from this person's
    record; only its author may see a draft."""
    if pk is None:
        return None
    return Draft.objects.filter(pk=pk, author=user, person=person).first()


def unfinished_drafts() -> QuerySet[Draft]:
    return Draft.objects.exclude(fields={})


def allocations_of(person: Person) -> QuerySet[Allocation]:
    """Newest first; the pk orders moves made on the same day."""
    return (
        Allocation.objects.filter(person=person)
        .select_related("worker", "team")
        .order_by("-started_on", "-pk")
    )


def children_to_record_for(user: User, person: Person) -> list[Person]:
    """The child whose page the worker came from, then related children (siblings
    seen together) whose records the worker may change (not break-glass)."""
    today = clock.today()
    related = [
        row["person"]
        for row in people.relationships_of(person)
        if lifestage.is_child_on(row["person"], today)
        and row["person"].merged_into_id is None
    ]
    ids = {p.pk for p in related if p.pk != person.pk}
    visible = among.changeable_among(user, ids)
    seen: set[int] = {person.pk}
    chosen = [person]
    for other in related:
        if other.pk in visible and other.pk not in seen:
            seen.add(other.pk)
            chosen.append(other)
    return chosen


def transfer_choices(user: User) -> dict[str, Any]:
    """Teams and workers a manager may give a role on a case to: every team
    with someone who can hold one of the case roles, and those people. Which
    role each may hold is the service's check (`caseroles.HOLDER_PERMISSION`)."""
    codenames = {p.split(".")[1] for p in HOLDER_PERMISSION.values()}
    workers = (
        User.objects.filter(is_active=True, team__isnull=False)
        .filter(groups__permissions__codename__in=codenames)
        .select_related("team")
        .distinct()
        .order_by("team__name", "last_name", "first_name")
    )
    offered = Q(pk__in=teams.case_teams().values("pk")) | Q(
        pk__in=workers.values("team_id")
    )
    return {"teams": Team.objects.filter(offered).order_by("name"), "workers": workers}


def holds_a_caseload(worker: User) -> bool:
    """A worker a case can be given to: one who does casework."""
    from haven.casework.permissions import may_hold_a_caseload

    return may_hold_a_caseload(worker)


def action_owners(user: User, person: Person) -> QuerySet[User]:
    """Who a manager may give a supervision action to: staff in the teams they
    manage, and the child's allocated worker."""
    teams = access.team_ids_for(user)
    allocated = Allocation.objects.filter(person=person, ended_on__isnull=True).values(
        "worker_id"
    )
    return (
        User.objects.filter(is_active=True)
        .filter(Q(team_id__in=teams) | Q(pk__in=allocated))
        .order_by("last_name", "first_name")
    )


def supervisees(user: User, person: Person) -> QuerySet[User]:
    """Whom a manager may record as supervised on a child's case: the workers
    who do casework in the teams they manage, and the child's allocated social
    worker."""
    allocated = Allocation.objects.filter(
        person=person, role=CaseRole.SOCIAL_WORKER, ended_on__isnull=True
    ).values("worker_id")
    in_teams = Q(
        team_id__in=access.team_ids_for(user),
        groups__permissions__codename="record_casework",
    )
    return (
        User.objects.filter(is_active=True)
        .filter(in_teams | Q(pk__in=allocated))
        .distinct()
        .order_by("last_name", "first_name")
    )
