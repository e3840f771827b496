"""Front door forms: the one-page contact and the decision for each child."""

import datetime as dt
import re
from typing import Any

from django import forms

from haven.core import clock
from haven.core.codelists import offered
from haven.core.errors import ordinal
from haven.core.forms import DateField, Form, NumberedRows, column_length
from haven.frontdoor.codes import (
    SOURCES,
    AdultRole,
    Agency,
    ConsentStatus,
    ContactMethod,
    Decision,
    Urgency,
)
from haven.frontdoor.models import AgencyCheck, Contact, ContactChild
from haven.frontdoor.thresholds import threshold_levels
from haven.people.models import Person

CHILD_ROWS = 4
ADULT_ROWS = 3
_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


class ContactForm(Form):
    received_on = DateField(
        label="Date received",
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date the contact was received"},
    )
    received_time = forms.CharField(
        label="Time received (optional)",
        required=False,
        help_text="For example, 14:30. Leave blank for now, if it came in today",
    )
    source = forms.ChoiceField(
        label="Who got in touch (source)",
        choices=offered(SOURCES, blank="Choose a source"),
        help_text="The children in need census referral source",
        error_messages={"required": "Choose who got in touch (the source)"},
    )
    referrer_name = forms.CharField(
        label="Referrer's name",
        required=False,
        max_length=column_length(Contact, "referrer_name"),
    )
    referrer_role = forms.CharField(
        label="Their role",
        required=False,
        max_length=column_length(Contact, "referrer_role"),
    )
    referrer_organisation = forms.CharField(
        label="Organisation",
        required=False,
        max_length=column_length(Contact, "referrer_organisation"),
    )
    referrer_phone = forms.CharField(
        label="Phone number",
        required=False,
        max_length=column_length(Contact, "referrer_phone"),
    )
    concerns = forms.CharField(
        label="Presenting concerns",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What the referrer told us, in their words where possible",
        error_messages={"required": "Describe the presenting concerns"},
    )
    consent = forms.ChoiceField(
        label="Basis for sharing information",
        choices=ConsentStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether consent to share was given"},
    )
    consent_reason = forms.CharField(
        label="Reason consent was not sought, or for sharing without it",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed unless consent was given",
    )

    def clean_received_time(self) -> dt.time | None:
        text = self.cleaned_data.get("received_time", "")
        if not text.strip():
            return None
        match = _TIME.match(text)
        if match is None or int(match[1]) > 23 or int(match[2]) > 59:
            raise forms.ValidationError("Enter the time like 14:30")
        return dt.time(int(match[1]), int(match[2]))

    def details(self) -> dict[str, Any]:
        """The contact's details as record_contact takes them: on a form with
        errors, those that could be read (so the service's rules can be checked
        alongside the form's)."""
        data = dict(self.cleaned_data)
        day, time = data.pop("received_on", None), data.pop("received_time", None)
        data["received_at"] = received_at(day, time) if day else None
        return data


def received_at(day: dt.date, time: dt.time | None) -> dt.datetime:
    """When the contact came in: a time left blank today means now, and on an
    earlier day the start of that day (the date is what the deadline counts from)."""
    if time is not None:
        return clock.start_of(day).replace(hour=time.hour, minute=time.minute)
    if day == clock.today():
        return clock.now()
    return clock.start_of(day)


class ChildRowForm(Form):
    """One child named in the contact: an existing record or a new one.

    Errors name the row ("the second child"): the page has several alike.
    """

    given_name = forms.CharField(
        label="First name",
        required=False,
        max_length=column_length(Person, "given_name"),
    )
    family_name = forms.CharField(
        label="Last name",
        required=False,
        max_length=column_length(Person, "family_name"),
    )
    date_of_birth = DateField(label="Date of birth", required=False)
    match = forms.CharField(required=False)  # a suggested record's id, or "new"

    def __init__(self, *args: Any, number: int = 1, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.child = f"the {ordinal(number)} child"
        born = self.fields["date_of_birth"]
        assert isinstance(born, DateField)
        born.error_name = f"Date of birth of {self.child}"

    def has_content(self) -> bool:
        """Anything typed in the row, readable or not."""
        for name in ("given_name", "family_name", "date_of_birth"):
            value = self[name].value()
            parts = value if isinstance(value, list | tuple) else [value]
            if any(str(part or "").strip() for part in parts):
                return True
        return False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.has_content():
            if not (data.get("given_name") or "").strip():
                self.add_error("given_name", f"Enter the first name of {self.child}")
            if not (data.get("family_name") or "").strip():
                self.add_error("family_name", f"Enter the last name of {self.child}")
            born = data.get("date_of_birth")
            if born and born > clock.today():
                self.add_error(
                    "date_of_birth",
                    f"Date of birth of {self.child} must be today or in the past",
                )
        return data


ChildRows = forms.formset_factory(
    ChildRowForm, formset=NumberedRows, extra=CHILD_ROWS, max_num=CHILD_ROWS
)


class AdultRowForm(ChildRowForm):
    """A parent or carer, or the alleged perpetrator, named on the contact."""

    role = forms.ChoiceField(
        label="Named as",
        choices=AdultRole.choices,
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args: Any, number: int = 1, **kwargs: Any) -> None:
        super().__init__(*args, number=number, **kwargs)
        self.child = f"the {ordinal(number)} adult"
        born = self.fields["date_of_birth"]
        assert isinstance(born, DateField)
        born.error_name = f"Date of birth of {self.child}"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.has_content() and not data.get("role"):
            self.add_error("role", f"Say why {self.child} is named")
        return data


AdultRows = forms.formset_factory(
    AdultRowForm, formset=NumberedRows, extra=ADULT_ROWS, max_num=ADULT_ROWS
)


class DecisionForm(Form):
    decision = forms.ChoiceField(
        label="What happens next",
        choices=Decision.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    specialist_service = forms.CharField(
        label="Specialist service (for a specialist assessment)",
        required=False,
        max_length=column_length(ContactChild, "specialist_service"),
        help_text="For example, the disabled children's team",
    )
    threshold = forms.ChoiceField(
        label="Threshold level",
        required=False,
        help_text="Where the child's needs sit on the continuum of need",
    )
    urgency = forms.ChoiceField(
        label="Urgency (RAG rating)",
        choices=Urgency.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    reasoning = forms.CharField(
        label="Reasons for the decision",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="What you weighed up: the child's needs, risks and the family's "
        "views",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The council's own levels, read when the page is drawn (thresholds.py).
        levels = threshold_levels()
        field = self.fields["threshold"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Choose a level"), *((level, level) for level in levels)]

    def answered(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return any(
            (data.get(name) or "").strip()
            for name in ("decision", "reasoning", "threshold", "urgency")
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.answered():
            return data
        missing = {
            "decision": "Choose what happens next",
            "threshold": "Choose the threshold level",
            "urgency": "Choose the urgency: red, amber or green",
            "reasoning": "Give the reasons for the decision",
        }
        for name, words in missing.items():
            if not (data.get(name) or "").strip() and not self.has_error(name):
                self.add_error(name, words)
        if data.get("decision") == Decision.SPECIALIST_ASSESSMENT and not (
            (data.get("specialist_service") or "").strip()
        ):
            self.add_error(
                "specialist_service", "Name the specialist service asked to assess"
            )
        return data


class AcknowledgementForm(Form):
    """The referrer acknowledged: when and how, or why it was not possible."""

    on = DateField(label="Date the referrer was acknowledged", required=False)
    how = forms.ChoiceField(
        label="How",
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    not_possible = forms.CharField(
        label="Or: why the referrer could not be acknowledged",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example, the contact was anonymous",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (data.get("not_possible") or "").strip():
            return data
        if not data.get("on") and not self.has_error("on"):
            self.add_error(
                "on",
                "Enter the date the referrer was acknowledged, or why it was not "
                "possible",
            )
        if not data.get("how"):
            self.add_error("how", "Say how the referrer was told")
        return data


class FeedbackForm(Form):
    """The referrer told the decision: when and how."""

    on = DateField(
        label="Date the referrer was told the decision",
        error_messages={"required": "Enter the date"},
    )
    how = forms.ChoiceField(
        label="How",
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say how the referrer was told"},
    )


class CheckRequestForm(Form):
    """A multi-agency check asked for."""

    agency = forms.ChoiceField(
        label="Agency",
        choices=[("", "Choose an agency"), *Agency.choices],
        error_messages={"required": "Choose the agency"},
    )
    detail = forms.CharField(
        label="Which agency (for other)",
        required=False,
        max_length=column_length(AgencyCheck, "agency_detail"),
    )
    on = DateField(
        label="Date requested", error_messages={"required": "Enter the date"}
    )


class CheckReturnForm(Form):
    """A multi-agency check's answer."""

    on = DateField(label="Date returned", error_messages={"required": "Enter the date"})
    summary = forms.CharField(
        label="What the agency told us",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Summarise what the agency told us"},
    )
