"""Forms for the children in need pages."""

from typing import Any

from django import forms

from haven.cin.codes import CLOSURE, NEED, ReviewDecision
from haven.core.codelists import offered
from haven.core.forms import DateField, Form, NumberedRows

ACTION_ROWS = 5


class StartPlanForm(Form):
    started_on = DateField(
        label="Date the plan started",
        help_text="Usually the date of the child in need meeting. For example, "
        "27 3 2026",
        required=False,
    )
    primary_need = forms.ChoiceField(
        label="Primary need",
        help_text="The main reason the child is in need (CIN census)",
        choices=offered(NEED, blank="Choose the primary need"),
        required=False,
    )


class ActionForm(Form):
    what_must_change = forms.CharField(
        label="What must change",
        help_text="For the child, in words the family understands",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    who = forms.CharField(label="Who will do it", required=False)
    by_when = DateField(label="By when", required=False)
    if_not_met = forms.CharField(
        label="What happens if it does not change",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args: Any, number: int = 1, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        by_when = self.fields["by_when"]
        assert isinstance(by_when, DateField)
        # The page has several actions alike: say which one the date belongs to.
        by_when.error_name = f"The date for action {number}"


ActionFormSet = forms.formset_factory(
    ActionForm,
    formset=NumberedRows,
    extra=ACTION_ROWS,
    min_num=0,
    max_num=ACTION_ROWS,
)


class ReviewForm(Form):
    held_on = DateField(label="Date of the review", required=False)
    summary = forms.CharField(
        label="What the review found",
        help_text="Progress against each action, and the child's view",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )
    attended = forms.CharField(
        label="Who attended",
        help_text="Names and roles: the child, parents, professionals",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    childs_views = forms.CharField(
        label="The child's views",
        help_text="In the child's own words where you can",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    parents_views = forms.CharField(
        label="The parents' views",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    decision = forms.ChoiceField(
        label="Decision",
        choices=ReviewDecision.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    next_review_on = DateField(
        label="Date of the next review",
        help_text="The date agreed at the review, if one was. Whatever is "
        "recorded, the next review is due by the local interval (shown on the "
        "plan). Not needed if the review ends the plan",
        required=False,
    )


class CloseEpisodeForm(Form):
    closed_on = DateField(label="Date of closure", required=False)
    reason = forms.ChoiceField(
        label="Reason for closure",
        help_text="The CIN census reason for closure",
        choices=offered(CLOSURE),
        widget=forms.RadioSelect,
        required=False,
    )
    summary = forms.CharField(
        label="Closing summary",
        help_text="What was done, what changed for the child, and why the episode "
        "is closing",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )
    step_down = forms.BooleanField(
        label="Step down to early help (ask the early help team to work with the "
        "family)",
        required=False,
    )
