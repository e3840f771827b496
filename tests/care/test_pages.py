"""The child's "Looked after" section and the care forms, through the pages."""

import datetime as dt

import pytest

from haven.care import moves
from haven.care.models import PeriodOfCare, Placement
from haven.core.models import JournalEvent
from tests.care.factories import fostered, in_care, in_home, in_need

pytestmark = pytest.mark.django_db


def _date(name, day, month=None, year=None):
    if isinstance(day, dt.date):
        day, month, year = day.day, day.month, day.year
    return {f"{name}_day": day, f"{name}_month": month, f"{name}_year": year}


def test_a_child_in_need_never_in_care_can_be_started(client, alice, child):
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Not looked after now" in page
    # No child in need episode yet: the section says what comes first.
    assert f"/looked-after/people/{child.pk}/start/" not in page
    assert "first record the referral" in page
    in_need(child, by=alice, on=dt.date(2026, 4, 1))
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert f"/looked-after/people/{child.pk}/start/" in page
    assert "first record the referral" not in page


def test_the_section_shows_the_placement_the_histories_and_the_episodes(
    client, alice, child, carer, home
):
    period = in_care(child, by=alice, placement=fostered(carer))
    moves.move_placement(
        period,
        on=dt.date(2025, 9, 1),
        placement=in_home(home),
        reason="CREQB",
        by=alice,
    )
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Larchfield House" in page
    assert "Maureen Fairweather" in page
    assert "Carer request due to child&#x27;s behaviour" in page
    assert "10/01/2025" in page and "01/09/2025" in page  # DECOM as the 903 writes it
    assert f"/looked-after/periods/{period.pk}/move/" in page


def test_an_iro_reads_the_section_without_the_buttons(
    client, child, carer, alice, team
):
    from haven.core.caseroles import CaseRole
    from haven.core.services import allocate_case
    from tests.conftest import make_user

    period = in_care(child, by=alice, placement=fostered(carer))
    iro = make_user("ivy", "independent_reviewing_officer", team)
    allocate_case(
        child,
        team=team,
        worker=iro,
        role=CaseRole.IRO,
        on=dt.date(2025, 2, 1),
        by=alice.team.managers.first() or alice,
    )
    client.force_login(iro)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Looked after since" in page
    assert f"/looked-after/periods/{period.pk}/move/" not in page


def test_starting_through_the_page(client, alice, child, carer):
    in_need(child, by=alice, on=dt.date(2026, 4, 1))
    client.force_login(alice)
    response = client.post(
        f"/looked-after/people/{child.pk}/start/",
        {
            **_date("started_on", dt.date(2026, 5, 1)),
            "need": "N1",
            "legal_status": "C1",
            "place": "U6",
            "carer": str(carer.pk),
            "address_line_1": "7 Ash Grove",
            "postcode": "LS6 1AA",
        },
    )
    assert response.status_code == 302
    assert PeriodOfCare.objects.get(person=child).started_on == dt.date(2026, 5, 1)


def test_a_form_with_its_own_faults_shows_the_services_too_and_writes_nothing(
    client, alice, child
):
    client.force_login(alice)
    response = client.post(
        f"/looked-after/people/{child.pk}/start/",
        {**_date("started_on", 30, 2, 2015), "place": "K2"},
    )
    page = response.content.decode()
    assert "Date they started to be looked after must be a real date" in page
    assert "Choose the category of need" in page
    assert "Choose the provider of this placement" in page
    assert not PeriodOfCare.objects.exists()
    assert not JournalEvent.objects.filter(type__startswith="care.").exists()


def test_a_move_refused_in_words(client, alice, child, carer):
    period = in_care(child, by=alice, legal_status="C2", placement=fostered(carer))
    client.force_login(alice)
    response = client.post(
        f"/looked-after/periods/{period.pk}/move/",
        {
            **_date("on", dt.date(2025, 9, 1)),
            "reason": "PLACE",
            "place": "A5",
            "carer": str(carer.pk),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "needs the legal status E1 (placement order)" in page
    assert Placement.objects.count() == 1


def test_a_stranger_is_refused_the_forms(client, bob, alice, child, carer):
    period = in_care(child, by=alice, placement=fostered(carer))
    client.force_login(bob)
    for url in (
        f"/looked-after/people/{child.pk}/start/",
        f"/looked-after/periods/{period.pk}/move/",
        f"/looked-after/placements/{period.placements.get().pk}/correct/",
    ):
        assert client.get(url).status_code == 403


def test_an_ended_period_shows_its_reason(client, alice, child, carer):
    from haven.care import services

    period = in_care(child, by=alice, placement=fostered(carer))
    services.end_period_of_care(period, on=dt.date(2025, 9, 1), reason="E4A", by=alice)
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Not looked after now" in page
    assert "Returned home to live with parent(s)" in page
    assert client.get(f"/looked-after/periods/{period.pk}/move/").status_code == 200
