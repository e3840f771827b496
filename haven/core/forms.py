"""Form pieces shared by every capability: GOV.UK date input, the login form, and
putting a service's refusals beside the fields they are about."""

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.password_validation import password_validators_help_texts
from django.core import validators
from django.db import models

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
        except (ValueError, OverflowError):  # a year of 10^20 overflows
            raise forms.ValidationError(
                f"{name} must be a real date", code="invalid"
            ) from None


# Longest text a single-line box or a text area takes unless the field says
# otherwise: a line is a name, a role or a few words; a text area is a note.
LINE_LENGTH = 200
TEXT_LENGTH = 20_000
NUL = "\x00"


def column_length(model: type[models.Model], name: str) -> int:
    """The length of a model's text column, for the form field that fills it."""
    field = model._meta.get_field(name)
    length = getattr(field, "max_length", None)
    assert length is not None, f"{model.__name__}.{name} has no length"
    return length


class SafeInput:
    """Every Haven form refuses what no database column should hold: text
    longer than its column (SQLite would keep it; PostgreSQL answers with a
    server error) and NUL bytes (PostgreSQL refuses them in text and JSON).

    Each text field gets a maximum length (its own, or LINE_LENGTH for a line,
    TEXT_LENGTH for a text area) with the GOV.UK message; a NUL byte in any
    field, of any kind, is refused by name in place of the field's own errors.
    """

    def full_clean(self) -> None:
        form: forms.BaseForm = self  # type: ignore[assignment]
        # Bounded here, not in __init__, so fields a form adds in its own
        # __init__ (rows of a plan) are bounded too.
        for name, field in form.fields.items():
            _bound_text(name, field)
        super().full_clean()  # type: ignore[misc]
        if not form.is_bound:
            return
        for name, field in form.fields.items():
            if _has_nul(form[name].data):
                form.cleaned_data.pop(name, None)
                form.errors[name] = form.error_class(
                    [f"Remove the invalid character from {_called(field, name)}"],
                    renderer=form.renderer,
                )


class Form(SafeInput, forms.Form):
    """The base of every Haven form (see SafeInput)."""


def _bound_text(name: str, field: forms.Field) -> None:
    # A date's day, month and year are left to the date's own "must be a real
    # date"; only its NUL bytes are refused here, in full_clean.
    if not isinstance(field, forms.CharField):
        return
    if field.max_length is None:
        wide = isinstance(field.widget, forms.Textarea)
        field.max_length = TEXT_LENGTH if wide else LINE_LENGTH
    label = _label(field, name)
    field.validators = [
        v for v in field.validators if not isinstance(v, validators.MaxLengthValidator)
    ]
    field.validators.append(
        validators.MaxLengthValidator(
            field.max_length,
            message=(
                f"{label[:1].upper()}{label[1:]} must be"
                f" {field.max_length:,} characters or fewer"
            ),
        )
    )


def _label(field: forms.Field, name: str) -> str:
    """The field's label without "(optional)"."""
    label = str(field.label or name.replace("_", " ").capitalize())
    return label.replace("(optional)", "").strip()


def _called(field: forms.Field, name: str) -> str:
    """The field as the middle of a sentence names it ("first name", "NHS number")."""
    label = _label(field, name)
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, (list, tuple)):
        return any(_has_nul(v) for v in value)
    return False


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


class ChangePasswordForm(SafeInput, PasswordChangeForm):
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


class SignInCodeForm(Form):
    """The second step of signing in: a code from the app, or a recovery code."""

    code = forms.CharField(
        label="Security code",
        max_length=20,
        help_text=(
            "The 6-digit code your authenticator app shows now, or one of your "
            "recovery codes if you do not have your app"
        ),
        error_messages={"required": "Enter the code from your authenticator app"},
    )
    wrong = (
        "The code is not right. Enter the code your app shows now, or an unused "
        "recovery code"
    )


class SetUpAppForm(Form):
    """Confirming a new authenticator app with the code it shows."""

    code = forms.CharField(
        label="Code from your app",
        max_length=20,
        help_text="The 6-digit code your app shows for Haven",
        error_messages={
            "required": "Enter the 6-digit code from your authenticator app"
        },
    )
    wrong = (
        "The code is not right. Check your app shows Haven and enter the 6-digit "
        "code it shows now"
    )


class NumberedRows(forms.BaseFormSet):
    """Rows of one form repeated (the children of a contact, a plan's actions),
    each given its place on the page (`number`, from 1), so its errors can say
    which row they are about."""

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        return {**super().get_form_kwargs(index), "number": (index or 0) + 1}

    def total_form_count(self) -> int:
        # A page cut off or tampered with has no row count: read the rows the
        # page was drawn with, so the view has rows to show its errors on (the
        # set stays invalid, by Django's management form check).
        if self.is_bound and not self.management_form.is_valid():
            return self.min_num + self.extra
        return super().total_form_count()


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
