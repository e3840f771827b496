"""The data quality counts kept once worked out, as the dashboard's panels are
(haven/reporting/panels.py; issue 20: every dashboard for the large authority
under 500 ms of server time). Counting every check at each month's end reads
the whole authority's records, over a second on a large authority; counted,
the table is kept for HAVEN_DASHBOARD_FRESH_MINUTES, says when it was worked
out, and is worked out again on asking.

Kept by the period and team, never by the reader: it shows counts only, and
each count opens the records found afresh, named only where the reader may
open them (views.records). Its links carry the period and team written out,
so the table kept for one reader opens the same records for the next."""

from django.core.cache import cache
from django.template.loader import render_to_string

from haven.core import clock
from haven.reporting import panels
from haven.reporting.panels import Worked
from haven.reporting.quality import population
from haven.reporting.quality.listed import LISTED
from haven.reporting.scope import Scope
from haven.reporting.spans import Span

VERSION = 1  # raised when the kept table's markup changes


def key_of(span: Span, scope: Scope) -> str:
    team = scope.team.pk if scope.team else "all"
    return (
        f"haven:reporting:quality:{VERSION}:"
        f"{span.first:%Y-%m-%d}:{span.last:%Y-%m-%d}:{team}"
    )


def kept(span: Span, scope: Scope) -> Worked | None:
    found = cache.get(key_of(span, scope))
    return found if isinstance(found, Worked) else None


def worked_out(span: Span, scope: Scope) -> Worked:
    """The counts as kept, or counted now from the records and kept."""
    found = kept(span, scope)
    if found is not None:
        return found
    with population.shared():
        results = [check.figure.result(span, scope) for check in LISTED]
    at = clock.now()
    context = {
        "checks": list(zip(LISTED, results, strict=True)),
        "months": [
            (month, [(c, r.bars[i]) for c, r in zip(LISTED, results, strict=True)])
            for i, month in enumerate(span.months)
        ],
        "query": panels.query_of(span, scope),
        "worked_at": at,
    }
    # No request: nothing of the first reader's may reach the next one.
    worked = Worked(render_to_string("reporting/quality/_counts.html", context), at)
    cache.set(key_of(span, scope), worked, timeout=panels.fresh_minutes() * 60)
    return worked


def forget(span: Span, scope: Scope) -> None:
    cache.delete(key_of(span, scope))
