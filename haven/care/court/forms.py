"""The court forms. They check shape; the services check the rules and name
every fault at once."""

from typing import Any

from django import forms

from haven.care.court.aftermath import REASONS, Follows
from haven.care.court.kinds import (
    SPECIAL_GUARDIANS,
    OrderKind,
    Outcome,
    ProceedingsKind,
)
from haven.care.models import Proceedings
from haven.core.forms import DateField, Form

EXAMPLE = "For example, 27 3 2026"
REASON_CHOICES = [("", "Choose the reason")] + [(c.value, c.label) for c in REASONS]


def _reason_field(label: str, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, help_text=help_text, choices=REASON_CHOICES, required=False
    )


def _ask_what_follows(form: Form) -> None:
    """The questions asked when the order a looked-after child's legal status
    follows ends with none in its place (haven/care/court/aftermath.py)."""
    form.fields["follows"] = forms.ChoiceField(
        label="What happened to the child's care when the order ended?",
        choices=Follows.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    form.fields["reason"] = _reason_field(
        "If their care ended: why (SSDA903 reason episode ceased)"
    )


class ProceedingsForm(Form):
    kind = forms.ChoiceField(
        label="What does the application ask for?",
        choices=ProceedingsKind.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    issued_on = DateField(
        label="Date the application was issued", help_text=EXAMPLE, required=False
    )
    court = forms.CharField(label="Court", required=False, max_length=120)
    case_number = forms.CharField(
        label="Case number (optional)", required=False, max_length=40
    )


class OrderForm(Form):
    kind = forms.ChoiceField(
        label="Which order was made?",
        choices=OrderKind.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    made_on = DateField(
        label="Date the order was made (or police protection began)",
        help_text=EXAMPLE,
        required=False,
    )
    court = forms.CharField(
        label="Court that made it",
        help_text="Leave blank for police protection",
        required=False,
        max_length=120,
    )
    proceedings = forms.ModelChoiceField(
        label="Made in which proceedings? (optional)",
        queryset=Proceedings.objects.none(),
        empty_label="Not in proceedings recorded here",
        required=False,
    )
    ends_on = DateField(
        label="Date it ends, if the order says (optional)",
        help_text=EXAMPLE,
        required=False,
    )
    special_guardians = forms.ChoiceField(
        label="For a special guardianship order: who are the special guardians?",
        choices=[(c.value, c.label) for c in SPECIAL_GUARDIANS],
        widget=forms.RadioSelect,
        required=False,
    )
    reason = _reason_field(
        "If the order ends the child's care: why it ended (SSDA903 reason)",
        "Only for a supervision order made for a child looked after under a care "
        "or interim care order: it takes that order's place and ends their care",
    )

    def __init__(self, *args: object, record_ids: Any, **kw: object) -> None:
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        field = self.fields["proceedings"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Proceedings.objects.filter(person_id__in=record_ids)


class ExtensionForm(Form):
    weeks = forms.TypedChoiceField(
        label="How many weeks did the court extend by?",
        choices=[("", "Choose the weeks")] + [(str(w), f"{w}") for w in range(1, 9)],
        coerce=int,
        empty_value=None,
        required=False,
    )
    granted_on = DateField(
        label="Date the court extended", help_text=EXAMPLE, required=False
    )
    reason = forms.CharField(
        label="Why the court extended",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class DisposalForm(Form):
    on = DateField(label="Date the court decided", help_text=EXAMPLE, required=False)
    outcome = forms.ChoiceField(
        label="How was it decided?",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args: object, asks_what_follows: bool, **kw: object) -> None:
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        if asks_what_follows:
            _ask_what_follows(self)


class DischargeForm(Form):
    on = DateField(label="Date the order ended", help_text=EXAMPLE, required=False)

    def __init__(self, *args: object, asks_what_follows: bool, **kw: object) -> None:
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        if asks_what_follows:
            _ask_what_follows(self)
