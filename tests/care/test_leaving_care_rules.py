"""The leaving care needs assessment and the rules it answers: becoming an
eligible child (CL-ELIG-ASSESS) or a relevant child without a pathway plan
(CL-REL-ASSESS) starts a three-month clock on the day the status began, read
from the periods of care at each care write and by the daily job, journalled
once; the assessment meets it and starts CL-ELIG-PATHWAY, which the pathway
plan meets; each on the right person's My work."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from haven.care.leavers import accommodation, becoming, booking, needs, pathway
from haven.care.models import NeedsAssessment
from haven.care.services import end_period_of_care
from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.core.services import allocate_case
from haven.timescales.models import Obligation, RuleSetting
from haven.timescales.queue import my_work
from tests.care.factories import fostered, in_care
from tests.conftest import make_user
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db
D = dt.date


def _young_person(alice, mona, team, carer, *, born, came):
    person = ChildFactory(given_name="Shannon", family_name="Oduya", date_of_birth=born)
    allocate_case(person, team=team, worker=alice, on=came, by=mona)
    period = in_care(person, by=alice, on=came, placement=fostered(carer))
    return person, period


@pytest.fixture
def eligible(alice, mona, team, carer, today):
    """Looked after from 14 and ten months: eligible on her 16th birthday,
    1 March 2026."""
    return _young_person(
        alice, mona, team, carer, born=D(2010, 3, 1), came=D(2025, 1, 10)
    )


def _needs(**kw):
    return needs.Needs(**({name: f"About {name}." for name in needs.WORDS} | kw))


def _events(person, kind):
    return list(
        JournalEvent.objects.filter(person=person, type=kind).values_list(
            "occurred_at", "payload"
        )
    )


def _due(person, rule_id):
    return [
        (o.due_on, o.status)
        for o in Obligation.objects.filter(person=person, rule_id=rule_id)
    ]


def _queued(user, rule_id):
    overdue, rest = my_work(user)
    return [i for i in overdue + rest if i.rule_id == rule_id]


def test_becoming_eligible_on_the_16th_birthday_starts_the_assessment(eligible, alice):
    person, _ = eligible
    ((at, payload),) = _events(person, becoming.BECAME_ELIGIBLE)
    assert timezone.localdate(at) == D(2026, 3, 1)
    assert payload == {"child": person.pk, "became_on": "2026-03-01"}
    assert _due(person, "CL-ELIG-ASSESS") == [(D(2026, 6, 1), "due")]
    (item,) = _queued(alice, "CL-ELIG-ASSESS")
    assert (
        item.url == f"/looked-after/people/{person.pk}/leaving-care/needs-assessment/"
    )


def test_eligible_on_the_day_the_13_weeks_are_reached_when_that_is_after_16(
    alice, mona, team, carer, today
):
    person, _ = _young_person(
        alice, mona, team, carer, born=D(2009, 9, 1), came=D(2026, 1, 5)
    )
    ((at, _),) = _events(person, becoming.BECAME_ELIGIBLE)
    assert timezone.localdate(at) == D(2026, 4, 5)  # the 91st day looked after
    assert _due(person, "CL-ELIG-ASSESS") == [(D(2026, 7, 5), "due")]


def test_the_daily_job_records_the_birthday_once(alice, mona, team, carer, freezer):
    freezer.at = freezer.at.replace(year=2026, month=6, day=15, hour=12)
    person, _ = _young_person(
        alice, mona, team, carer, born=D(2010, 6, 20), came=D(2025, 1, 10)
    )
    call_command("sync_care_leavers", verbosity=0)
    assert _events(person, becoming.BECAME_ELIGIBLE) == []
    freezer.move_to(dt.timedelta(days=5))  # 20 June 2026: her 16th birthday
    call_command("sync_care_leavers", verbosity=0)
    call_command("sync_care_leavers", "--everyone", verbosity=0)
    assert len(_events(person, becoming.BECAME_ELIGIBLE)) == 1
    assert _due(person, "CL-ELIG-ASSESS") == [(D(2026, 9, 20), "due")]
    assert len(_queued(alice, "CL-ELIG-ASSESS")) == 1


def test_the_assessment_meets_the_rule_and_starts_the_pathway_plan(
    eligible, alice, mona
):
    person, _ = eligible
    RuleSetting.objects.create(
        rule_id="CL-ELIG-PATHWAY",
        deadline="+1 m",
        applies_from=D(2020, 1, 1),
        reason="Our local offer: the pathway plan within a month",
        changed_by=mona,
        approved_by=mona,
        recorded_at=clock.now(),
    )
    made = needs.complete_needs_assessment(
        person, _needs(), completed_on=D(2026, 5, 20), assessor="Alice, SW", by=alice
    )
    assert _due(person, "CL-ELIG-ASSESS") == [(D(2026, 6, 1), "met_on_time")]
    ((_, payload),) = _events(person, needs.COMPLETED)
    assert payload == {
        "child": person.pk,
        "assessment": made.pk,
        "completed_on": "2026-05-20",
    }
    assert _due(person, "CL-ELIG-PATHWAY") == [(D(2026, 6, 20), "due")]
    pathway.agree_pathway_plan(
        person,
        pathway.PathwaySections(**{n: "Agreed." for n in pathway.WORDS}),
        agreed_on=D(2026, 6, 10),
        by=alice,
    )
    assert _due(person, "CL-ELIG-PATHWAY") == [(D(2026, 6, 20), "met_on_time")]


def test_the_pathway_plan_has_no_due_date_unless_the_council_sets_one(eligible, alice):
    person, _ = eligible
    needs.complete_needs_assessment(
        person, _needs(), completed_on=D(2026, 6, 2), assessor="Alice", by=alice
    )
    assert _due(person, "CL-ELIG-ASSESS") == [(D(2026, 6, 1), "met_late")]
    assert _due(person, "CL-ELIG-PATHWAY") == []


def test_the_assessment_names_every_fault_at_once(eligible, alice):
    person, _ = eligible
    with pytest.raises(DomainError) as refused:
        needs.complete_needs_assessment(
            person,
            _needs(skills=" ", wishes=""),
            completed_on=D(2026, 2, 27),
            assessor=" ",
            by=alice,
        )
    assert sorted(f.code for f in refused.value.failures) == [
        "assessor_required",
        "no_assessment_due",
        "skills_required",
        "wishes_required",
    ]
    assert not NeedsAssessment.objects.exists()


def test_leaving_care_makes_a_relevant_child_the_advisers_to_assess(
    eligible, alice, mona, team
):
    person, period = eligible
    adviser = make_user("pat", "social_worker", team)
    allocate_case(
        person, team=team, worker=adviser, role=CaseRole.PERSONAL_ADVISER, by=mona
    )
    end_period_of_care(period, on=D(2026, 5, 1), reason="E8", by=alice)
    ((at, payload),) = _events(person, becoming.BECAME_RELEVANT)
    assert timezone.localdate(at) == D(2026, 5, 1)
    assert payload["pathway_plan"] is False
    assert _due(person, "CL-REL-ASSESS") == [(D(2026, 8, 1), "due")]
    assert len(_queued(adviser, "CL-REL-ASSESS")) == 1
    needs.complete_needs_assessment(
        person, _needs(), completed_on=D(2026, 6, 1), assessor="Pat", by=adviser
    )
    assert _due(person, "CL-REL-ASSESS") == [(D(2026, 8, 1), "met_on_time")]
    assert _queued(adviser, "CL-REL-ASSESS") == []


def test_a_relevant_child_with_a_pathway_plan_needs_no_new_assessment(eligible, alice):
    person, period = eligible
    pathway.agree_pathway_plan(
        person,
        pathway.PathwaySections(**{n: "Agreed." for n in pathway.WORDS}),
        agreed_on=D(2026, 4, 1),
        by=alice,
    )
    end_period_of_care(period, on=D(2026, 5, 1), reason="E8", by=alice)
    ((_, payload),) = _events(person, becoming.BECAME_RELEVANT)
    assert payload["pathway_plan"] is True
    assert _due(person, "CL-REL-ASSESS") == []


def test_a_history_that_no_longer_makes_them_eligible_withdraws_the_event(
    eligible, alice
):
    """Syncing is idempotent, and follows the records: with the care gone
    (here, the person's date of birth corrected to make them 13 then), the
    event is withdrawn and its clock with it."""
    person, _ = eligible
    assert becoming.sync(person, by=alice) == 0
    person.date_of_birth = D(2011, 6, 1)
    person.save(update_fields=["date_of_birth"])
    with transaction.atomic():
        assert becoming.sync(person, by=alice) == 1
    assert _due(person, "CL-ELIG-ASSESS") == []
    withdrawn = JournalEvent.objects.get(person=person, type=becoming.WITHDRAWN)
    assert withdrawn.corrects.type == becoming.BECAME_ELIGIBLE


@pytest.fixture
def former_relevant(alice, mona, team, carer, today):
    """Looked after from 14 and a half to 17 and a half; 19 now, in a flat,
    with a pathway plan and a personal adviser."""
    person, period = _young_person(
        alice, mona, team, carer, born=D(2007, 5, 4), came=D(2021, 11, 10)
    )
    end_period_of_care(period, on=D(2024, 11, 4), reason="E8", by=alice)
    adviser = make_user("pat", "social_worker", team)
    allocate_case(
        person, team=team, worker=adviser, role=CaseRole.PERSONAL_ADVISER, by=mona
    )
    pathway.agree_pathway_plan(
        person,
        pathway.PathwaySections(**{n: "Agreed." for n in pathway.WORDS}),
        agreed_on=D(2025, 1, 10),
        by=alice,
    )
    accommodation.provide_accommodation(
        person, started_on=D(2025, 6, 1), accommodation="D1", place="Flat 3", by=alice
    )
    return person, adviser


def test_booking_a_review_asks_the_adviser_to_visit_before_it(former_relevant):
    person, adviser = former_relevant
    made = booking.book_pathway_review(person, review_on=D(2026, 7, 1), by=adviser)
    ((at, payload),) = _events(person, booking.SCHEDULED)
    assert timezone.localdate(at) == D(2026, 6, 15)
    assert payload == {
        "child": person.pk,
        "booking": made.pk,
        "review_on": "2026-07-01",
    }
    assert _due(person, "CL-PA-VISIT-PRE") == [(D(2026, 7, 1), "due")]
    (item,) = _queued(adviser, "CL-PA-VISIT-PRE")
    assert item.url == f"/looked-after/people/{person.pk}/leaving-care/adviser-visit/"
    accommodation.record_adviser_visit(
        person, visited_on=D(2026, 6, 15), note="Saw her at the flat.", by=adviser
    )
    assert _due(person, "CL-PA-VISIT-PRE") == [(D(2026, 7, 1), "met_on_time")]


def test_a_review_is_booked_ahead_for_a_care_leaver_with_a_plan(
    former_relevant, eligible, alice
):
    person, adviser = former_relevant
    with pytest.raises(DomainError) as refused:
        booking.book_pathway_review(person, review_on=D(2026, 6, 14), by=adviser)
    assert [f.code for f in refused.value.failures] == ["date_in_past"]
    child, _ = eligible
    with pytest.raises(DomainError) as refused:
        booking.book_pathway_review(child, review_on=None, by=alice)
    assert sorted(f.code for f in refused.value.failures) == [
        "date_required",
        "not_a_care_leaver",
    ]
