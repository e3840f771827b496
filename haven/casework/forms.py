"""Forms for case notes, supervision, the oversight policy and transfers."""

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from haven.casework import seeing, visits
from haven.casework.codes import NoteKind, OversightCategory
from haven.casework.seeing import Alone, Seen
from haven.casework.visits import BedroomSeen, Visit, VisitPlace
from haven.core import clock
from haven.core.caseroles import CHANGE_REASON_SOURCE, CaseRole, ChangeReason
from haven.core.conflicts import VersionField
from haven.core.errors import DomainError, Failures
from haven.core.forms import DateField, Form
from haven.core.models import Team, User
from haven.people.models import Person

TIME_FORMATS = ["%H:%M", "%H.%M", "%H%M", "%I:%M%p", "%I.%M%p", "%I%p"]


YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes(value: str) -> bool:
    return value == "yes"


class NoteForm(Form):
    children = forms.TypedMultipleChoiceField(
        label="Which children is this note for?",
        help_text="The note is recorded on each child's record.",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one child"},
    )
    kind = forms.ChoiceField(
        label="Type of note",
        choices=NoteKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the type of note"},
    )
    occurred_on = DateField(
        label="Date",
        help_text="When it happened, for example 27 3 2026",
        error_messages={"required": "Enter the date"},
    )
    occurred_time = forms.CharField(
        label="Time",
        help_text="For example, 14:30",
        max_length=8,
        error_messages={"required": "Enter the time"},
    )
    # A visit's details: asked on every note (the page works without
    # JavaScript), required and recorded on a visit only.
    statutory_visit = forms.TypedChoiceField(
        label="Was this a statutory visit?",
        choices=YES_NO,
        coerce=_yes,
        empty_value=None,
        widget=forms.RadioSelect,
        required=False,
    )
    visit_place = forms.ChoiceField(
        label="Where was the visit?",
        choices=VisitPlace.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    announced = forms.TypedChoiceField(
        label="Was the visit announced?",
        choices=[("yes", "Announced"), ("no", "Unannounced")],
        coerce=_yes,
        empty_value=None,
        widget=forms.RadioSelect,
        required=False,
    )
    bedroom_seen = forms.ChoiceField(
        label="Was the child's bedroom seen?",
        choices=BedroomSeen.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    significant = forms.BooleanField(
        label="This is a significant event (highlighted in the chronology)",
        required=False,
    )
    subject = forms.CharField(
        label="Subject",
        max_length=200,
        error_messages={"required": "Enter a subject"},
    )
    body = forms.CharField(
        label="What happened",
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": "Enter what happened"},
    )
    impact = forms.CharField(
        label="Impact on the child (optional)",
        help_text="What this means for the child. It is shown beside the entry in "
        "the chronology.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, children: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["children"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(child.pk, child.full_name) for child in children]
        # Every child the worker could tick has their own questions, so the
        # page works without JavaScript; only the children ticked are recorded.
        self.choosable = children
        for child in children:
            self.fields.update(_seen_fields(child))

    @property
    def seen_groups(self) -> list[dict[str, Any]]:
        """Each child's seen questions, for the template."""
        return [
            {"child": child}
            | {name: self[seeing.field(name, child)] for name in SEEN_QUESTIONS}
            for child in self.choosable
        ]

    def clean(self) -> dict[str, Any]:
        # Also the service's rules; checked here so they are shown with the
        # form's other errors, beside each child's own questions.
        data = super().clean() or {}
        ticked = [c for c in self.choosable if c.pk in data.get("children", [])]
        failures = Failures()
        kind = data.get("kind", "")
        unanswered = {c.pk for c in ticked if not data.get(seeing.field("seen", c))}
        seeing.check_answered(ticked, unanswered, failures, kind)
        seeing.check(ticked, self.seen_answers(), failures, kind)
        if data.get("kind") == NoteKind.VISIT:
            visits.check(self.visit() or visits.NO_VISIT, failures)
        try:
            failures.raise_any()
        except DomainError as refused:
            for failure in refused.failures:
                if failure.field and not self.has_error(failure.field):
                    self.add_error(failure.field, failure.message)
        return data

    def visit(self) -> Visit | None:
        """The visit's details, on a visit."""
        data = self.cleaned_data
        if data.get("kind") != NoteKind.VISIT:
            return None
        return Visit(
            statutory=data.get("statutory_visit"),
            place=data.get("visit_place") or "",
            announced=data.get("announced"),
            bedroom_seen=data.get("bedroom_seen") or "",
        )

    def seen_answers(self) -> dict[int, Seen]:
        data = self.cleaned_data
        return {
            child.pk: Seen(
                seen=data.get(seeing.field("seen", child)) == "yes",
                alone=data.get(seeing.field("alone", child)) or "",
                reason=data.get(seeing.field("reason", child)) or "",
            )
            for child in self.choosable
        }

    def clean_occurred_time(self) -> dt.time:
        value = "".join(self.cleaned_data["occurred_time"].split()).upper()
        for fmt in TIME_FORMATS:
            try:
                return dt.datetime.strptime(value, fmt).time()
            except ValueError:
                continue
        raise forms.ValidationError("Enter a real time, for example 14:30")

    def occurred_at(self) -> dt.datetime:
        return timezone.make_aware(
            dt.datetime.combine(
                self.cleaned_data["occurred_on"], self.cleaned_data["occurred_time"]
            )
        )

    @staticmethod
    def defaults(kind: str = "", child: Person | None = None) -> dict[str, Any]:
        now = timezone.localtime(clock.now())
        initial: dict[str, Any] = {
            "occurred_on": now.date(),
            "occurred_time": now.strftime("%H:%M"),
        }
        if kind in NoteKind.values:
            initial["kind"] = kind
        if kind == NoteKind.VISIT and child is not None:
            initial[seeing.field("seen", child)] = "yes"
        return initial


SEEN_QUESTIONS = ("seen", "alone", "reason")


def _seen_fields(child: Person) -> dict[str, forms.Field]:
    name = child.full_name
    return {
        seeing.field("seen", child): forms.ChoiceField(
            label=f"Was {name} seen?",
            choices=[("yes", "Yes"), ("no", "No")],
            widget=forms.RadioSelect,
            required=False,
        ),
        seeing.field("alone", child): forms.ChoiceField(
            label=f"Was {name} seen alone?",
            choices=Alone.choices,
            widget=forms.RadioSelect,
            required=False,
        ),
        seeing.field("reason", child): forms.CharField(
            label=f"If {name} was not seen alone, why not?",
            max_length=500,
            required=False,
        ),
    }


class SupervisionForm(Form):
    supervisee = forms.ModelChoiceField(
        label="Who was supervised?",
        help_text="The worker whose work on the child's case was discussed.",
        queryset=User.objects.none(),
        empty_label="Choose a worker",
        error_messages={
            "required": "Choose who was supervised",
            "invalid_choice": "Choose a worker in your teams, or the child's social "
            "worker, as the person supervised",
        },
    )
    held_on = DateField(
        label="Date of the supervision",
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date of the supervision"},
    )
    discussion = forms.CharField(
        label="Discussion",
        help_text="What was discussed about the child's circumstances and progress.",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Enter what was discussed"},
    )
    reflections = forms.CharField(
        label="Reflections",
        help_text="Analysis and reflection: what the information means for the child.",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    decisions = forms.CharField(
        label="Decisions",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )

    def __init__(self, *args: Any, supervisees: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["supervisee"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = supervisees


class ActionForm(Form):
    description = forms.CharField(label="Action", max_length=500, required=False)
    owner = forms.ModelChoiceField(
        label="Who will do it",
        queryset=User.objects.none(),
        required=False,
        empty_label="Choose a person",
    )
    due_on = DateField(label="Due by", required=False)

    def __init__(self, *args: Any, owners: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["owner"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = owners

    def is_blank(self) -> bool:
        data = self.cleaned_data
        return not (data.get("description") or data.get("owner") or data.get("due_on"))


class PolicyForm(Form):
    version = VersionField()
    category = forms.ChoiceField(
        label="Which children",
        choices=OversightCategory.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose which children this is for"},
    )
    weeks = forms.IntegerField(
        label="Oversight at least every (weeks)",
        min_value=1,
        max_value=52,
        error_messages={
            "required": "Enter the number of weeks",
            "invalid": "Enter the number of weeks as a whole number",
            "min_value": "The period must be between 1 and 52 weeks",
            "max_value": "The period must be between 1 and 52 weeks",
        },
    )
    source = forms.CharField(
        label="Source",
        help_text="The policy or guidance this comes from.",
        max_length=200,
        required=False,
    )
    applies_from = DateField(
        label="Applies from",
        help_text="Leave blank to apply from today.",
        required=False,
    )
    reason = forms.CharField(
        label="Reason for the change",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give the reason for the change"},
    )


class WorkerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj} ({obj.team})"


class TransferForm(Form):
    role = forms.ChoiceField(
        label="Which role on the case?",
        choices=CaseRole.choices,
        initial=CaseRole.SOCIAL_WORKER,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the role"},
    )
    team = forms.ModelChoiceField(
        label="Team",
        queryset=Team.objects.none(),
        empty_label="Choose a team",
        error_messages={
            "required": "Choose the team",
            "invalid_choice": "Choose a team that holds children's cases",
        },
    )
    worker = WorkerChoiceField(
        label="Worker",
        help_text="For the social worker's role, leave blank to hold the case in "
        "the team, unallocated.",
        queryset=User.objects.none(),
        required=False,
        empty_label="No worker (held by the team)",
    )
    change_reason = forms.ChoiceField(
        label="Why is the social worker changing?",
        help_text="Reported in the SSDA903 social worker table (SW_REASON). "
        + CHANGE_REASON_SOURCE
        + ".",
        choices=ChangeReason.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Reason for the change",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give the reason for the change"},
    )

    def __init__(
        self,
        *args: Any,
        teams: QuerySet[Team],
        workers: QuerySet[User],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in (("team", teams), ("worker", workers)):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = queryset

    def clean(self) -> dict[str, Any]:
        # Also the service's rule; checked here too so a form with other errors
        # reports this one with them.
        data = super().clean() or {}
        role = data.get("role")
        if role == CaseRole.SOCIAL_WORKER and not data.get("change_reason"):
            self.add_error("change_reason", "Choose why the social worker is changing")
        named = role in CaseRole.values and role != CaseRole.SOCIAL_WORKER
        if named and not data.get("worker") and "worker" not in self.errors:
            label = CaseRole(str(role)).label.lower()
            self.add_error("worker", f"Choose the {label}")
        return data
