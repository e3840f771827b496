"""The dashboard's choice of period and team, sent by GET so a dashboard can
be bookmarked and each figure, children list and download carries the same
choice."""

import datetime as dt
from typing import Any

from django import forms

from haven.core import clock
from haven.core.forms import DateField, Form
from haven.core.models import Team
from haven.reporting.spans import MOST_MONTHS, Span, last_twelve_months


class PeriodForm(Form):
    start = DateField(label="From", help_text="For example, 1 4 2026")
    end = DateField(label="To", help_text="For example, 31 3 2027")
    team = forms.TypedChoiceField(
        label="Team", coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        teams = Team.objects.order_by("name").values_list("pk", "name")
        team = self.fields["team"]
        assert isinstance(team, forms.TypedChoiceField)
        team.choices = [("", "The whole authority"), *teams]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        if isinstance(end, dt.date) and end > clock.today():
            self.add_error("end", "To must be today or in the past")
        elif isinstance(start, dt.date) and isinstance(end, dt.date):
            if start > end:
                self.add_error("start", "From must be on or before To")
            elif len(Span(start, end).months) > MOST_MONTHS:
                self.add_error("start", "The period can be at most 5 years")
        return cleaned

    def span(self) -> Span:
        if self.is_bound and self.is_valid():
            return Span(self.cleaned_data["start"], self.cleaned_data["end"])
        return last_twelve_months(clock.today())

    def chosen_team(self) -> Team | None:
        pk = (
            self.cleaned_data.get("team") if self.is_bound else self.initial.get("team")
        )
        return Team.objects.filter(pk=pk).first() if pk else None


def period_form(data: Any, default_team: Team | None) -> PeriodForm:
    """The form as asked (`data`), or showing the defaults: the last 12 months,
    for the reader's own team if they manage one."""
    if data:
        return PeriodForm(data)
    span = last_twelve_months(clock.today())
    return PeriodForm(
        initial={
            "start": span.first,
            "end": span.last,
            "team": default_team.pk if default_team else None,
        }
    )
