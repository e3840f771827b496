"""The forms of prospective adopters' approval. They check shape; the
services (haven/care/adoption/approval.py) check the rules."""

from django import forms

from haven.care.models import AdopterApproval
from haven.core.forms import DateField, Form

EXAMPLE = "For example, 27 3 2026"


class RegisterInterestForm(Form):
    given_name = forms.CharField(
        label="First applicant's first name", required=False, max_length=100
    )
    family_name = forms.CharField(
        label="First applicant's last name", required=False, max_length=100
    )
    joint_applicant = forms.CharField(
        label="Second applicant's full name (optional)",
        help_text="Leave blank for a single applicant",
        required=False,
        max_length=200,
    )
    address_line_1 = forms.CharField(
        label="Address line 1", required=False, max_length=200
    )
    town = forms.CharField(label="Town or city", required=False, max_length=100)
    postcode = forms.CharField(label="Postcode", required=False, max_length=10)
    received_on = DateField(
        label="Date the registration of interest was received",
        help_text=EXAMPLE,
        required=False,
    )


# What each step asks: its outcome's question and choices (none for the
# start of stage 2, which is only a date).
OUTCOMES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "stage_one": ("How did stage 1 end?", AdopterApproval.StageOne.choices),
    "stage_two": ("", []),
    "panel": (
        "What did the panel recommend?",
        [("yes", "That they are suitable to adopt"), ("no", "That they are not")],
    ),
    "decision": (
        "What did the agency decision maker decide?",
        AdopterApproval.Outcome.choices,
    ),
}


class ApprovalStepForm(Form):
    on = DateField(label="Date", help_text=EXAMPLE, required=False)

    def __init__(self, *args: object, step: str, **kw: object) -> None:
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        question, choices = OUTCOMES[step]
        if choices:
            self.fields["outcome"] = forms.ChoiceField(
                label=question,
                choices=choices,
                widget=forms.RadioSelect,
                required=False,
            )
