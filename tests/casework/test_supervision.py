import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework import oversight, services
from haven.casework.models import OversightPolicy, Supervision, SupervisionAction
from haven.core import journal
from haven.core.chronology import describe
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.core.services import allocate_case
from haven.core.work import items_for
from haven.people import services as people
from haven.people.models import Person
from tests.conftest import make_user
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen(freezer):
    freezer.at = timezone.make_aware(dt.datetime(2026, 3, 2, 10, 0))
    return freezer


def _supervise(child, mona, held_on, actions=()):
    return services.record_supervision(
        child,
        held_on=held_on,
        discussion="Progress against the plan.",
        reflections="School attendance is the key worry.",
        decisions="Continue the plan.",
        actions=actions,
        by=mona,
    )


def test_a_supervision_with_actions_puts_them_on_the_owners_work_queue(
    frozen, alice, mona, child
):
    action = services.NewAction("Visit school", alice, dt.date(2026, 3, 9))
    supervision = _supervise(child, mona, dt.date(2026, 3, 2), [action])
    event = JournalEvent.objects.get(type="casework.supervision_recorded")
    assert event.significant
    assert event.payload["actions"][0]["owner_id"] == alice.pk
    [item] = [i for i in items_for([alice]) if i.kind == "Supervision action"]
    assert (item.title, item.due_on, item.person_id) == (
        "Visit school",
        dt.date(2026, 3, 9),
        child.pk,
    )
    services.complete_action(supervision.actions.get(), by=alice)
    assert not [i for i in items_for([alice]) if i.kind == "Supervision action"]
    assert JournalEvent.objects.filter(
        type="casework.supervision_action_completed"
    ).exists()


def test_only_a_manager_records_supervision(frozen, alice, child):
    with pytest.raises(DomainError) as refused:
        _supervise(child, alice, dt.date(2026, 3, 2))
    assert refused.value.code == "not_permitted"


def test_a_manager_without_access_is_refused(frozen, other_team, child):
    other_manager = make_user("olga", "team_manager", other_team)
    other_team.managers.add(other_manager)
    with pytest.raises(AccessDenied):
        _supervise(child, other_manager, dt.date(2026, 3, 2))


@pytest.mark.parametrize(
    ("action", "field"),
    [
        (services.NewAction("", None, None), "action0-description"),
        (services.NewAction("Call GP", None, dt.date(2026, 3, 9)), "action0-owner"),
        (services.NewAction("Call GP", "alice", None), "action0-due_on"),
        (services.NewAction("Call GP", "alice", dt.date(2026, 2, 1)), "action0-due_on"),
    ],
)
def test_each_incomplete_action_is_refused(frozen, alice, mona, child, action, field):
    if action.owner == "alice":
        action = services.NewAction(action.description, alice, action.due_on)
    with pytest.raises(DomainError) as refused:
        _supervise(child, mona, dt.date(2026, 3, 2), [action])
    assert refused.value.field == field
    assert not Supervision.objects.exists()


def test_supervision_cannot_be_in_the_future(frozen, mona, child):
    with pytest.raises(DomainError) as refused:
        _supervise(child, mona, dt.date(2026, 3, 3))
    assert refused.value.field == "held_on"


def test_the_supervision_page_shows_an_action_error_and_keeps_what_was_typed(
    frozen, client, alice, mona, child
):
    client.force_login(mona)
    url = reverse("casework:record_supervision", args=[child.pk])
    form = client.get(url).content.decode()
    assert f'<option value="{alice.pk}" selected>' in form  # the child's worker
    response = client.post(
        url,
        {
            "held_on_day": "2",
            "held_on_month": "3",
            "held_on_year": "2026",
            "discussion": "Talked about contact with dad.",
            "action0-description": "Arrange contact",
            "action0-owner": alice.pk,
            "supervisee": alice.pk,
        },
    )
    html = response.content.decode()
    assert "Enter when action 1 is due" in html
    assert "Talked about contact with dad." in html
    assert 'value="Arrange contact"' in html
    response = client.post(
        url,
        {
            "held_on_day": "2",
            "held_on_month": "3",
            "held_on_year": "2026",
            "discussion": "Talked about contact with dad.",
            "action0-description": "Arrange contact",
            "action0-owner": alice.pk,
            "action0-due_on_day": "16",
            "action0-due_on_month": "3",
            "action0-due_on_year": "2026",
            "supervisee": alice.pk,
        },
    )
    assert response["Location"] == reverse("casework:supervisions", args=[child.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Arrange contact" in page
    assert f"supervising {alice}" in page
    assert Supervision.objects.get().supervisee == alice


def test_a_supervision_records_its_supervisee_by_default_the_childs_worker(
    frozen, alice, mona, team, child
):
    supervision = _supervise(child, mona, dt.date(2026, 3, 2))
    assert supervision.supervisee == alice
    event = JournalEvent.objects.get(type="casework.supervision_recorded")
    assert event.payload["supervisee_id"] == alice.pk
    assert f"of {alice}" in describe(event)
    colleague = make_user("carla", "social_worker", team)
    chosen = services.record_supervision(
        child,
        held_on=dt.date(2026, 3, 2),
        discussion="Carla covers while Alice is away.",
        supervisee=colleague,
        by=mona,
    )
    assert chosen.supervisee == colleague


def test_the_supervisee_must_be_in_the_managers_teams_or_the_childs_worker(
    frozen, mona, bob, child
):
    with pytest.raises(DomainError) as refused:
        services.record_supervision(
            child,
            held_on=dt.date(2026, 3, 2),
            discussion="Not Bob's case.",
            supervisee=bob,
            by=mona,
        )
    assert refused.value.code == "supervisee_not_eligible"
    assert refused.value.field == "supervisee"
    assert not Supervision.objects.exists()


def test_an_unallocated_childs_supervision_names_its_supervisee(frozen, mona, team):
    child = ChildFactory()
    allocate_case(child, team=team, worker=None, on=dt.date(2026, 1, 5), by=mona)
    with pytest.raises(DomainError) as refused:
        _supervise(child, mona, dt.date(2026, 3, 2))
    assert refused.value.code == "supervisee_required"


def test_a_social_worker_cannot_open_the_supervision_form(client, alice, child):
    client.force_login(alice)
    url = reverse("casework:record_supervision", args=[child.pk])
    assert client.get(url).status_code == 403


def test_oversight_report_lists_cases_past_the_policy_period(
    frozen, client, alice, mona, team, child, adam
):
    recent = ChildFactory(given_name="Recent")
    allocate_case(recent, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    _supervise(child, mona, dt.date(2026, 1, 12))  # 7 weeks ago
    _supervise(recent, mona, dt.date(2026, 1, 26))  # 5 weeks ago
    never = ChildFactory(given_name="Never")
    allocate_case(never, team=team, worker=alice, on=dt.date(2025, 12, 29), by=mona)

    overdue = oversight.overdue_for(mona)
    assert [c.allocation.person for c in overdue] == [never, child]
    assert overdue[1].due_on == dt.date(2026, 2, 23)

    # Stricter cases (CP or looked after) get the shorter period.
    oversight.STRICTER.append(lambda: Person.objects.filter(pk=recent.pk).values("pk"))
    try:
        assert recent in [c.allocation.person for c in oversight.overdue_for(mona)]
    finally:
        oversight.STRICTER.clear()

    # A policy change applies from its date; the history is kept.
    services.set_oversight_policy(
        "other", 8, reason="Caseloads reviewed", source="Practice standards", by=adam
    )
    assert [c.allocation.person for c in oversight.overdue_for(mona)] == [never]
    assert OversightPolicy.objects.filter(category="other").count() == 2

    client.force_login(mona)
    html = client.get(reverse("casework:oversight")).content.decode()
    assert "Never Testington" in html and "None recorded" in html
    assert "Jasmine Thackray" not in html


def test_the_oversight_policy_is_changed_only_by_an_administrator(mona, adam):
    with pytest.raises(DomainError) as refused:
        services.set_oversight_policy("other", 5, reason="Because", by=mona)
    assert refused.value.code == "not_permitted"
    with pytest.raises(DomainError) as refused:
        services.set_oversight_policy("other", 0, reason="Because", by=adam)
    assert refused.value.field == "weeks"
    with pytest.raises(DomainError) as refused:
        services.set_oversight_policy("other", 5, reason=" ", by=adam)
    assert refused.value.field == "reason"


def test_the_policy_page(client, adam, mona):
    client.force_login(mona)
    assert client.get(reverse("casework:policy")).status_code == 403
    client.force_login(adam)
    html = client.get(reverse("casework:policy")).content.decode()
    assert "Local policy (Haven default)" in html
    response = client.post(
        reverse("casework:policy"), {"category": "other", "weeks": "60"}
    )
    html = response.content.decode()
    assert "The period must be between 1 and 52 weeks" in html
    assert "Give the reason for the change" in html


def test_the_oversight_report_is_for_managers(client, alice):
    client.force_login(alice)
    assert client.get(reverse("casework:oversight")).status_code == 403


def test_a_child_never_supervised_is_due_the_policy_period_after_allocation(
    frozen, alice, mona, team
):
    # The "other" policy is every 6 weeks; today is 2 March 2026.
    new = ChildFactory(given_name="New")
    allocate_case(new, team=team, worker=alice, on=dt.date(2026, 2, 23), by=mona)
    waiting = ChildFactory(given_name="Waiting")
    allocate_case(waiting, team=team, worker=alice, on=dt.date(2026, 1, 12), by=mona)

    [case] = oversight.overdue_for(mona)
    assert case.allocation.person == waiting
    assert (case.last_supervision, case.due_on) == (None, dt.date(2026, 2, 23))


def test_a_supervision_on_a_merged_record_counts_for_oversight(
    frozen, alice, mona, team, child
):
    duplicate = ChildFactory(given_name="Jas", family_name="Thackray")
    allocate_case(duplicate, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    _supervise(duplicate, mona, dt.date(2026, 2, 23))
    assert child in [c.allocation.person for c in oversight.overdue_for(mona)]

    people.merge_records(duplicate, into=child, reason="Same child", by=mona)
    assert child not in [c.allocation.person for c in oversight.overdue_for(mona)]


def test_a_double_submit_marks_an_action_done_and_journals_once(
    frozen, alice, mona, child
):
    action = services.NewAction("Visit school", alice, dt.date(2026, 3, 9))
    _supervise(child, mona, dt.date(2026, 3, 2), [action])
    first = SupervisionAction.objects.get()
    second = SupervisionAction.objects.get()  # the same row, loaded before either
    services.complete_action(first, by=alice)
    with pytest.raises(DomainError) as refused:
        services.complete_action(second, by=alice)
    assert refused.value.message == "This action is already done"
    events = JournalEvent.objects.filter(type="casework.supervision_action_completed")
    assert events.count() == 1


def test_an_action_owner_must_be_active_and_in_the_managers_teams(
    frozen, alice, mona, bob, other_team, child
):
    due = dt.date(2026, 3, 9)
    with pytest.raises(DomainError) as refused:
        _supervise(
            child, mona, dt.date(2026, 3, 2), [services.NewAction("X", bob, due)]
        )
    assert refused.value.code == "action_owner_not_eligible"
    assert refused.value.field == "action0-owner"
    assert "Choose someone in your teams" in refused.value.message

    alice.is_active = False
    alice.save()
    with pytest.raises(DomainError) as refused:
        _supervise(
            child, mona, dt.date(2026, 3, 2), [services.NewAction("X", alice, due)]
        )
    assert refused.value.field == "action0-owner"
    assert not Supervision.objects.exists()


def test_the_childs_allocated_worker_in_another_team_may_own_an_action(
    frozen, mona, team, other_team, child
):
    carol = make_user("carol", "social_worker", team)
    allocate_case(child, team=team, worker=carol, on=dt.date(2026, 3, 2), by=mona)
    carol.team = other_team  # moved team, still holds the case
    carol.save()
    action = services.NewAction("Visit school", carol, dt.date(2026, 3, 9))
    supervision = _supervise(child, mona, dt.date(2026, 3, 2), [action])
    assert supervision.actions.get().owner == carol


def test_with_no_policy_recorded_the_report_uses_havens_default_and_says_so(
    frozen, client, alice, mona, team
):
    OversightPolicy.objects.all().delete()
    never = ChildFactory(given_name="Never")
    allocate_case(never, team=team, worker=alice, on=dt.date(2025, 12, 29), by=mona)

    assert oversight.policy_on("other").weeks == 6
    assert [c.allocation.person for c in oversight.overdue_for(mona)] == [never]
    client.force_login(mona)
    response = client.get(reverse("casework:oversight"))
    assert response.status_code == 200
    assert "Local policy (Haven default)" in response.content.decode()


def test_recorded_management_decisions_count_as_oversight(
    frozen, client, alice, mona, team, child
):
    """A manager's contact decision and an assessment authorised are oversight,
    read from the journal; a decision journalled by someone else is not."""
    decided, authorised = ChildFactory(given_name="Decided"), ChildFactory()
    for other in (decided, authorised):
        allocate_case(other, team=team, worker=alice, on=dt.date(2025, 12, 1), by=mona)

    def on(day):
        return timezone.make_aware(dt.datetime.combine(day, dt.time(11)))

    decision = {"contact": 1, "decision": "referral"}
    journal.append(
        decided,
        "frontdoor.contact_decided",
        decision,
        by=mona,
        occurred_at=on(dt.date(2026, 2, 20)),
    )
    journal.append(
        authorised,
        "assessments.assessment_authorised",
        {"assessment": 1},
        by=mona,
        occurred_at=on(dt.date(2026, 2, 16)),
    )
    # Not a manager's decision: the child stays overdue.
    journal.append(
        child,
        "frontdoor.contact_decided",
        decision,
        by=alice,
        occurred_at=on(dt.date(2026, 2, 20)),
    )
    overdue = oversight.overdue_for(mona)
    assert [c.allocation.person for c in overdue] == [child]
    assert overdue[0].last_oversight is None

    # Past the period since the decision, it is listed, saying what it was.
    later = oversight.overdue_for(mona, dt.date(2026, 4, 10))
    rows = {c.allocation.person: c for c in later}
    assert rows[decided].last_oversight == dt.date(2026, 2, 20)
    assert rows[decided].last_oversight_was == "Contact decision"
    assert rows[decided].due_on == dt.date(2026, 4, 3)
    assert rows[authorised].last_oversight_was == "Assessment authorised"
    client.force_login(mona)
    html = client.get(reverse("casework:oversight")).content.decode()
    assert "Last oversight" in html
