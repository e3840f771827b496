"""Forms of a social worker's day: planning a visit and cancelling one."""

from typing import Any

from django import forms

from haven.core.forms import DateField, Form
from haven.core.models import User


class PlanVisitForm(Form):
    planned_for = DateField(
        label="When will you visit?",
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date of the visit"},
    )
    visitor = forms.ModelChoiceField(
        label="Who will visit?",
        queryset=User.objects.none(),
        empty_label=None,
        error_messages={
            "required": "Choose who will visit",
            "invalid_choice": "Choose yourself or a caseworker in your team",
        },
    )
    purpose = forms.CharField(
        label="Purpose of the visit (optional)",
        help_text="For example, statutory visit, or to see the children after school.",
        max_length=200,
        required=False,
    )

    def __init__(self, *args: Any, visitors: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["visitor"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = User.objects.filter(pk__in=[v.pk for v in visitors])
        field.choices = [(v.pk, str(v)) for v in visitors]


class CancelPlannedVisitForm(Form):
    reason = forms.CharField(
        label="Why is the visit cancelled?",
        max_length=500,
        error_messages={"required": "Say why the visit is cancelled"},
    )
