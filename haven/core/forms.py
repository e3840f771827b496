"""Form pieces shared by every capability: GOV.UK date input, the login form, and
putting a service's refusals beside the fields they are about."""

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.password_validation import password_validators_help_texts

from haven.core import signin
from haven.core.errors import DomainError


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
    # What the errors call the date when the label alone is not enough, as in a
    # repeated row: "Date of birth of the second child must be a real date".
    error_name: str | None = None

    def __init__(self, **kwargs: Any) -> None:
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        kwargs.setdefault("require_all_fields", False)
        super().__init__(fields=fields, **kwargs)

    def compress(self, data_list: list[str]) -> dt.date | None:
        if not data_list or not any(data_list):
            return None
        name = self.error_name or str(self.label or "The date")
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

    def get_invalid_login_error(self) -> forms.ValidationError:
        # A locked account is told so, not that the password was wrong: the
        # right password would be refused too.
        username = self.cleaned_data.get("username")
        if signin.is_locked(username, signin.client_address(self.request)):
            return forms.ValidationError(signin.locked_message(), code="locked")
        return super().get_invalid_login_error()


class ChangePasswordForm(PasswordChangeForm):
    """Django's change of one's own password, in the GOV.UK style, checked by
    every validator in AUTH_PASSWORD_VALIDATORS."""

    error_messages = {
        "password_incorrect": "Your current password is not right. Enter it again",
        "password_mismatch": "Enter the same new password twice",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["old_password"].label = "Current password"
        fields["new_password1"].label = "New password"
        fields["new_password2"].label = "Confirm your new password"
        # The hint in words, not the validators' HTML list.
        fields["new_password1"].help_text = " ".join(password_validators_help_texts())
        fields["new_password2"].help_text = ""
        fields["old_password"].error_messages["required"] = (
            "Enter your current password"
        )
        fields["new_password1"].error_messages["required"] = "Enter a new password"
        fields["new_password2"].error_messages["required"] = (
            "Enter your new password again"
        )


class NumberedRows(forms.BaseFormSet):
    """Rows of one form repeated (the children of a contact, a plan's actions),
    each given its place on the page (`number`, from 1), so its errors can say
    which row they are about."""

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        return {**super().get_form_kwargs(index), "number": (index or 0) + 1}


def show_errors(
    refused: DomainError,
    form: forms.BaseForm,
    **groups: Sequence[forms.BaseForm],
) -> None:
    """Put each of a service's failures beside the field it is about.

    A failure's field is a field of `form`; or "group.N.name" for field `name` of
    row N (from 0) of a repeated group passed by name (children=rows); or a group's
    name alone for the group as a whole, shown on its first row. Anything else is
    shown at the top of `form`. A field already showing an error keeps it: GOV.UK
    shows one message a field, and the form's own ("must be a real date") comes
    first. The form (and rows) must have been validated.
    """
    for failure in refused.failures:
        target, name = _place(failure.field, form, groups)
        if name is not None and target.has_error(name):
            continue
        if name is None and failure.message in target.non_field_errors():
            continue
        target.add_error(name, failure.message)


def show_refusal(
    form: forms.BaseForm, action: Callable[..., object], *args: Any, **kwargs: Any
) -> bool:
    """Do a service's action (or run its checks); if refused, show every reason on
    the form (see show_errors). Whether it was refused.

    Run on a form that has errors of its own, a service's checks report their
    faults on the same submit, not the next."""
    try:
        action(*args, **kwargs)
    except DomainError as refused:
        show_errors(refused, form)
        return True
    return False


def _place(
    field: str | None,
    form: forms.BaseForm,
    groups: dict[str, Sequence[forms.BaseForm]],
) -> tuple[forms.BaseForm, str | None]:
    if field is None:
        return form, None
    if field in form.fields:
        return form, field
    group, _, rest = field.partition(".")
    rows = groups.get(group)
    if not rows:
        return form, None
    index, _, name = rest.partition(".")
    row = rows[int(index)] if index.isdigit() and int(index) < len(rows) else rows[0]
    return row, name if name in row.fields else next(iter(row.fields))
