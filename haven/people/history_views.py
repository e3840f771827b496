"""Pages about the history of one person's record: the chronology (page, print,
CSV), who viewed it and who may, and break-glass."""

import datetime as dt
import itertools
from collections.abc import Collection, Iterable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from haven.core import access
from haven.core import chronology as words
from haven.core.errors import DomainError
from haven.core.exports import csv_stream
from haven.core.http import AuthenticatedRequest
from haven.core.models import AccessLogEntry, JournalEvent
from haven.core.params import iso_date
from haven.core.route_policy import Policy, policy
from haven.core.services import break_glass as open_with_break_glass
from haven.people import permissions as rules
from haven.people import selectors
from haven.people.models import Person
from haven.people.views import open_person


@policy(Policy.PERSON)
def chronology(
    request: AuthenticatedRequest, pk: int
) -> HttpResponse | StreamingHttpResponse:
    export = request.GET.get("format", "")
    what = {"csv": "Chronology CSV export", "print": "Chronology print"}.get(
        export, "Chronology"
    )
    person = open_person(request, pk, what)
    significant = request.GET.get("significant") == "on"
    start, end = iso_date(request.GET.get("from")), iso_date(request.GET.get("to"))
    if export == "csv":
        return _csv(
            person,
            selectors.whole_chronology(
                person, start=start, end=end, significant_only=significant
            ),
            selectors.unnamed_in_chronology(person, request.user),
        )
    events = selectors.chronology(
        person, start=start, end=end, significant_only=significant
    )
    unnamed = words.unnamed_in(events, request.user)
    rows = [
        {
            "event": e,
            "text": words.describe(e, unnamed),
            "timed": words.has_time(e),
            "backdated": words.is_backdated(e),
            "impact": words.impact(e),
        }
        for e in events
    ]
    context = {
        "person": person,
        "bar": selectors.identity_bar(person),
        "tab": "chronology",
        "page": Paginator(rows, 100).get_page(request.GET.get("page")),
        "significant": significant,
    }
    template = "people/record/chronology_print.html" if export == "print" else None
    return render(request, template or "people/record/chronology.html", context)


def _when(moment: dt.datetime, timed: bool = True) -> str:
    # Local time, as the page shows it; a dated event has no time to give.
    local = timezone.localtime(moment)
    return f"{local:%Y-%m-%d %H:%M}" if timed else f"{local:%Y-%m-%d}"


CSV_HEADER = [
    "occurred",
    "recorded",
    "type",
    "description",
    "impact on the child",
    "recorded by",
    "significant",
    "backdated",
]


def _csv(
    person: Person, events: Iterable[JournalEvent], unnamed: Collection[int]
) -> StreamingHttpResponse:
    # Streamed: every event, however long the record, never cut at a limit.
    rows = (
        [
            _when(e.occurred_at, words.has_time(e)),
            _when(e.recorded_at),
            e.type,
            words.describe(e, unnamed),
            words.impact(e),
            str(e.actor or "Haven"),
            "yes" if e.significant else "no",
            "yes" if words.is_backdated(e) else "no",
        ]
        for e in events
    )
    return csv_stream(
        f"chronology-{person.pk}.csv", itertools.chain([CSV_HEADER], rows)
    )


@policy(Policy.PERSON)
def access_log(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not rules.may_see_who_viewed(request.user):
        raise PermissionDenied("Only managers can see who viewed a record")
    person = open_person(request, pk, "Who viewed this record")
    entries = AccessLogEntry.objects.filter(person=person).select_related("user")
    context = {
        "person": person,
        "bar": selectors.identity_bar(person),
        "tab": "access_log",
        "decisions": [
            {"event": e, "text": words.describe(e)}
            for e in selectors.access_events(person)
        ],
        "page": Paginator(entries, 100).get_page(request.GET.get("page")),
    }
    return render(request, "people/record/access_log.html", context)


@policy(Policy.PERSON)
def break_glass(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Ask for temporary access to a record. Nothing about the record is shown
    before access is decided, and an unknown, restricted or sealed record gives
    the same 404, so the page cannot be used to list or confirm names."""
    if not rules.may_ask_break_glass(request.user):
        raise Http404
    person = Person.objects.filter(pk=pk, merged_into__isnull=True).first()
    if person is not None and access.why_user_may_open(request.user, person):
        return redirect("people:detail", pk=pk)
    if person is None or access.is_secret(person):
        access.record_denial(request.user, pk, what="Break-glass", route=request.path)
        raise Http404
    error = None
    if request.method == "POST":
        try:
            open_with_break_glass(
                person, reason=request.POST.get("reason", ""), by=request.user
            )
        except DomainError as refused:
            error = refused.message
        else:
            messages.success(
                request, "You have temporary access. Your manager will see why."
            )
            return redirect("people:detail", pk=pk)
    context = {"pk": pk, "error": error, "reason": request.POST.get("reason", "")}
    return render(request, "people/record/break_glass.html", context)
