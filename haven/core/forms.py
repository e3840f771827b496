"""Form pieces shared by every capability: GOV.UK date input and the login form."""

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm


class DateInput(forms.MultiWidget):
    """Day, month and year boxes, as the GOV.UK date input pattern asks."""

    parts = (("day", "Day"), ("month", "Month"), ("year", "Year"))

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
            name: forms.TextInput() for name, _label in self.parts
        }
        super().__init__(widgets, attrs)

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> Any:
        context = super().get_context(name, value, attrs)
        for sub, (part, label) in zip(
            context["widget"]["subwidgets"], self.parts, strict=True
        ):
            sub["attrs"]["label"] = label
            if attrs and attrs.get("id"):
                # Ids named like the inputs (id_born_day), as the error summary links.
                sub["attrs"]["id"] = f"{attrs['id']}_{part}"
        return context

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateField(forms.MultiValueField):
    """A date typed as day, month and year, with errors in the pattern's words."""

    widget = DateInput

    def __init__(self, **kwargs: Any) -> None:
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        kwargs.setdefault("require_all_fields", False)
        super().__init__(fields=fields, **kwargs)

    def compress(self, data_list: list[str]) -> dt.date | None:
        if not data_list or not any(data_list):
            return None
        name = str(self.label or "The date")
        missing = [
            part
            for (part, _label), value in zip(DateInput.parts, data_list, strict=True)
            if not str(value or "").strip()
        ]
        if missing:
            raise forms.ValidationError(
                f"{name} must include a {' and '.join(missing)}", code="incomplete"
            )
        try:
            day, month, year = (int(str(v).strip()) for v in data_list)
            if year < 1000:
                raise ValueError
            return dt.date(year, month, day)
        except ValueError:
            raise forms.ValidationError(
                f"{name} must be a real date", code="invalid"
            ) from None


class LoginForm(AuthenticationForm):
    """Django's sign-in form with messages in the GOV.UK style."""

    error_messages = {
        "invalid_login": (
            "Enter a correct username and password. Both are case-sensitive."
        ),
        "inactive": "This account is not active. Ask your administrator.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
