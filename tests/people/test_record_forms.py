"""The register's forms: add (with the duplicate check), change, move, relate,
warn, merge and unmerge, and the managers' break-glass report."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.core.models import BreakGlass
from haven.core.services import allocate_case
from haven.people.identifiers import generate_nhs_number
from haven.people.models import Address, Person, Relationship
from tests.factories import AdultFactory, ChildFactory

pytestmark = pytest.mark.django_db

NEW = {
    "given_name": "Jasmine",
    "family_name": "Thackray",
    "date_of_birth_day": "4",
    "date_of_birth_month": "5",
    "date_of_birth_year": "2016",
    "sex": "F",
    "ethnicity": "WBRI",
}


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory(given_name="Jasmine", family_name="Thackray")
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


def test_a_new_person_is_added_and_allocated_to_the_team(client, alice):
    client.force_login(alice)
    response = client.post(reverse("people:new"), NEW)
    person = Person.objects.get(given_name="Jasmine")
    assert response.url == reverse("people:detail", args=[person.pk])
    assert person.allocations.get().team == alice.team
    assert person.journal.filter(type="people.person_registered").exists()


def test_likely_duplicates_are_shown_before_saving(client, alice, child):
    client.force_login(alice)
    typo = {**NEW, "given_name": "Jasmin", "family_name": "Thackeray"}
    html = client.post(reverse("people:new"), typo).content.decode()
    assert "Check this person is not already recorded" in html
    assert f'href="{child.get_absolute_url()}"' in html
    assert Person.objects.count() == 1
    checked = {**typo, "checked_duplicates": "yes"}
    html = client.post(reverse("people:new"), checked).content.decode()
    assert "tick to confirm none of these is the person" in html
    assert 'value="Thackeray"' in html  # nothing typed is lost
    confirmed = {**checked, "none_match": "yes"}
    assert client.post(reverse("people:new"), confirmed).status_code == 302
    assert Person.objects.count() == 2


def test_a_duplicate_the_user_may_not_open_is_named_only_by_its_team(
    client, bob, child
):
    client.force_login(bob)
    html = client.post(reverse("people:new"), NEW).content.decode()
    assert "A record you cannot open" in html
    assert "Assessment Team" in html
    assert child.get_absolute_url() not in html


def test_an_invalid_nhs_number_is_refused_in_words(client, alice):
    client.force_login(alice)
    html = client.post(
        reverse("people:new"), {**NEW, "nhs_number": "1234567890"}
    ).content.decode()
    assert "govuk-error-summary" in html
    assert "NHS number" in html
    assert not Person.objects.exists()


def test_an_nhs_number_already_in_use_is_refused(client, alice, child):
    import random

    child.nhs_number = generate_nhs_number(random.Random(3))
    child.save()
    client.force_login(alice)
    data = {**NEW, "given_name": "Other", "nhs_number": child.nhs_number}
    data.update(checked_duplicates="yes", none_match="yes")
    html = client.post(reverse("people:new"), data).content.decode()
    assert "already recorded for another person" in html


def test_changing_details_keeps_the_old_name(client, alice, child):
    client.force_login(alice)
    form = client.get(reverse("people:edit", args=[child.pk])).content.decode()
    assert 'value="Jasmine"' in form
    data = {**NEW, "family_name": "Okafor", "reason": "Adopted name", "version": "1"}
    assert client.post(reverse("people:edit", args=[child.pk]), data).status_code == 302
    child.refresh_from_db()
    assert child.family_name == "Okafor"
    assert child.names.get().family_name == "Thackray"
    event = child.journal.get(type="people.details_changed")
    assert event.reason == "Adopted name"


def test_a_move_keeps_the_address_history(client, alice, child):
    client.force_login(alice)
    url = reverse("people:add_address", args=[child.pk])
    first = {
        "line_1": "1 Test Row",
        "town": "Testford",
        "postcode": "zz99 1aa",
        "on_day": "1",
        "on_month": "2",
        "on_year": "2026",
    }
    assert client.post(url, first).status_code == 302
    early = {**first, "line_1": "2 Early Lane", "on_month": "1"}
    html = client.post(url, early).content.decode()
    assert "The move must be after 1 February 2026" in html
    assert client.post(url, {**first, "on_month": "3"}).status_code == 302
    assert list(
        Address.objects.order_by("started_on").values_list("ended_on", flat=True)
    ) == [
        dt.date(2026, 3, 1),
        None,
    ]


def test_a_relationship_shows_on_both_records(client, alice, child, team, mona):
    mother = AdultFactory(given_name="Maria", family_name="Thackray")
    allocate_case(mother, team=team, on=dt.date(2026, 1, 5), by=mona)
    client.force_login(alice)
    url = reverse("people:add_relationship", args=[child.pk])
    assert "Maria Thackray" in client.get(url, {"q": "Maria Thackray"}).content.decode()
    refused = client.post(url, {"kind": "mother"}).content.decode()
    assert "Choose the related person" in refused
    data = {"other": mother.pk, "kind": "mother"}
    assert client.post(url, data).status_code == 302
    assert Relationship.objects.get().kind == "mother"
    page = client.get(reverse("people:detail", args=[mother.pk])).content.decode()
    assert "Jasmine Thackray" in page


def test_a_warning_shows_in_the_identity_bar(client, alice, child):
    client.force_login(alice)
    url = reverse("people:add_warning", args=[child.pk])
    assert (
        "Describe the warning"
        in client.post(url, {"kind": "risk_to_staff"}).content.decode()
    )
    data = {"kind": "risk_to_staff", "detail": "Dog at the address"}
    client.post(url, data)
    page = client.get(reverse("people:detail", args=[child.pk])).content.decode()
    assert 'title="Dog at the address">Risk to staff' in page


def test_merge_and_unmerge_through_the_pages(client, alice, child, team, mona):
    twin = ChildFactory(given_name="Jasmin", family_name="Thackray")
    allocate_case(twin, team=team, on=dt.date(2026, 1, 5), by=mona)
    client.force_login(alice)
    url = reverse("people:merge", args=[child.pk])
    assert f"?d={twin.pk}" in client.get(url).content.decode()  # offered as a match
    refused = client.post(url, {"duplicate": twin.pk}).content.decode()
    assert "Give the reason for merging" in refused
    client.post(url, {"duplicate": twin.pk, "reason": "Same child, typo"})
    twin.refresh_from_db()
    assert twin.merged_into == child
    old = client.get(reverse("people:detail", args=[twin.pk]))
    assert old.url == reverse("people:detail", args=[child.pk])
    unmerge = reverse("people:unmerge", args=[twin.pk])
    assert client.post(unmerge, {"reason": "Twins, not one child"}).status_code == 302
    twin.refresh_from_db()
    assert twin.merged_into is None


def test_search_by_date_of_birth(client, alice, child):
    client.force_login(alice)
    found = client.get(
        reverse("people:list"),
        {
            "date_of_birth_day": "4",
            "date_of_birth_month": "5",
            "date_of_birth_year": "2016",
        },
    ).content.decode()
    assert "Jasmine Thackray</a>" in found
    wrong = client.get(
        reverse("people:list"),
        {
            "date_of_birth_day": "31",
            "date_of_birth_month": "2",
            "date_of_birth_year": "2016",
        },
    ).content.decode()
    assert "must be a real date" in wrong


def test_break_glass_uses_reach_the_managers_report(client, alice, mona, bob, child):
    from haven.core.services import break_glass

    client.force_login(alice)
    assert client.get(reverse("people:break_glass_report")).status_code == 403
    other = ChildFactory(given_name="Remote")
    break_glass(other, reason="Police called out of hours", by=alice)
    assert BreakGlass.objects.count() == 1
    client.force_login(mona)
    html = client.get(reverse("people:break_glass_report")).content.decode()
    assert "Police called out of hours" in html


def test_the_list_pages_without_counting_everyone(client, alice, team, mona):
    for n in range(53):
        child = ChildFactory(given_name=f"Kid{n:02}", family_name="Pager")
        allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    client.force_login(alice)
    first = client.get(reverse("people:list")).content.decode()
    assert first.count("Pager</a>") == 50
    assert 'rel="next"' in first
    second = client.get(reverse("people:list"), {"page": "2"}).content.decode()
    assert second.count("Pager</a>") == 3
    assert 'rel="next"' not in second and 'rel="prev"' in second
    assert client.get(reverse("people:list"), {"page": "x"}).status_code == 200


def test_a_known_as_name_is_found_by_search(client, alice, child):
    client.force_login(alice)
    url = reverse("people:add_known_as", args=[child.pk])
    assert "Enter the name they are known by" in client.post(url, {}).content.decode()
    client.post(url, {"given_name": "Jazz", "family_name": "Okonkwo"})
    found = client.get(reverse("people:list"), {"name": "Jazz Okonkwo"})
    assert "Jasmine Thackray</a>" in found.content.decode()


def test_a_new_upn_keeps_the_old_one_as_a_former_upn(alice, child):
    from haven.people import services
    from haven.people.identifiers import upn_with_check_letter

    first, second = (upn_with_check_letter(f"9991234567{n:02}") for n in (1, 2))
    services.change_details(child, {"upn": first}, by=alice)
    services.change_details(child, {"upn": second}, by=alice)
    assert list(child.former_upns.values_list("upn", flat=True)) == [first]


def test_a_restricted_record_is_not_hinted_at_by_the_duplicate_check(
    client, bob, child, mona
):
    from haven.core.services import restrict_record

    restrict_record(child, kind="sealed", reason="Adoption", by=mona)
    client.force_login(bob)
    html = client.post(reverse("people:new"), NEW).content.decode()
    assert "A record you cannot open" not in html
    assert "Check this person is not already recorded" not in html


def test_saving_unchanged_details_records_no_change(client, alice, child):
    client.force_login(alice)
    # As the child's record holds them (the factory answers 'No disability').
    form = {**NEW, "disabilities": ["NONE"], "reason": "", "version": "1"}
    client.post(reverse("people:edit", args=[child.pk]), form)
    assert not child.journal.filter(type="people.details_changed").exists()


def test_a_merged_away_record_is_not_opened_or_written_to(
    client, alice, child, team, mona
):
    from haven.people import services

    twin = ChildFactory(given_name="Jasmin", family_name="Thackray")
    allocate_case(twin, team=team, on=dt.date(2026, 1, 5), by=mona)
    services.merge_records(twin, into=child, reason="Same child", by=alice)
    client.force_login(alice)
    assert client.get(reverse("people:add_warning", args=[twin.pk])).status_code == 404
    assert client.get(f"/api/people/{twin.pk}/").status_code == 404
