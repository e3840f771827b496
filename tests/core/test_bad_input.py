"""Hostile or careless input is refused in words, never with a server error.

Each case here gave a 500 when the service was probed (issue 10, item 9)."""

import datetime as dt
import importlib
import inspect

import pytest
from django.urls import reverse

from haven.casework.models import CaseNote, Draft
from haven.core.services import allocate_case
from haven.people.models import Person
from tests.conftest import make_user
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

LONG = "A" * 100_000


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory()
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


@pytest.fixture
def signed_in(client, alice):
    client.force_login(alice)
    return client


def test_a_search_name_ending_in_the_last_code_point_finds_nothing(signed_in):
    response = signed_in.get(reverse("people:list"), {"name": "Ann\U0010ffff"})
    assert response.status_code == 200


def test_a_search_through_the_api_with_the_last_code_point_answers(signed_in):
    response = signed_in.get("/api/people/", {"name": "Ann\U0010ffff"})
    assert response.status_code == 200


@pytest.mark.parametrize("param", ["name", "identifier", "postcode"])
def test_a_search_with_a_nul_byte_is_answered(signed_in, param):
    assert signed_in.get(reverse("people:list"), {param: "A\x00n"}).status_code == 200
    assert signed_in.get("/api/people/", {param: "A\x00n"}).status_code == 200


def test_a_search_with_a_very_long_name_is_answered(signed_in):
    assert signed_in.get(reverse("people:list"), {"name": LONG}).status_code == 200
    assert signed_in.get("/api/people/", {"name": LONG}).status_code == 200


def test_a_year_of_ten_to_the_twentieth_is_not_a_real_date(signed_in):
    response = signed_in.get(
        reverse("people:list"),
        {
            "date_of_birth_day": "1",
            "date_of_birth_month": "1",
            "date_of_birth_year": str(10**20),
        },
    )
    assert response.status_code == 200
    assert "must be a real date" in response.content.decode()


@pytest.mark.parametrize("page", [str(10**23), "-1", "\x00", "9" * 5000])
def test_a_huge_page_number_shows_a_page(signed_in, child, page):
    for url in (
        reverse("people:list"),
        reverse("record:chronology", args=[child.pk]),
        reverse("casework:person", args=[child.pk]),
    ):
        assert signed_in.get(url, {"page": page}).status_code == 200, url
    searched = signed_in.get(reverse("people:list"), {"name": "x", "page": page})
    assert searched.status_code == 200


@pytest.mark.parametrize(
    "bound", ["9999-12-31", "0001-01-01", "+275760-09-13", "2026-02-30", "\x00"]
)
def test_a_chronology_filter_at_the_end_of_time_shows_the_chronology(
    signed_in, child, bound
):
    url = reverse("record:chronology", args=[child.pk])
    assert signed_in.get(url, {"to": bound}).status_code == 200
    assert signed_in.get(url, {"from": bound}).status_code == 200
    assert signed_in.get(url, {"from": bound, "format": "csv"}).status_code == 200


def test_a_nul_byte_in_a_note_is_refused_with_a_message(signed_in, child):
    response = signed_in.post(
        reverse("casework:record_note", args=[child.pk]),
        {
            "children": [child.pk],
            "kind": "visit",
            "occurred_on_day": "3",
            "occurred_on_month": "2",
            "occurred_on_year": "2026",
            "occurred_time": "10:00",
            "subject": "Home\x00 visit",
            "body": "Mum answered the door.",
        },
    )
    assert response.status_code == 200
    assert "Remove the invalid character from subject" in response.content.decode()
    assert not CaseNote.objects.exists()


def test_a_nul_byte_in_a_date_is_refused_by_the_date_s_name(signed_in):
    response = signed_in.post(
        reverse("people:new"),
        {
            "given_name": "Ann",
            "family_name": "Tester",
            "date_of_birth_day": "1\x00",
            "date_of_birth_month": "1",
            "date_of_birth_year": "2020",
        },
    )
    assert response.status_code == 200
    assert "Remove the invalid character from date of birth" in (
        response.content.decode()
    )


def test_a_hundred_thousand_character_name_is_refused(signed_in):
    response = signed_in.post(
        reverse("people:new"),
        {"given_name": LONG, "family_name": "Tester"},
    )
    assert response.status_code == 200
    assert not Person.objects.filter(family_name="Tester").exists()
    assert "First name must be 100 characters or fewer" in response.content.decode()


# Forms that are not Haven's own, each with the reason.
NOT_SAFE_INPUT = {
    "haven.core.forms.LoginForm": (
        "Django's AuthenticationForm: its username has a length and refuses NUL,"
        " and it writes nothing"
    ),
}


def test_every_haven_form_bounds_its_text_and_refuses_nul_bytes():
    from django import forms

    from haven.core.forms import SafeInput
    from tests.test_every_form_has_a_browser_test import haven_modules

    unsafe = []
    for module_name in haven_modules():
        module = importlib.import_module(module_name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            name = f"{value.__module__}.{value.__qualname__}"
            if (
                issubclass(value, forms.BaseForm)
                and value.__module__ == module_name
                and not issubclass(value, SafeInput)
                and name not in NOT_SAFE_INPUT
            ):
                unsafe.append(name)
    assert unsafe == [], "make these forms haven.core.forms.Form"


def test_a_note_naming_a_child_past_every_id_keeps_its_draft_without_error(
    signed_in, child
):
    response = signed_in.post(
        reverse("casework:record_note", args=[child.pk]),
        {"children": [str(10**23)], "draft": str(10**23), "body": "Mum\x00 was in"},
    )
    assert response.status_code == 200


def test_a_contact_page_cut_off_before_its_row_count_is_shown_again(client, team):
    client.force_login(make_user("fred", "front_door_worker", team))
    response = client.post(
        reverse("frontdoor:new_contact"),
        {"concerns": "Bruising", "child-0-given_name": "Quinn"},
    )
    assert response.status_code == 200


def test_a_nul_byte_typed_into_a_note_is_left_out_of_its_draft(signed_in, child):
    # PostgreSQL refuses NUL in JSON: the draft keeps the rest of the text.
    response = signed_in.post(
        reverse("casework:autosave"),
        {"person": child.pk, "children": [child.pk], "body": "Mum\x00 was in"},
    )
    assert response.status_code == 200
    assert Draft.objects.get().fields["body"] == ["Mum was in"]
