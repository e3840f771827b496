"""The GOV.UK field tag renders each Django widget as the component a person expects."""

import pytest
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


# Django's own loop over a select's option widgets: what the tag's options
# (made in Python, haven.core.templatetags.govuk._options) must equal.
DJANGO_OPTIONS = Template(
    "{% for choice in form.choice %}"
    '<option value="{{ choice.data.value }}"{% if choice.data.selected %} selected'
    "{% endif %}>{{ choice.choice_label }}</option>{% endfor %}"
)


class Pick(forms.Form):
    choice = forms.ChoiceField(
        choices=[("", "Any"), ("1", "One & <two>"), (2, "Two"), ("1", "Again")],
        required=False,
    )


class PickPerson(forms.Form):
    choice = forms.ModelChoiceField(queryset=None, required=False)

    def __init__(self, *args, **kwargs):
        from haven.core.models import Team

        super().__init__(*args, **kwargs)
        self.fields["choice"].queryset = Team.objects.order_by("pk")


@pytest.mark.parametrize(
    "data", [None, {"choice": ""}, {"choice": "1"}, {"choice": "2"}, {"choice": "9"}]
)
def test_a_selects_options_are_djangos_own(data):
    form = Pick(data=data)
    html = FIELD.render(Context({"form": form}))
    assert DJANGO_OPTIONS.render(Context({"form": form})) in html
    # Unbound, the empty choice is the one selected; a value not offered
    # selects none; "1" selects its first option only.
    assert html.count(" selected") == (0 if data == {"choice": "9"} else 1)


@pytest.mark.django_db
def test_a_model_selects_options_are_djangos_own():
    from haven.core.models import Team

    teams = [Team.objects.create(name=f"Team <{n}>") for n in range(3)]
    for data in (None, {"choice": str(teams[1].pk)}):
        form = PickPerson(data=data)
        html = FIELD.render(Context({"form": form}))
        assert DJANGO_OPTIONS.render(Context({"form": form})) in html
        assert "Team &lt;1&gt;" in html
