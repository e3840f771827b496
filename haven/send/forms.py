"""Forms for SEND pages. Business rules live in the services: most fields are
optional here so the service's message, in the user's words, is the one shown."""

from typing import Any

from django import forms

from haven.core.forms import DateField, Form
from haven.core.models import Establishment
from haven.send.codes import (
    PLAN_SECTIONS,
    AdviceKind,
    CeaseReason,
    Exception20,
    NeedType,
    RequestSource,
    ReviewOutcome,
)
from haven.send.models import Decision


def _text(label: str, hint: str = "", rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        required=False,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _date(label: str) -> DateField:
    return DateField(label=label, required=False, help_text="For example, 2 3 2026")


class RequestForm(Form):
    child = forms.IntegerField(
        label="The child's Haven ID",
        help_text="The number on the child's record in the person register",
        required=False,
        min_value=1,
        error_messages={"invalid": "Enter the Haven ID as a number"},
    )
    received_on = _date("Date the request came")
    source = forms.ChoiceField(
        label="Who asked for the assessment?",
        choices=RequestSource.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    details = _text("What the request says", rows=4)
    rya = forms.BooleanField(
        label="The young person was in relevant youth accommodation (custody) "
        "when the request was made",
        required=False,
    )

    def __init__(self, *args: Any, known: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if known:
            del self.fields["child"]  # asked from the child's own page


class DecisionForm(Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=Decision.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    on = _date("Date of the decision")
    reason = _text("Reasons", "Needed when the answer is no: the family are told why")


class AdviceRequestForm(Form):
    kinds = forms.MultipleChoiceField(
        label="Which advice are you asking for?",
        help_text="The social care advice is asked of the child's social worker",
        choices=AdviceKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    on = _date("Date the advice was asked for")


class AdviceForm(Form):
    received_on = _date("Date the advice was given")
    summary = _text("The advice", rows=6)


def _needs(label: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=[("", "Choose a need"), *NeedType.choices],
        required=False,
    )


class PlanForm(Form):
    """The draft plan's fields; the final plan adds the exception."""

    on = _date("Date sent")
    urn = forms.IntegerField(
        label="URN of the school or setting",
        help_text="The 6-digit number from the establishments list",
        required=False,
        error_messages={"invalid": "Enter the URN as a number"},
    )
    primary_need = _needs("Main special educational need")
    secondary_need = _needs("Second need (if any)")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for letter, words in PLAN_SECTIONS:
            self.fields[f"section_{letter}"] = _text(f"Section {words}")

    def clean_urn(self) -> Establishment | None:
        urn = self.cleaned_data.get("urn")
        if urn is None:
            return None
        found = Establishment.objects.filter(urn=urn).first()
        if found is None:
            raise forms.ValidationError("There is no school or setting with that URN")
        return found


class FinalPlanForm(PlanForm):
    exception = forms.ChoiceField(
        label="Did an exception to the 20 weeks apply?",
        choices=Exception20.choices,
        widget=forms.RadioSelect,
        required=False,
    )


class ReviewMeetingForm(Form):
    held_on = _date("Date the review meeting was held")
    attended = _text("Who attended", "Names and roles, or organisations")
    views = _text("The views of the child and family", "In short", rows=4)


class ReviewDecisionForm(Form):
    decision = forms.ChoiceField(
        label="What did the local authority decide?",
        choices=ReviewOutcome.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    on = _date("Date of the decision")
    amendments = _text(
        "Proposed amendments", "Needed to amend the plan: the family are sent them"
    )
    cease_reason = forms.ChoiceField(
        label="Why the plan ends",
        help_text="Needed to cease the plan",
        choices=[("", "Choose a reason"), *CeaseReason.choices],
        required=False,
    )
