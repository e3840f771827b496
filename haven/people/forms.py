"""The register's forms. Services do the checking that needs the database;
forms turn typed text into values and say what is missing."""

from typing import Any

from django import forms

from haven.core.codelists import offered
from haven.core.conflicts import VersionField
from haven.core.forms import DateField, Form, column_length
from haven.people.codes import (
    Ethnicity,
    ImmigrationStatusKind,
    RelationshipKind,
    ResponsibilityBasis,
    Sex,
    WarningKind,
)
from haven.people.models import Address, ImmigrationStatus, Person, PersonName


class PersonForm(Form):
    given_name = forms.CharField(
        label="First name",
        max_length=column_length(Person, "given_name"),
        error_messages={"required": "Enter the first name"},
    )
    family_name = forms.CharField(
        label="Last name",
        max_length=column_length(Person, "family_name"),
        error_messages={"required": "Enter the last name"},
    )
    date_of_birth = DateField(
        label="Date of birth",
        required=False,
        help_text="For example, 27 3 2019. Haven works out from it whether they are "
        "a child (under 18) or an adult. If no date is known, they are treated as "
        "a child unless recorded as someone's parent or carer",
    )
    expected_date_of_birth = DateField(
        label="Expected date of birth",
        required=False,
        help_text="Only for an unborn child",
    )
    sex = forms.ChoiceField(
        label="Sex",
        choices=offered("sex"),
        widget=forms.RadioSelect,
        initial=Sex.UNKNOWN,
        help_text="For an unborn child, Unknown",
    )
    gender_identity = forms.CharField(
        label="Gender identity (optional)",
        required=False,
        max_length=column_length(Person, "gender_identity"),
        help_text="In the person's own words, where they have told you",
    )
    ethnicity = forms.ChoiceField(
        label="Ethnicity", choices=offered("ethnicity"), initial=Ethnicity.NOBT
    )
    first_language = forms.CharField(
        label="First language (optional)",
        required=False,
        max_length=column_length(Person, "first_language"),
    )
    religion = forms.CharField(
        label="Religion (optional)",
        required=False,
        max_length=column_length(Person, "religion"),
    )
    disabilities = forms.MultipleChoiceField(
        label="Disabilities",
        choices=offered("disabilities"),
        required=False,
        help_text="The children in need census asks for them by the time an "
        "assessment is authorised: choose 'No disability' if the child has none",
        widget=forms.CheckboxSelectMultiple,
    )
    nhs_number = forms.CharField(
        label="NHS number (optional)",
        required=False,
        help_text="10 digits, for example 485 777 3456",
    )
    upn = forms.CharField(
        label="Unique pupil number (optional)",
        required=False,
        help_text="13 characters, starting with a letter",
    )
    upn_unknown = forms.ChoiceField(
        label="If there is no UPN, why not? (optional)",
        choices=offered("upn_unknown", blank="Choose a reason"),
        required=False,
        help_text="DfE UPNunknown codes, for the children in need census",
    )
    local_id = forms.CharField(
        label="Local person ID (optional)",
        required=False,
        help_text="Up to 20 letters or digits. Sent to the DfE as the child's "
        "LAchildID; without one, Haven sends H and the Haven ID",
    )
    date_of_death = DateField(label="Date of death", required=False)


class EditPersonForm(PersonForm):
    version = VersionField()
    reason = forms.CharField(
        label="Why are you changing these details?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example, a new name after adoption, or a typing mistake",
    )


class NewPersonForm(PersonForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["date_of_death"]


class KnownAsForm(Form):
    given_name = forms.CharField(
        label="First name they are known by",
        max_length=column_length(PersonName, "given_name"),
        error_messages={"required": "Enter the name they are known by"},
    )
    family_name = forms.CharField(
        label="Last name (optional)",
        required=False,
        max_length=column_length(PersonName, "family_name"),
    )


class AddressForm(Form):
    line_1 = forms.CharField(
        label="Address line 1",
        max_length=column_length(Address, "line_1"),
        error_messages={"required": "Enter address line 1"},
    )
    line_2 = forms.CharField(
        label="Address line 2 (optional)",
        required=False,
        max_length=column_length(Address, "line_2"),
    )
    town = forms.CharField(
        label="Town or city",
        max_length=column_length(Address, "town"),
        error_messages={"required": "Enter the town or city"},
    )
    postcode = forms.CharField(
        label="Postcode", error_messages={"required": "Enter the postcode"}
    )
    on = DateField(
        label="Lives here from",
        error_messages={"required": "Enter the date they started living here"},
    )


class RelationshipForm(Form):
    other = forms.IntegerField(
        label="Person",
        widget=forms.HiddenInput,
        error_messages={"required": "Choose the related person"},
    )
    kind = forms.ChoiceField(
        label="They are this person's",
        choices=[("", "Choose")] + list(RelationshipKind.choices),
        error_messages={"required": "Choose how they are related"},
    )
    started_on = DateField(label="Since (optional)", required=False)
    alleged_perpetrator = forms.BooleanField(
        label="They are alleged to have harmed this person",
        help_text="Shown on the family network, so no one sends them the "
        "child's address or invites them unawares",
        required=False,
    )


class ResponsibilityForm(Form):
    """Who has parental responsibility for the child; `holders` are the choices
    (a related person, or "la" for the local authority)."""

    holder = forms.ChoiceField(
        label="Who has parental responsibility?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who has parental responsibility"},
    )
    basis = forms.ChoiceField(
        label="On what legal basis?",
        widget=forms.RadioSelect,
        choices=[
            (code, words)
            for code, words in ResponsibilityBasis.choices
            if code != ResponsibilityBasis.NOT_RECORDED
        ],
        help_text="The wording follows the Children Act 1989 ss.2-4A, 5, 12(2), 14C, "
        "33(3) and 44(4), and the Adoption and Children Act 2002 ss.25 and 46",
        error_messages={"required": "Choose the legal basis"},
    )
    started_on = DateField(
        label="From",
        help_text="For a parent since birth, the date of birth; for an order, the "
        "date it was made",
        error_messages={"required": "Enter the date it started"},
    )
    ended_on = DateField(
        label="To (optional)",
        required=False,
        help_text="When the order ended or was discharged. It ends at 18 anyway",
    )

    def __init__(
        self, *args: Any, holders: list[tuple[str, str]] | None = None, **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.fields["holder"].choices = holders or []  # type: ignore[attr-defined]


class ImmigrationStatusForm(Form):
    status = forms.ChoiceField(
        label="Immigration status",
        choices=ImmigrationStatusKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the status"},
    )
    detail = forms.CharField(
        label="Describe it (needed for Other)",
        required=False,
        max_length=column_length(ImmigrationStatus, "detail"),
        help_text="For example, the Home Office reference or the leave's conditions",
    )
    started_on = DateField(
        label="From",
        error_messages={"required": "Enter the date it started"},
    )
    ended_on = DateField(
        label="To (optional)",
        required=False,
        help_text="For UASC, the date UASC status ceased (DfE SSDA903 DUC): no later "
        "than the child's 18th birthday",
    )


class WarningForm(Form):
    kind = forms.ChoiceField(
        label="Kind of warning",
        choices=WarningKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the kind of warning"},
    )
    detail = forms.CharField(
        label="What should staff know?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Describe the warning"},
    )


class MergeForm(Form):
    duplicate = forms.IntegerField(
        label="Haven ID of the duplicate record",
        error_messages={"required": "Enter the Haven ID of the duplicate record"},
    )
    reason = forms.CharField(
        label="Why are these the same person?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give the reason for merging"},
    )


class ReasonForm(Form):
    reason = forms.CharField(
        label="Why are you separating these records?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give the reason for unmerging"},
    )


class MergeDecisionForm(Form):
    decision = forms.ChoiceField(
        label="Do you agree to the merge?",
        choices=[
            ("agree", "Agree: these are the same person, merge the records"),
            ("decline", "Decline: keep the records apart"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether you agree to the merge"},
    )
    note = forms.CharField(
        label="What should the worker who asked know?",
        help_text="Needed if you decline",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == "decline" and not cleaned.get("note", "").strip():
            self.add_error("note", "Say why you are declining the merge")
        return cleaned


class HouseholdJoinForm(Form):
    """Who lives with the child: `choices` are the people the worker may add
    (their relatives and those at the same address, whose records they open)."""

    # Not required here: the service names an empty choice with every other
    # fault at once.
    members = forms.MultipleChoiceField(
        label="Who lives with them?",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Select all that apply",
    )

    def __init__(
        self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].choices = choices  # type: ignore[attr-defined]


class HouseholdLeaveForm(Form):
    """Who has left the household, and why."""

    leaving = forms.MultipleChoiceField(
        label="Who no longer lives with them?",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Select all that apply",
    )
    reason = forms.CharField(
        label="Why? For example, moved to their father's on 3 March",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(
        self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["leaving"].choices = choices  # type: ignore[attr-defined]


class AllegationForm(Form):
    """Whether a relative is alleged to have harmed the child, and why."""

    alleged = forms.ChoiceField(
        label="Are they alleged to have harmed the child?",
        choices=[
            ("yes", "Yes: an allegation has been made"),
            ("no", "No: the allegation is withdrawn, or was recorded in error"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether they are alleged to have harmed"},
    )
    reason = forms.CharField(
        label="Where does this come from?",
        help_text="For example, the strategy discussion on 3 March",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say where the allegation comes from"},
    )
