"""Forms for documents: upload, a letter to issue, a template's wording."""

from typing import Any

from django import forms

from haven.core.forms import DateField, Form
from haven.documents.codes import UPLOADED_KINDS


class UploadForm(Form):
    file = forms.FileField(
        label="File",
        required=False,
        help_text="A PDF, a PNG or JPEG image, a Word document (.docx) or "
        "OpenDocument text (.odt).",
    )
    kind = forms.ChoiceField(
        label="What kind of document is it?",
        choices=[(k.value, k.label) for k in UPLOADED_KINDS],
        widget=forms.RadioSelect,
        required=False,
    )
    dated = DateField(
        label="Date on the document",
        required=False,
        help_text="For example, 27 3 2026",
    )
    description = forms.CharField(
        label="Description",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="What it is and who it is from.",
    )


class IssueLetterForm(Form):
    recipient = forms.TypedChoiceField(
        label="Who is the letter to?", coerce=int, required=False
    )

    def __init__(self, *args: Any, recipients: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["recipient"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [(p.pk, p.full_name) for p in recipients]
        field.widget = forms.RadioSelect(choices=field.choices)


class WordingForm(Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    body = forms.CharField(
        label="Wording",
        widget=forms.Textarea(attrs={"rows": 18}),
        required=False,
        help_text="Use the fields below in double braces, such as "
        "{{ child_name }}. Leave a blank line between paragraphs.",
    )
    reason = forms.CharField(
        label="Reason for the change",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
