"""Invoices' forms: record an invoice (with a row a child), dispute one. They
check shape; the services check the rules (haven/finance/invoices/services.py)."""

from typing import Any

from django import forms

from haven.care.models import Provider
from haven.core.forms import DateField, Form, NumberedRows

LINE_ROWS = 6


class InvoiceForm(Form):
    provider = forms.ModelChoiceField(
        label="Provider",
        queryset=Provider.objects.order_by("name", "pk"),
        empty_label="Choose the provider",
        required=False,
        error_messages={"invalid_choice": "Choose the provider from the list"},
    )
    reference = forms.CharField(
        label="The provider's invoice reference",
        max_length=60,
        required=False,
    )
    starts_on = DateField(
        label="First day billed",
        help_text="For example, 2 3 2026",
        required=False,
    )
    last_day = DateField(
        label="Last day billed",
        help_text="For example, 29 3 2026",
        required=False,
    )
    total = forms.CharField(
        label="Total, in pounds (optional if you enter the lines)",
        help_text="To the penny. If the invoice gives no lines, enter only its total",
        max_length=14,
        required=False,
    )


class InvoiceLineForm(Form):
    child = forms.CharField(
        label="Child's Haven ID",
        max_length=12,
        required=False,
    )
    days = forms.IntegerField(
        label="Days billed",
        min_value=1,
        required=False,
        error_messages={"invalid": "Enter the days billed as a whole number"},
    )
    amount = forms.CharField(
        label="Amount, in pounds",
        max_length=14,
        required=False,
    )

    def __init__(self, *args: Any, number: int = 1, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.number = number
        days = self.fields["days"]
        days.error_messages["min_value"] = f"Enter at least 1 day on line {number}"


InvoiceLines = forms.formset_factory(
    InvoiceLineForm,
    formset=NumberedRows,
    extra=LINE_ROWS,
    min_num=0,
    max_num=LINE_ROWS,
)


class DisputeForm(Form):
    reason = forms.CharField(
        label="Why the invoice is disputed",
        help_text="The provider is told this: say which lines and why",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
