"""Forms for early help pages. Business rules live in the services: most fields
are optional here so the service's message, in the user's words, is the one shown."""

from typing import Any

from django import forms

from haven.core.forms import DateField, Form
from haven.core.models import User
from haven.earlyhelp.codes import ClosureOutcome, RequestSource
from haven.earlyhelp.services import ActionLine
from haven.frontdoor.codes import ConsentStatus

PLAN_ROWS = 5


def _text(label: str, hint: str = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        required=False,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class RequestForm(Form):
    requested_on = DateField(
        label="Date of the request", required=False, help_text="For example, 2 3 2026"
    )
    source = forms.ChoiceField(
        label="Where did the request come from?",
        choices=RequestSource.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where the request came from"},
    )
    reason = _text("What does the family need help with?")
    siblings = forms.TypedMultipleChoiceField(
        label="Is the help for any of the child's brothers and sisters too?",
        help_text="One request, assessment and plan covers the children chosen, "
        "and is recorded on each child's record.",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, siblings: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["siblings"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(child.pk, str(child)) for child in siblings]
        if not field.choices:
            del self.fields["siblings"]  # no brothers or sisters in the register


class AllocateForm(Form):
    worker = forms.ModelChoiceField(
        label="Worker",
        queryset=User.objects.none(),
        empty_label="Choose a worker",
        error_messages={"required": "Choose the worker to allocate"},
    )
    on = DateField(
        label="Date of allocation", required=False, help_text="Leave blank for today"
    )

    def __init__(self, *args: Any, workers: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["worker"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = workers if workers is not None else User.objects.none()


class LeadForm(Form):
    staff = forms.ModelChoiceField(
        label="A member of the council's staff",
        help_text="Leave this blank if the lead practitioner works elsewhere",
        queryset=User.objects.none(),
        empty_label="Not council staff",
        required=False,
    )
    name = forms.CharField(
        label="Name",
        required=False,
        help_text="Not needed if you chose a member of staff",
    )
    role = forms.CharField(
        label="Role", required=False, help_text="For example, school nurse"
    )
    organisation = forms.CharField(
        label="Organisation",
        required=False,
        help_text="For example, Oakfield Primary School. Not needed for staff",
    )

    def __init__(self, *args: Any, staff: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["staff"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = staff if staff is not None else User.objects.none()


class AssessmentForm(Form):
    started_on = DateField(
        label="Date the assessment started",
        required=False,
        help_text="Leave blank if it started on the day of allocation",
    )
    completed_on = DateField(label="Date the assessment was completed", required=False)
    family_agreed_on = DateField(
        label="Date the family agreed to the assessment",
        help_text="Early help is voluntary: the family must agree to it",
        required=False,
    )
    family_agreed_by = forms.CharField(
        label="Who in the family agreed?",
        help_text="For example, Mum (Sarah Jones)",
        required=False,
    )
    strengths = _text("Strengths", "What is going well in the family")
    needs = _text("Needs", "What the family and child need help with")
    family_view = _text("The family's view", rows=3)
    child_view = _text("The child's view", "In the child's own words", rows=3)
    analysis = _text("Analysis", "What the help should achieve, and why", rows=5)


class PlanForm(Form):
    started_on = DateField(label="Date the plan was agreed", required=False)
    family_agreed_by = forms.CharField(
        label="Who in the family agreed to the plan?",
        help_text="Early help is voluntary: the family must agree to the plan",
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for row in range(1, PLAN_ROWS + 1):
            self.fields[f"action_{row}"] = forms.CharField(
                label=f"Action {row}",
                required=False,
                help_text="What will be done" if row == 1 else "",
            )
            self.fields[f"who_{row}"] = forms.CharField(
                label=f"Who will do action {row}", required=False
            )
            self.fields[f"by_when_{row}"] = DateField(
                label=f"Date action {row} is due by", required=False
            )

    def actions(self) -> list[ActionLine]:
        """Every row with anything typed, numbered by its row on the page (blank
        rows counted), so the service's error lands on the right row."""
        data = self.cleaned_data
        lines = [
            ActionLine(
                data.get(f"action_{row}") or "",
                data.get(f"who_{row}") or "",
                data.get(f"by_when_{row}"),
                row=row,
            )
            for row in range(1, PLAN_ROWS + 1)
        ]
        return [line for line in lines if not line.is_blank()]


class ReviewForm(Form):
    held_on = DateField(label="Date of the review", required=False)
    progress = _text("Progress", "What has changed for the child since the plan began")
    next_steps = _text("Next steps", rows=3)


class CloseForm(Form):
    closed_on = DateField(label="Date early help ended", required=False)
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=[c for c in ClosureOutcome.choices if c[0] != ClosureOutcome.STEP_UP],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the outcome"},
    )
    notes = _text("Notes", "Required if the outcome is 'Other'", rows=3)


class StepUpForm(Form):
    on = DateField(
        label="Date of the step up",
        required=False,
        help_text="Leave blank for today",
    )
    reason = _text(
        "Why does the child need social care now?",
        "The front door reads this as the contact's concerns",
        rows=5,
    )
    consent = forms.ChoiceField(
        label="Has the family agreed to this being shared with children's social care?",
        choices=ConsentStatus.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    consent_reason = _text(
        "Why consent was not given or not sought",
        "Needed unless the family agreed",
        rows=2,
    )
