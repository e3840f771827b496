"""Forms about a looked-after child's reviews. They check shape; the services
check the rules and name every fault at once."""

from typing import Any

from django import forms

from haven.care.models import IroContact
from haven.care.reviews.codes import PARTICIPATION
from haven.care.reviews.owners import eligible_owners
from haven.core.codelists import offered
from haven.core.forms import DateField, Form
from haven.people.models import Person

ROWS = 3  # recommendation rows on the review form; more at the next review


def _text(label: str, rows: int = 3, **kw: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        required=False,
        **kw,
    )


class ReviewForm(Form):
    held_on = DateField(
        label="Date of the review", help_text="For example 27 3 2026", required=False
    )
    participation = forms.ChoiceField(
        label="How did the child take part?",
        choices=offered(PARTICIPATION),
        widget=forms.RadioSelect,
        required=False,
    )
    attended = _text("Who attended", help_text="Names, and their part in the case")

    def __init__(self, *args: Any, child: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owners = [("", "Choose a worker")] + [
            (str(u.pk), u.get_full_name() or u.username) for u in eligible_owners(child)
        ]
        for i in range(ROWS):
            n = i + 1
            self.fields[f"rec{i}-description"] = _text(
                f"Recommendation {n}", rows=2, help_text="Leave blank if none"
            )
            self.fields[f"rec{i}-owner"] = forms.ChoiceField(
                label=f"Who will carry out recommendation {n}",
                choices=owners,
                required=False,
            )
            due = DateField(label=f"Recommendation {n} due by", required=False)
            due.error_name = f"The due date of recommendation {n}"
            self.fields[f"rec{i}-due_on"] = due

    def recommendation_rows(self) -> list[tuple[str, str, Any]]:
        """(description, owner id, due date) of every row, blank ones too (the
        service skips them, and names a fault by its row's own number)."""
        data = self.cleaned_data
        return [
            (
                data.get(f"rec{i}-description") or "",
                data.get(f"rec{i}-owner") or "",
                data.get(f"rec{i}-due_on"),
            )
            for i in range(ROWS)
        ]


class RecommendationDoneForm(Form):
    on = DateField(label="Date it was done", required=False)
    note = _text("What was done")


class IroContactForm(Form):
    kind = forms.ChoiceField(
        label="What did you do?",
        choices=IroContact.Kind.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    on = DateField(label="Date", required=False)
    notes = _text("What you found", rows=4)


class EarlyReviewForm(Form):
    on = DateField(label="Date the review was asked for", required=False)
    reason = _text("Why the review is needed early")


class EscalationForm(Form):
    on = DateField(label="Date the concern was raised", required=False)
    concern = _text("The concern", rows=4)
    raised_with = forms.CharField(
        label="Raised with",
        help_text="The social worker or their manager, by name",
        required=False,
    )


class EscalateForm(Form):
    response = _text("What the last stage answered")
    on = DateField(label="Date escalated", required=False)
    raised_with = forms.CharField(
        label="Now raised with", help_text="By name and role", required=False
    )


class ResolveEscalationForm(Form):
    on = DateField(label="Date resolved", required=False)
    outcome = _text("Outcome", rows=4)


class DecisionsCirculatedForm(Form):
    on = DateField(label="Date the decisions were sent", required=False)
