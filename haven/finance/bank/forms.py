"""The form that proposes a payee's bank details. It checks shape only; the
service checks the digits (haven/finance/bank/services.py)."""

from django import forms

from haven.core.forms import Form


class PaymentDetailsForm(Form):
    account_name = forms.CharField(
        label="Name on the account", max_length=70, required=False
    )
    sort_code = forms.CharField(
        label="Sort code",
        help_text="6 digits. Spaces and dashes between them are fine",
        max_length=12,
        required=False,
    )
    account_number = forms.CharField(
        label="Account number",
        help_text="8 digits",
        max_length=16,
        required=False,
    )

    def forget_numbers(self) -> None:
        """Draw the form again without the digits typed: a refused form must
        not show a full number back (nor keep it in the page)."""
        data = dict(self.data.items())
        data.update(sort_code="", account_number="")
        self.data = data
