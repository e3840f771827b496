"""The budget form: a cost centre's budget for a financial year, as an annual
amount split evenly or a monthly profile. It checks shape; the service checks
the rules (haven/finance/forecasts/budgets.py)."""

from typing import Any

from django import forms

from haven.core import clock
from haven.core.forms import Form
from haven.finance.forecasts import budgets, centres, commitments
from haven.finance.forecasts.models import Budget


def _years() -> list[tuple[int, str]]:
    first = commitments.financial_year(clock.today())
    return [
        (
            year,
            f"{commitments.year_words(year)} (1 April {year} to 31 March {year + 1})",
        )
        for year in range(first - 1, first + 3)
    ]


class BudgetForm(Form):
    provider_kind = forms.ChoiceField(
        label="Cost centre", choices=(), widget=forms.RadioSelect, required=False
    )
    year = forms.TypedChoiceField(
        label="Financial year", choices=(), coerce=int, required=False
    )
    profile = forms.ChoiceField(
        label="How the budget is set",
        choices=Budget.Profile.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    annual = forms.CharField(
        label="Annual budget, in pounds (when split evenly)",
        help_text=budgets.EVEN_RULE,
        max_length=16,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        named = sorted(centres.centres().values(), key=lambda c: c.code)
        kind = self.fields["provider_kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [(c.provider_kind, str(c)) for c in named]
        year = self.fields["year"]
        assert isinstance(year, forms.ChoiceField)
        year.choices = [("", "Choose the year"), *_years()]
        for index, name in enumerate(budgets.MONTHS):
            self.fields[f"month_{index}"] = forms.CharField(
                label=f"{name}, in pounds",
                max_length=16,
                required=False,
            )

    def month_fields(self) -> list[forms.BoundField]:
        return [self[f"month_{index}"] for index in range(12)]
