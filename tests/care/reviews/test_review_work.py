"""The IRO's recommendations on their owners' My work until marked done, the
reviews due on the IRO's own queue, and who may see and do them."""

import datetime as dt

import pytest

from haven.care.reviews import between, recording, work
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.core.services import restrict_record
from haven.core.work import items_for
from haven.timescales.queue import my_work
from tests.care.reviews.conftest import review

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def recommended(period, with_iro, alice, today):
    made = review(
        period,
        with_iro,
        D(2025, 5, 9),
        recommendations=[
            recording.NewRecommendation("Refer to CAMHS", alice, D(2026, 6, 30))
        ],
    )
    return made.recommendations.get()


def _titles(user, kind):
    overdue, rest = my_work(user)
    return [
        (i.title, i.due_on, i.person_name) for i in overdue + rest if i.kind == kind
    ]


def test_a_recommendation_is_on_its_owners_queue_until_done(
    child, alice, recommended, today
):
    assert _titles(alice, work.RECOMMENDATION) == [
        ("Refer to CAMHS", D(2026, 6, 30), "Jasmine Thackray")
    ]
    between.complete_recommendation(
        recommended, on=today, note="Referral sent to CAMHS", by=alice
    )
    assert _titles(alice, work.RECOMMENDATION) == []
    recommended.refresh_from_db()
    assert (recommended.done_on, recommended.done_by) == (today, alice)
    assert JournalEvent.objects.filter(
        person=child, type="care.review_recommendation_done"
    ).exists()


def test_it_is_not_on_anyone_elses_queue(child, mona, with_iro, recommended, today):
    assert _titles(mona, work.RECOMMENDATION) == []
    assert _titles(with_iro, work.RECOMMENDATION) == []


def test_marking_done_needs_a_note_a_date_and_once_only(
    child, alice, recommended, today
):
    with pytest.raises(DomainError) as refused:
        between.complete_recommendation(
            recommended, on=D(2025, 5, 1), note=" ", by=alice
        )
    assert sorted(f.code for f in refused.value.failures) == [
        "done_before_review",
        "note_required",
    ]
    between.complete_recommendation(recommended, on=today, note="Done", by=alice)
    with pytest.raises(DomainError) as refused:
        between.complete_recommendation(recommended, on=today, note="Again", by=alice)
    assert refused.value.code == "already_done"


def test_a_stranger_may_not_mark_it_done(bob, recommended, today):
    with pytest.raises(DomainError) as refused:
        between.complete_recommendation(recommended, on=today, note="x", by=bob)
    assert refused.value.code == "not_permitted"
    recommended.refresh_from_db()
    assert recommended.done_on is None


def test_the_iro_has_the_reviews_due_on_their_queue(
    child, alice, period, with_iro, iris, today
):
    review(period, with_iro, D(2025, 5, 9))
    items = items_for([with_iro], viewer=with_iro)
    assert [(i.kind, i.rule_id, i.due_on) for i in items if i.kind == work.REVIEW] == [
        (work.REVIEW, "LAC-IRO-RECORD", D(2025, 5, 16)),
        (work.REVIEW, "LAC-REVIEW-2", D(2025, 8, 9)),
    ]
    assert [i for i in items_for([iris], viewer=iris) if i.kind == work.REVIEW] == []
    # The social worker has the duty too, from the engine's own source.
    overdue, _rest = my_work(alice)
    assert "LAC-REVIEW-2" in {i.rule_id for i in overdue}


def test_a_restricted_childs_name_never_reaches_a_viewer_without_a_grant(
    child, alice, mona, bob, recommended, today
):
    before = items_for([alice], viewer=alice)
    assert "Jasmine Thackray" in [i.person_name for i in before]
    restrict_record(child, kind="restricted", reason="High profile", by=mona)
    for viewer in (bob, alice):
        shown = items_for([alice], viewer=viewer)
        assert "Thackray" not in " ".join(i.person_name for i in shown)


def test_the_iros_visits_and_midway_checks_are_recorded(
    child, period, with_iro, iris, today
):
    from haven.timescales.models import Obligation

    appointed = Obligation.objects.get(person=child, rule_id="LAC-IRO-APPT")
    assert (appointed.due_on, appointed.status) == (D(2025, 4, 17), "due")
    between.record_iro_contact(
        period, kind="visit", on=D(2025, 4, 16), notes="Met Jasmine", by=with_iro
    )
    appointed.refresh_from_db()
    assert appointed.status == "met_on_time"
    between.record_iro_contact(
        period, kind="midway", on=D(2025, 7, 1), notes="CAMHS waiting", by=with_iro
    )
    assert list(
        JournalEvent.objects.filter(person=child, type__startswith="care.iro_")
        .order_by("sequence")
        .values_list("type", flat=True)
    ) == ["care.iro_visited_child", "care.iro_midway_check_made"]
    with pytest.raises(DomainError) as refused:
        between.record_iro_contact(period, kind="", on=None, notes="", by=with_iro)
    assert sorted(f.code for f in refused.value.failures) == [
        "date_required",
        "kind_required",
        "notes_required",
    ]
    with pytest.raises(AccessDenied):
        between.record_iro_contact(
            period, kind="visit", on=D(2025, 7, 1), notes="x", by=iris
        )


def test_an_early_review_is_asked_for_by_the_social_worker_or_iro(
    child, alice, bob, period, with_iro, today
):
    between.request_early_review(
        period, asked_on=D(2025, 6, 1), reason="Placement breaking down", by=alice
    )
    event = JournalEvent.objects.get(type="care.early_review_required")
    assert event.payload["period"] == period.pk
    with pytest.raises(AccessDenied):
        between.request_early_review(period, asked_on=D(2025, 6, 1), reason="x", by=bob)
    with pytest.raises(DomainError) as refused:
        between.request_early_review(period, asked_on=None, reason="", by=with_iro)
    assert sorted(f.code for f in refused.value.failures) == [
        "date_required",
        "reason_required",
    ]


def test_the_decisions_are_due_out_5_working_days_after_the_review(
    child, alice, bob, period, with_iro, today
):
    from haven.timescales.models import Obligation

    made = review(period, with_iro, D(2025, 5, 9))  # a Friday
    sent = Obligation.objects.get(person=child, rule_id="LAC-IRO-RECORD")
    assert (sent.subject, sent.due_on) == (str(made.pk), D(2025, 5, 16))
    chair_items = items_for([with_iro], viewer=with_iro)
    assert "LAC-IRO-RECORD" in {i.rule_id for i in chair_items}
    with pytest.raises(AccessDenied):
        between.record_decisions_circulated(made, on=D(2025, 5, 12), by=bob)
    with pytest.raises(DomainError) as refused:
        between.record_decisions_circulated(made, on=D(2025, 5, 1), by=with_iro)
    assert refused.value.code == "before_review"
    between.record_decisions_circulated(made, on=D(2025, 5, 12), by=with_iro)
    sent.refresh_from_db()
    assert sent.status == "met_on_time"
    with pytest.raises(DomainError) as refused:
        between.record_decisions_circulated(made, on=D(2025, 5, 12), by=alice)
    assert refused.value.code == "already_sent"
