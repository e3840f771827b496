"""Long-term placement stability, the DfE's measure: of the children under 16
looked after for two and a half years or more on the day, the per cent who
have lived with the same carers for at least two years, or are placed for
adoption and their adoptive placement together with the one before it has
lasted two years. Counted at the end of each month from the care app's own
histories and SSDA903 episodes (haven.care.episodes), never a copy."""

import datetime as dt

from django.db.models import Q

from haven.care import codes
from haven.care.episodes import Episode, episode_on, looked_after_on
from haven.care.history import age
from haven.reporting.figures import Figure, Item, declare
from haven.reporting.histories import cared_for
from haven.reporting.spans import Span
from haven.timescales.calendar import add_months

UNDER = 16
LOOKED_AFTER_MONTHS = 30  # two and a half years
SAME_PLACEMENT_MONTHS = 24
# The episodes that start with new carers (SSDA903 RNE): S the first, P a new
# placement with new carers, T a new placement and legal status with new
# carers. L, U and B keep the child with the carers they had.
NEW_CARERS = frozenset({"S", "P", "T"})


def carer_starts(found: list[Episode], day: dt.date) -> list[dt.date]:
    """The days the child came to each of their carers up to `day`, the
    latest last."""
    return [e.decom for e in found if e.decom <= day and e.rne in NEW_CARERS]


def stable(found: list[Episode], day: dt.date) -> tuple[bool, dt.date | None]:
    """Whether the placement on `day` meets the measure, and since when the
    child has lived with their carers."""
    starts = carer_starts(found, day)
    now = episode_on(found, day)
    if not starts or now is None:
        return False, None
    two_years_before = add_months(day, -SAME_PLACEMENT_MONTHS)
    if starts[-1] <= two_years_before:
        return True, starts[-1]
    adopted = now.place in codes.FOR_ADOPTION and len(starts) > 1
    return adopted and starts[-2] <= two_years_before, starts[-1]


def _could_count(span: Span) -> Q:
    """The periods of care that can count at some month's end of the span: a
    child under 16 at the first month's end, in care since 30 months before
    the last month's end. The rest are left in the database, unread."""
    first_end, last_end = span.months[0].last, span.months[-1].last
    return Q(
        started_on__lte=add_months(last_end, -LOOKED_AFTER_MONTHS),
        person__date_of_birth__gt=add_months(first_end, -12 * UNDER),
    )


def _children(span: Span) -> list[Item]:
    items = []
    for cared in cared_for(span.first, span.last, only=_could_count(span)):
        history = cared.history
        for month in span.months:
            day = month.last
            if cared.born is None or age(cared.born, day) >= UNDER:
                continue
            since = add_months(day, -LOOKED_AFTER_MONTHS)
            if history.start > since or not looked_after_on(history, day):
                continue
            hit, with_carers = stable(cared.episodes, day)
            items.append(
                Item(
                    cared.person_id,
                    month.key,
                    day,
                    hit=hit,
                    details=(history.start, with_carers),
                )
            )
    return items


LONG_TERM = declare(
    Figure(
        key="long_term_stability",
        name="Long-term placement stability",
        counts="Of the children under 16 looked after for two and a half years "
        "or more at the end of each month, the per cent who have lived in the "
        "same placement for at least two years, or are placed for adoption and "
        "their adoptive placement together with the one before it has lasted "
        "two years",
        source="The DfE's long-term stability measure in 'Children looked after "
        "in England including adoptions' (taken there at 31 March), from the "
        "child's period of care and SSDA903 episodes: a placement is the same "
        "while the child stays with the same carers (a new episode with RNE L, "
        "U or B), and a short break (V3, V4) is not being looked after. More "
        "is better.",
        compute=_children,
        rate=True,
        hit_words=("Stable for two years", "Not yet two years"),
        columns=("Looked after since", "With their carers since"),
        team_words="the team holding the child's case at the end of the month",
    )
)
