"""Whether one team does social care is the same answer as the list of social
care teams gives (haven/core/teams.py asks one team's staff only)."""

import pytest

from haven.core import teams
from haven.core.models import Team
from haven.core.roles import ROLES_BY_KEY
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

STAFFING = {
    "social work": ["social_worker", "team_manager"],
    "front door": ["front_door_worker"],
    "early help": ["early_help_worker", "team_manager"],
    "finance": ["finance_officer"],
    "manager only": ["team_manager"],
    "nobody": [],
}


def test_one_team_is_answered_as_the_list_answers(service: Team) -> None:
    made = {}
    for name, roles in STAFFING.items():
        team = made[name] = Team.objects.create(name=name.title(), parent=service)
        for i, role in enumerate(roles):
            assert role in ROLES_BY_KEY
            make_user(f"{name.replace(' ', '-')}-{i}", role, team)
    listed = set(teams.social_care_teams().values_list("pk", flat=True))
    for team in [*made.values(), service]:
        assert teams.does_social_care(team) == (team.pk in listed), team.name
    assert teams.does_social_care(made["social work"])
    assert not teams.does_social_care(made["early help"])
