"""Finance's forms: preview a payment run, set a provider's rate. They check
shape; the services check the rules (haven/finance/runs.py, rates.py)."""

from django import forms

from haven.care.models import Provider
from haven.core.forms import DateField, Form
from haven.finance.models import ProviderRate


class PreviewRunForm(Form):
    provider_kind = forms.ChoiceField(
        label="Which providers to pay",
        choices=Provider.Kind.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    starts_on = DateField(
        label="First day of the period",
        help_text="A Monday for weekly and four-weekly payments, the 1st for "
        "monthly. For example, 2 3 2026",
        required=False,
    )


class RateForm(Form):
    basis = forms.ChoiceField(
        label="What the rate comes from",
        choices=[
            (ProviderRate.Basis.FRAMEWORK, ProviderRate.Basis.FRAMEWORK.label),
            (ProviderRate.Basis.RATE_CARD, ProviderRate.Basis.RATE_CARD.label),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    weekly_amount = forms.CharField(
        label="Weekly rate, in pounds",
        help_text="To the penny, like 812.50",
        max_length=14,
        required=False,
    )
    started_on = DateField(
        label="Date the rate starts",
        help_text="The rate open then ends the day before. For example, 1 4 2026",
        required=False,
    )
    reference = forms.CharField(
        label="Contract or rate card reference (optional)",
        max_length=100,
        required=False,
    )
