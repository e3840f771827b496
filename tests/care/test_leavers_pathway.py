"""A care leaver's pathway plan, versioned like the care plan, and its
six-monthly review (CL-PATHWAY-REVIEW) on My work on the right day; the
personal adviser, allocated as casework allocates every role, records and is
shown in the Leaving care section."""

import datetime as dt

import pytest

from haven.care.leavers import pathway
from haven.care.models import PathwayPlan, PathwayReview
from haven.care.services import end_period_of_care
from haven.casework.services import transfer_case
from haven.core.caseroles import CaseRole
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.core.services import allocate_case
from haven.timescales.models import Obligation
from haven.timescales.queue import my_work
from tests.care.factories import fostered, in_care
from tests.conftest import make_user
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def leaver(alice, mona, team, today, carer):
    """Kieran, 19, looked after from 14 and a half until 17 and a half."""
    person = ChildFactory(
        given_name="Kieran", family_name="Thackray", date_of_birth=D(2007, 5, 4)
    )
    allocate_case(person, team=team, worker=alice, on=D(2021, 9, 1), by=mona)
    period = in_care(person, by=alice, on=D(2021, 11, 10), placement=fostered(carer))
    end_period_of_care(period, on=D(2024, 11, 4), reason="E8", by=alice)
    return person


def _sections(**kw):
    values = {name: f"About {name}." for name in pathway.WORDS} | kw
    return pathway.PathwaySections(**values)


def _codes(refused):
    return sorted(f.code for f in refused.value.failures)


def _queued(user, rule_id):
    overdue, rest = my_work(user)
    return [i for i in overdue + rest if i.rule_id == rule_id], [
        i for i in overdue if i.rule_id == rule_id
    ]


def test_versions_say_what_changed_and_keep_the_last(leaver, alice):
    first = pathway.agree_pathway_plan(
        leaver, _sections(), agreed_on=D(2025, 1, 10), by=alice
    )
    with pytest.raises(DomainError) as refused:
        pathway.agree_pathway_plan(
            leaver, _sections(finance=" "), agreed_on=D(2024, 12, 1), by=alice
        )
    assert _codes(refused) == [
        "agreed_before_last_version",
        "finance_required",
        "what_changed_required",
    ]
    second = pathway.agree_pathway_plan(
        leaver,
        _sections(accommodation="Supported lodgings in Leeds."),
        agreed_on=D(2025, 9, 1),
        what_changed="Moved to supported lodgings after the foyer closed",
        by=alice,
    )
    assert (second.number, second.supersedes) == (2, first)
    assert PathwayPlan.objects.get(pk=first.pk).accommodation == "About accommodation."
    event = JournalEvent.objects.filter(type="care.pathway_plan_agreed").last()
    assert event.payload["version"] == 2


def test_no_plan_for_someone_who_was_not_a_care_leaver_that_day(leaver, alice):
    with pytest.raises(DomainError) as refused:
        pathway.agree_pathway_plan(
            leaver, _sections(), agreed_on=D(2022, 1, 10), by=alice
        )
    assert _codes(refused) == ["no_pathway_plan_due"]


def test_a_review_needs_a_plan_and_an_outcome(leaver, alice):
    with pytest.raises(DomainError) as refused:
        pathway.review_pathway_plan(leaver, held_on=D(2025, 3, 1), outcome="", by=alice)
    assert _codes(refused) == ["no_plan_to_review", "outcome_required"]
    assert not PathwayReview.objects.exists()


def test_the_review_falls_due_six_months_on_and_is_on_my_work_on_the_day(
    leaver, alice, freezer
):
    pathway.agree_pathway_plan(leaver, _sections(), agreed_on=D(2025, 1, 10), by=alice)
    pathway.review_pathway_plan(
        leaver,
        held_on=D(2026, 1, 10),
        outcome="Settled; college in September.",
        by=alice,
    )
    assert [
        (o.due_on, o.status)
        for o in Obligation.objects.filter(person=leaver, rule_id="CL-PATHWAY-REVIEW")
    ] == [(D(2026, 7, 10), "due")]
    queued, overdue = _queued(alice, "CL-PATHWAY-REVIEW")
    assert len(queued) == 1 and overdue == []
    assert (
        queued[0].url
        == f"/looked-after/people/{leaver.pk}/leaving-care/pathway-review/"
    )
    freezer.move_to(dt.timedelta(days=26))  # 11 July 2026: a day late
    queued, overdue = _queued(alice, "CL-PATHWAY-REVIEW")
    assert len(overdue) == 1
    pathway.review_pathway_plan(
        leaver, held_on=D(2026, 7, 11), outcome="Still settled.", by=alice
    )
    assert sorted(
        (o.due_on, o.status)
        for o in Obligation.objects.filter(person=leaver, rule_id="CL-PATHWAY-REVIEW")
    ) == [(D(2026, 7, 10), "met_late"), (D(2027, 1, 11), "due")]


def test_the_personal_adviser_is_allocated_records_and_is_shown(
    client, leaver, mona, team, alice
):
    adviser = make_user("pat", "social_worker", team)
    transfer_case(
        leaver,
        team=team,
        worker=adviser,
        reason="Leaving care team takes over support",
        role=CaseRole.PERSONAL_ADVISER,
        by=mona,
    )
    plan = pathway.agree_pathway_plan(
        leaver, _sections(), agreed_on=D(2025, 1, 10), by=adviser
    )
    assert plan.written_by == adviser
    client.force_login(alice)
    page = client.get(f"/people/{leaver.pk}/").content.decode()
    assert "Personal adviser: <strong>" in page
    assert "Pathway plan: version 1, agreed 10 January 2025" in page


def test_the_plan_and_review_through_the_pages(client, alice, leaver):
    client.force_login(alice)
    url = f"/looked-after/people/{leaver.pk}/leaving-care/pathway-plan/"
    response = client.post(url, {})
    assert "Say what will happen if the plan breaks down" in response.content.decode()
    data = {name: f"About {name}." for name in pathway.WORDS}
    data |= {"agreed_on_day": "10", "agreed_on_month": "1", "agreed_on_year": "2025"}
    assert client.post(url, data).status_code == 302
    url = f"/looked-after/people/{leaver.pk}/leaving-care/pathway-review/"
    data = {
        "held_on_day": "1",
        "held_on_month": "6",
        "held_on_year": "2026",
        "outcome": "Settled.",
    }
    assert client.post(url, data).status_code == 302
    page = client.get(f"/people/{leaver.pk}/").content.decode()
    assert "Next pathway plan review by 1 December 2026" in page
    chronology = client.get(f"/people/{leaver.pk}/chronology/").content.decode()
    assert "Pathway plan agreed (version 1)" in chronology
    assert "Pathway plan reviewed" in chronology


def test_a_stranger_can_neither_open_nor_write(client, bob, leaver):
    with pytest.raises((AccessDenied, DomainError)):
        pathway.agree_pathway_plan(
            leaver, _sections(), agreed_on=D(2025, 1, 10), by=bob
        )
    client.force_login(bob)
    for url in ("pathway-plan/", "pathway-review/"):
        full = f"/looked-after/people/{leaver.pk}/leaving-care/{url}"
        assert client.get(full).status_code in (403, 404)
        assert client.post(full, {}).status_code in (403, 404)
        assert "Thackray" not in client.get(full).content.decode()
    assert not PathwayPlan.objects.exists()
