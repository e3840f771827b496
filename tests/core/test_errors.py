"""One refusal carries every broken rule, and each lands beside its field."""

import pytest
from django import forms

from haven.core.errors import AccessDenied, DomainError, DomainErrors, Failures
from haven.core.forms import show_errors
from haven.core.templatetags.govuk import error_summary


class _Row(forms.Form):
    who = forms.CharField(required=False)


class _Form(forms.Form):
    reason = forms.CharField(required=False)
    consent = forms.ChoiceField(
        choices=[("y", "Yes"), ("n", "No")], widget=forms.RadioSelect
    )


def test_it_raises_one_error_carrying_every_failure():
    failures = Failures()
    failures.add("reason_required", "Enter the reason", field="reason")
    with failures.gather():
        raise DomainError("who_required", "Action 2: enter who", field="rows.1.who")
    with pytest.raises(DomainErrors) as refused:
        failures.raise_any()
    assert refused.value.codes == ["reason_required", "who_required"]
    assert refused.value.code == "reason_required"


def test_a_single_failure_is_raised_as_itself():
    failures = Failures()
    failures.add("reason_required", "Enter the reason", field="reason")
    with pytest.raises(DomainError) as refused:
        failures.raise_any()
    assert not isinstance(refused.value, DomainErrors)


def test_a_refusal_of_access_is_never_gathered():
    failures = Failures()
    with pytest.raises(AccessDenied), failures.gather():
        raise AccessDenied()


def test_it_puts_each_failure_on_its_field_or_row():
    form = _Form({"consent": "y"})
    rows = [_Row({}, prefix=f"row-{n}") for n in range(3)]
    assert form.is_valid() and all(row.is_valid() for row in rows)
    show_errors(
        DomainErrors(
            [
                DomainError("a", "Enter the reason", field="reason"),
                DomainError("b", "Action 2: enter who", field="rows.1.who"),
                DomainError("c", "Add an action", field="rows"),
                DomainError("d", "The plan is closed"),
            ]
        ),
        form,
        rows=rows,
    )
    assert form.errors["reason"] == ["Enter the reason"]
    assert rows[1].errors["who"] == ["Action 2: enter who"]
    assert rows[0].errors["who"] == ["Add an action"]
    assert form.non_field_errors() == ["The plan is closed"]


def test_a_field_keeps_the_error_the_form_found_first():
    form = _Form({})
    assert not form.is_valid()
    show_errors(DomainError("x", "Choose consent again", field="consent"), form)
    assert form.errors["consent"] == ["This field is required."]


def test_the_summary_links_a_radio_error_to_the_first_radio():
    form = _Form({"reason": ""})
    assert not form.is_valid()
    assert error_summary(form)["errors"] == [
        {"href": "#id_consent_0", "message": "This field is required."}
    ]
