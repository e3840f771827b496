import datetime as dt

import pytest

from haven.core.errors import AccessDenied, DomainError
from haven.core.models import Allocation, JournalEvent
from haven.people import services
from haven.people.models import Person

pytestmark = pytest.mark.django_db


def _types(person):
    return list(
        JournalEvent.objects.filter(person=person).values_list("type", flat=True)
    )


def _register(user, **extra):
    details = {
        "given_name": "Ruby",
        "family_name": "Sowerby",
        "date_of_birth": dt.date(2019, 2, 3),
        "sex": "F",
        "ethnicity": "WBRI",
        **extra,
    }
    return services.register_person(details, by=user)


def test_registering_journals_the_person_and_gives_the_case_to_the_team(alice, team):
    child = _register(alice)
    assert _types(child) == ["people.person_registered", "core.case_allocated"]
    assert Allocation.objects.get(person=child).team == team
    assert child.family_key == "S610"  # Soundex of Sowerby


def test_a_birth_date_and_an_expected_birth_date_cannot_both_be_given(alice):
    with pytest.raises(DomainError) as refused:
        _register(alice, expected_date_of_birth=dt.date(2027, 1, 1))
    assert refused.value.code == "both_birth_dates"
    assert not Person.objects.exists()


def test_no_disability_stands_alone(alice):
    with pytest.raises(DomainError) as refused:
        _register(alice, disabilities=["NONE", "AUT"])
    assert refused.value.code == "disability_none_alone"


def test_no_disability_is_recorded_twice(alice):
    # CIN census rule 8794.
    with pytest.raises(DomainError) as refused:
        _register(alice, disabilities=["AUT", "AUT"])
    assert refused.value.code == "disability_twice"


def test_a_name_change_keeps_the_former_name_and_journals_old_and_new(alice):
    child = _register(alice)
    services.change_details(child, {"family_name": "Redfern"}, by=alice)
    assert child.names.get().family_name == "Sowerby"
    event = JournalEvent.objects.filter(person=child).last()
    assert event.payload["before"] == {"family_name": "Sowerby"}
    assert event.payload["after"] == {"family_name": "Redfern"}


def test_a_move_ends_the_current_address(alice):
    child = _register(alice)
    services.record_move(
        child,
        line_1="1 Kiln Close",
        town="Havenford",
        postcode="zz99 1zz",
        on=dt.date(2025, 1, 1),
        by=alice,
    )
    services.record_move(
        child,
        line_1="2 Dale View",
        town="Havenford",
        postcode="ZZ992ZZ",
        on=dt.date(2026, 1, 1),
        by=alice,
    )
    first, second = child.addresses.order_by("started_on")
    assert first.ended_on == dt.date(2026, 1, 1)
    assert second.postcode == "ZZ99 2ZZ"
    with pytest.raises(DomainError) as refused:
        services.record_move(
            child,
            line_1="x",
            town="y",
            postcode="ZZ99 3ZZ",
            on=dt.date(2025, 6, 1),
            by=alice,
        )
    assert refused.value.code == "move_before_current_address"


def test_a_relationship_lands_on_both_records(alice):
    child = _register(alice)
    mother = _register(alice, given_name="Jo", date_of_birth=dt.date(1990, 1, 1))
    services.record_relationship(child, other=mother, kind="mother", by=alice)
    assert "people.relationship_recorded" in _types(child)
    assert "people.relationship_recorded" in _types(mother)


def test_a_worker_without_access_cannot_change_a_record(alice, bob):
    child = _register(alice)
    with pytest.raises(AccessDenied):
        services.change_details(child, {"given_name": "X"}, by=bob)


def test_merge_and_unmerge_restore_both_records(alice):
    child = _register(alice)
    twin = _register(alice, given_name="Rubie")
    with pytest.raises(DomainError) as refused:
        services.merge_records(twin, into=child, reason=" ", by=alice)
    assert refused.value.code == "reason_required"
    services.merge_records(twin, into=child, reason="Same child", by=alice)
    twin.refresh_from_db()
    assert twin.merged_into == child
    services.unmerge_records(twin, reason="Different children after all", by=alice)
    twin.refresh_from_db()
    assert twin.merged_into is None
    assert "people.unmerged" in _types(twin)
    assert "people.record_unmerged" in _types(child)
