"""Forms for the provider directory: a provider with its Ofsted registration,
and a foster carer approved by a fostering service. They check shape; the
services check the rules (haven/care/providers.py)."""

from django import forms

from haven.care.codes import PLACE_PROVIDER
from haven.care.models import Provider, Registration
from haven.care.providers import ProviderDetails
from haven.core.codelists import offered
from haven.core.forms import DateField, Form, column_length


def _sectors() -> list[tuple[str, str]]:
    # PR0 is a child's parents, never a provider record.
    return [c for c in offered(PLACE_PROVIDER, blank="Choose")() if c[0] != "PR0"]


class ProviderForm(Form):
    name = forms.CharField(
        label="Name", max_length=column_length(Provider, "name"), required=False
    )
    kind = forms.ChoiceField(
        label="Kind of provider",
        choices=Provider.Kind.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    sector = forms.ChoiceField(
        label="Who runs it",
        help_text="The SSDA903 placement provider code for placements here",
        choices=_sectors,
        required=False,
    )
    ofsted_urn = forms.CharField(
        label="Ofsted URN (optional)",
        help_text="The Ofsted unique reference number, like SC123456",
        max_length=column_length(Provider, "ofsted_urn") + 2,
        required=False,
    )
    registration = forms.ChoiceField(
        label="Ofsted registration status",
        choices=Registration.Status.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    registered_on = DateField(
        label="Date this registration status started",
        help_text="For example, 27 3 2025",
        required=False,
    )
    address_line_1 = forms.CharField(
        label="Address line 1 (optional)",
        max_length=column_length(Provider, "address_line_1"),
        required=False,
    )
    town = forms.CharField(
        label="Town or city (optional)",
        max_length=column_length(Provider, "town"),
        required=False,
    )
    postcode = forms.CharField(
        label="Postcode (optional)", max_length=10, required=False
    )
    local_authority = forms.CharField(
        label="Local authority code (optional)",
        help_text="The ONS code of the authority the provider is in, like E08000025",
        max_length=12,
        required=False,
    )

    def details(self) -> ProviderDetails:
        data = self.cleaned_data
        return ProviderDetails(
            name=data.get("name") or "",
            kind=data.get("kind") or "",
            sector=data.get("sector") or "",
            ofsted_urn=data.get("ofsted_urn") or "",
            address_line_1=data.get("address_line_1") or "",
            town=data.get("town") or "",
            postcode=data.get("postcode") or "",
            local_authority=data.get("local_authority") or "",
        )


class CarerForm(Form):
    person = forms.IntegerField(
        label="Haven ID of the carer",
        help_text="The number on the carer's record in Haven (add them to Haven "
        "first if they are not there)",
        min_value=1,
        required=False,
        error_messages={"invalid": "Enter the Haven ID as a number"},
    )
    approved_on = DateField(
        label="Date approved as a foster carer",
        help_text="For example, 27 3 2025",
        required=False,
    )
    connected_person = forms.BooleanField(
        label="A family and friends carer (connected person) for the children "
        "placed with them",
        required=False,
    )
