"""Annual reviews of a final EHC plan: SEN-ANNUAL due 12 months after the plan,
met by the review meeting and due again 12 months after it; the decision
(SEN-AR-STEPS) within 4 weeks of the meeting; ceasing ends the plan and its
duties. Every date is the engine's."""

import datetime as dt
import random

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse

from haven.core import clock
from haven.core.errors import AccessDenied, DomainError, DomainErrors
from haven.core.models import JournalEvent
from haven.send import plans, reviews
from haven.send.models import AnnualReview, EhcPlan
from haven.timescales.models import Obligation
from tests.conftest import make_user
from tests.send.conftest import ago, drafted

pytestmark = pytest.mark.django_db

DUE = Obligation.Status.DUE


def _issued(child, sally, school) -> EhcPlan:
    plan = drafted(child, sally)
    text = plans.PlanText(setting=school, primary_need="ASD")
    return plans.issue_plan(plan, on=ago(10), text=text, by=sally)


def _obligations(child, rule_id: str) -> list[tuple[str, dt.date]]:
    return list(
        Obligation.objects.filter(person=child, rule_id=rule_id)
        .order_by("pk")
        .values_list("status", "due_on")
    )


def _held(plan: EhcPlan, sally, days: int = 5) -> AnnualReview:
    return reviews.record_meeting(
        plan,
        held_on=ago(days),
        attended="Sam, his mother, Hilltop's SENCo",
        views="Sam wants to stay at Hilltop; his mother agrees.",
        by=sally,
    )


def test_the_review_is_due_12_months_after_the_plan_then_after_each_meeting(
    sally, child, school
):
    plan = _issued(child, sally, school)
    assert _obligations(child, "SEN-ANNUAL") == [
        (DUE, ago(10) + relativedelta(months=12))
    ]
    review = _held(plan, sally)
    assert _obligations(child, "SEN-ANNUAL") == [
        (Obligation.Status.MET_ON_TIME, ago(10) + relativedelta(months=12)),
        (DUE, ago(5) + relativedelta(months=12)),
    ]
    assert _obligations(child, "SEN-AR-STEPS") == [
        (DUE, ago(5) + dt.timedelta(weeks=4))
    ]
    reviews.decide(review, decision="M", on=ago(2), by=sally)
    assert _obligations(child, "SEN-AR-STEPS") == [
        (Obligation.Status.MET_ON_TIME, ago(5) + dt.timedelta(weeks=4))
    ]
    types = JournalEvent.objects.filter(person=child).values_list("type", flat=True)
    assert {"send.annual_review_meeting_held", "send.annual_review_decided"} <= set(
        types
    )


def test_ceasing_ends_the_plan_and_its_duties(sally, child, school):
    plan = _issued(child, sally, school)
    review = _held(plan, sally)
    reviews.decide(review, decision="C", on=ago(1), cease_reason="7", by=sally)
    plan.refresh_from_db()
    assert (plan.ceased_on, plan.cease_reason) == (ago(1), "7")
    assert Obligation.objects.filter(person=child, status=DUE).count() == 0
    with pytest.raises(DomainError) as refused:
        _held(plan, sally, days=0)
    assert refused.value.code == "plan_ceased"


def test_amending_needs_the_proposed_amendments(sally, child, school):
    review = _held(_issued(child, sally, school), sally)
    with pytest.raises(DomainError) as refused:
        reviews.decide(review, decision="A", on=ago(1), by=sally)
    assert refused.value.code == "amendments_required"
    reviews.decide(
        review, decision="A", on=ago(1), amendments="Section F: more SALT.", by=sally
    )
    review.refresh_from_db()
    assert (review.decision, review.amendments) == ("A", "Section F: more SALT.")


def test_a_meeting_names_every_fault_at_once(sally, child, school):
    plan = _issued(child, sally, school)
    with pytest.raises(DomainErrors) as refused:
        reviews.record_meeting(plan, held_on=ago(20), attended="", views=" ", by=sally)
    assert refused.value.codes == [
        "date_too_early",
        "attended_required",
        "views_required",
    ]
    assert "on or after the plan was issued" in str(refused.value)
    with pytest.raises(DomainErrors) as refused:
        reviews.record_meeting(plan, held_on=ago(-1), attended="", views="", by=sally)
    assert refused.value.codes[0] == "date_in_future"


def test_a_draft_plan_is_not_reviewed(sally, child):
    plan = drafted(child, sally)
    with pytest.raises(DomainErrors) as refused:
        reviews.record_meeting(plan, held_on=None, attended="x", views="y", by=sally)
    assert refused.value.codes == ["not_final", "date_required"]


def test_a_decision_names_every_fault_at_once(sally, child, school):
    review = _held(_issued(child, sally, school), sally)
    with pytest.raises(DomainErrors) as refused:
        reviews.decide(review, decision="", on=ago(6), by=sally)
    assert refused.value.codes == ["decision_required", "date_too_early"]
    with pytest.raises(DomainErrors) as refused:
        reviews.decide(review, decision="C", on=ago(-2), cease_reason="", by=sally)
    assert refused.value.codes == ["date_in_future", "cease_reason_required"]


def test_a_second_meeting_waits_for_the_decision(sally, child, school):
    plan = _issued(child, sally, school)
    _held(plan, sally)
    with pytest.raises(DomainError) as refused:
        _held(plan, sally, days=1)
    assert refused.value.code == "review_undecided"


def test_someone_without_access_is_refused(sally, alice, child, school, service):
    plan = _issued(child, sally, school)
    with pytest.raises(DomainError) as refused:
        _held(plan, alice)
    assert refused.value.code == "not_permitted"
    other = make_user("otto", "send_officer", service)
    with pytest.raises(AccessDenied):
        _held(plan, other)
    review = _held(plan, sally)
    with pytest.raises(AccessDenied):
        reviews.decide(review, decision="M", on=ago(1), by=other)


def test_the_pages_show_the_reviews_with_links_for_the_officer_only(
    client, sally, alice, child, school
):
    plan = _issued(child, sally, school)
    review = _held(plan, sally)
    meeting_url = reverse("send:review_meeting", args=[plan.pk])
    decision_url = reverse("send:review_decision", args=[review.pk])
    client.force_login(sally)
    page = client.get(reverse("send:request", args=[plan.request_id])).content.decode()
    assert f"{ago(5) + relativedelta(months=12):%-d %B %Y}" in page
    assert f"due by {ago(5) + dt.timedelta(weeks=4):%-d %B %Y}" in page
    assert decision_url in page and meeting_url not in page
    assert "Sam wants to stay at Hilltop" in page
    assert client.get(decision_url).status_code == 200
    client.force_login(alice)
    page = client.get(reverse("people:detail", args=[child.pk])).content.decode()
    assert "Review meeting of" in page and decision_url not in page
    assert client.get(decision_url).status_code == 403
    assert client.get(meeting_url).status_code == 403


def test_the_demo_reviews_a_final_plan_and_decides_whatever_the_day(
    sally, child, school
):
    """haven/send/demo.py's "reviewed" stage, on one child (the browser
    tests' small demo has no schools, so it makes no SEND records)."""
    from haven.send import demo

    demo._take_to(child, "reviewed", random.Random(1), sally, [school])
    review = AnnualReview.objects.get(person=child)
    assert review.decision and review.plan.issued_on is not None
    assert review.decided_on is not None and review.decided_on <= clock.today()
    assert review.plan.issued_on <= review.held_on <= review.decided_on
