"""Which teams hold children's cases, and which of them do social care.

Read from the roles of each team's active members, so a team changes kind
when its staff do and there is no second record to keep in step:

- a team *holds cases* if someone in it records about children (social work,
  the front door or early help): a case handed to it can be worked. Finance,
  SEND, performance and systems administration hold none;
- a team that holds cases *does social care* unless it does early help (has
  early help workers): a child referred to social care must land in one;
- referrals arrive at the front door: the social care team of its workers.
"""

from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet

from haven.core.models import Team, User
from haven.core.roles import RECORDING_PERMISSIONS


def _staff_with(*codenames: str) -> QuerySet[User]:
    by_role = Q(
        groups__permissions__codename__in=codenames,
        groups__permissions__content_type__app_label="core",
    )
    by_user = Q(
        user_permissions__codename__in=codenames,
        user_permissions__content_type__app_label="core",
    )
    # Never a null team: "NOT IN" a list holding a null is empty in SQL.
    return User.objects.filter(by_role | by_user, is_active=True, team__isnull=False)


def case_teams() -> QuerySet[Team]:
    """Teams a child's case can be given to, by name."""
    return (
        Team.objects.filter(
            kind=Team.Kind.TEAM,
            pk__in=_staff_with(*RECORDING_PERMISSIONS).values("team_id"),
        )
        .order_by("name")
        .distinct()
    )


def social_care_teams() -> QuerySet[Team]:
    """Case teams that are not early help: where a referral can be worked."""
    early_help = _staff_with("record_early_help").values("team_id")
    return case_teams().exclude(pk__in=early_help)


def holds_cases(team: Team) -> bool:
    return case_teams().filter(pk=team.pk).exists()


def does_social_care(team: Team) -> bool:
    """`social_care_teams` for one team, asked of its own staff only (asked
    on every referral: the whole list would read every member of staff)."""
    if team.kind != Team.Kind.TEAM:
        return False
    held = set(
        Permission.objects.filter(
            Q(group__user__team=team, group__user__is_active=True)
            | Q(user__team=team, user__is_active=True),
            content_type__app_label="core",
        ).values_list("codename", flat=True)
    )
    return bool(held & set(RECORDING_PERMISSIONS)) and "record_early_help" not in held


def referral_team() -> Team | None:
    """The social care team where referrals arrive: the front door's, or with
    no front door, the first social care team by name."""
    teams = social_care_teams()
    front_door = teams.filter(pk__in=_staff_with("record_contacts").values("team_id"))
    return front_door.first() or teams.first()
