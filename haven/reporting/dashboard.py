"""The dashboard's panels, in the order a manager reads them: the children
over time first, then timeliness (the front door, assessments, conferences,
reviews and visits), re-referrals, repeat plans, placement stability, EHC
plans and caseloads. Each panel is a
chart of one or more figures beside its table."""

from dataclasses import dataclass

from haven.core.models import Team, User
from haven.reporting import (
    caseloads,
    distance,
    early_help,
    leavers,
    long_term,
    missing,
    on_the_day,
    on_time,
    out_of_area,
    overdue,
    oversight,
    payments,
    referrals,
    stability,
    timeliness,
)
from haven.reporting.figures import Figure


@dataclass(frozen=True)
class Panel:
    key: str
    title: str
    figures: tuple[Figure, ...]
    line: bool = False


def _one(figure: Figure) -> Panel:
    return Panel(figure.key, figure.name, (figure,))


PANELS = (
    Panel(
        "over_time",
        "Children in need, on child protection plans and looked after",
        on_the_day.OVER_TIME,
        line=True,
    ),
    *(
        _one(figure)
        for figure in (
            *timeliness.TIMELY,
            *on_time.ON_TIME,
            missing.MISSING,
            referrals.RE_REFERRALS,
            stability.REPEAT_PLANS,
            stability.STABILITY,
            out_of_area.OUT_OF_AREA,
            distance.AT_A_DISTANCE,
            timeliness.EHC_PLANS,
            early_help.WAITING,
            caseloads.BY_TEAM,
            caseloads.BY_WORKER,
        )
    ),
)

# Long-term stability, care leavers, work overdue, management oversight and
# payments against budget (issue 20).
PANELS += tuple(
    _one(figure)
    for figure in (
        long_term.LONG_TERM,
        leavers.IN_TOUCH,
        leavers.IN_EET,
        overdue.OVERDUE,
        overdue.OVERDUE_BY_FAMILY,
        oversight.OVERSIGHT,
        payments.PAYMENTS,
        payments.PAYMENTS_BY_CENTRE,
    )
)

# Past this many bars a chart is no longer read: the table alone is shown.
MOST_BARS = 30


def default_team(user: User) -> Team | None:
    """A team manager's own team: the one team (not a service) they manage."""
    managed = list(user.managed_teams.all()[:2])
    if len(managed) == 1 and managed[0].kind == Team.Kind.TEAM:
        return managed[0]
    return None
