"""Amending a final plan (SENDR reg 22): sending the proposed amendments
starts SEN-AMEND, 8 weeks by the catalogue; the final amended plan meets it,
and not before the family's 15 days are over."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.core.errors import AccessDenied, DomainError, DomainErrors
from haven.core.models import JournalEvent
from haven.send import reviews
from haven.send.changes import amendments
from tests.conftest import make_user
from tests.send.changes_steps import DUE, ENDED, MET, issued_plan, obligations
from tests.send.conftest import ago

pytestmark = pytest.mark.django_db


def test_a_review_that_decided_amend_sends_its_amendments(sally, child, school):
    plan = issued_plan(child, sally, school)
    review = reviews.record_meeting(
        plan, held_on=ago(60), attended="Sam, mother", views="More help", by=sally
    )
    reviews.decide(review, decision="A", on=ago(50), amendments="F: SALT", by=sally)
    amendment = amendments.propose(plan, sent_on=ago(40), review=review, by=sally)
    assert (amendment.proposed, amendment.sent_on) == ("F: SALT", ago(40))
    key = str(amendment.pk)
    assert obligations(child, "SEN-AMEND") == [
        (key, DUE, ago(40) + dt.timedelta(weeks=8))
    ]
    amendments.issue(
        amendment,
        on=ago(20),
        changes="Section F: speech therapy twice a week",
        sections={"f": "Speech therapy twice a week."},
        by=sally,
    )
    assert obligations(child, "SEN-AMEND") == [
        (key, MET, ago(40) + dt.timedelta(weeks=8))
    ]
    plan.refresh_from_db()
    assert plan.section_f == "Speech therapy twice a week."
    types = set(
        JournalEvent.objects.filter(person=child).values_list("type", flat=True)
    )
    assert {"send.amendments_proposed", "send.amended_plan_issued"} <= types


def test_amendments_outside_a_review_and_the_15_days(sally, child, school):
    plan = issued_plan(child, sally, school)
    amendment = amendments.propose(
        plan, proposed="B: add SLCN", sent_on=ago(10), by=sally
    )
    with pytest.raises(DomainError) as refused:
        amendments.issue(amendment, on=ago(0), changes="Added SLCN", by=sally)
    assert refused.value.code == "date_too_early"
    assert "the end of the family's 15 days for representations" in str(refused.value)
    assert f"{ago(10) + dt.timedelta(days=15):%-d %B %Y}" in str(refused.value)


def test_every_fault_at_once(sally, child, school):
    plan = issued_plan(child, sally, school)
    with pytest.raises(DomainErrors) as refused:
        amendments.propose(plan, proposed=" ", sent_on=ago(130), by=sally)
    assert refused.value.codes == ["proposed_required", "date_too_early"]
    amendment = amendments.propose(plan, proposed="x", sent_on=ago(30), by=sally)
    with pytest.raises(DomainError) as refused:
        amendments.propose(plan, proposed="y", sent_on=ago(1), by=sally)
    assert refused.value.code == "amendment_open"
    with pytest.raises(DomainErrors) as refused:
        amendments.issue(amendment, on=None, changes="", by=sally)
    assert refused.value.codes == ["date_required", "changes_required"]


def test_a_review_that_kept_the_plan_has_no_amendments(sally, child, school):
    plan = issued_plan(child, sally, school)
    review = reviews.record_meeting(
        plan, held_on=ago(60), attended="Sam", views="Fine", by=sally
    )
    reviews.decide(review, decision="M", on=ago(50), by=sally)
    with pytest.raises(DomainErrors) as refused:
        amendments.propose(plan, sent_on=ago(40), review=review, by=sally)
    assert refused.value.codes == ["not_amend", "proposed_required"]


def test_ceasing_ends_the_amendment_duty(sally, child, school):
    plan = issued_plan(child, sally, school)
    amendments.propose(plan, proposed="x", sent_on=ago(30), by=sally)
    review = reviews.record_meeting(
        plan, held_on=ago(5), attended="a", views="b", by=sally
    )
    reviews.decide(review, decision="C", on=ago(1), cease_reason="3", by=sally)
    assert [s for _k, s, _d in obligations(child, "SEN-AMEND")] == [ENDED]


def test_someone_without_access_is_refused(
    client, sally, alice, child, school, service
):
    plan = issued_plan(child, sally, school)
    other = make_user("otto", "send_officer", service)
    with pytest.raises(AccessDenied):
        amendments.propose(plan, proposed="x", sent_on=ago(30), by=other)
    with pytest.raises(DomainError) as refused:
        amendments.propose(plan, proposed="x", sent_on=ago(30), by=alice)
    assert refused.value.code == "not_permitted"
    amendment = amendments.propose(plan, proposed="x", sent_on=ago(30), by=sally)
    client.force_login(other)
    url = reverse("send:amendment_issue", args=[amendment.pk])
    assert client.get(url).status_code == 403
    assert client.get(reverse("send:amend", args=[plan.pk])).status_code == 403
