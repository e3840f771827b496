"""Forms for a new version of a care plan or a placement plan. They check
shape; the services check the rules and name every fault at once. A form for
a later version starts from the version in force and asks what changed."""

from typing import Any

from django import forms

from haven.care.models import CarePlan
from haven.core.forms import DateField, Form


def _text(label: str, help_text: str = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        required=False,
    )


class _Version:
    """A plan's form asks what changed and why only from version 2 (a mixin,
    not a form: it is never shown itself)."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, first: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if first:
            del self.fields["what_changed"]


class CarePlanForm(_Version, Form):
    agreed_on = DateField(
        label="Date the plan was agreed",
        help_text="For example 27 3 2026",
        required=False,
    )
    what_changed = _text(
        "What changed since the last version, and why",
        "Kept with the plan's history for the child, their family and the IRO",
    )
    health = _text("Health", "The child's health needs and how they will be met")
    education = _text("Education", "School, learning and the personal education plan")
    emotional = _text("Emotional and behavioural development")
    identity = _text("Identity", "Religion, racial origin, culture and language")
    relationships = _text("Family and social relationships")
    contact = _text("Contact", "With parents, brothers and sisters, and others")
    changes = _text(
        "What must change, and by when",
        "Who does what, and the dates the plan depends on",
    )
    permanence = forms.ChoiceField(
        label="Plan for permanence",
        help_text="Needed by the second review; leave unchosen until decided",
        choices=CarePlan.Permanence.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    permanence_reason = _text("Why this is the plan for permanence")


class PlacementPlanForm(_Version, Form):
    agreed_on = DateField(
        label="Date the carer agreed the plan",
        help_text="Before the placement, or within 5 working days of its start",
        required=False,
    )
    agreed_with = forms.CharField(
        label="Carer who agreed the plan",
        help_text="Or the manager of the home",
        max_length=200,
        required=False,
    )
    what_changed = _text(
        "What changed since the last version, and why",
        "Kept with the plan's history",
    )
    needs = _text("How the placement will meet the child's needs")
    health = _text("Health care", "Their GP, dentist and appointments")
    education = _text("Education", "Their school, and how they will get there")
    contact = _text("Contact arrangements")
    delegated_authority = _text(
        "Day-to-day decisions the carer may make",
        "For example haircuts, school trips and sleepovers",
    )
    support = _text("Support for the child and the carer")
