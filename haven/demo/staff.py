"""The demo authority's services, teams and staff: every role, with managers."""

import random
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from haven.core.models import Team, User
from haven.core.roles import ROLES_BY_KEY, ROLES_BY_NAME
from haven.demo.names import FAMILY_NAMES, STAFF_GIVEN

DEMO_PASSWORD = "haven-demo"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    team: str


# (service, team, [(role key, how many)]): the first team manager manages the team,
# the service manager manages the service.
STRUCTURE: tuple[tuple[str, str, list[tuple[str, int]]], ...] = (
    (
        "Children's Social Care",
        "Front Door (MASH)",
        [("team_manager", 1), ("front_door_worker", 3)],
    ),
    (
        "Children's Social Care",
        "Assessment Team",
        [("team_manager", 1), ("social_worker", 4)],
    ),
    (
        "Children's Social Care",
        "Children in Need and Protection Team",
        [("team_manager", 1), ("social_worker", 4)],
    ),
    (
        "Children's Social Care",
        "Children in Care Team",
        [("team_manager", 1), ("social_worker", 4)],
    ),
    ("Early Help", "Early Help Team", [("team_manager", 1), ("early_help_worker", 3)]),
    (
        "Quality Assurance",
        "Independent Reviewing Service",
        [("independent_reviewing_officer", 2), ("cp_chair", 2)],
    ),
    ("Resources", "Placements Finance", [("finance_officer", 2)]),
    ("Education", "SEND Team", [("send_officer", 2)]),
    ("Business Intelligence", "Performance Team", [("performance_analyst", 1)]),
    ("Business Intelligence", "Systems Administration", [("administrator", 1)]),
)
SERVICE_MANAGED = "Children's Social Care"
# Staff in a role haven/core/roles.py does not define yet: (username, job
# title, team). Each joins the group named for their title once one exists;
# until then they hold no permission. The child protection unit's conference
# administrator books conferences and sends the invitations and minutes.
UNROLED = (
    # The adoption worker, with the children in care they plan adoption for.
    ("adoption-worker", "Adoption worker", "Children in Care Team"),
    (
        "conference-administrator",
        "Child protection conference administrator",
        "Independent Reviewing Service",
    ),
    # Here rather than in STRUCTURE so the shared generator draws as before.
    ("virtual-school-officer", "Virtual school officer", "SEND Team"),
    # A care leaver's personal adviser (a case role): haven/care/leavers/demo.py.
    ("personal-adviser", "Personal adviser", "Children in Care Team"),
)


# The roles a registered social worker holds, each given a Social Work England
# registration number (the SSDA903 social worker table's SW_ID): made up from
# a count, not drawn, so the generator draws as it did before.
REGISTERED = {
    "social_worker",
    "team_manager",
    "service_manager",
    "cp_chair",
    "independent_reviewing_officer",
    "adoption-worker",
}


def create_staff(rng: random.Random) -> None:
    """Create the demo structure: every service and team, staffed in every role."""
    groups = {
        key: Group.objects.get(name=role.name) for key, role in ROLES_BY_KEY.items()
    }
    services: dict[str, Team] = {}
    used_names: set[tuple[str, str]] = set()
    # One hash for every demo account: hashing is deliberately slow.
    password = make_password(DEMO_PASSWORD)
    made: dict[str, int] = {}
    for service_name, team_name, staffing in STRUCTURE:
        service = services.get(service_name)
        if service is None:
            service = Team.objects.create(name=service_name, kind=Team.Kind.SERVICE)
            services[service_name] = service
        team = Team.objects.create(name=team_name, parent=service)
        for role_key, count in staffing:
            for index in range(count):
                number = made.get(role_key, 0) + 1
                made[role_key] = number
                user = _create_user(rng, role_key, number, team, used_names, password)
                user.groups.add(groups[role_key])
                if role_key == "team_manager" and index == 0:
                    team.managers.add(user)
    manager = _create_user(
        rng, "service_manager", 1, services[SERVICE_MANAGED], used_names, password
    )
    manager.groups.add(groups["service_manager"])
    services[SERVICE_MANAGED].managers.add(manager)
    for username, title, team_name in UNROLED:
        team = Team.objects.get(name=team_name)
        # Named from a generator of their own: the shared one (and so the
        # demo authority after the staff) draws as it did before them.
        own = random.Random(username)
        user = _create_user(own, username, 1, team, used_names, password, title)
        user.groups.add(*Group.objects.filter(name=title))


def _create_user(
    rng: random.Random,
    role_key: str,
    index: int,
    team: Team,
    used_names: set[tuple[str, str]],
    password: str,
    title: str = "",
) -> User:
    while True:
        name = (rng.choice(STAFF_GIVEN), rng.choice(FAMILY_NAMES))
        if name not in used_names:
            used_names.add(name)
            break
    username = role_key.replace("_", "-") + ("" if index == 1 else str(index))
    user = User(
        username=username,
        first_name=name[0],
        last_name=name[1],
        email=f"{username}@demo.haven.invalid",
        team=team,
        job_title=title or ROLES_BY_KEY[role_key].name,
        password=password,
        swe_number=f"SW{100000 + len(used_names)}" if role_key in REGISTERED else "",
    )
    user.save()
    return user


def demo_logins() -> list[DemoLogin]:
    """One login per role, from the demo accounts the database holds."""
    logins = []
    for key, role in ROLES_BY_KEY.items():
        user = (
            User.objects.filter(groups__name=role.name, username=key.replace("_", "-"))
            .select_related("team")
            .first()
        )
        if user is not None:
            team = user.team.name if user.team else ""
            logins.append(DemoLogin(user.username, role.name, team))
    return logins


def unroled_logins() -> list[DemoLogin]:
    """The logins of the demo's staff in roles Haven does not define yet."""
    logins = []
    for username, title, _team in UNROLED:
        if title in ROLES_BY_NAME:
            continue  # a role now: demo_logins() lists them
        user = User.objects.filter(username=username).select_related("team").first()
        if user is not None:
            team = user.team.name if user.team else ""
            logins.append(DemoLogin(user.username, title, team))
    return logins
