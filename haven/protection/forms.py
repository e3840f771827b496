"""Forms for the child protection pages. Every field is optional here: the
services say what is missing, in words, all at once."""

from typing import Any

from django import forms

from haven.core.caseroles import CaseRole
from haven.core.codelists import offered
from haven.core.forms import DateField, Form, NumberedRows
from haven.core.models import User
from haven.protection.codes import (
    CATEGORY,
    WITHOUT_REVIEW,
    ConferenceDecision,
    ConferenceKind,
    EnquiryOutcome,
    ImmediateProtection,
    PlanEndReason,
    StrategyDecision,
)
from haven.protection.selectors import holders_of

PEOPLE_ROWS = 6
CONCERN_ROWS = 5


def _text(label: str, rows: int = 3, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        required=False,
    )


def _radios(label: str, choices: Any, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=choices,
        widget=forms.RadioSelect,
        required=False,
    )


class ParticipantForm(Form):
    """One person at a strategy discussion."""

    name = forms.CharField(label="Name", required=False)
    agency = forms.CharField(label="Agency", required=False)
    role = forms.CharField(label="Role", required=False)

    def __init__(self, *args: Any, number: int = 1, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.number = number


ParticipantFormSet = forms.formset_factory(
    ParticipantForm,
    formset=NumberedRows,
    extra=PEOPLE_ROWS,
    max_num=PEOPLE_ROWS,
)


class AttendeeForm(ParticipantForm):
    """One agency invited to a conference or core group."""

    attended = forms.BooleanField(label="Attended", required=False)
    report = forms.BooleanField(label="Sent a report", required=False)


AttendeeFormSet = forms.formset_factory(
    AttendeeForm,
    formset=NumberedRows,
    extra=PEOPLE_ROWS,
    max_num=PEOPLE_ROWS,
)


class StrategyForm(Form):
    held_on = DateField(label="Date of the discussion or meeting", required=False)
    information_shared = _text("Information shared", 5)
    decision = _radios("Decision", StrategyDecision.choices)
    no_section_47_reason = _text(
        "Why there are to be no section 47 enquiries",
        help_text="Only if the decision is no section 47 enquiries",
    )
    immediate_protection = _radios(
        "How the child was protected",
        ImmediateProtection.choices,
        help_text="Only if the child needed immediate protection",
    )
    actions_agreed = _text("Actions agreed (optional)", 4)


class StartEnquiryForm(Form):
    started_on = DateField(label="Date the enquiry started", required=False)
    icpc_target = DateField(
        label="Target date for the initial conference (optional)",
        help_text="A weekday, within 15 working days of the strategy discussion",
        required=False,
    )
    record = _text("The enquiry's record so far (optional)", 5)


class EnquiryOutcomeForm(Form):
    outcome = _radios("What the enquiry found", EnquiryOutcome.choices)
    completed_on = DateField(label="Date the enquiry was completed", required=False)
    record = _text("The enquiry's record (optional)", 5)


class ChairChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name() or obj.get_username()


def _offer(form: forms.BaseForm, field: str, role: CaseRole) -> None:
    """Only staff whose roles do the work are offered (read per form, so a
    chair who joined this morning is there)."""
    choice = form.fields[field]
    assert isinstance(choice, ChairChoice)
    choice.queryset = holders_of(role)


class ConferenceForm(Form):
    """What every conference records: its day, chair, views and dissent."""

    held_on = DateField(label="Date of the conference", required=False)
    chair = ChairChoice(
        label="Chair",
        queryset=User.objects.none(),
        empty_label="Choose the chair",
        required=False,
    )
    family_views = _text("The family's attendance and views (optional)")
    child_views = _text("The child's views (optional)")
    dissent = _text("Dissent recorded (optional)")
    minutes = _text(
        "Minutes (optional)",
        6,
        help_text="What was discussed and the reasons for the decision. The chair "
        "signs them off later",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer(self, "chair", CaseRole.CP_CHAIR)


class InitialConferenceForm(ConferenceForm):
    kind = _radios(
        "Kind of conference",
        [
            (k.value, k.label)
            for k in (ConferenceKind.INITIAL, ConferenceKind.PRE_BIRTH)
        ],
    )
    decision = _radios(
        "Decision",
        [
            (d.value, d.label)
            for d in (ConferenceDecision.PLAN, ConferenceDecision.NO_PLAN)
        ],
    )
    category = _radios(
        "Category of abuse",
        offered(CATEGORY),
        help_text="Only if the child is to be subject of a plan (CIN census)",
    )


class TransferInConferenceForm(ConferenceForm):
    """A conference for a child on a plan in another authority who has moved
    here: it decides whether a plan starts here."""

    transferred_from = forms.CharField(
        label="The local authority the child's plan came from", required=False
    )
    plans_elsewhere = forms.IntegerField(
        label="Child protection plans the other authorities recorded (optional)",
        help_text="Counting the plan the child is transferring with: the census "
        "counts the child's previous plans",
        min_value=0,
        required=False,
    )
    decision = _radios(
        "Decision",
        [
            (d.value, d.label)
            for d in (ConferenceDecision.PLAN, ConferenceDecision.NO_PLAN)
        ],
    )
    category = _radios(
        "Category of abuse",
        offered(CATEGORY),
        help_text="Only if the child is to be subject of a plan here (CIN census)",
    )


class ReviewConferenceForm(ConferenceForm):
    decision = _radios(
        "Decision",
        [
            (d.value, d.label)
            for d in (ConferenceDecision.CONTINUE, ConferenceDecision.END_PLAN)
        ],
    )
    category = _radios(
        "Latest category of abuse",
        offered(CATEGORY),
        help_text="Needed if the plan continues",
    )
    end_reason = _radios(
        "Why the plan ends",
        PlanEndReason.choices,
        help_text="Only if the plan ends",
    )


class ConcernForm(Form):
    concern = _text("The concern", 2)
    what_must_change = _text("What must change", 2)
    family_will = _text("What the family will do", 2)
    agencies_will = _text("What each agency will do", 2)
    by_when = DateField(label="By when", required=False)
    progress_seen = _text("How progress will be seen", 2)
    if_not = _text("What happens if it does not change", 2)

    def __init__(self, *args: Any, number: int = 1, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        by_when = self.fields["by_when"]
        assert isinstance(by_when, DateField)
        by_when.error_name = f"Concern {number}: the date by when"


ConcernFormSet = forms.formset_factory(
    ConcernForm, formset=NumberedRows, extra=0, max_num=CONCERN_ROWS
)


class CoreGroupForm(Form):
    held_on = DateField(label="Date of the core group", required=False)
    progress = _text(
        "Progress against the plan",
        6,
        help_text="For each concern: what has changed, and what has not",
    )


class ArrangeForm(Form):
    """Booking a conference: its day, its chair and its administrator."""

    planned_on = DateField(label="Date of the conference", required=False)
    chair = ChairChoice(
        label="Chair",
        help_text="The chair can open the child's record from now on",
        queryset=User.objects.none(),
        empty_label="Choose the chair",
        required=False,
    )
    administrator = ChairChoice(
        label="Conference administrator (optional)",
        queryset=User.objects.none(),
        empty_label="No administrator",
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _offer(self, "chair", CaseRole.CP_CHAIR)
        _offer(self, "administrator", CaseRole.CONFERENCE_ADMIN)


class RecordForm(Form):
    """A conference record's words, changed before the chair signs it off."""

    minutes = _text("Minutes", 8, "What was discussed and the reasons for the decision")
    family_views = _text("The family's attendance and views")
    child_views = _text("The child's views")
    dissent = _text("Dissent recorded")


class AmendmentForm(Form):
    """An amendment beside a signed-off record."""

    text = _text("The amendment", 5, "What the signed record should also say")
    reason = _text("Why the record is amended", 2)


class EndPlanForm(Form):
    """Ending a plan without a review conference."""

    reason = _radios(
        "Why the plan ended",
        [(r.value, r.label) for r in WITHOUT_REVIEW],
        help_text="A review conference decides a child no longer needs a plan: "
        "record the review conference for that",
    )
    note = _text("Why, in words", 2, "Needed if the reason is other")
    ended_on = DateField(label="Date the plan ended", required=False)
