"""The dashboard's panels, in the order a manager reads them: the children
over time first, then timeliness, re-referrals and caseloads. Each panel is a
chart of one or more figures beside its table."""

from dataclasses import dataclass

from haven.core.models import Team, User
from haven.reporting import caseloads, on_the_day, referrals, timeliness
from haven.reporting.figures import Figure


@dataclass(frozen=True)
class Panel:
    key: str
    title: str
    figures: tuple[Figure, ...]
    line: bool = False


PANELS = (
    Panel(
        "over_time",
        "Children in need, on child protection plans and looked after",
        on_the_day.OVER_TIME,
        line=True,
    ),
    *(Panel(f.key, f.name, (f,)) for f in timeliness.TIMELY),
    Panel(
        referrals.RE_REFERRALS.key,
        referrals.RE_REFERRALS.name,
        (referrals.RE_REFERRALS,),
    ),
    Panel(caseloads.BY_TEAM.key, caseloads.BY_TEAM.name, (caseloads.BY_TEAM,)),
    Panel(caseloads.BY_WORKER.key, caseloads.BY_WORKER.name, (caseloads.BY_WORKER,)),
)

# Past this many bars a chart is no longer read: the table alone is shown.
MOST_BARS = 30


def default_team(user: User) -> Team | None:
    """A team manager's own team: the one team (not a service) they manage."""
    managed = list(user.managed_teams.all()[:2])
    if len(managed) == 1 and managed[0].kind == Team.Kind.TEAM:
        return managed[0]
    return None
