"""Render Django forms as GOV.UK Design System components.

Views and templates stay plain Django; these tags choose the component that fits
each widget and put errors where the Design System puts them.
"""

from typing import Any

from django import forms, template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

register = template.Library()


def _component(widget: forms.Widget) -> str:
    # CheckboxSelectMultiple subclasses RadioSelect, so it must be tested first or
    # every "choose all that apply" field renders as radios that allow one choice.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.MultiWidget):
        return "date"
    return "input"


@register.inclusion_tag("govuk/field.html")
def field(bound: forms.BoundField, **options: Any) -> dict[str, Any]:
    """One form field as a GOV.UK form group, with its label, hint and error."""
    widget = bound.field.widget
    parts = []
    if isinstance(widget, forms.MultiWidget):
        attrs = {"id": bound.auto_id} if bound.auto_id else {}
        context = widget.get_context(bound.html_name, bound.value(), attrs)
        parts = context["widget"]["subwidgets"]
    return {
        "field": bound,
        "parts": parts,
        "component": _component(widget),
        "options": _options(bound),
        "input_type": getattr(widget, "input_type", "text"),
        "classes": options.get("classes", ""),
        "label_size": options.get("label_size", ""),
        "autocomplete": options.get("autocomplete", ""),
        "is_page_heading": options.get("heading", False),
    }


def _options(bound: forms.BoundField) -> SafeString | None:
    """A one-choice select's options as HTML, made here rather than by a loop
    over Django's option widgets (a select of hundreds of workers took most of
    a page's rendering that way). The same choices, values and selection as
    Django's Select gives: the first option whose value is the field's is
    selected. None for any other widget, or choices in groups (the template
    renders those itself)."""
    widget = bound.field.widget
    if not isinstance(widget, forms.Select) or widget.allow_multiple_selected:
        return None
    values = widget.format_value(bound.value())
    rows, chosen = [], False
    for value, label in widget.choices:
        if isinstance(label, (list, tuple)):
            return None
        value = "" if value is None else value
        selected = not chosen and str(value) in values
        chosen |= selected
        rows.append((value, " selected" if selected else "", label))
    return format_html_join("", '<option value="{}"{}>{}</option>', rows)


@register.inclusion_tag("govuk/error_summary.html")
def error_summary(*forms_: forms.BaseForm | forms.BaseFormSet) -> dict[str, Any]:
    """The error summary at the top of a page: every error, linked to its field.

    Takes forms and formsets (each row's errors, in row order). Errors follow the
    order of the fields on the page, as the Design System asks.
    """
    errors = []
    for form in _each_form(forms_):
        for message in form.non_field_errors():
            errors.append({"href": "", "message": message})
        for bound in form:
            for message in bound.errors:
                errors.append({"href": f"#{_anchor(bound)}", "message": message})
    return {"errors": errors}


def _each_form(
    forms_: tuple[forms.BaseForm | forms.BaseFormSet | None, ...],
) -> list[forms.BaseForm]:
    found: list[forms.BaseForm] = []
    for item in forms_:
        if item is None or not item.is_bound:
            continue
        if isinstance(item, forms.BaseFormSet):
            found.extend(item.forms)
        else:
            found.append(item)
    return found


def _anchor(bound: forms.BoundField) -> str:
    """The id of the input a summary link moves focus to: the first of a group."""
    component = _component(bound.field.widget)
    if component == "date":
        return f"{bound.auto_id}_day"
    if component in ("radios", "checkboxes"):
        # Django numbers each choice's input: id_consent_0 is the first.
        return f"{bound.auto_id}_0"
    return str(bound.auto_id)
