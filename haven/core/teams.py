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
from django.db import router
from django.db.models import Q, QuerySet

from haven.core import compiled
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
    held = {row["codename"] for row in _staff_permissions().all(team=team.pk)}
    return bool(held & set(RECORDING_PERMISSIONS)) and "record_early_help" not in held


# Compiled once per database (core.compiled): building this query of joins
# took Django a millisecond on every referral, the database a tenth of that.
_STAFF_PERMISSIONS: dict[str, compiled.Compiled] = {}


def _staff_permissions() -> compiled.Compiled:
    """The permissions a team's active staff hold, by role or their own."""
    using = router.db_for_read(Permission)
    query = _STAFF_PERMISSIONS.get(using)
    if query is None:
        team = compiled.ID_STAND_IN
        permissions = Permission.objects.using(using)
        # Each as a subquery the database starts from the team's staff; as
        # joins under one OR, it read every member of every role instead.
        by_role = permissions.filter(
            group__user__team=team, group__user__is_active=True
        )
        by_user = permissions.filter(user__team=team, user__is_active=True)
        held = permissions.filter(
            Q(pk__in=by_role.values("pk")) | Q(pk__in=by_user.values("pk")),
            content_type__app_label="core",
        )
        slot = compiled.Slot("team", team, User._meta.get_field("team"), repeated=True)
        query = _STAFF_PERMISSIONS[using] = compiled.Compiled(
            held.order_by().distinct().values("codename"), [slot]
        )
    return query


def referral_team() -> Team | None:
    """The social care team where referrals arrive: the front door's, or with
    no front door, the first social care team by name."""
    teams = social_care_teams()
    front_door = teams.filter(pk__in=_staff_with("record_contacts").values("team_id"))
    return front_door.first() or teams.first()
