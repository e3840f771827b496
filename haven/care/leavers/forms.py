"""The form for what was found at a care leaver's birthday. It checks shape;
the service checks the rules and names every fault at once. The answers are
the code lists' for the current collection year."""

from django import forms

from haven.care.leavers.keeping_in_touch import ACCOMMODATION, ACTIVITY, AGES, IN_TOUCH
from haven.core.codelists import offered
from haven.core.forms import DateField, Form


class BirthdayContactForm(Form):
    age = forms.TypedChoiceField(
        label="Which birthday is it for?",
        choices=[(str(age), f"{age}th birthday") for age in AGES],
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        required=False,
    )
    contacted_on = DateField(
        label="Date you were in touch, or last tried to be",
        help_text="For example, 27 3 2026",
        required=False,
    )
    in_touch = forms.ChoiceField(
        label="Is the authority in touch with them?",
        choices=offered(IN_TOUCH),
        widget=forms.RadioSelect,
        required=False,
    )
    activity = forms.ChoiceField(
        label="Their main activity",
        choices=offered(ACTIVITY),
        widget=forms.RadioSelect,
        required=False,
    )
    accommodation = forms.ChoiceField(
        label="Their accommodation, and whether it suits them",
        choices=offered(ACCOMMODATION, blank="Choose their accommodation"),
        required=False,
    )


def _text(label: str, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class PathwayPlanForm(Form):
    agreed_on = DateField(
        label="Date the plan was agreed",
        help_text="For example, 27 3 2026",
        required=False,
    )
    what_changed = _text(
        "What changed since the last version, and why",
        "Needed from the second version on",
    )
    accommodation = _text("Accommodation", "Where they will live, and the support")
    education = _text("Education, training and employment")
    health = _text("Health and wellbeing")
    relationships = _text("Family and social relationships")
    finance = _text("Money", "Income, budgeting and financial support")
    contingency = _text("If the plan breaks down", "The contingency plan")


class PathwayReviewForm(Form):
    held_on = DateField(label="Date of the review", required=False)
    outcome = _text("What the review found and decided")


class ReturnToEducationForm(Form):
    notified_on = DateField(label="Date they told the authority", required=False)
    programme = forms.CharField(
        label="The education or training they are pursuing or want to pursue",
        help_text="For example, a nursing degree starting in September",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class NeedsAssessmentForm(Form):
    completed_on = DateField(
        label="Date the assessment was completed",
        help_text="For example, 27 3 2026",
        required=False,
    )
    assessor = forms.CharField(
        label="Who carried out the assessment",
        help_text="Their name and role",
        required=False,
    )
    health = _text("Health and development")
    education = _text("Education, training and employment")
    support = _text("Support from family and others")
    finance = _text("Money", "What they have, and how they manage it")
    skills = _text("Skills for living independently")
    accommodation = _text("Care, support and accommodation")
    wishes = _text("Their wishes and feelings")


class PathwayReviewBookingForm(Form):
    review_on = DateField(
        label="Date the review is booked for",
        help_text="Today or later. For example, 27 3 2027",
        required=False,
    )
