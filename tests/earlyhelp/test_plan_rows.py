"""Family plan errors name the row they are on, blank rows counted, and a row
with only a who or a date is an error rather than dropped."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.core.errors import DomainError
from haven.earlyhelp import services
from haven.earlyhelp.forms import PlanForm
from haven.earlyhelp.models import FamilyPlan
from haven.earlyhelp.services import ActionLine

pytestmark = pytest.mark.django_db

STARTED = dt.date(2026, 4, 2)


def date_fields(name, day):
    return {
        f"{name}_day": day.day,
        f"{name}_month": day.month,
        f"{name}_year": day.year,
    }


@pytest.fixture
def assessed(allocated, ellie):
    services.complete_assessment(
        allocated,
        family_agreed_on=allocated.requested_on,
        family_agreed_by="Mum",
        strengths="s",
        needs="n",
        analysis="a",
        completed_on=dt.date(2026, 4, 1),
        by=ellie,
    )
    return allocated


def test_the_form_numbers_actions_by_their_row():
    form = PlanForm(
        {
            **date_fields("started_on", STARTED),
            "action_2": "Book course",
            "who_2": "Ellie",
            **date_fields("by_when_2", dt.date(2026, 4, 20)),
            "who_4": "Mum",
        }
    )
    assert form.is_valid(), form.errors
    lines = form.actions()
    assert [(line.row, line.action, line.who) for line in lines] == [
        (2, "Book course", "Ellie"),
        (4, "", "Mum"),
    ]


def test_an_error_names_the_row_it_is_on(assessed, ellie):
    with pytest.raises(DomainError) as err:
        services.start_plan(
            assessed,
            family_agreed_by="Mum",
            started_on=STARTED,
            actions=[ActionLine("Book course", "", dt.date(2026, 4, 20), row=3)],
            by=ellie,
        )
    assert err.value.field == "who_3"
    assert err.value.message.startswith("Action 3:")


def test_a_row_with_no_action_text_is_an_error(assessed, ellie):
    with pytest.raises(DomainError) as err:
        services.start_plan(
            assessed,
            family_agreed_by="Mum",
            started_on=STARTED,
            actions=[
                ActionLine("Book course", "Ellie", dt.date(2026, 4, 20), row=1),
                ActionLine("", "Mum", dt.date(2026, 4, 20), row=3),
            ],
            by=ellie,
        )
    assert err.value.field == "action_3"
    assert err.value.message == "Action 3: enter what will be done"
    assert not FamilyPlan.objects.exists()


def test_without_row_numbers_the_place_in_the_list_counts(assessed, ellie):
    with pytest.raises(DomainError) as err:
        services.start_plan(
            assessed,
            family_agreed_by="Mum",
            started_on=STARTED,
            actions=[
                ActionLine("", "", None),
                ActionLine("Book course", "Ellie", dt.date(2026, 3, 1)),
            ],
            by=ellie,
        )
    assert err.value.field == "by_when_2"


def test_the_page_shows_the_error_on_the_row_typed(client, assessed, ellie):
    client.force_login(ellie)
    url = reverse("earlyhelp:plan", args=[assessed.pk])
    response = client.post(
        url,
        {
            **date_fields("started_on", STARTED),
            "action_1": "Book course",
            "who_1": "Ellie",
            **date_fields("by_when_1", dt.date(2026, 4, 20)),
            "who_3": "Grandma",
            **date_fields("by_when_3", dt.date(2026, 4, 25)),
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Action 3: enter what will be done" in html
    assert 'id="id_action_3-error"' in html
    assert 'value="Grandma"' in html  # what was typed is kept
    assert not FamilyPlan.objects.exists()


def test_the_page_error_counts_blank_rows(client, assessed, ellie):
    client.force_login(ellie)
    url = reverse("earlyhelp:plan", args=[assessed.pk])
    response = client.post(
        url,
        {
            **date_fields("started_on", STARTED),
            "action_2": "Book course",
            **date_fields("by_when_2", dt.date(2026, 4, 20)),
        },
    )
    html = response.content.decode()
    assert 'id="id_who_2-error"' in html
    assert 'id="id_who_1-error"' not in html
