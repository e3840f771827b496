"""The page side of a refused stale edit (see haven.core.versions): the form
keeps what the user typed, now at the current version, with the error at the
top, and each field that differs shows what the other person saved beside
what this user typed, so they can merge the two and save again."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import QueryDict

from haven.core.versions import STALE_MESSAGE, StaleEdit

# The page answering a stale save: the save conflicted with the record's state.
CONFLICT_STATUS = 409


class VersionField(forms.IntegerField):
    """The version of the record the form was read at, carried as a hidden input."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "error_messages",
            {
                "required": "This page is out of date: open it again",
                "invalid": "This page is out of date: open it again",
            },
        )
        super().__init__(min_value=0, **kwargs)


@dataclass(frozen=True)
class Difference:
    """One field on which the saved record and the user's typing differ."""

    name: str
    label: str
    theirs: str
    yours: str


@dataclass(frozen=True)
class Conflict:
    """A stale save refused: what the page shows above the form (`conflict`)."""

    differences: list[Difference]


def show_conflict(
    form: forms.BaseForm, stale: StaleEdit, *, version_name: str = "version"
) -> Conflict:
    """Put the refusal on `form` (already validated) and move its hidden
    version on to the current one, so saving again saves over what the user
    has now seen; the fields that differ, in form order."""
    move_version(form, stale.version, version_name=version_name)
    form.add_error(None, STALE_MESSAGE)
    return Conflict(differences(form, stale.current, skip=(version_name,)))


def move_version(
    form: forms.BaseForm, version: int, *, version_name: str = "version"
) -> None:
    """Carry `version` in the form's hidden field from now on: after a part of
    the user's own action was saved (a draft saved, its submission refused), so
    their next save is not taken for someone else's."""
    assert isinstance(form.data, QueryDict), "a form bound to a request's data"
    data = form.data.copy()
    data[form.add_prefix(version_name)] = str(version)
    form.data = data


def differences(
    form: forms.BaseForm, current: dict[str, Any], *, skip: tuple[str, ...] = ()
) -> list[Difference]:
    found = []
    typed = getattr(form, "cleaned_data", {})
    for name, field in form.fields.items():
        if (
            name in skip
            or name not in current
            or isinstance(field.widget, forms.HiddenInput)
        ):
            continue
        yours = typed.get(name, form[name].value())
        theirs_words, yours_words = words(field, current[name]), words(field, yours)
        if theirs_words != yours_words:
            label = str(field.label or name).replace("(optional)", "").strip()
            found.append(Difference(name, label, theirs_words, yours_words))
    return found


def words(field: forms.Field, value: Any) -> str:
    """A value as the page shows it: a choice by its label, a date in words."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return f"{value:%-d %B %Y}"
    labels = {str(k): str(v) for k, v in getattr(field, "choices", []) if k != ""}
    if isinstance(value, (list, tuple)):
        return ", ".join(labels.get(str(v), str(v)) for v in value)
    return labels.get(str(value), str(value).strip())
