"""Adoption: the decision, the match, placement for adoption under authority to
place, the adoption order ending care, the AD1 and PlacedAdoption rows, the
adoption timescales, and the sealed adopters read by adoption workers only."""

import datetime as dt

import pytest

from haven.care.adoption import decisions, returns, sealed
from haven.care.adoption.timescales import AUTHORITY
from haven.care.models import Adopters, Placement
from haven.core import clock
from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.timescales.models import Obligation
from tests.care.adoption_helpers import (
    CANARY_NAMES,
    CANARY_POSTCODE,
    CANARY_STREET,
    adopted,
    decided,
    matched,
    placed,
    the_match,
    under_placement_order,
)
from tests.care.factories import fostered, in_care
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def ada(team):
    """Ada, an adoption worker in Alice's team."""
    return make_user("ada", "adoption_worker", team)


@pytest.fixture
def period(child, carer, alice, today):
    return under_placement_order(child, carer, by=alice)


def test_the_placement_order_gives_authority_to_place_once(period, alice):
    events = JournalEvent.objects.filter(type=AUTHORITY)
    assert [e.payload["period"] for e in events] == [period.pk]
    assert Obligation.objects.filter(rule_id="ADO-REVIEW-UNPLACED").count() == 1


def test_the_child_is_placed_for_adoption_without_the_adopters_address(
    period, fostering, alice, ada
):
    adopters = placed(period, fostering, worker=alice, by=ada)
    placement = Placement.objects.get(pk=adopters.placement_id)
    assert placement.place == "A6"
    assert placement.address_line_1 == (
        "Placed for adoption, address held by the adoption team"
    )
    assert placement.postcode == fostering.postcode
    rules = set(Obligation.objects.values_list("rule_id", flat=True))
    assert {"ADO-REVIEW-PLACED", "ADO-VISIT"} <= rules


def test_no_journal_event_names_the_adopters(period, fostering, alice, ada):
    adopted(period, fostering, worker=alice, by=ada)
    text = str(list(JournalEvent.objects.values_list("payload", flat=True)))
    for canary in (CANARY_NAMES, CANARY_STREET, CANARY_POSTCODE, "Verbrugge"):
        assert canary not in text


def test_placing_needs_a_placement_order_in_force(
    child, carer, fostering, alice, ada, today
):
    period = in_care(child, by=alice, legal_status="C2", placement=fostered(carer))
    matched(period, worker=alice, by=ada)
    with pytest.raises(DomainError) as refused:
        sealed.place_for_adoption(
            period,
            placed_on=dt.date(2025, 10, 1),
            provider_id=fostering.pk,
            reason="CARPL",
            by=ada,
        )
    assert [f.code for f in refused.value.failures] == ["no_authority_to_place"]
    assert "placement order (E1)" in refused.value.failures[0].message


def test_only_an_adoption_worker_records_or_reads_the_adopters(period, alice, ada):
    decided(period, by=alice)
    with pytest.raises(DomainError):
        sealed.match_adopters(
            period, the_match(), matched_on=dt.date(2025, 9, 1), by=alice
        )
    sealed.match_adopters(period, the_match(), matched_on=dt.date(2025, 9, 1), by=ada)
    assert sealed.adopters_for(period.person, alice) is None
    found = sealed.adopters_for(period.person, ada)
    assert found is not None and found.names == CANARY_NAMES


def test_the_match_names_every_fault_at_once(period, alice, ada):
    decided(period, by=alice)
    with pytest.raises(DomainError) as refused:
        sealed.match_adopters(
            period,
            the_match(names="", sexes="MF", number=1, postcode=""),
            matched_on=dt.date(2025, 6, 1),
            by=ada,
        )
    assert sorted(f.code for f in refused.value.failures) == [
        "matched_before_decision",
        "names_required",
        "number_disagrees",
        "postcode_required",
        "sexes_disagree",
    ]


def test_the_adoption_order_ends_care_and_gives_the_ad1_row(
    period, fostering, alice, ada
):
    adopted(period, fostering, worker=alice, by=ada)
    period.refresh_from_db()
    assert (period.ended_on, period.reason_ended) == (dt.date(2026, 3, 2), "E11")
    row = returns.ad1_row(period.person, 2026)
    assert row is not None
    assert row.fields() == {
        "DATE_INT": dt.date(2025, 7, 1),
        "DATE_MATCH": dt.date(2025, 9, 1),
        "FOSTER_CARE": 0,
        "NB_ADOPTR": 2,
        "SEX_ADOPTR": "MM",
        "LS_ADOPTR": "L4",
    }
    assert returns.ad1_row(period.person, 2027) is None
    assert not Obligation.objects.filter(
        rule_id__startswith="ADO-", status="open"
    ).exists()


def test_a_plan_that_ceased_gives_both_dates_and_the_reason(period, alice):
    decided(period, by=alice)
    decisions.cease_adoption_plan(
        period, ceased_on=dt.date(2025, 8, 1), reason="RD1", by=alice
    )
    assert returns.placed_adoption_rows(period.person, 2026) == [
        {
            "DATE_PLACED": dt.date(2025, 7, 1),
            "DATE_PLACED_CEASED": dt.date(2025, 8, 1),
            "REASON_PLACED_CEASED": "RD1",
        }
    ]
    assert not Obligation.objects.filter(
        rule_id="ADO-REVIEW-UNPLACED", status="open"
    ).exists()


def test_previous_permanence_for_a_child_returning_to_care(period, alice):
    decisions.record_previous_permanence(
        period, code="P2", authority="e08000035", made_on=dt.date(2020, 5, 1), by=alice
    )
    assert returns.prev_perm_row(period.person, 2025) == {
        "PREV_PERM": "P2",
        "LA_PERM": "E08000035",
        "DATE_PERM": dt.date(2020, 5, 1),
    }


def test_str_of_the_sealed_record_never_names_them(period, alice, ada):
    adopters = matched(period, worker=alice, by=ada)
    assert "Verbrugge" not in str(adopters)
    assert Adopters.objects.count() == 1


def test_the_adopters_may_apply_ten_weeks_after_placement_never_overdue(
    client, period, fostering, alice, mona, ada
):
    """ADO-S42 is an earliest date, not a duty: shown on the Adoption section
    with its source (to be verified) while the child is placed, never an
    obligation; a council's own value replaces it, and says so."""

    from haven.timescales.earliest import earliest_from
    from haven.timescales.models import RuleSetting

    placed(period, fostering, worker=alice, by=ada)
    found = earliest_from("ADO-S42", dt.date(2025, 10, 1))
    assert found is not None
    assert (found.day, found.after) == (dt.date(2025, 12, 10), "10 weeks")
    assert "s42(2)" in found.source and "(to be verified)" in found.source
    assert not Obligation.objects.filter(rule_id="ADO-S42").exists()
    client.force_login(alice)
    page = client.get(f"/people/{period.person_id}/").content.decode()
    assert "Adopters may apply for the adoption order from" in page
    assert "10 December 2025: 10 weeks after the child went to live with them" in page
    RuleSetting.objects.create(
        rule_id="ADO-S42",
        deadline="+13 w",
        applies_from=dt.date(2020, 1, 1),
        reason="Our agency's practice",
        changed_by=mona,
        approved_by=mona,
        recorded_at=clock.now(),
    )
    local = earliest_from("ADO-S42", dt.date(2025, 10, 1))
    assert local is not None and local.day == dt.date(2025, 12, 31)
    assert local.source.startswith("the council's own value")
    sealed.make_adoption_order(
        period, adopted_on=dt.date(2026, 3, 2), reason="E11", by=ada
    )
    page = client.get(f"/people/{period.person_id}/").content.decode()
    assert "Adopters may apply" not in page
