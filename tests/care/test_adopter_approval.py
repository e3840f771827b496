"""Approving prospective adopters: the registration of interest seals the
first applicant's record for the Adoption worker role and starts stage 1
(ADO-STAGE1); the start of stage 2 starts ADO-STAGE2; the panel's
recommendation starts ADO-ADM; the decision meets both. The duties sit on the
sealed record, keyed on it, and show on the adoption worker's own work only.
Every step is refused out of order, before the step before it, and to anyone
but an adoption worker."""

import datetime as dt

import pytest

from haven.care.adoption import approval
from haven.core import access
from haven.core.errors import DomainError
from haven.core.models import JournalEvent, Restriction
from haven.timescales.models import Obligation
from haven.timescales.queue import my_work
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
D = dt.date
APPLICANTS = approval.Applicants(
    given_name="Ingrid",
    family_name="Halvorsen",
    joint_applicant="Tobias Halvorsen",
    address_line_1="3 Larkspur Close",
    town="Leeds",
    postcode="LS8 2QT",
)


@pytest.fixture
def ada(team):
    return make_user("ada", "adoption_worker", team)


@pytest.fixture
def registered(ada, today):
    return approval.register_interest(APPLICANTS, received_on=D(2026, 1, 5), by=ada)


def _codes(refused):
    failures = getattr(refused.value, "failures", None) or [refused.value]
    return sorted(f.code for f in failures)


def _due(rule_id):
    return Obligation.objects.get(rule_id=rule_id)


def test_registration_seals_the_applicant_and_starts_stage_one(
    registered, ada, alice, mona
):
    person = registered.applicant
    seal = Restriction.objects.get(person=person)
    assert seal.kind == Restriction.Kind.SEALED
    assert [g.name for g in seal.sealed_for.all()] == ["Adoption worker"]
    assert access.may_change(ada, person)
    assert not access.may_change(alice, person)
    assert not access.may_change(mona, person)
    stage_one = _due("ADO-STAGE1")
    assert (stage_one.person, stage_one.subject) == (person, str(person.pk))
    assert stage_one.due_on == D(2026, 3, 5)
    overdue, rest = my_work(ada)
    assert [i.rule_id for i in overdue + rest if i.person_id == person.pk] == [
        "ADO-STAGE1"
    ]
    for user in (alice, mona):
        overdue, rest = my_work(user)
        assert all(i.person_id != person.pk for i in overdue + rest)
    registered_event = JournalEvent.objects.get(type=approval.REGISTERED)
    assert "Halvorsen" not in str(registered_event.payload)


def test_the_steps_meet_the_stages_and_the_decision(registered, ada):
    approval.complete_stage_one(
        registered, on=D(2026, 2, 20), outcome="proceed", by=ada
    )
    assert _due("ADO-STAGE1").status == Obligation.Status.MET_ON_TIME
    approval.start_stage_two(registered, on=D(2026, 3, 2), by=ada)
    assert _due("ADO-STAGE2").due_on == D(2026, 7, 2)
    approval.receive_recommendation(
        registered, on=D(2026, 6, 1), recommends="yes", by=ada
    )
    assert _due("ADO-ADM").due_on == D(2026, 6, 10)
    approval.decide_approval(registered, on=D(2026, 6, 12), outcome="approved", by=ada)
    assert _due("ADO-ADM").status == Obligation.Status.MET_LATE
    assert _due("ADO-STAGE2").status == Obligation.Status.MET_ON_TIME
    registered.refresh_from_db()
    assert (registered.decided_on, registered.outcome) == (D(2026, 6, 12), "approved")


def test_each_step_is_refused_out_of_order_or_early(registered, ada):
    with pytest.raises(DomainError) as refused:
        approval.start_stage_two(registered, on=D(2026, 3, 2), by=ada)
    assert _codes(refused) == ["stage_one_not_passed"]
    with pytest.raises(DomainError) as refused:
        approval.complete_stage_one(registered, on=D(2026, 1, 1), outcome="", by=ada)
    assert _codes(refused) == ["before_previous_step", "outcome_required"]
    with pytest.raises(DomainError) as refused:
        approval.decide_approval(
            registered, on=D(2026, 3, 1), outcome="approved", by=ada
        )
    assert _codes(refused) == ["step_out_of_order"]


def test_only_an_adoption_worker_registers_or_records(registered, alice, ada):
    with pytest.raises(DomainError) as refused:
        approval.register_interest(APPLICANTS, received_on=D(2026, 1, 5), by=alice)
    assert _codes(refused) == ["not_permitted"]
    with pytest.raises(DomainError) as refused:
        approval.complete_stage_one(
            registered, on=D(2026, 2, 2), outcome="proceed", by=alice
        )
    assert _codes(refused) == ["not_permitted"]
    assert approval.approvals_for(alice) == []
    assert approval.approvals_for(ada) == [registered]


def test_a_registration_names_every_fault(ada, today):
    blank = approval.Applicants("", "", "", "", "", "")
    with pytest.raises(DomainError) as refused:
        approval.register_interest(blank, received_on=None, by=ada)
    assert _codes(refused) == [
        "address_required",
        "date_required",
        "name_required",
        "postcode_required",
    ]
