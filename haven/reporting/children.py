"""The children behind a figure's bar: named only where the reader may open
the child's record (haven.core.among, the same rules as every list), the rest
counted and not named, since a restricted child's very presence in a list can
be the secret. Two queries (who may be opened, then their names), whatever the
number of children."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.http import Http404

from haven.core import access, among
from haven.core.models import User
from haven.people.models import Person
from haven.reporting import scope
from haven.reporting.figures import Bar, Figure, Item, Result
from haven.reporting.forms import PeriodForm
from haven.reporting.spans import Span


@dataclass(frozen=True)
class Row:
    person: Person
    item: Item


@dataclass(frozen=True)
class Behind:
    result: Result
    bar: Bar
    rows: list[Row]  # the items about children the reader may open, named
    unnamed_items: int  # items about the rest, counted
    unnamed_children: int

    @property
    def children(self) -> int:
        return len(self.bar.children)

    @property
    def counted(self) -> str:
        """ "2 decisions", "1 child"."""
        count = self.bar.count
        return f"{count} {self.result.figure.units(count)}"

    def hit_words(self, item: Item) -> str:
        yes, no = self.result.figure.hit_words
        return yes if item.hit else no


def behind(user: User, result: Result, bar: Bar) -> Behind:
    ids = bar.children
    openable = among.openable_among(user, ids).openable
    # What the list and its downloads show of each child, and no more: a large
    # authority's bar names thousands.
    shown = ("given_name", "family_name", "date_of_birth")
    people = Person.objects.only(*shown).in_bulk(openable)
    rows = [
        Row(people[item.person_id], item)
        for item in bar.items
        if item.person_id in people
    ]
    rows.sort(key=lambda r: (r.person.family_name, r.person.given_name, r.item.day))
    return Behind(
        result,
        bar,
        rows,
        unnamed_items=sum(1 for i in bar.items if i.person_id not in people),
        unnamed_children=len(ids - set(people)),
    )


# The named children a page at a time (the bar of a large authority's
# looked-after children names two thousand); the downloads hold them all.
PAGE = 100


def page_of(shown: Behind, number: str | None) -> Page:
    return Paginator(shown.rows, PAGE).get_page(number)


def log_download(user: User, shown: Behind, kind: str) -> None:
    """A download takes the named children out of Haven: each child's access
    log says who took it and which figure. Children not named are not logged,
    nor in the file."""
    figure = shown.result.figure
    access.log_reads(
        user,
        [row.person.pk for row in shown.rows],
        what=f"Performance {kind} download: {figure.name}, {shown.bar.key.words}",
        why="Child behind a performance figure, whose record they may open",
    )


def behind_bar(user: User, figure: Figure, form: PeriodForm, key: str) -> Behind:
    """The children behind one bar of a figure, for the period and team the
    form chose; 404 for a bar the figure does not have then."""
    span = form.span()
    if figure.month_alone:
        # A month of a long period, not every month's children worked out.
        month = next((m for m in span.months if m.key == key), None)
        if month is None:
            raise Http404
        span = Span(month.first, month.last)
    result = figure.result(span, scope.of_team(form.chosen_team()))
    chosen = result.bar(key)
    if chosen is None:
        raise Http404
    return behind(user, result, chosen)
