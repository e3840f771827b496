"""Periods of care, moves, legal status changes and endings, through the
services: each writes its rows and its journal event, and each refusal names
every fault at once."""

import datetime as dt

import pytest

from haven.care import moves, services
from haven.care.models import LegalStatus, PeriodOfCare, Placement
from haven.care.placing import PlacementDetails
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.people.models import Address
from tests.care.factories import (
    ProviderFactory,
    fostered,
    in_care,
    in_home,
    in_need,
)

pytestmark = pytest.mark.django_db

START = dt.date(2025, 1, 10)
MOVE = dt.date(2025, 9, 1)


def _codes(refused):
    return sorted(f.code for f in refused.value.failures)


def test_a_child_starts_to_be_looked_after(child, alice, carer):
    period = in_care(child, by=alice, placement=fostered(carer))
    assert (period.started_on, period.need, period.ended_on) == (START, "N1", None)
    status = LegalStatus.objects.get(period=period)
    placement = Placement.objects.get(period=period)
    assert (status.code, status.started_on, status.ended_on) == ("C1", START, None)
    assert (placement.place, placement.carer, placement.provider) == (
        "U6",
        carer,
        carer.provider,
    )
    event = JournalEvent.objects.get(person=child, type="care.period_of_care_started")
    assert event.payload["placements"] == [placement.pk]
    assert event.occurred_at.date() == START


def test_the_address_is_the_carers_when_left_blank(child, alice, carer):
    Address.objects.create(
        person=carer.person,
        line_1="12 Birch Road",
        town="Otley",
        postcode="LS21 1AB",
        postcode_key="LS211AB",
        started_on=dt.date(2010, 1, 1),
    )
    details = fostered(carer, address_line_1="", town="", postcode="")
    period = in_care(child, by=alice, placement=details)
    placement = period.placements.get()
    assert (placement.address_line_1, placement.postcode) == (
        "12 Birch Road",
        "LS21 1AB",
    )


def test_a_childrens_home_placement_takes_the_homes_address(child, alice, home):
    period = in_care(child, by=alice, placement=in_home(home))
    placement = period.placements.get()
    assert (placement.address_line_1, placement.local_authority) == (
        "2 Larch Lane",
        "E08000035",
    )


def test_every_fault_in_starting_a_period_is_named_at_once(child, alice):
    with pytest.raises(DomainError) as refused:
        services.start_period_of_care(
            child,
            on=dt.date(2015, 1, 1),
            need="",
            legal_status="",
            placement=PlacementDetails(place="K2", postcode="nowhere"),
            by=alice,
        )
    assert _codes(refused) == [
        "address_required",
        "before_birth",
        "legal_status_required",
        "need_required",
        "no_open_episode",
        "postcode_format",
        "provider_required",
    ]
    assert not PeriodOfCare.objects.exists()


def test_a_stranger_may_not_start_a_period(child, bob, carer):
    with pytest.raises(AccessDenied):
        in_care(child, by=bob, placement=fostered(carer))


def test_a_period_cannot_overlap_another(child, alice, carer):
    period = in_care(child, by=alice, placement=fostered(carer))
    services.end_period_of_care(period, on=MOVE, reason="E4A", by=alice)
    with pytest.raises(DomainError) as refused:
        in_care(child, by=alice, on=dt.date(2025, 6, 1), placement=fostered(carer))
    assert _codes(refused) == ["overlaps_period_of_care"]
    # The day it ended, a new one may start.
    assert (
        in_care(child, by=alice, on=MOVE, placement=fostered(carer)).started_on == MOVE
    )


def test_a_move_ends_one_placement_and_starts_the_next_the_same_day(
    child, alice, carer, home
):
    period = in_care(child, by=alice, placement=fostered(carer))
    moved = moves.move_placement(
        period, on=MOVE, placement=in_home(home), reason="CREQB", by=alice
    )
    first, second = period.placements.order_by("started_on")
    assert (first.ended_on, first.change_reason) == (MOVE, "CREQB")
    assert (second, second.started_on, second.ended_on) == (moved, MOVE, None)
    event = JournalEvent.objects.get(person=child, type="care.placement_moved")
    assert event.payload["placements"] == [first.pk, second.pk]
    assert event.payload["ended"]["ended_on"] == "2025-09-01"


def test_a_move_needs_its_reason(child, alice, carer, home):
    period = in_care(child, by=alice, placement=fostered(carer))
    with pytest.raises(DomainError) as refused:
        moves.move_placement(
            period, on=MOVE, placement=in_home(home), reason="", by=alice
        )
    assert _codes(refused) == ["reason_required"]


def test_leaving_a_temporary_placement_records_no_reason(child, alice, carer, home):
    period = in_care(
        child, by=alice, placement=PlacementDetails("T4", home.pk, postcode="LS6 2AB")
    )
    with pytest.raises(DomainError) as refused:
        moves.move_placement(
            period, on=MOVE, placement=fostered(carer), reason="CARPL", by=alice
        )
    assert _codes(refused) == ["no_reason_for_temporary"]
    moves.move_placement(
        period, on=MOVE, placement=fostered(carer), reason="", by=alice
    )


def test_a_move_before_the_current_placement_started_is_refused(
    child, alice, carer, home
):
    period = in_care(child, by=alice, placement=fostered(carer))
    with pytest.raises(DomainError) as refused:
        moves.move_placement(
            period,
            on=START - dt.timedelta(days=3),
            placement=in_home(home),
            reason="CARPL",
            by=alice,
        )
    assert "placement_no_days" in _codes(refused)
    assert period.placements.count() == 1


def test_a_move_to_the_same_placement_is_refused(child, alice, carer):
    period = in_care(child, by=alice, placement=fostered(carer))
    with pytest.raises(DomainError) as refused:
        moves.move_placement(
            period, on=MOVE, placement=fostered(carer), reason="CARPL", by=alice
        )
    assert _codes(refused) == ["nothing_changes"]


def test_a_change_of_legal_status(child, alice, carer):
    period = in_care(child, by=alice, placement=fostered(carer))
    moves.change_legal_status(period, on=MOVE, code="C2", by=alice)
    statuses = list(period.legal_statuses.values_list("code", "started_on", "ended_on"))
    assert statuses == [("C1", START, MOVE), ("C2", MOVE, None)]
    event = JournalEvent.objects.get(person=child, type="care.legal_status_changed")
    assert (event.payload["code"], event.payload["previous_code"]) == ("C2", "C1")


def test_a_change_to_the_same_legal_status_is_refused(child, alice, carer):
    period = in_care(child, by=alice, placement=fostered(carer))
    with pytest.raises(DomainError) as refused:
        moves.change_legal_status(period, on=MOVE, code="C1", by=alice)
    assert _codes(refused) == ["legal_status_unchanged"]


def test_placed_for_adoption_needs_a_placement_order(child, alice, carer):
    period = in_care(child, by=alice, legal_status="C2", placement=fostered(carer))
    with pytest.raises(DomainError) as refused:
        moves.move_placement(
            period,
            on=MOVE,
            placement=fostered(carer, place="A5"),
            reason="PLACE",
            by=alice,
        )
    assert _codes(refused) == ["needs_placement_order"]
    moves.change_legal_status(period, on=MOVE, code="E1", by=alice)
    moves.move_placement(
        period,
        on=MOVE + dt.timedelta(days=20),
        placement=fostered(carer, place="A5"),
        reason="PLACE",
        by=alice,
    )
    # The placement order cannot now be taken away while the placement lasts.
    with pytest.raises(DomainError) as refused:
        moves.change_legal_status(
            period, on=MOVE + dt.timedelta(days=30), code="C2", by=alice
        )
    assert _codes(refused) == ["needs_placement_order"]


def test_placed_for_adoption_with_consent_is_not_under_an_interim_order(
    child, alice, carer
):
    with pytest.raises(DomainError) as refused:
        in_care(
            child, by=alice, legal_status="C1", placement=fostered(carer, place="A3")
        )
    assert _codes(refused) == ["needs_consent"]
    assert in_care(
        child, by=alice, legal_status="V2", placement=fostered(carer, place="A3")
    )


def test_a_short_break_is_one_placement(child, alice, carer, home):
    period = in_care(child, by=alice, legal_status="V3", placement=fostered(carer))
    with pytest.raises(DomainError) as refused:
        moves.move_placement(
            period, on=MOVE, placement=in_home(home), reason="CARPL", by=alice
        )
    assert _codes(refused) == ["short_break_move"]
    with pytest.raises(DomainError) as refused:
        moves.change_legal_status(period, on=MOVE, code="C2", by=alice)
    assert _codes(refused) == ["short_break_changes"]


def test_a_child_too_young_for_supported_accommodation(child, alice):
    supported = ProviderFactory(kind="supported")
    with pytest.raises(DomainError) as refused:
        in_care(child, by=alice, placement=in_home(supported, place="K3"))
    assert _codes(refused) == ["too_young_for_placement"]


def test_a_code_the_ssda903_has_not_that_year_is_refused(child, alice, home):
    # Z1 ("other placements") left the list for 2025-26.
    in_need(child, by=alice, on=dt.date(2025, 3, 1))
    with pytest.raises(DomainError) as refused:
        in_care(
            child,
            by=alice,
            on=dt.date(2025, 4, 1),
            placement=PlacementDetails(
                "Z1", postcode="LS6 2AB", address_line_1="1 A St"
            ),
        )
    assert _codes(refused) == ["place_not_in_year"]
    period = in_care(
        child,
        by=alice,
        on=dt.date(2025, 3, 1),
        placement=PlacementDetails("Z1", postcode="LS6 2AB", address_line_1="1 A St"),
    )
    assert period.placements.get().place == "Z1"


def test_ending_a_period_ends_its_placement_and_legal_status(child, alice, carer):
    period = in_care(child, by=alice, placement=fostered(carer))
    services.end_period_of_care(period, on=MOVE, reason="E4A", by=alice)
    period.refresh_from_db()
    assert (period.ended_on, period.reason_ended) == (MOVE, "E4A")
    assert period.placements.get().ended_on == MOVE
    assert period.legal_statuses.get().ended_on == MOVE
    with pytest.raises(DomainError) as refused:
        moves.change_legal_status(period, on=MOVE, code="C2", by=alice)
    assert refused.value.code == "period_ended"


def test_ending_needs_a_reason_and_a_day_after_the_last_change(child, alice, carer):
    period = in_care(child, by=alice, placement=fostered(carer))
    moves.change_legal_status(period, on=MOVE, code="C2", by=alice)
    with pytest.raises(DomainError) as refused:
        services.end_period_of_care(period, on=MOVE, reason="X1", by=alice)
    assert _codes(refused) == ["legal_status_no_days", "reason_required"]


def test_ending_with_died_needs_the_date_of_death(child, alice, carer):
    period = in_care(child, by=alice, placement=fostered(carer))
    with pytest.raises(DomainError) as refused:
        services.end_period_of_care(period, on=MOVE, reason="E2", by=alice)
    assert _codes(refused) == ["death_not_recorded"]
