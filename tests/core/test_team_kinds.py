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


def test_a_permission_of_ones_own_counts_and_a_leavers_roles_do_not(
    service: Team,
) -> None:
    from django.contrib.auth.models import Permission

    team = Team.objects.create(name="Duty Team", parent=service)
    make_user("duty-worker", "social_worker", team)
    assert teams.does_social_care(team)
    leaver = make_user("duty-leaver", "early_help_worker", team)
    leaver.is_active = False
    leaver.save()
    assert teams.does_social_care(team)  # the leaver's early help is gone
    own = make_user("duty-finance", "finance_officer", team)
    own.user_permissions.add(
        Permission.objects.get(
            codename="record_early_help", content_type__app_label="core"
        )
    )
    assert not teams.does_social_care(team)  # early help, given to her alone
    listed = set(teams.social_care_teams().values_list("pk", flat=True))
    assert team.pk not in listed
