"""The UASC forms: the status beginning, and its ceasing."""

from haven.core.forms import DateField, Form

SOURCE = (
    "Children Act 1989, section 20; DfE SSDA903 guidance, UASC table (DUC); "
    '"Care of unaccompanied migrant children and child victims of modern '
    'slavery" (DfE, 2017)'
)
STARTED = {
    "heading": "Record unaccompanied asylum-seeking child status",
    "button": "Record the status",
    "guidance": (
        "A child is an unaccompanied asylum-seeking child (UASC) when they have "
        "applied for asylum in their own right, are separated from both parents "
        "and are not cared for by an adult who by law or custom is responsible "
        "for doing so. Record the day the status began; for a past period, the "
        "day it ceased too."
    ),
    "source": SOURCE,
}
CEASED = {
    "heading": "Record that UASC status ceased",
    "button": "Record the date",
    "guidance": (
        "UASC status ceases when the child is granted leave to remain, is found "
        "to be an adult, is reunited with family, or turns 18 at the latest."
    ),
    "source": SOURCE,
}


class UascForm(Form):
    started_on = DateField(label="Date the status began", required=False)
    ceased_on = DateField(
        label="Date the status ceased (optional)",
        help_text="Leave blank while the child is a UASC",
        required=False,
    )


class CeasedForm(Form):
    ceased_on = DateField(label="Date the status ceased", required=False)
