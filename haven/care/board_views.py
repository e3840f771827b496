"""The whereabouts board's page and its exports (CSV and spreadsheet)."""

import datetime as dt
import itertools
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from haven.care import board_export, board_html
from haven.care.board import Board, filled, index, narrowed
from haven.care.board_forms import BoardForm
from haven.care.distance import BANDS
from haven.care.permissions import may_see_discrepancies, may_see_whereabouts
from haven.core import access
from haven.core.exports import csv_stream
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.core.spreadsheets import xlsx_response

SEE = "core.view_case_record"
PAGE = 50  # children a page: the board's budget holds however many are in care


def _text(value: Any) -> Any:
    """A cell as the CSV writes it: dates and times as the page shows them."""
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else value


def _log_download(request: AuthenticatedRequest, shown: Board, export: str) -> None:
    """A download takes every child in it out of Haven: each child's access
    log says who took it, when, and as at which day. Children the user may not
    open are not in the file, nor logged."""
    kind = "CSV" if export == "csv" else "spreadsheet"
    access.log_reads(
        request.user,
        [row.child.pk for row in shown.rows],
        what=f"Whereabouts board {kind} download, as at {shown.day:%-d %B %Y}",
        why="Looked-after child on the whereabouts board, whose record they may open",
    )


@policy(Policy.ROLE, permission=SEE)
def whereabouts(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    """Every looked-after child the user may open: where they are placed now,
    or were on a past day."""
    if not may_see_whereabouts(request.user):
        raise PermissionDenied("Your role does not include reading children's records")
    form = BoardForm(request.GET or None)
    whole = index(request.user, day=form.chosen_day())
    form.offer(whole)
    shown = narrowed(whole, form.filters())
    export = request.GET.get("format", "")
    if export in ("csv", "xlsx"):
        return _download(request, filled(shown, request.user), export)
    page = Paginator(shown.entries, PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("format", None)
    query.pop("page", None)
    board = filled(shown, request.user, list(page.object_list))
    context = {
        "form": form,
        "board": board,
        "rows_html": board_html.rows(board.rows),
        "whole": whole,
        "page": page,
        "bands": {key: words for key, words, *_ in BANDS},
        "query": query.urlencode(),
        "may_see_discrepancies": may_see_discrepancies(request.user),
    }
    return render(request, "care/board.html", context)


def _download(
    request: AuthenticatedRequest, shown: Board, export: str
) -> HttpResponse | StreamingHttpResponse:
    """Every child shown, on every page, as a file."""
    _log_download(request, shown, export)
    if export == "csv":
        cells = ([_text(v) for v in row] for row in board_export.rows(shown))
        return csv_stream(
            board_export.filename(shown, "csv"),
            itertools.chain([board_export.HEADER], cells),
        )
    return xlsx_response(
        board_export.filename(shown, "xlsx"),
        "Whereabouts",
        board_export.HEADER,
        board_export.rows(shown),
    )
