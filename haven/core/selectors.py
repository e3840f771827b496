"""Reads about staff, teams and the home page, scoped to the signed-in user."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Field, Max, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse

from haven.core import compiled, permissions
from haven.core.access import managed_team_ids
from haven.core.caseroles import CaseRole
from haven.core.models import Allocation, DemoDatabase, Team, User
from haven.core.roles import ROLES, Role, roles_of


def current_allocation(
    person: Any, role: str = CaseRole.SOCIAL_WORKER
) -> Allocation | None:
    """Who holds the child's case now (the social worker's role unless `role`
    says otherwise): the team, and the worker if allocated (`person` a Person
    or its id). Not access-checked: for services and for pages that have
    already opened the record."""

    # Compiled once a role (core.compiled): asked by services, pages and
    # the benchmark's generators at every step, and building it took Django
    # several times what the database took to answer.
    def build(rows: QuerySet[Allocation]) -> compiled.Compiled:
        held = rows.filter(
            person_id=compiled.ID_STAND_IN, role=role, ended_on__isnull=True
        )
        return compiled.Compiled(
            held.select_related("team", "worker")[:1], [_person_slot()]
        )

    query = compiled.once(("core.current_allocation", role), Allocation, build)
    found = query.objects(person=getattr(person, "pk", person))
    return found[0] if found else None


def current_allocations(person: Any) -> dict[str, Allocation]:
    """`current_allocation` of every case role at once, by role (one query for
    a page that shows the social worker, the IRO and the personal adviser)."""

    def build(rows: QuerySet[Allocation]) -> compiled.Compiled:
        held = rows.filter(person_id=compiled.ID_STAND_IN, ended_on__isnull=True)
        return compiled.Compiled(
            held.select_related("team", "worker"), [_person_slot()]
        )

    query = compiled.once("core.current_allocations", Allocation, build)
    found: dict[str, Allocation] = {}
    # Newest first (the model's order): the one current_allocation would take.
    for allocation in query.objects(person=getattr(person, "pk", person)):
        found.setdefault(allocation.role, allocation)
    return found


def _person_slot() -> compiled.Slot:
    person = Allocation._meta.get_field("person")
    assert isinstance(person, Field)
    return compiled.Slot("person", compiled.ID_STAND_IN, person)


def allocation_may_start(
    person: Any, on: dt.date, role: str = CaseRole.SOCIAL_WORKER
) -> dt.date:
    """The earliest day from `on` a new holder of the role may start: not
    before the current holder started, nor before the last one ended, so that
    a handover recorded late does not rewrite who held the case meanwhile (the
    periods of one role never overlap: haven.core.periods)."""
    latest = Allocation.objects.filter(person=person, role=role).aggregate(
        latest=Max(Coalesce("ended_on", "started_on"))
    )["latest"]
    return max(on, latest) if latest else on


def is_demo_database() -> bool:
    return DemoDatabase.objects.exists()


def still_to_come(roles: list[Role]) -> list[str]:
    """The user's roles' work that Haven does not do yet, in words."""
    return [role.still_to_come for role in roles if role.still_to_come]


def places_to_use(user: User) -> list[dict[str, str]]:
    """Pages this user can open now, for a role whose own work is still to come.
    Every link here must open for them: the page never offers a refusal."""
    places = []
    if permissions.may_read_case_records(user):
        places.append({"text": "Find a child's record", "href": reverse("people:list")})
    places.append(
        {
            "text": "The statutory timescales Haven keeps, with their sources",
            "href": reverse("timescales:rules"),
        }
    )
    return places


def teams_managed_by(user: User) -> QuerySet[Team]:
    """Teams the user manages directly or through a service above them."""
    return Team.objects.filter(pk__in=managed_team_ids(user)).prefetch_related(
        "members", "managers"
    )


@dataclass
class HomePage:
    """What a user's home page shows: who they are, their team and their work."""

    user: User
    roles: list[Role]
    team: Team | None
    colleagues: list[User]
    team_managers: list[User]
    managed_teams: list[Team]
    panels: list[Any] = field(default_factory=list)  # haven.core.home
    still_to_come: list[str] = field(default_factory=list)
    places: list[dict[str, str]] = field(default_factory=list)
    staff_by_role: list[tuple[Role, int]] = field(default_factory=list)


def staff_by_role() -> list[tuple[Role, int]]:
    """Active staff in each role, in one query."""
    counts = dict(
        User.objects.filter(is_active=True, groups__name__in=[r.name for r in ROLES])
        .values_list("groups__name")
        .annotate(count=Count("pk", distinct=True))
    )
    return [(role, counts.get(role.name, 0)) for role in ROLES]


def home_page_for(user: User) -> HomePage:
    # The team with its service, in one query: the page names both.
    team = (
        Team.objects.select_related("parent").filter(pk=user.team_id).first()
        if user.team_id
        else None
    )
    colleagues: list[User] = []
    team_managers: list[User] = []
    if team is not None:
        colleagues = list(team.members.filter(is_active=True).exclude(pk=user.pk))
        team_managers = list(team.managers.all())
    roles = roles_of(user)
    page = HomePage(
        user=user,
        roles=roles,
        team=team,
        colleagues=colleagues,
        team_managers=team_managers,
        managed_teams=list(teams_managed_by(user)),
        still_to_come=still_to_come(roles),
    )
    if page.still_to_come:
        page.places = places_to_use(user)
    if permissions.may_manage_reference_data(user):
        page.staff_by_role = staff_by_role()
    return page
