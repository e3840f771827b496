"""The whereabouts board's table rows as HTML, written here rather than in
care/board.html: a page is 50 children of seven cells each, and Django's
template engine spent about a third of a millisecond a row resolving and
formatting them, more than reading the page. Each value is escaped by
format_html, as the template would."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from haven.care.board_types import Row
from haven.core.models import User

HINT = '<span class="govuk-hint govuk-!-font-size-16">'


def _day(value: dt.date) -> str:
    """As the template's date:"j M Y" (a moment in local time)."""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value)
    return f"{value.day} {str(MONTHS_3[value.month]).title()} {value.year}"


def _name(user: User) -> str:
    return user.get_full_name() or user.username


def _child(row: Row) -> SafeString:
    return format_html(
        '<a class="govuk-link" href="{}">{}</a><br>' + HINT + "Legal status {}</span>",
        reverse("people:detail", args=[row.child.pk]),
        row.child.full_name,
        row.legal_status or "not recorded",
    )


def _placed(row: Row) -> SafeString:
    html = format_html("{}, since {}", row.placed.place_words, _day(row.placed.since))
    if row.lives_with:
        html += format_html("<br>With {}", row.lives_with)
    if row.recorded_differently:
        then = row.recorded
        words = (
            format_html(
                "{}, since {}, {}", then.place_words, _day(then.since), then.address
            )
            if then
            else "not in care that day"
        )
        html += format_html(
            '<div class="govuk-!-margin-top-2"><strong class="govuk-tag '
            'govuk-tag--yellow">Recorded then</strong> {}</div>',
            words,
        )
    return html


def _where(row: Row) -> SafeString:
    if not row.where.district:
        return format_html("{}", row.placed.address)
    return format_html(
        "{}<br>" + HINT + "{} ({})</span>",
        row.placed.address,
        row.where.area.label,
        row.where.district,
    )


def _holder(row: Row) -> SafeString:
    if row.holder is None:
        return mark_safe("No one holds the case")  # noqa: S308 (no input in it)
    worker = row.holder.worker
    return format_html(
        "{}<br>" + HINT + "{}</span>",
        _name(worker) if worker else "Unallocated",
        row.holder.team.name,
    )


def _seen(row: Row) -> SafeString:
    seen = row.seen
    if seen is None:
        return mark_safe(
            '<strong class="govuk-tag govuk-tag--red">Not recorded</strong>'
        )  # noqa: S308
    place = f", {seen.place_words.lower()}" if seen.place_words else ""
    return format_html(
        "{}{}<br>" + HINT + "by {}</span>", _day(seen.at), place, _name(seen.by)
    )


def _away(row: Row) -> SafeString:
    if row.away is None:
        return mark_safe("No")  # noqa: S308
    return format_html(
        '<strong class="govuk-tag govuk-tag--red">{}</strong>', row.away.words
    )


def _cells(row: Row) -> tuple[object, ...]:
    return (
        row.child.pk,
        _child(row),
        _placed(row),
        _where(row),
        "Not known" if row.where.miles is None else f"{row.where.miles} miles",
        _holder(row),
        _seen(row),
        _away(row),
    )


def rows(board_rows: list[Row]) -> SafeString:
    """The table's body rows, one a child."""
    return format_html_join(
        "\n",
        '<tr class="govuk-table__row" id="board-child-{}">'
        '<th scope="row" class="govuk-table__header">{}</th>'
        + '<td class="govuk-table__cell">{}</td>' * 6
        + "</tr>",
        (_cells(row) for row in board_rows),
    )
