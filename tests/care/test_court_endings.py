"""An order that ends with none in its place changes a looked-after child's
legal status as the law implies: a care order discharged, an emergency
protection order over early, an interim care order ended by proceedings
decided without an order, or a supervision order made in place of a care
order. The user says whether care ended (and why, from the SSDA903 list) or
the child stays accommodated under section 20; Haven never picks the reason.
CRT-ICO starts with the interim care order and is met by its end."""

import datetime as dt

import pytest

from haven.care.court.aftermath import Aftermath
from haven.care.court.orders import OrderDetails, discharge_order, record_order
from haven.care.court.proceedings import dispose_proceedings, issue_proceedings
from haven.care.models import CourtOrder, LegalStatus, PeriodOfCare
from haven.core import clock
from haven.core.errors import DomainError
from haven.timescales.models import Obligation, RuleSetting
from tests.care.factories import fostered, in_care

pytestmark = pytest.mark.django_db
D = dt.date
CARE_STARTS = D(2025, 1, 10)
ENDS = Aftermath(follows="care_ends", reason="E4A")
STAYS = Aftermath(follows="accommodated")


def _codes(refused):
    failures = getattr(refused.value, "failures", None) or [refused.value]
    return sorted(f.code for f in failures)


def _care(child, alice, carer, code="V2"):
    in_care(
        child, by=alice, on=CARE_STARTS, legal_status=code, placement=fostered(carer)
    )


def _order(child, alice, kind, on, **kw):
    kw.setdefault("court", "Leeds Family Court")
    return record_order(child, OrderDetails(kind=kind, made_on=on, **kw), by=alice)


def _codes_now(child):
    statuses = LegalStatus.objects.filter(period__person=child)
    return [s.code for s in statuses.order_by("started_on", "pk")]


def _period(child):
    return PeriodOfCare.objects.get(person=child)


def _refused(action, **kw):
    with pytest.raises(DomainError) as refused:
        action(**kw)
    return _codes(refused)


def test_a_discharged_care_order_ends_care_for_the_reason_given(child, alice, carer):
    _care(child, alice, carer)
    care = _order(child, alice, "care", D(2025, 3, 3))
    on = D(2026, 2, 2)

    def discharge(**kw):
        return discharge_order(care, on=on, by=alice, **kw)

    assert _refused(discharge) == ["follows_required"]
    assert _refused(discharge, aftermath=Aftermath("care_ends")) == ["reason_required"]
    assert _refused(discharge, aftermath=Aftermath("care_ends", "E41")) == [
        "reason_is_an_order"
    ]
    assert _period(child).ended_on is None
    discharge(aftermath=ENDS)
    period = _period(child)
    assert (period.ended_on, period.reason_ended) == (on, "E4A")
    care.refresh_from_db()
    assert care.discharged_on == on


def test_an_emergency_protection_order_ended_early_can_leave_s20(child, alice, carer):
    _care(child, alice, carer, code="L2")
    epo = CourtOrder.objects.get(kind="epo")
    discharge_order(epo, on=D(2025, 1, 14), by=alice, aftermath=STAYS)
    assert _codes_now(child) == ["L2", "V2"]
    last = LegalStatus.objects.get(code="V2")
    assert (last.started_on, last.order) == (D(2025, 1, 14), None)
    assert _period(child).ended_on is None
    assert Obligation.objects.get(rule_id="CRT-EPO").status == "met_on_time"


def test_an_order_the_status_does_not_follow_asks_nothing(child, alice, carer):
    _care(child, alice, carer)
    care = _order(child, alice, "care", D(2025, 3, 3))
    _order(child, alice, "placement", D(2025, 9, 1))
    discharge_order(care, on=D(2025, 10, 1), by=alice)
    assert _codes_now(child) == ["V2", "C2", "E1"]
    assert _period(child).ended_on is None


def test_proceedings_decided_without_an_order_end_the_interim_status(
    child, alice, mona, carer
):
    RuleSetting.objects.create(
        rule_id="CRT-ICO",
        deadline="+8 w",
        applies_from=D(2020, 1, 1),
        reason="Our legal team reviews each interim care order at 8 weeks",
        changed_by=mona,
        approved_by=mona,
        recorded_at=clock.now(),
    )
    _care(child, alice, carer)
    case = issue_proceedings(
        child, kind="care", issued_on=D(2025, 2, 3), court="Leeds", by=alice
    )
    ico = _order(child, alice, "ico", D(2025, 2, 10), proceedings=case)
    due = Obligation.objects.get(rule_id="CRT-ICO")
    assert (due.subject, due.due_on) == (str(ico.pk), D(2025, 4, 7))
    on = D(2025, 3, 31)

    def decide(outcome, **kw):
        return dispose_proceedings(case, on=on, outcome=outcome, by=alice, **kw)

    assert _refused(decide, outcome="withdrawn") == ["follows_required"]
    assert _refused(decide, outcome="order", aftermath=ENDS) == ["record_the_order"]
    decide("withdrawn", aftermath=ENDS)
    period = _period(child)
    assert (period.ended_on, period.reason_ended) == (on, "E4A")
    ico.refresh_from_db()
    assert ico.discharged_on == on
    due.refresh_from_db()
    assert due.status == Obligation.Status.MET_ON_TIME


def test_a_supervision_order_in_place_of_a_care_order_ends_care(child, alice, carer):
    _care(child, alice, carer)
    care = _order(child, alice, "care", D(2025, 3, 3))
    on = D(2026, 1, 12)
    assert _refused(_order, child=child, alice=alice, kind="supervision", on=on) == [
        "reason_required"
    ]
    _order(child, alice, "supervision", on, reason="E4A")
    period = _period(child)
    assert (period.ended_on, period.reason_ended) == (on, "E4A")
    care.refresh_from_db()
    assert care.discharged_on == on


def test_a_final_supervision_order_ends_the_interim_care_order(child, alice, carer):
    _care(child, alice, carer)
    case = issue_proceedings(
        child, kind="care", issued_on=D(2025, 2, 3), court="Leeds", by=alice
    )
    ico = _order(child, alice, "ico", D(2025, 2, 10), proceedings=case)
    on = D(2025, 7, 7)
    _order(child, alice, "supervision", on, proceedings=case, reason="E13")
    ico.refresh_from_db()
    case.refresh_from_db()
    period = _period(child)
    assert ico.discharged_on == on
    assert (case.disposed_on, case.outcome) == (on, "order")
    assert (period.ended_on, period.reason_ended) == (on, "E13")


def test_a_supervision_order_for_a_child_not_in_care_ends_nothing(child, alice):
    made = _order(child, alice, "supervision", D(2025, 5, 5))
    assert made.pk and not PeriodOfCare.objects.filter(person=child).exists()
