"""Forms for an EHC plan's details and the consultation with settings. As in
forms.py, fields are optional so the service's message is the one shown."""

from typing import Any

from django import forms

from haven.core.forms import DateField, Form
from haven.send.codes import (
    PLAN_SETTINGS,
    RESIDENTIAL_SOURCE,
    WORK_BASED_SOURCE,
    CanMeet,
    DirectPayment,
    PlacementRank,
    Residential,
    SenSetting,
    WorkBased,
)
from haven.send.details import Arrangements, WhereGiven


def _date(label: str) -> DateField:
    return DateField(label=label, required=False, help_text="For example, 2 3 2026")


def _school() -> forms.CharField:
    return forms.CharField(
        label="School or setting: its URN or name",
        help_text="From the establishments list; a part of the name finds it if "
        "only one setting matches",
        required=False,
        max_length=200,
    )


def _codes(label: str, choices: Any, hint: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        help_text=hint,
        choices=[("", "None"), *choices],
        widget=forms.RadioSelect,
        required=False,
    )


class WhereForm(Form):
    """SEN2's "where": a URN or name, a UKPRN, or the kind of setting."""

    setting_codes: tuple[str, ...] = tuple(SenSetting.values)

    rank = forms.TypedChoiceField(
        label="Which setting is it?",
        choices=PlacementRank.choices,
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        required=False,
    )
    school = _school()
    ukprn = forms.IntegerField(
        label="Or its UKPRN",
        help_text="The 8-digit UK provider reference number, for a college or "
        "provider with no URN",
        required=False,
        error_messages={"invalid": "Enter the UKPRN as a number"},
    )
    sen_setting = forms.ChoiceField(
        label="Or, when it has no URN or UKPRN, the kind of setting",
        required=False,
    )
    other = forms.CharField(
        label="What the setting is",
        help_text="Needed for 'Other' and 'Not in education, for another reason'",
        required=False,
        max_length=200,
    )
    sen_unit = forms.BooleanField(label="In a SEN unit", required=False)
    resourced = forms.BooleanField(label="In resourced provision", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(c, SenSetting(c).label) for c in self.setting_codes]
        field = self.fields["sen_setting"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            ("", "None: it has a URN or UKPRN"),
            *choices,
        ]

    def given(self) -> WhereGiven:
        data = self.cleaned_data
        return WhereGiven(
            school=data["school"],
            ukprn=data["ukprn"],
            sen_setting=data["sen_setting"],
            other=data["other"],
            sen_unit=data["sen_unit"],
            resourced=data["resourced"],
        )


class NamedSettingForm(WhereForm):
    setting_codes = PLAN_SETTINGS


class PlacementForm(WhereForm):
    entered_on = _date("Date the child started there")
    left_on = _date("Date the child left (if they have)")
    residential = _codes("Residential", Residential.choices, RESIDENTIAL_SOURCE)
    work_based = _codes("Work-based learning", WorkBased.choices, WORK_BASED_SOURCE)


class LeavingForm(Form):
    left_on = _date("Date the child left")


class ArrangementsForm(Form):
    personal_budget = forms.BooleanField(
        label="A personal budget is taken up", required=False
    )
    organised = forms.BooleanField(
        label="Held as organised arrangements (the council or a third party "
        "arranges the provision)",
        required=False,
    )
    direct_payment = _codes("Direct payment", DirectPayment.choices)
    residential = _codes(
        "Residential placement the plan makes", Residential.choices, RESIDENTIAL_SOURCE
    )
    work_based = _codes(
        "Work-based learning the plan makes", WorkBased.choices, WORK_BASED_SOURCE
    )

    def given(self) -> Arrangements:
        data = self.cleaned_data
        return Arrangements(**{name: data[name] for name in self.fields})


class ConsultationForm(Form):
    school = _school()
    asked_on = _date("Date the setting was asked")


class ConsultationReplyForm(Form):
    replied_on = _date("Date the setting replied")
    answer = forms.ChoiceField(
        label="Can it meet the child's needs?",
        choices=CanMeet.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    reply = forms.CharField(
        label="The gist of the reply",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
