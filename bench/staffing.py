"""The large authority's staff: the demo's structure, scaled with the children.

About 600 staff for 20,000 children: case teams of a manager and eight social
workers, grouped in areas (services) under Children's Social Care, each area
with its own service manager; the front door, early help and the independent
reviewing service grow in proportion. At a few hundred children this is the
demo's own structure, so the demo logins (social-worker, team-manager,
service-manager, ...) mean the same people in both.
"""

import math
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from haven.core.models import Team
from haven.demo import staff
from haven.demo.families import CASE_TEAMS

CSC = staff.SERVICE_MANAGED
WORKERS_PER_TEAM = 8
CHILDREN_PER_CASE_TEAM = 400  # 20,000 children: 51 case teams of nine
TEAMS_PER_AREA = 6
EARLY_HELP_TEAM = "Early Help Team"


@dataclass(frozen=True)
class Shape:
    """How many of each unit an authority of `children` children has."""

    children: int

    @property
    def case_teams_per_kind(self) -> int:
        return max(1, round(self.children / CHILDREN_PER_CASE_TEAM / len(CASE_TEAMS)))

    @property
    def early_help_teams(self) -> int:
        return max(1, round(self.children / 2500))

    @property
    def workers_per_team(self) -> int:
        # The demo's four workers a team until the authority needs more.
        return 4 if self.case_teams_per_kind == 1 else WORKERS_PER_TEAM

    def case_team(self, kind: str, index: int) -> str:
        return kind if index == 0 else f"{kind} {index + 1}"

    def early_help_team(self, index: int) -> str:
        return EARLY_HELP_TEAM if index == 0 else f"{EARLY_HELP_TEAM} {index + 1}"

    def area(self, index: int) -> str:
        return f"{CSC} Area {index + 1}"

    def structure(self) -> list[tuple[str, str, list[tuple[str, int]]]]:
        """The demo's STRUCTURE at this size (same order, so the first of each
        role is the demo's login of that name)."""
        scale = max(2, self.children // 2500)
        rows: list[tuple[str, str, list[tuple[str, int]]]] = [
            (
                CSC,
                "Front Door (MASH)",
                [
                    ("team_manager", 1),
                    ("front_door_worker", max(3, self.children // 1000)),
                ],
            )
        ]
        for index in range(self.case_teams_per_kind):
            for kind in CASE_TEAMS:
                rows.append(
                    (
                        self._area_of(index),
                        self.case_team(kind, index),
                        [("team_manager", 1), ("social_worker", self.workers_per_team)],
                    )
                )
        for index in range(self.early_help_teams):
            rows.append(
                (
                    "Early Help",
                    self.early_help_team(index),
                    [("team_manager", 1), ("early_help_worker", 4 if index else 3)],
                )
            )
        reviewing = max(2, self.children // 1000)
        rows += [
            (
                "Quality Assurance",
                "Independent Reviewing Service",
                [("independent_reviewing_officer", reviewing), ("cp_chair", reviewing)],
            ),
            ("Resources", "Placements Finance", [("finance_officer", scale)]),
            ("Education", "SEND Team", [("send_officer", scale)]),
            ("Business Intelligence", "Performance Team", [("performance_analyst", 1)]),
            ("Business Intelligence", "Systems Administration", [("administrator", 1)]),
        ]
        return rows

    def areas(self) -> int:
        if self.case_teams_per_kind == 1:
            return 0
        return math.ceil(self.case_teams_per_kind * len(CASE_TEAMS) / TEAMS_PER_AREA)

    def _area_of(self, index: int) -> str:
        if not self.areas():
            return CSC
        per_area = max(1, TEAMS_PER_AREA // len(CASE_TEAMS))
        return self.area(index // per_area)


def create_staff(rng: random.Random, shape: Shape) -> None:
    """The demo's create_staff over the scaled structure, then the areas put
    under Children's Social Care, each with a service manager of its own."""
    with _structure(shape.structure()):
        staff.create_staff(rng)
    csc = Team.objects.get(name=CSC)
    group = Group.objects.get(name="Service manager")
    password = make_password(staff.DEMO_PASSWORD)
    used = set()
    for index in range(shape.areas()):
        area = Team.objects.get(name=shape.area(index))
        area.parent = csc
        area.save(update_fields=["parent"])
        manager = staff._create_user(
            rng, "service_manager", index + 2, area, used, password
        )
        manager.groups.add(group)
        area.managers.add(manager)


@contextmanager
def _structure(rows: list[tuple[str, str, list[tuple[str, int]]]]) -> Iterator[None]:
    before = staff.STRUCTURE
    staff.STRUCTURE = tuple(rows)  # type: ignore[assignment]
    try:
        yield
    finally:
        staff.STRUCTURE = before
