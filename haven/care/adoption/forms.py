"""The adoption forms. They check shape; the services check the rules and name
every fault at once."""

from typing import Any

from django import forms

from haven.care import directory
from haven.care.adoption.codes import (
    AdoptersSex,
    AdoptersStatus,
    PlanCeased,
    PreviousPermanence,
)
from haven.care.codes import PLACE_CHANGE
from haven.core.codelists import offered
from haven.core.forms import DateField, Form


def _date(label: str) -> DateField:
    return DateField(label=label, help_text="For example, 27 3 2026", required=False)


class DecisionForm(Form):
    decided_on = _date("Date of the agency decision maker's decision")
    decision_maker = forms.CharField(
        label="Agency decision maker", max_length=200, required=False
    )


class CeaseForm(Form):
    ceased_on = _date("Date the plan for adoption ended")
    reason = forms.ChoiceField(
        label="Why the child should no longer be placed for adoption",
        choices=PlanCeased.choices,
        widget=forms.RadioSelect,
        required=False,
    )


class MatchForm(Form):
    matched_on = _date("Date of the match")
    names = forms.CharField(label="The adopters' names", max_length=300, required=False)
    address_line_1 = forms.CharField(
        label="Address line 1", max_length=200, required=False
    )
    town = forms.CharField(label="Town or city", max_length=100, required=False)
    postcode = forms.CharField(label="Postcode", max_length=8, required=False)
    legal_status = forms.ChoiceField(
        label="The adopters' legal status",
        choices=AdoptersStatus.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    number = forms.TypedChoiceField(
        label="How many adopters",
        choices=[("1", "One"), ("2", "Two")],
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        required=False,
    )
    sexes = forms.ChoiceField(
        label="The adopters' sexes",
        choices=AdoptersSex.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    foster_carers = forms.BooleanField(
        label="The adopters are the child's foster carers", required=False
    )


class PlaceForm(Form):
    placed_on = _date("Date the child was placed for adoption")
    provider = forms.ChoiceField(label="Adoption agency", required=False)
    reason = forms.ChoiceField(
        label="Why the current placement ended",
        choices=offered(PLACE_CHANGE, blank="Choose"),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        provider = self.fields["provider"]
        assert isinstance(provider, forms.ChoiceField)
        provider.choices = [("", "Choose the agency")] + directory.provider_choices()


class OrderForm(Form):
    adopted_on = _date("Date of the adoption order")
    reason = forms.ChoiceField(
        label="The application for the order",
        choices=[
            ("E11", "Unopposed (E11)"),
            ("E12", "Consent dispensed with by the court (E12)"),
        ],
        widget=forms.RadioSelect,
        required=False,
    )


class PermanenceForm(Form):
    code = forms.ChoiceField(
        label="The permanence the child had before this period of care",
        choices=PreviousPermanence.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    authority = forms.CharField(
        label="The local authority that made it (code)",
        help_text="For example, E08000035; NIR, SCO or WAL outside England, NUK "
        "if not known",
        max_length=9,
        required=False,
    )
    made_on = _date("Date of the order")
