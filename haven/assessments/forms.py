"""Forms for the single assessment pages."""

from typing import Any

from django import forms

from haven.assessments.codes import FACTORS, SECTIONS, Outcome
from haven.cin.codes import NEED
from haven.core.codelists import offered
from haven.core.conflicts import VersionField
from haven.core.forms import DateField, Form


class AssessmentForm(Form):
    """The assessor's form: the reason, the factors, the six sections, the outcome."""

    version = VersionField()

    reason = forms.CharField(
        label="Reason for the assessment",
        help_text="Why the child is being assessed: what the referral said",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    primary_need = forms.ChoiceField(
        label="Primary need",
        help_text="The main reason the child is in need (CIN census). Choose N9 if "
        "the assessment found the child is not in need",
        choices=offered(NEED, blank="Not chosen yet"),
        required=False,
    )
    factors = forms.MultipleChoiceField(
        label="Factors identified at assessment",
        help_text="Choose every factor the assessment found, or 'No factors "
        "identified' on its own",
        choices=offered(FACTORS),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label, hint in SECTIONS:
            self.fields[name] = forms.CharField(
                label=label,
                help_text=hint,
                widget=forms.Textarea(attrs={"rows": 6}),
                required=False,
            )
        self.fields["outcome"] = forms.ChoiceField(
            label="Recommended outcome",
            choices=Outcome.choices,
            widget=forms.RadioSelect,
            required=False,
        )
        self.fields["delay_reason"] = forms.CharField(
            label="Reasons for any delay",
            help_text="If the assessment has taken longer than 45 working days "
            "from its start, say why. Needed to submit it after the due date",
            widget=forms.Textarea(attrs={"rows": 3}),
            required=False,
        )

    def sections(self) -> list[forms.BoundField]:
        return [self[name] for name, _label, _hint in SECTIONS]


class ReturnForm(Form):
    version = VersionField()
    comments = forms.CharField(
        label="What needs to change",
        help_text="The assessor sees these comments with the assessment",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )


class AuthoriseForm(Form):
    """The manager's authorisation: the reasons for a delay, if it is late."""

    version = VersionField()
    delay_reason = forms.CharField(
        label="Reasons for the delay",
        help_text="The assessment is past its due date: say why it took longer. "
        "Needed to authorise it",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class StartAssessmentForm(Form):
    started_on = DateField(
        label="Date the assessment started",
        help_text="The day the assessment actually began: its 45 working days run "
        "from here. For example, 27 3 2026",
        required=False,
    )
