"""Ceasing a plan outside a review (CAFA s45): the SEN2 reason, the notice and
the cease date; the plan's duties end; reason 5 is a transfer out."""

import pytest
from django.urls import reverse

from haven.core.errors import AccessDenied, DomainError, DomainErrors
from haven.send.changes import ceasing
from tests.conftest import make_user
from tests.send.changes_steps import DUE, ENDED, issued_plan, obligations
from tests.send.conftest import ago

pytestmark = pytest.mark.django_db


def test_ceasing_ends_the_plan_and_the_annual_review(sally, child, school):
    plan = issued_plan(child, sally, school)
    assert [s for _k, s, _d in obligations(child, "SEN-ANNUAL")] == [DUE]
    done = ceasing.cease(
        plan,
        reason="4",
        decided_on=ago(30),
        notice_on=ago(28),
        ceased_on=ago(1),
        by=sally,
    )
    plan.refresh_from_db()
    assert (plan.ceased_on, plan.cease_reason) == (ago(1), "4")
    assert (done.notice_on, done.transferred_to) == (ago(28), "")
    assert [s for _k, s, _d in obligations(child, "SEN-ANNUAL")] == [ENDED]
    with pytest.raises(DomainError) as refused:
        ceasing.cease(
            plan,
            reason="4",
            decided_on=ago(1),
            notice_on=ago(1),
            ceased_on=ago(1),
            by=sally,
        )
    assert refused.value.code == "plan_ceased"


def test_a_transfer_out_names_the_new_authority(sally, child, school):
    plan = issued_plan(child, sally, school)
    with pytest.raises(DomainError) as refused:
        ceasing.cease(
            plan,
            reason="5",
            decided_on=ago(3),
            notice_on=ago(2),
            ceased_on=ago(1),
            by=sally,
        )
    assert refused.value.code == "la_required"
    done = ceasing.cease(
        plan,
        reason="5",
        decided_on=ago(3),
        notice_on=ago(2),
        ceased_on=ago(1),
        transferred_to="202",
        by=sally,
    )
    assert done.transferred_to == "202"


def test_every_fault_at_once(sally, child, school):
    plan = issued_plan(child, sally, school)
    with pytest.raises(DomainErrors) as refused:
        ceasing.cease(
            plan,
            reason="",
            decided_on=ago(5),
            notice_on=ago(6),
            ceased_on=ago(-1),
            transferred_to="202",
            by=sally,
        )
    assert refused.value.codes == [
        "reason_required",
        "date_too_early",
        "date_in_future",
        "not_transferred",
    ]


def test_someone_without_access_is_refused(
    client, sally, alice, child, school, service
):
    plan = issued_plan(child, sally, school)
    other = make_user("otto", "send_officer", service)
    with pytest.raises(AccessDenied):
        ceasing.cease(
            plan,
            reason="4",
            decided_on=ago(1),
            notice_on=ago(1),
            ceased_on=ago(1),
            by=other,
        )
    client.force_login(alice)
    assert client.get(reverse("send:cease", args=[plan.pk])).status_code == 403
