"""The GOV.UK field tag renders each Django widget as the component a person expects."""

from django import forms
from django.template import Context, Template

FIELD = Template("{% load govuk %}{% field form.choice %}")


class MultiChoice(forms.Form):
    choice = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B"), ("c", "C")],
        widget=forms.CheckboxSelectMultiple,
    )


class OneChoice(forms.Form):
    choice = forms.ChoiceField(
        choices=[("a", "A"), ("b", "B"), ("c", "C")], widget=forms.RadioSelect
    )


def test_a_choose_all_that_apply_field_renders_checkboxes_not_radios():
    html = FIELD.render(Context({"form": MultiChoice()}))
    assert html.count('type="checkbox"') == 3
    assert 'type="radio"' not in html
    assert 'data-module="govuk-checkboxes"' in html


def test_a_choose_one_field_renders_radios():
    html = FIELD.render(Context({"form": OneChoice()}))
    assert html.count('type="radio"') == 3
    assert 'type="checkbox"' not in html


def test_several_ticked_boxes_stay_ticked_when_the_form_comes_back():
    html = FIELD.render(Context({"form": MultiChoice(data={"choice": ["a", "c"]})}))
    assert html.count(" checked") == 2
