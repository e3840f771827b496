"""Names are found the way people type them, and results tell two children of
the same name apart (issue 15)."""

import datetime as dt

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.core.services import allocate_case, grant_access, restrict_record
from haven.people import finder, services
from haven.people.keys import fold, name_folds
from haven.people.models import Person

pytestmark = pytest.mark.django_db


def _register(given_name, family_name, by, born=dt.date(2015, 3, 9)):
    return services.register_person(
        {"given_name": given_name, "family_name": family_name, "date_of_birth": born},
        by=by,
    )


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("O'Kafor", "okafor"),
        ("o kafor", "okafor"),
        ("Zoë", "zoe"),
        ("Nguyễn", "nguyen"),
        ("Łukasz", "lukasz"),
        ("Smith-Jones", "smithjones"),
        ("  ", ""),
    ],
)
def test_a_name_folds_to_what_people_type(typed, folded):
    assert fold(typed) == folded


names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    max_size=30,
)


@given(names)
def test_folding_a_folded_name_changes_nothing(name):
    assert fold(fold(name)) == fold(name)


@pytest.mark.parametrize(
    "typed",
    ["okafor", "o kafor", "O'Kafor", "OKAFOR", "chidi okafor", "Chidi O'Kafor"],
)
def test_an_apostrophe_name_is_found_as_typed(typed, alice, mona, team):
    child = _register("Chidi", "O'Kafor", mona)
    assert child in finder.search(alice, name=typed)


@pytest.mark.parametrize(
    "typed", ["zoe", "zoe nguyen", "Zoë Nguyễn", "nguyen", "Nguyen", "zoe ngu"]
)
def test_an_accented_name_is_found_as_typed(typed, alice, mona, team):
    child = _register("Zoë", "Nguyễn", mona)
    assert child in finder.search(alice, name=typed)


def test_a_registered_and_a_renamed_person_have_their_folds(alice, mona, team):
    child = _register("Zoë", "Nguyễn", mona)
    assert (child.family_fold, child.name_fold) == ("nguyen", "zoenguyen")
    services.change_details(child, {"family_name": "O'Kafor"}, by=mona)
    child.refresh_from_db()
    assert (child.family_fold, child.name_fold) == ("okafor", "zoeokafor")
    assert child in finder.search(alice, name="okafor")


def test_a_restricted_child_is_not_found_by_a_folded_name_without_a_grant(
    alice, bob, mona, team
):
    child = _register("Zoë", "Nguyễn", mona)
    restrict_record(child, kind="restricted", reason="Staff relative", by=mona)
    assert finder.search(alice, name="zoe nguyen") == []
    grant_access(child, to=alice, reason="Allocated worker", by=mona)
    assert finder.search(alice, name="zoe nguyen") == [child]
    assert finder.search(bob, name="zoe nguyen") == []


lettered = st.text(
    alphabet=st.sampled_from("abcdeéëøłZÖ'- ỄßÆ"),
    min_size=1,
    max_size=12,
).filter(lambda s: fold(s) != "")


@pytest.mark.django_db
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(lettered, lettered)
def test_a_name_is_found_by_its_own_form_and_by_its_fold(
    alice, mona, team, given_name, family_name
):
    with transaction.atomic():
        child = _register(given_name.strip() or "A", family_name.strip() or "B", mona)
        own = f"{child.given_name} {child.family_name}"
        assert child in finder.search(alice, name=own)
        assert child in finder.search(alice, name=fold(own))
        assert child in finder.search(alice, name=fold(child.family_name))
        assert (child.family_fold, child.name_fold) == name_folds(
            child.given_name, child.family_name
        )
        transaction.set_rollback(True)


def test_results_tell_two_children_of_the_same_name_apart(
    client, alice, mona, team, other_team
):
    first = _register("Zoë", "Nguyễn", mona, born=dt.date(2014, 2, 1))
    second = _register("Zoe", "Nguyen", mona, born=dt.date(2019, 7, 30))
    services.record_move(
        first,
        line_1="3 Alder Row",
        town="Brackenfield",
        postcode="ZZ99 1AB",
        on=dt.date(2024, 1, 1),
        by=mona,
    )
    services.record_move(
        second,
        line_1="9 Kiln Close",
        town="Brackenfield",
        postcode="ZZ99 2CD",
        on=dt.date(2024, 1, 1),
        by=mona,
    )
    services.add_warning(
        second, kind="address_confidential", detail="Fled abuse", by=mona
    )
    allocate_case(first, team=team, worker=alice, by=mona)
    client.force_login(alice)
    html = client.get(reverse("people:list"), {"name": "zoe nguyen"}).content.decode()
    assert "1 February 2014" in html and "30 July 2019" in html
    assert "3 Alder Row, Brackenfield ZZ99 1AB" in html
    assert "9 Kiln Close" not in html
    assert "Withheld: the address must not be disclosed" in html
    assert "Alice Tester" in html


def test_the_list_of_records_shows_the_same_columns(client, alice, mona, team):
    _register("Zoë", "Nguyễn", mona)
    client.force_login(alice)
    html = client.get(reverse("people:list")).content.decode()
    assert "Lives at" in html and "Social worker" in html
    assert Person.objects.count() == 1


def test_the_migration_fills_the_folds_of_existing_rows(alice, mona, team):
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "haven.people.migrations.0012_name_folds_and_alleged_perpetrator"
    )
    child = _register("Chidi", "O'Kafor", mona)
    Person.objects.filter(pk=child.pk).update(family_fold="", name_fold="")
    assert finder.search(alice, name="o kafor") == []
    migration.fill_name_folds(apps, None)
    child.refresh_from_db()
    assert (child.family_fold, child.name_fold) == ("okafor", "chidiokafor")
    assert finder.search(alice, name="o kafor") == [child]
