"""Forms for a child missing from care: reporting them missing, their return,
the police report, the return home interview and the strategy meeting. They
check shape; the services check the rules and name every fault at once."""

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from haven.care.codes import MISSING
from haven.care.missing.checks import POLICE_REFERENCE_LENGTH
from haven.care.missing.followup import WHO_LENGTH, Interview
from haven.care.missing.recording import Police
from haven.casework.forms import TIME_FORMATS
from haven.core.codelists import offered
from haven.core.forms import DateField, Form


def _time(value: str) -> dt.time | None:
    text = "".join((value or "").split()).upper()
    if not text:
        return None
    for fmt in TIME_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).time()
        except ValueError:
            continue
    raise forms.ValidationError("Enter a real time, for example 21:30")


def _moment(day: dt.date | None, time: dt.time | None) -> dt.datetime | None:
    """The day and time as one moment; None unless both were given (the service
    then asks for them)."""
    if day is None or time is None:
        return None
    return timezone.make_aware(dt.datetime.combine(day, time))


def _time_field(label: str) -> forms.CharField:
    return forms.CharField(
        label=label, help_text="For example, 21:30", max_length=8, required=False
    )


class PoliceForm(Form):
    """The police report; the report and return forms ask it too."""

    reported_to_police = forms.BooleanField(
        label="The police were told", required=False
    )
    police_reference = forms.CharField(
        label="Police reference (optional)",
        help_text="The reference the police gave when the child was reported",
        max_length=POLICE_REFERENCE_LENGTH,
        required=False,
    )

    def police(self) -> Police:
        data = self.cleaned_data
        return Police(
            bool(data.get("reported_to_police")), data.get("police_reference") or ""
        )


class ReportMissingForm(PoliceForm):
    kind = forms.ChoiceField(
        label="Is the child missing, or away from their placement?",
        help_text="Away: their whereabouts are known but they are not where they "
        "should be, without permission",
        choices=offered(MISSING),
        widget=forms.RadioSelect,
        required=False,
    )
    started_on = DateField(
        label="Date they went missing",
        help_text="When they were last seen or should have been back, for "
        "example 27 3 2026",
        required=False,
    )
    started_time = _time_field("Time they went missing")
    field_order = ["kind", "started_on", "started_time"]

    def clean_started_time(self) -> dt.time | None:
        return _time(self.cleaned_data.get("started_time") or "")

    def started_at(self) -> dt.datetime | None:
        data = self.cleaned_data
        return _moment(data.get("started_on"), data.get("started_time"))


class ReturnForm(PoliceForm):
    returned_on = DateField(
        label="Date they returned or were found",
        help_text="For example, 28 3 2026",
        required=False,
    )
    returned_time = _time_field("Time they returned or were found")
    field_order = ["returned_on", "returned_time"]

    def clean_returned_time(self) -> dt.time | None:
        return _time(self.cleaned_data.get("returned_time") or "")

    def returned_at(self) -> dt.datetime | None:
        data = self.cleaned_data
        return _moment(data.get("returned_on"), data.get("returned_time"))


class InterviewForm(Form):
    offered_on = DateField(
        label="Date the return home interview was offered",
        help_text="It is offered within 72 hours of the child's return",
        required=False,
    )
    held_on = DateField(
        label="Date it was held (optional)",
        help_text="Leave blank if it has not been held yet, or was declined",
        required=False,
    )
    declined = forms.BooleanField(
        label="The child declined the interview", required=False
    )
    interviewed_by = forms.CharField(
        label="Who offered it (optional)",
        help_text="The independent person, and their service",
        max_length=WHO_LENGTH,
        required=False,
    )

    def interview(self) -> Interview:
        data: dict[str, Any] = self.cleaned_data
        return Interview(
            offered_on=data.get("offered_on"),
            held_on=data.get("held_on"),
            declined=bool(data.get("declined")),
            interviewed_by=data.get("interviewed_by") or "",
        )


class StrategyMeetingForm(Form):
    held_on = DateField(
        label="Date of the strategy meeting",
        help_text="For example, 27 3 2026",
        required=False,
    )
    decisions = forms.CharField(
        label="What the meeting decided",
        help_text="The plan to keep the child safe, and who does what",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
