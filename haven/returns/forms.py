"""The returns page's forms: which return and collection year, and for
Ofsted's Annex A the day the lists are as at and how far they look back.
Sent by GET: a return's page can be bookmarked, and nothing is written."""

import datetime as dt

from django import forms

from haven.core import clock
from haven.core.forms import DateField, Form
from haven.returns import registry
from haven.returns.annex_a.period import DEFAULT_MONTHS

YEARS_BACK = 6


def last_year(today: dt.date) -> int:
    """The latest collection year that has ended (its 31 March passed)."""
    return today.year if today.month >= 4 else today.year - 1


def years() -> list[int]:
    """The collection year under way, then the six before it."""
    latest = last_year(clock.today()) + 1
    return list(range(latest, latest - YEARS_BACK - 1, -1))


class ChooseForm(Form):
    kind = forms.ChoiceField(
        label="Which return",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a return"},
    )
    year = forms.TypedChoiceField(
        label="Collection year",
        coerce=int,
        help_text="The year the return's period ends: 2026 is 1 April 2025 to "
        "31 March 2026 (the SEN2 census day falls in January of it).",
        error_messages={"required": "Choose a collection year"},
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [(r.key, r.title) for r in registry.every()]
        year = self.fields["year"]
        assert isinstance(year, forms.TypedChoiceField)
        year.choices = [("", "Choose a year")] + [
            (y, f"{y - 1} to {y}") for y in years()
        ]


MONTHS = [(3, "3 months"), (6, "6 months"), (12, "12 months"), (24, "24 months")]


class AsAtForm(Form):
    as_at = DateField(
        label="Lists as at",
        required=False,
        help_text="The day before the inspection's notice, usually. Leave it empty "
        "for 31 March of the collection year. For example, 27 3 2026",
    )
    months = forms.TypedChoiceField(
        label="Looking back",
        coerce=int,
        choices=MONTHS,
        initial=DEFAULT_MONTHS,
        required=False,
        help_text="Ofsted asks for six months unless its letter says otherwise.",
    )

    def clean_as_at(self) -> dt.date | None:
        day = self.cleaned_data.get("as_at")
        if day is not None and day > clock.today():
            raise forms.ValidationError("Lists as at must be today or in the past")
        return day
