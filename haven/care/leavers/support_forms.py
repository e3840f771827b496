"""The forms for a care leaver's accommodation, the personal adviser's visits
and staying put or staying close. They check shape; the services check the
rules and name every fault at once."""

from django import forms

from haven.care.leavers.accommodation import ACCOMMODATION
from haven.care.models import StayingArrangement
from haven.core.codelists import offered
from haven.core.forms import DateField, Form

EXAMPLE = "For example, 27 3 2026"


class AccommodationForm(Form):
    started_on = DateField(
        label="Date they moved in", help_text=EXAMPLE, required=False
    )
    place = forms.CharField(label="Address or place", max_length=200, required=False)
    accommodation = forms.ChoiceField(
        label="The accommodation, and whether it suits them",
        choices=offered(ACCOMMODATION, blank="Choose the accommodation"),
        required=False,
    )


class AdviserVisitForm(Form):
    visited_on = DateField(label="Date of the visit", help_text=EXAMPLE, required=False)
    note = forms.CharField(
        label="What you saw and heard",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )


class StayingForm(Form):
    kind = forms.ChoiceField(
        label="Which arrangement?",
        choices=StayingArrangement.Kind.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    with_whom = forms.CharField(
        label="With whom, or near which home",
        help_text="The former foster carer, or the children's home nearby",
        max_length=200,
        required=False,
    )
    started_on = DateField(label="Date it started", help_text=EXAMPLE, required=False)
    ends_on = DateField(
        label="Date it ends",
        help_text="Leave blank if it runs as long as it may: staying put to "
        "their 21st birthday, staying close to the birthday the council sets",
        required=False,
    )
