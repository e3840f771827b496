"""Forms for a plan's changes. As in haven/send/forms.py, fields are optional
so the service's own words are the ones shown."""

from typing import Any

from django import forms

from haven.core.forms import Form
from haven.send.changes.codes import (
    AppealOutcome,
    Disputed,
    MediationOutcome,
    OrderType,
    Phase,
)
from haven.send.codes import PLAN_SECTIONS, CeaseReason
from haven.send.forms import PlanForm, _date, _text


def _choice(label: str, choices: Any, radio: bool = True) -> forms.ChoiceField:
    if radio:
        return forms.ChoiceField(
            label=label, choices=choices, widget=forms.RadioSelect, required=False
        )
    return forms.ChoiceField(
        label=label, choices=[("", "Choose one"), *choices], required=False
    )


def _la(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text="The 3-digit DfE local authority code, for example 202",
        required=False,
        max_length=3,
    )


class AmendmentForm(Form):
    proposed = _text(
        "Proposed amendments", "Left blank, the review's own amendments are sent", 5
    )
    sent_on = _date("Date the amendments were sent to the family")


class AmendedPlanForm(Form):
    on = _date("Date the final amended plan was issued")
    changes = _text("What changed", rows=4)
    urn = PlanForm.base_fields["urn"]

    def __init__(self, *args: Any, naming: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if naming:
            self.fields["urn"].label = "URN of the next school or institution"
        else:
            del self.fields["urn"]
        for letter, words in PLAN_SECTIONS:
            self.fields[f"section_{letter}"] = _text(f"Section {words}")

    clean_urn = PlanForm.clean_urn


class PhaseTransferForm(Form):
    phase = _choice("Which transfer is coming?", Phase.choices)
    transfer_year = forms.IntegerField(
        label="Year of the transfer",
        help_text="The calendar year the child moves, for example 2027",
        required=False,
        error_messages={"invalid": "Enter the year as a number"},
    )
    planned_on = _date("Date of the move (a post-16 move at another time only)")
    on = _date("Date recorded")


class CeaseForm(Form):
    reason = _choice("Why the plan ends", CeaseReason.choices, radio=False)
    decided_on = _date("Date of the decision")
    notice_on = _date("Date the family were told")
    ceased_on = _date("Date the plan ceased")
    transferred_to = _la("New local authority (when the plan transferred)")
    details = _text("Details")


class TransferInForm(PlanForm):
    child = forms.IntegerField(
        label="The child's Haven ID",
        required=False,
        min_value=1,
        error_messages={"invalid": "Enter the Haven ID as a number"},
    )
    previous_la = _la("Previous local authority")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"] = _date("Date the plan transferred")
        self.order_fields(["child", "previous_la", "on"])


class ExportForm(Form):
    la = _la("New local authority")
    on = _date("Date the request was passed on")


class MediationForm(Form):
    disputed = _choice("Which decision was disputed?", Disputed.choices)
    started_on = _date("Date mediation began")
    ended_on = _date("Date mediation ended")
    outcome = _choice("Outcome", MediationOutcome.choices)


class AppealForm(Form):
    disputed = _choice("Which decision was appealed?", Disputed.choices)
    registered_on = _date("Date the tribunal registered the appeal")
    hearing_on = _date("Hearing date (if set)")


class AppealDecisionForm(Form):
    decided_on = _date("Date of the tribunal's decision")
    outcome = _choice("Outcome", AppealOutcome.choices)
    order_type = _choice("What was ordered?", OrderType.choices, radio=False)
    order = _text("The order", "Needed when the tribunal made an order")


class ComplianceForm(Form):
    complied_on = _date("Date the order was carried out")
