"""Waiting for early help: the children in requests for early help not yet
allocated to a worker at the end of each month, and how long they had waited,
counted from the requests themselves (asked for, allocated, closed). A request
counts for the early help team whose queue the family waits in."""

from haven.core.periods import contains
from haven.earlyhelp.models import REQUEST_PERIOD, EarlyHelpRequest
from haven.reporting.figures import OWN, Figure, Item, declare
from haven.reporting.spans import Span


def _waiting(span: Span) -> list[Item]:
    rows = (
        EarlyHelpRequest.objects.filter(
            REQUEST_PERIOD.overlapping_days(span.first, span.last)
        )
        .order_by()
        .values_list(
            "children__id", "requested_on", "allocated_on", "closed_on", "team_id"
        )
    )
    items = []
    for child, asked, allocated, closed, team in rows:
        if child is None:
            continue
        for month in span.months:
            day = month.last
            open_then = contains(asked, closed, day, inclusive_end=False)
            if open_then and (allocated is None or allocated > day):
                waited = (day - asked).days
                details = (asked, f"{waited} day{'s' if waited != 1 else ''}")
                items.append(Item(child, month.key, day, team_id=team, details=details))
    return items


WAITING = declare(
    Figure(
        key="early_help_waiting",
        name="Waiting for early help",
        counts="Children in a request for early help not yet allocated to a "
        "worker at the end of each month",
        source="A request waits from the day it was asked for until a worker is "
        "allocated, unless it closes first (Working Together to Safeguard "
        "Children 2023, chapter 2: early help).",
        compute=_waiting,
        columns=("Asked for", "Waiting"),
        team_is=OWN,
        team_words="the early help team whose queue the family waits in",
    )
)
