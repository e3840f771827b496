"""Forms about a looked-after child's statutory visits: the child's agreement to
fewer visits, and a request for an extra visit. They check shape; the services
check the rules and name every fault at once."""

from django import forms

from haven.care.models import VisitRequest
from haven.core.forms import DateField, Form


class FewerVisitsForm(Form):
    agreed_on = DateField(
        label="Date the child agreed",
        help_text="The placement must have lasted a year, for example 27 3 2026",
        required=False,
    )
    views = forms.CharField(
        label="What the child said",
        help_text="In their words; the child must be of sufficient age and "
        "understanding to agree",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )


class VisitRequestForm(Form):
    requested_on = DateField(
        label="Date the visit was asked for",
        help_text="Or the day we were told of the concern",
        required=False,
    )
    asked_by = forms.ChoiceField(
        label="Who asked for the visit?",
        choices=VisitRequest.AskedBy.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    details = forms.CharField(
        label="What was asked for, and why",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
