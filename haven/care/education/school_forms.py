"""The school history's forms: an enrolment, its end, a term's attendance and
an exclusion. Forms check shape; the services check the rules."""

from typing import Any

from django import forms

from haven.care.models import Attendance, Enrolment, Exclusion
from haven.core.forms import DateField, Form

SOURCE = (
    'Children Act 1989, section 22(3A); "Promoting the education of looked-after '
    'and previously looked-after children" (DfE, February 2018)'
)
ENROLMENT = {
    "heading": "Record a school",
    "button": "Record the school",
    "guidance": (
        "Find the school's URN (unique reference number) on its record in Get "
        "Information about Schools. A new main school ends the last one the day "
        "before the child starts; a dual-registered place (a pupil referral "
        "unit beside the school) is a subsidiary one."
    ),
    "source": SOURCE,
}
LEFT = {
    "heading": "Record that the child left a school",
    "button": "Record the leaving date",
    "guidance": "The last day the child was on the school's roll.",
    "source": SOURCE,
}
ATTENDANCE = {
    "heading": "Record a term's attendance",
    "button": "Record the attendance",
    "guidance": (
        "Copy the sessions from the school's report: two sessions (morning and "
        "afternoon) a school day. The percentage is worked out from them."
    ),
    "source": SOURCE,
}
EXCLUSION = {
    "heading": "Record a suspension or exclusion",
    "button": "Record the exclusion",
    "guidance": (
        "A school must tell the virtual school head without delay when it "
        "suspends or permanently excludes a child in care; the virtual school "
        "and the social worker should then take part in the reintegration."
    ),
    "source": (
        '"Suspension and permanent exclusion from maintained schools, academies '
        'and pupil referral units in England" (DfE, 2024)'
    ),
}


def _number(label: str, help_text: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        required=False,
        min_value=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


def _radios(label: str, choices: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, required=False
    )


class EnrolmentForm(Form):
    urn = forms.CharField(
        label="School's URN",
        help_text="Six digits, for example 100000",
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    kind = _radios("Kind of place", Enrolment.Kind.choices)
    started_on = DateField(label="Date the child started", required=False)
    ended_on = DateField(
        label="Date the child left (optional)",
        help_text="Leave blank while the child is still on the roll",
        required=False,
    )


class LeftForm(Form):
    ended_on = DateField(label="Date the child left", required=False)


class _AtSchool(Form):
    """A form about one of the child's enrolments, chosen from theirs."""

    def __init__(self, *args: Any, enrolments: list[Enrolment], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["enrolment"] = _radios(
            "School",
            [
                (str(e.pk), f"{e.establishment.name} (from {e.started_on:%-d %B %Y})")
                for e in enrolments
            ],
        )
        self.order_fields(["enrolment"])


class AttendanceForm(_AtSchool):
    year = _number("School year", "Its first calendar year: 2025 for 2025/26")
    term = _radios("Term", Attendance._meta.get_field("term").choices)
    possible = _number("Sessions possible")
    attended = _number("Sessions attended")


class ExclusionForm(_AtSchool):
    kind = _radios("Suspension or permanent exclusion", Exclusion.Kind.choices)
    started_on = DateField(label="First day", required=False)
    ended_on = DateField(label="Last day (a suspension's)", required=False)
    sessions = _number("Number of sessions", "Half days of a suspension")
    reason = forms.ChoiceField(
        label="Reason the school gave",
        choices=[("", "Choose the reason"), *Exclusion.Reason.choices],
        required=False,
    )


ATTENDANCE_CORRECTION = {
    "heading": "Correct a term's attendance",
    "button": "Correct the attendance",
    "guidance": (
        "Change what was recorded wrongly and say why. The record before the "
        "correction stays in the child's history."
    ),
    "source": SOURCE,
}
EXCLUSION_CORRECTION = {
    **EXCLUSION,
    "heading": "Correct a suspension or exclusion",
    "button": "Correct the exclusion",
    "guidance": (
        "Change what was recorded wrongly and say why. The record before the "
        "correction stays in the child's history."
    ),
}


def _why(what: str) -> forms.CharField:
    return forms.CharField(
        label=f"Why are you correcting this {what}?",
        help_text="For example, the school sent a corrected report",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class AttendanceCorrectionForm(Form):
    year = AttendanceForm.base_fields["year"]
    term = AttendanceForm.base_fields["term"]
    possible = AttendanceForm.base_fields["possible"]
    attended = AttendanceForm.base_fields["attended"]
    why = _why("attendance")


class ExclusionCorrectionForm(Form):
    kind = ExclusionForm.base_fields["kind"]
    started_on = ExclusionForm.base_fields["started_on"]
    ended_on = ExclusionForm.base_fields["ended_on"]
    sessions = ExclusionForm.base_fields["sessions"]
    reason = ExclusionForm.base_fields["reason"]
    why = _why("exclusion")
