"""The personal education plan form, and what its page says beside it. The
form checks shape; the service checks the rules and names every fault."""

from django import forms

from haven.care.models import PersonalEducationPlan
from haven.core.forms import DateField, Form

GUIDANCE = {
    "heading": "Personal education plan",
    "button": "Record the PEP",
    "guidance": (
        "The PEP is part of the care plan: start it with the care plan, within "
        "10 working days of the child coming into care, and review it each "
        "school term and before each looked-after review, with the school's "
        "designated teacher and the virtual school."
    ),
    "source": (
        "The Care Planning, Placement and Case Review (England) Regulations "
        '2010, regulation 5; "Promoting the education of looked-after and '
        'previously looked-after children" (DfE, February 2018)'
    ),
}


class PepForm(Form):
    held_on = DateField(label="Date of the PEP meeting", required=False)
    term = forms.ChoiceField(
        label="Which school term?",
        choices=PersonalEducationPlan.Term.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    school = forms.CharField(
        label="School (optional)",
        help_text="Leave blank for the school the child is on the roll of",
        required=False,
    )
    designated_teacher = forms.CharField(
        label="Designated teacher", help_text="Their name", required=False
    )
    virtual_school = forms.CharField(
        label="Virtual school (optional)",
        help_text="Who attended for the virtual school",
        required=False,
    )
    summary = forms.CharField(
        label="Targets and support agreed",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
