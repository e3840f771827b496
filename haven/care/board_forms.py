"""The whereabouts board's form: the day to show (today, or any past day), and
the filters and order. It is sent by GET, so a board can be bookmarked and
its exports carry the same choices.

The teams, workers and placement types offered are those of the children on
the board the user may open, so the form is offered them once the board for
the day is read (`offer`)."""

import datetime as dt
from typing import Any

from django import forms

from haven.care.board import SORTS, Board, Filters
from haven.care.codes import PlacementType
from haven.care.distance import AREA_WORDS, BANDS, Area
from haven.care.whereabouts import PLACES
from haven.core import clock
from haven.core.forms import DateField, Form

ANY = ("", "Any")


class BoardForm(Form):
    day = DateField(
        label="Where were they on",
        help_text="Leave blank for today. For example, 27 3 2026",
        required=False,
    )
    team = forms.TypedChoiceField(label="Team", coerce=int, required=False)
    worker = forms.TypedChoiceField(label="Social worker", coerce=int, required=False)
    place = forms.ChoiceField(label="Type of placement", required=False)
    area = forms.ChoiceField(
        label="In or out of area",
        choices=[ANY] + [(a.value, AREA_WORDS[a]) for a in Area],
        required=False,
    )
    band = forms.ChoiceField(
        label="Distance from home",
        choices=[ANY] + [(key, words) for key, words, *_ in BANDS],
        required=False,
    )
    sort = forms.ChoiceField(
        label="Order by",
        choices=[(key, words) for key, (words, _) in SORTS.items()],
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offer(None)

    def chosen_day(self) -> dt.date | None:
        """The day asked for, read before the rest of the form (the board for
        that day gives the other fields their choices); None for today, or for
        a day that is not a real one or is still to come (the form says why)."""
        if not self.is_bound:
            return None
        try:
            day = self.fields["day"].clean(self["day"].value())
        except forms.ValidationError:
            return None
        return day if day is not None and day <= clock.today() else None

    def offer(self, board: Board | None) -> None:
        """Offer the teams, workers and placement types on the board."""
        teams = board.teams if board else []
        workers = board.workers if board else []
        places = board.places if board else []
        self._choose("team", [("", "Any team"), *teams])
        self._choose("worker", [("", "Any social worker"), *workers])
        self._choose(
            "place",
            [ANY]
            + [
                (code, f"{code}: {PlacementType(code).label}")
                for code in places
                if code in PLACES
            ],
        )

    def _choose(self, name: str, choices: list[tuple[Any, str]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def clean_day(self) -> dt.date | None:
        day: dt.date | None = self.cleaned_data.get("day")
        if day is not None and day > clock.today():
            raise forms.ValidationError(
                "The day must be today or in the past", code="future"
            )
        return day

    def filters(self) -> Filters:
        """The filters chosen; none where the form has errors."""
        if not self.is_bound or not self.is_valid():
            return Filters()
        data = self.cleaned_data
        return Filters(
            team=data.get("team") or None,
            worker=data.get("worker") or None,
            place=data.get("place") or "",
            area=data.get("area") or "",
            band=data.get("band") or "",
            sort=data.get("sort") or "name",
        )
