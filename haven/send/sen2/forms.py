"""The SEN2 page's form: which year's return to show. Sent by GET, so a
return's page can be bookmarked."""

from django import forms

from haven.core.forms import Form
from haven.send.sen2 import census


class YearForm(Form):
    year = forms.TypedChoiceField(
        label="Return for",
        coerce=int,
        help_text="The census day is in January of the year; the return counts "
        "the work of the calendar year before it.",
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["year"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [(y, f"SEN2 {y}") for y in census.years()]
