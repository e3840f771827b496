"""Several case roles at once (issue 11 item 12): a looked-after child has a
social worker and an IRO, each with their own history; access follows every
role; the social worker's queue stays theirs; staff carry their registration."""

import pytest
from django.core.exceptions import ValidationError

from haven.casework import services
from haven.core import access
from haven.core.caseroles import CaseRole
from haven.core.chronology import describe
from haven.core.errors import DomainError
from haven.core.models import Allocation, JournalEvent, Team
from haven.core.selectors import current_allocation
from haven.people.selectors import chronology
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewing(service):
    return Team.objects.create(name="Independent Reviewing Service", parent=service)


@pytest.fixture
def ivy(reviewing):
    return make_user("ivy", "independent_reviewing_officer", reviewing)


def _iro(child, ivy, reviewing, mona, **kw):
    values = {"reason": "Came into care", "role": CaseRole.IRO}
    return services.transfer_case(
        child, team=reviewing, worker=ivy, by=mona, **(values | kw)
    )


def test_a_child_has_a_social_worker_and_an_iro_at_once(
    child, alice, mona, team, ivy, reviewing
):
    _iro(child, ivy, reviewing, mona)
    carol = make_user("carol", "social_worker", team)
    services.transfer_case(
        child,
        team=team,
        worker=carol,
        reason="Alice left",
        change_reason="LEFTRL",
        by=mona,
    )
    current = Allocation.objects.filter(person=child, ended_on__isnull=True)
    assert {(a.role, a.worker) for a in current} == {
        (CaseRole.SOCIAL_WORKER, carol),
        (CaseRole.IRO, ivy),
    }
    assert current_allocation(child).worker == carol
    assert current_allocation(child, CaseRole.IRO).worker == ivy
    social_worker = current.get(role=CaseRole.SOCIAL_WORKER)
    assert social_worker.change_reason == "LEFTRL"


def test_every_role_opens_the_record(child, mona, ivy, reviewing):
    assert access.why_user_may_open(ivy, child) is None
    _iro(child, ivy, reviewing, mona)
    assert access.why_user_may_open(ivy, child) is not None


def test_the_iro_is_named_as_such_in_the_chronology(child, mona, ivy, reviewing):
    _iro(child, ivy, reviewing, mona)
    event = JournalEvent.objects.filter(type="core.case_allocated").last()
    assert event.payload["role"] == "iro"
    assert describe(event).startswith("Independent reviewing officer: Allocated to")
    assert describe(event) in [describe(e) for e in chronology(child)]


def test_an_iro_must_be_named_and_able_to_review(child, mona, alice, team, reviewing):
    with pytest.raises(DomainError) as refused:
        services.transfer_case(
            child, team=reviewing, worker=None, reason="x", role=CaseRole.IRO, by=mona
        )
    assert refused.value.code == "worker_required"
    with pytest.raises(DomainError) as refused:
        services.transfer_case(
            child, team=team, worker=alice, reason="x", role=CaseRole.IRO, by=mona
        )
    assert refused.value.code == "worker_holds_no_cases"
    assert not Allocation.objects.filter(role=CaseRole.IRO).exists()


def test_the_social_workers_change_needs_its_ssda903_reason(child, mona, team):
    with pytest.raises(DomainError) as refused:
        services.transfer_case(child, team=team, worker=None, reason="x", by=mona)
    assert refused.value.code == "change_reason_required"


def test_the_iro_does_not_get_the_social_workers_duties(
    child, alice, mona, ivy, reviewing
):
    from django.db import transaction

    from haven.core import journal
    from haven.timescales.queue import my_work

    _iro(child, ivy, reviewing, mona)
    with transaction.atomic():
        journal.append(child, "frontdoor.contact_received", {"contact": 1}, by=mona)

    def duties(user):
        overdue, rest = my_work(user)
        return [i.rule_id for i in overdue + rest if i.person_id == child.pk]

    assert duties(alice) == ["REF-DECISION"]
    assert duties(ivy) == []


def test_a_registration_number_has_the_registers_form(alice):
    alice.swe_number = "SW123456"
    alice.full_clean()
    alice.swe_number = "123456"
    with pytest.raises(ValidationError) as refused:
        alice.full_clean()
    assert "for example SW123456" in str(refused.value)
