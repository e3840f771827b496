"""Forms about a looked-after child's health. They check shape; the services
check the rules and name every fault at once."""

from django import forms

from haven.care.models import HealthAssessment, Offence, SdqScore, UpToDate
from haven.core.forms import DateField, Form

YES_NO = (("yes", "Yes"), ("no", "No"))


def _text(label: str, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )


def _radios(label: str, choices: list[tuple[str, str]]) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, required=False
    )


class HealthAssessmentForm(Form):
    kind = _radios("Which assessment was it?", HealthAssessment.Kind.choices)
    completed_on = DateField(
        label="Date it was completed",
        help_text="For example, 27 3 2026",
        required=False,
    )
    professional = forms.CharField(
        label="Who carried it out", help_text="Their name", required=False
    )
    role = forms.CharField(
        label="Their role",
        help_text="For example, paediatrician or looked-after children's nurse",
        required=False,
    )
    outcome = _text("What the assessment found", "The health plan's main points")


class DentalCheckForm(Form):
    checked_on = DateField(label="Date of the dental check", required=False)
    notes = _text("Notes (optional)")


class UpToDateForm(Form):
    what = _radios("What was checked?", UpToDate.What.choices)
    answer = _radios("Were they up to date?", UpToDate.Answer.choices)
    checked_on = DateField(label="Date it was checked", required=False)


class SdqForm(Form):
    score = forms.IntegerField(
        label="Total difficulties score",
        help_text="From 0 to 40",
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    completed_by = _radios("Who completed it?", SdqScore.CompletedBy.choices)
    completed_on = DateField(label="Date it was completed", required=False)


class SubstanceMisuseForm(Form):
    identified_on = DateField(label="Date the problem was identified", required=False)
    intervention_offered = forms.ChoiceField(
        label="Was an intervention offered?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether an intervention was offered"},
    )
    intervention_received = forms.ChoiceField(
        label="Did they receive an intervention?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether they received an intervention"},
    )
    details = _text("Details (optional)")


class OffenceForm(Form):
    kind = _radios("What was given?", Offence.Kind.choices)
    on = DateField(label="Date it was given", required=False)
    details = _text("Details (optional)")
