"""The dashboard's panels kept once worked out (issue 20: every dashboard for
the large authority under 500 ms of server time). A panel is drawn from the
whole authority's records for the period, which takes seconds on a large
authority; drawn, it is kept in Django's cache for HAVEN_DASHBOARD_FRESH_MINUTES
and says when it was worked out, with a control to work it out again now.

A panel is kept by its figure, the period and the team, never by the reader:
it shows counts only, and its links go to the children behind a figure, which
are counted afresh and check the reader's access when opened (children.py).
Its links carry the period and team written out, so a panel kept for one
reader opens the same figures for the next, whatever their own default team."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers

from haven.core import clock
from haven.core.http import AuthenticatedRequest
from haven.reporting import dashboard, scope
from haven.reporting.forms import period_form
from haven.reporting.scope import Scope
from haven.reporting.spans import Span

VERSION = 1  # raised when a kept panel's markup changes


@dataclass(frozen=True)
class Worked:
    """A panel drawn: its markup, and when it was worked out."""

    html: str
    at: dt.datetime


def fresh_minutes() -> int:
    return int(settings.HAVEN_DASHBOARD_FRESH_MINUTES)


def fields_of(span: Span, scope: Scope) -> list[tuple[str, Any]]:
    """The period and team as the dashboard's form reads them, written out."""
    fields: list[tuple[str, Any]] = []
    for name, day in (("start", span.first), ("end", span.last)):
        fields += [(f"{name}_day", day.day), (f"{name}_month", day.month)]
        fields.append((f"{name}_year", day.year))
    return [*fields, ("team", scope.team.pk if scope.team else "")]


def query_of(span: Span, scope: Scope) -> str:
    return urlencode(fields_of(span, scope))


def key_of(panel: dashboard.Panel, span: Span, scope: Scope) -> str:
    team = scope.team.pk if scope.team else "all"
    return (
        f"haven:reporting:panel:{VERSION}:{panel.key}:"
        f"{span.first:%Y-%m-%d}:{span.last:%Y-%m-%d}:{team}"
    )


def kept(span: Span, scope: Scope) -> dict[str, Worked]:
    """The panels kept for the period and team, by panel key, in one read."""
    keys = {key_of(panel, span, scope): panel.key for panel in dashboard.PANELS}
    found = cache.get_many(list(keys))
    return {keys[key]: value for key, value in found.items()}


def worked_out(
    request: HttpRequest, panel: dashboard.Panel, span: Span, scope: Scope
) -> Worked:
    """The panel as kept, or worked out now from the records and kept."""
    key = key_of(panel, span, scope)
    found = cache.get(key)
    if isinstance(found, Worked):
        return found
    from haven.reporting import views  # the drawing lives with the pages

    query = query_of(span, scope)
    drawn = views.drawn(panel, span, scope, views.href_for(query))
    at = clock.now()
    html = render_to_string(
        "reporting/_dashboard_panel.html",
        {**drawn, "query": query, "worked_at": at, "fresh": fresh_minutes()},
        request=request,
    )
    worked = Worked(html, at)
    cache.set(key, worked, timeout=fresh_minutes() * 60)
    return worked


def forget(span: Span, scope: Scope) -> None:
    """Every panel for the period and team, to be worked out again now."""
    cache.delete_many([key_of(panel, span, scope) for panel in dashboard.PANELS])


def answered(
    request: HttpRequest, worked: Worked, template: str, context: dict[str, Any]
) -> HttpResponse:
    """What was worked out: its markup alone for htmx, or, for a browser
    without JavaScript, a page of its own (`template`, given `worked`)."""
    if request.headers.get("HX-Request") == "true":
        response = HttpResponse(worked.html)
        # The same URL is a page of its own without htmx: never one for the other.
        patch_vary_headers(response, ["HX-Request"])
        return response
    return render(request, template, {**context, "worked": worked})


def forgotten(
    request: AuthenticatedRequest,
    forget: Callable[[Span, Scope], None],
    url_name: str,
) -> HttpResponse:
    """Forget what was kept for the period and team posted (`forget`), and go
    back to the page (`url_name`) for them, to be worked out again."""
    form = period_form(request.POST, dashboard.default_team(request.user))
    if form.errors:
        raise Http404
    span, chosen = form.span(), scope.of_team(form.chosen_team())
    forget(span, chosen)
    url = f"{reverse(url_name)}?{query_of(span, chosen)}"
    return HttpResponseRedirect(url, status=303)


def panel_of(key: str) -> dashboard.Panel | None:
    return next((panel for panel in dashboard.PANELS if panel.key == key), None)
