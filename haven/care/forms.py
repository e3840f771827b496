"""Forms for a looked-after child's care: starting a period of care, a move, a
change of legal status, ending the period, and correcting a placement. They
check shape; the services check the rules and name every fault at once."""

from typing import Any

from django import forms

from haven.care import directory
from haven.care.codes import (
    LEGAL_STATUS,
    NEED,
    NEEDS_903,
    PLACE_CHANGE,
    PLACEMENT,
    REASON_CEASED,
)
from haven.care.models import Placement
from haven.care.placing import PlacementDetails
from haven.core.codelists import offered
from haven.core.forms import DateField, Form, column_length
from haven.core.models import User


def _needs() -> list[tuple[str, str]]:
    # The SSDA903's category of need is N1 to N8 of the census's list.
    return [c for c in offered(NEED, blank="Choose")() if c[0] in {"", *NEEDS_903}]


def _reasons_ended() -> list[tuple[str, str]]:
    # X1 is between two episodes of one period, never the end of one.
    return [c for c in offered(REASON_CEASED, blank="Choose")() if c[0] != "X1"]


def _id(value: str) -> int | None:
    return int(value) if value and value.isdigit() else None


class PlacementFields(Form):
    """The fields every form that records a placement shares."""

    place = forms.ChoiceField(
        label="Type of placement",
        help_text="The SSDA903 placement type",
        choices=offered(PLACEMENT, blank="Choose"),
        required=False,
    )
    carer = forms.ChoiceField(
        label="Foster carer",
        help_text="For a foster placement: their fostering service is the provider",
        required=False,
    )
    provider = forms.ChoiceField(
        label="Provider",
        help_text="Leave blank for a foster placement (the carer's service) or a "
        "placement with parents",
        required=False,
    )
    address_line_1 = forms.CharField(
        label="Address the child lives at (optional)",
        help_text="Leave blank to use the carer's or provider's address",
        max_length=column_length(Placement, "address_line_1"),
        required=False,
    )
    town = forms.CharField(
        label="Town or city (optional)",
        max_length=column_length(Placement, "town"),
        required=False,
    )
    postcode = forms.CharField(
        label="Postcode (optional)", max_length=10, required=False
    )
    local_authority = forms.CharField(
        label="Local authority code (optional)",
        help_text="The ONS code of the authority the child is placed in, like "
        "E08000025",
        max_length=12,
        required=False,
    )

    def __init__(self, *args: Any, user: User, carer: int | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        carers = self.fields["carer"]
        providers = self.fields["provider"]
        assert isinstance(carers, forms.ChoiceField)
        assert isinstance(providers, forms.ChoiceField)
        carers.choices = [("", "None")] + directory.carer_choices(user, also=carer)
        providers.choices = [("", "None")] + directory.provider_choices()

    def placement(self) -> PlacementDetails:
        data = self.cleaned_data
        return PlacementDetails(
            place=data.get("place") or "",
            provider_id=_id(data.get("provider") or ""),
            carer_id=_id(data.get("carer") or ""),
            address_line_1=data.get("address_line_1") or "",
            town=data.get("town") or "",
            postcode=data.get("postcode") or "",
            local_authority=data.get("local_authority") or "",
        )


# The order behind a legal status is recorded with it (haven/care/court).
COURT_HINT = (
    "For an interim care, care, placement, emergency protection or child "
    "assessment order: the order is recorded with this date and court. Record "
    "orders in the child's Court section to give their details"
)


class StartPeriodForm(PlacementFields):
    started_on = DateField(
        label="Date they started to be looked after",
        help_text="For example, 27 3 2026",
        required=False,
    )
    need = forms.ChoiceField(
        label="Category of need",
        help_text="The main reason the child is looked after (SSDA903 CIN)",
        choices=_needs,
        required=False,
    )
    legal_status = forms.ChoiceField(
        label="Legal status",
        choices=offered(LEGAL_STATUS, blank="Choose"),
        required=False,
    )
    court = forms.CharField(
        label="Court that made the order (if the legal status is an order's)",
        help_text=COURT_HINT,
        required=False,
        max_length=120,
    )
    field_order = ["started_on", "need", "legal_status", "court"]


class MoveForm(PlacementFields):
    on = DateField(
        label="Date of the move",
        help_text="The current placement ends and the new one starts on this day",
        required=False,
    )
    reason = forms.ChoiceField(
        label="Why the current placement is ending",
        help_text="Leave blank only when leaving a temporary placement (T0 to T4)",
        choices=offered(PLACE_CHANGE, blank="Choose"),
        required=False,
    )
    field_order = ["on", "reason"]


class LegalStatusForm(Form):
    on = DateField(
        label="Date the legal status changed",
        help_text="The day the order was made or ended, for example 27 3 2026",
        required=False,
    )
    code = forms.ChoiceField(
        label="New legal status",
        choices=offered(LEGAL_STATUS, blank="Choose"),
        required=False,
    )
    court = forms.CharField(
        label="Court that made the order (if the legal status is an order's)",
        help_text=COURT_HINT,
        required=False,
        max_length=120,
    )


class EndPeriodForm(Form):
    ended_on = DateField(
        label="Date they ceased to be looked after",
        help_text="Their legal status and placement end on this day",
        required=False,
    )
    reason = forms.ChoiceField(
        label="Reason they ceased to be looked after",
        choices=_reasons_ended,
        required=False,
    )


class CorrectPlacementForm(PlacementFields):
    started_on = DateField(
        label="Date the placement started",
        help_text="Changing it moves the end of the placement before it too",
        required=False,
    )
    change_reason = forms.ChoiceField(
        label="Why the placement ended in a move",
        help_text="Only for a placement that ended in a move (not a temporary one)",
        choices=offered(PLACE_CHANGE, blank="Not ended by a move"),
        required=False,
    )
    why = forms.CharField(
        label="Why are you correcting this placement?",
        help_text="For example, the move was recorded on the wrong day",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    field_order = ["started_on"]


WHY_HELP = "For example, the order was recorded on the wrong day"


class CorrectLegalStatusForm(Form):
    started_on = DateField(
        label="Date the legal status started",
        help_text="Changing it moves the end of the legal status before it too",
        required=False,
    )
    code = forms.ChoiceField(
        label="Legal status",
        choices=offered(LEGAL_STATUS, blank="Choose"),
        required=False,
    )
    why = forms.CharField(
        label="Why are you correcting this legal status?",
        help_text=WHY_HELP,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class CorrectPeriodForm(Form):
    """The period's start and category of need; for a period that has ended,
    the day and reason too (a correction neither ends nor reopens one)."""

    started_on = DateField(
        label="Date they started to be looked after",
        help_text="The first legal status and placement start on this day too",
        required=False,
    )
    need = forms.ChoiceField(label="Category of need", choices=_needs, required=False)
    ended_on = DateField(
        label="Date they ceased to be looked after",
        help_text="The last legal status and placement end on this day too",
        required=False,
    )
    reason_ended = forms.ChoiceField(
        label="Reason they ceased to be looked after",
        choices=_reasons_ended,
        required=False,
    )
    why = forms.CharField(
        label="Why are you correcting this period of care?",
        help_text="For example, the child came into care the day before",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args: Any, ended: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if not ended:
            del self.fields["ended_on"], self.fields["reason_ended"]
