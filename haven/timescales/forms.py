from typing import Any

from django import forms

from haven.core.conflicts import VersionField
from haven.core.forms import DateField, Form, column_length
from haven.core.models import User
from haven.timescales.models import RuleSetting


class RuleValueForm(Form):
    version = VersionField()
    deadline = forms.CharField(
        label="New period",
        max_length=column_length(RuleSetting, "deadline"),
        help_text="For example +3 m (months), +6 w (weeks), +20 d or +15 WD",
        error_messages={"required": "Enter the new period"},
    )
    interval = forms.CharField(
        label="Then repeats every",
        required=False,
        max_length=column_length(RuleSetting, "interval"),
        help_text="Leave blank to keep",
    )
    applies_from = DateField(
        label="Applies from",
        help_text="Tomorrow or later. Duties already due keep the value they had",
        error_messages={"required": "Enter the date the new value applies from"},
    )
    reason = forms.CharField(
        label="Why is the value changing?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give the reason"},
    )
    approved_by = forms.ModelChoiceField(
        label="Approved by",
        queryset=User.objects.none(),
        error_messages={"required": "Choose who approved the change"},
    )

    def __init__(self, *args: Any, rolling: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        approver = self.fields["approved_by"]
        assert isinstance(approver, forms.ModelChoiceField)
        approver.queryset = User.objects.filter(
            is_active=True, managed_teams__isnull=False
        ).distinct()
        if not rolling:
            del self.fields["interval"]
