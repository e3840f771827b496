"""Court proceedings and orders: a looked-after child's legal status follows
from the orders recorded (the order is the one place it is entered), orders
that end care end it with the right reason, the 26 weeks (CRT-26W) are the
engine's date and move with an extension, and police protection runs out on
the engine's date unless a later order takes its place."""

import datetime as dt

import pytest

from haven.care import moves
from haven.care.court import implied
from haven.care.court.aftermath import Aftermath
from haven.care.court.kinds import NEEDS_AN_ORDER, ORDER_FOR
from haven.care.court.orders import OrderDetails, discharge_order, record_order
from haven.care.court.proceedings import (
    dispose_proceedings,
    extend_proceedings,
    issue_proceedings,
)
from haven.care.models import CourtOrder, LegalStatus
from haven.care.status_corrections import correct_legal_status
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.timescales.models import Obligation
from haven.timescales.queue import my_work
from tests.care.factories import fostered, in_care

pytestmark = pytest.mark.django_db
D = dt.date
CARE_STARTS = D(2025, 1, 10)
ISSUED = D(2026, 1, 5)


def _codes(refused):
    failures = getattr(refused.value, "failures", None) or [refused.value]
    return sorted(f.code for f in failures)


def _statuses(child):
    return list(
        LegalStatus.objects.filter(period__person=child).order_by("started_on", "pk")
    )


def _care(child, alice, carer, code="V2", on=CARE_STARTS):
    return in_care(child, by=alice, on=on, legal_status=code, placement=fostered(carer))


def _order(child, alice, kind, on, **kw):
    kw.setdefault("court", "Leeds Family Court")
    return record_order(child, OrderDetails(kind=kind, made_on=on, **kw), by=alice)


def _issue(child, alice, on=ISSUED, kind="care"):
    return issue_proceedings(
        child, kind=kind, issued_on=on, court="Leeds Family Court", by=alice
    )


def test_an_order_changes_a_looked_after_childs_legal_status(child, alice, carer):
    _care(child, alice, carer)
    case = _issue(child, alice, on=D(2025, 2, 3))
    ico = _order(child, alice, "ico", D(2025, 2, 10), proceedings=case)
    first, second = _statuses(child)
    assert (first.code, first.order) == ("V2", None)
    assert (second.code, second.started_on, second.order) == ("C1", D(2025, 2, 10), ico)
    made = JournalEvent.objects.get(type="court.interim_care_order_made")
    assert made.payload["order"] == ico.pk and not made.payload["implied"]
    changed = JournalEvent.objects.get(type="care.legal_status_changed")
    assert changed.payload["order"] == ico.pk


def test_a_final_care_order_ends_the_interim_one_and_decides(child, alice, carer):
    _care(child, alice, carer)
    case = _issue(child, alice, on=D(2025, 2, 3))
    ico = _order(child, alice, "ico", D(2025, 2, 10), proceedings=case)
    full = _order(child, alice, "care", D(2025, 7, 21), proceedings=case)
    assert [s.code for s in _statuses(child)] == ["V2", "C1", "C2"]
    assert _statuses(child)[-1].order == full
    ico.refresh_from_db()
    case.refresh_from_db()
    assert ico.discharged_on == D(2025, 7, 21)
    assert (case.disposed_on, case.outcome) == (D(2025, 7, 21), "order")
    with pytest.raises(DomainError) as refused:
        _order(child, alice, "ico", D(2025, 9, 1))
    assert _codes(refused) == ["interim_after_care_order"]


def test_a_status_entered_alone_records_its_order(child, alice, carer):
    period = _care(child, alice, carer, code="C1")
    (status,) = _statuses(child)
    assert status.order.kind == "ico" and status.order.implied
    assert status.order.made_on == D(2025, 1, 10)
    moves.change_legal_status(period, on=D(2025, 6, 2), code="E1", by=alice)
    last = _statuses(child)[-1]
    assert (last.order.kind, last.order.implied) == ("placement", True)
    assert JournalEvent.objects.filter(type="court.order_made").count() == 1


def test_starting_care_finds_the_order_already_recorded(child, alice, carer):
    epo = _order(child, alice, "epo", D(2025, 1, 9), ends_on=D(2025, 1, 16))
    _care(child, alice, carer, code="L2")
    (status,) = _statuses(child)
    assert status.order == epo
    assert not CourtOrder.objects.filter(implied=True).exists()


def test_a_corrected_code_gets_its_order(child, alice, carer):
    _care(child, alice, carer)
    (status,) = _statuses(child)
    correct_legal_status(
        status, code="C2", started_on=status.started_on, why="Typed wrongly", by=alice
    )
    status.refresh_from_db()
    assert status.order.kind == "care"


@pytest.mark.parametrize(
    ("kind", "guardians", "reason"),
    [("sgo", "E47", "E47"), ("cao", "", "E41")],
)
def test_an_order_that_ends_care_ends_it_with_its_reason(
    child, alice, carer, kind, guardians, reason
):
    period = _care(child, alice, carer, code="C1")
    _order(child, alice, kind, D(2025, 8, 4), special_guardians=guardians)
    period.refresh_from_db()
    assert (period.ended_on, period.reason_ended) == (D(2025, 8, 4), reason)


def test_it_refuses_what_the_law_rules_out(child, alice, carer):
    with pytest.raises(DomainError) as refused:
        _order(child, alice, "care", D(2015, 1, 1), court="")
    assert _codes(refused) == ["before_birth", "court_required"]
    with pytest.raises(DomainError) as refused:
        _order(child, alice, "sgo", D(2026, 7, 1))
    assert _codes(refused) == ["date_in_future", "guardians_required"]
    child.date_of_birth = D(2008, 1, 1)
    child.save()
    with pytest.raises(DomainError) as refused:
        _order(child, alice, "supervision", D(2025, 3, 1))
    assert _codes(refused) == ["too_old_for_order"]


def test_an_interim_order_is_refused_after_the_decision(child, alice):
    case = _issue(child, alice, on=D(2025, 2, 3))
    dispose_proceedings(case, on=D(2025, 3, 3), outcome="withdrawn", by=alice)
    with pytest.raises(DomainError) as refused:
        _order(child, alice, "ico", D(2025, 3, 10), proceedings=case)
    assert _codes(refused) == ["interim_after_decision"]


def test_the_26_weeks_move_with_an_extension_and_end_at_the_decision(
    child, alice, today
):
    case = _issue(child, alice, on=D(2026, 1, 5))
    (due,) = Obligation.objects.filter(rule_id="CRT-26W")
    assert due.due_on == D(2026, 1, 5) + dt.timedelta(days=181)
    overdue, rest = my_work(alice)
    assert any(i.rule_id == "CRT-26W" for i in overdue + rest)
    extend_proceedings(
        case, weeks=8, granted_on=D(2026, 6, 1), reason="Expert report late", by=alice
    )
    moved = Obligation.objects.get(rule_id="CRT-26W")
    assert moved.pk == due.pk
    assert moved.due_on == D(2026, 1, 5) + dt.timedelta(days=181 + 56)
    with pytest.raises(DomainError) as refused:
        extend_proceedings(case, weeks=9, granted_on=None, reason="", by=alice)
    assert _codes(refused) == ["date_required", "reason_required", "weeks_required"]
    dispose_proceedings(case, on=D(2026, 6, 12), outcome="no_order", by=alice)
    moved.refresh_from_db()
    assert moved.status == Obligation.Status.MET_ON_TIME


def test_police_protection_runs_out_unless_an_order_follows(child, alice, carer):
    police = _order(child, alice, "police", D(2025, 1, 10), court="")
    _care(child, alice, carer, code="L1")
    (due,) = Obligation.objects.filter(rule_id="CRT-POLICE")
    assert due.due_on == D(2025, 1, 13) and due.subject == str(police.pk)
    _order(child, alice, "epo", D(2025, 1, 12), ends_on=D(2025, 1, 19))
    due.refresh_from_db()
    police.refresh_from_db()
    assert due.status == Obligation.Status.MET_ON_TIME
    assert police.discharged_on == D(2025, 1, 12)
    epo = Obligation.objects.get(rule_id="CRT-EPO")
    assert epo.due_on == D(2025, 1, 20)
    discharge_order(
        CourtOrder.objects.get(kind="epo"),
        on=D(2025, 1, 15),
        by=alice,
        aftermath=Aftermath(follows="accommodated"),
    )
    epo.refresh_from_db()
    assert epo.status == Obligation.Status.MET_ON_TIME


def test_only_those_who_may_record_the_childs_care(child, alice, bob, fiona):
    with pytest.raises(AccessDenied):
        _issue(child, bob)
    with pytest.raises(DomainError) as refused:
        _issue(child, fiona)
    assert _codes(refused) == ["not_permitted"]
    assert not JournalEvent.objects.filter(type__startswith="court.").exists()


def test_every_status_that_needs_an_order_has_one(child, alice, carer):
    period = _care(child, alice, carer, code="L1")
    for code, on in (("L2", D(2025, 1, 12)), ("C1", D(2025, 1, 19))):
        moves.change_legal_status(period, on=on, code=code, by=alice)
    _order(child, alice, "care", D(2025, 6, 30))
    for status in _statuses(child):
        assert status.code in NEEDS_AN_ORDER
        assert status.order.kind == ORDER_FOR[status.code]
    assert implied.running(child, "care", D(2025, 7, 1)) is not None


def test_the_legal_status_form_names_the_court_of_its_order(child, alice, carer):
    period = _care(child, alice, carer)
    moves.change_legal_status(
        period, on=D(2025, 3, 3), code="C1", court="Bradford Family Court", by=alice
    )
    order = _statuses(child)[-1].order
    assert (order.kind, order.court, order.implied) == (
        "ico",
        "Bradford Family Court",
        False,
    )
