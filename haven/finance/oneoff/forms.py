"""The form that requests a one-off payment for a child placed with a payee.
It checks shape only; the service checks the rules and the amount."""

from typing import Any

from django import forms

from haven.core.forms import Form
from haven.finance.oneoff.models import OneOffPayment


class OneOffForm(Form):
    child = forms.TypedChoiceField(
        label="Child the payment is for",
        coerce=int,
        choices=(),
        required=False,
        empty_value=None,
    )
    kind = forms.ChoiceField(
        label="What the payment is for",
        choices=OneOffPayment.Kind.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    reason = forms.CharField(
        label="Reason (needed for other payments)",
        max_length=200,
        required=False,
    )
    amount = forms.CharField(
        label="Amount, in pounds",
        help_text="To the penny, like 150.00",
        max_length=14,
        required=False,
    )

    def __init__(self, *args: Any, children: list[tuple[int, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        choices: list[tuple[Any, str]] = [("", "Choose the child")]
        self.fields["child"].choices = choices + children  # type: ignore[attr-defined]
