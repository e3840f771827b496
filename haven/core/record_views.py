"""Pages about one person's record that belong to the core."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from haven.core import access
from haven.core import chronology as words
from haven.core.errors import DomainError
from haven.core.exports import csv_response
from haven.core.http import AuthenticatedRequest
from haven.core.models import AccessLogEntry
from haven.core.params import iso_date
from haven.core.services import break_glass as open_with_break_glass
from haven.people import selectors
from haven.people.models import Person
from haven.people.views import open_person


def chronology(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    export = request.GET.get("format", "")
    what = {"csv": "Chronology CSV export", "print": "Chronology print"}.get(
        export, "Chronology"
    )
    person = open_person(request, pk, what)
    significant = request.GET.get("significant") == "on"
    events = selectors.chronology(
        person,
        start=iso_date(request.GET.get("from")),
        end=iso_date(request.GET.get("to")),
        significant_only=significant,
    )
    rows = [
        {
            "event": e,
            "text": words.describe(e),
            "timed": words.has_time(e),
            "backdated": words.is_backdated(e),
        }
        for e in events
    ]
    if export == "csv":
        return _csv(person, rows)
    context = {
        "person": person,
        "bar": selectors.identity_bar(person),
        "tab": "chronology",
        "page": Paginator(rows, 100).get_page(request.GET.get("page")),
        "significant": significant,
    }
    template = "core/record/chronology_print.html" if export == "print" else None
    return render(request, template or "core/record/chronology.html", context)


def _when(moment: dt.datetime, timed: bool = True) -> str:
    # Local time, as the page shows it; a dated event has no time to give.
    local = timezone.localtime(moment)
    return f"{local:%Y-%m-%d %H:%M}" if timed else f"{local:%Y-%m-%d}"


def _csv(person: Person, rows: list[dict]) -> HttpResponse:
    response, writer = csv_response(f"chronology-{person.pk}.csv")
    writer.writerow(
        [
            "occurred",
            "recorded",
            "type",
            "description",
            "recorded by",
            "significant",
            "backdated",
        ]
    )
    for row in rows:
        e = row["event"]
        writer.writerow(
            [
                _when(e.occurred_at, row["timed"]),
                _when(e.recorded_at),
                e.type,
                row["text"],
                str(e.actor or "Haven"),
                "yes" if e.significant else "no",
                "yes" if row["backdated"] else "no",
            ]
        )
    return response


def access_log(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("core.manage_team_cases"):
        raise PermissionDenied("Only managers can see who viewed a record")
    person = open_person(request, pk, "Who viewed this record")
    entries = AccessLogEntry.objects.filter(person=person).select_related("user")
    context = {
        "person": person,
        "bar": selectors.identity_bar(person),
        "tab": "access_log",
        "page": Paginator(entries, 100).get_page(request.GET.get("page")),
    }
    return render(request, "core/record/access_log.html", context)


def break_glass(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    if not request.user.has_perm("core.view_case_record"):
        raise Http404
    if access.why_user_may_open(request.user, person) is not None:
        return redirect("people:detail", pk=pk)
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
    context = {
        "person_name": person.full_name,
        "pk": pk,
        "error": error,
        "reason": request.POST.get("reason", ""),
    }
    return render(request, "core/record/break_glass.html", context)
