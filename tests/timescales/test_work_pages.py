"""My work, the team view, a child's due items and the rules pages."""

import datetime as dt
from collections.abc import Iterator

import pytest
from django.db import transaction
from django.test import Client

from haven.core import clock, journal
from haven.core.models import Team, User
from haven.timescales import registry
from haven.timescales.models import RuleSetting
from tests.conftest import FrozenClock, make_user
from tests.factories import AllocationFactory, ChildFactory


@pytest.fixture(autouse=True)
def decision_rule() -> Iterator[None]:
    saved = dict(registry.ACTIVE)
    registry.ACTIVE.pop("REF-DECISION")  # declared again here, with a test's page
    registry.activate(
        "REF-DECISION",
        key="contact",
        met_by=("frontdoor.contact_decided",),
        action="Decide what happens next with the contact",
        url_name="people:detail",
    )
    yield
    registry.ACTIVE.clear()
    registry.ACTIVE.update(saved)


def contact_for(worker: User, day: dt.date, name: str = "Ada") -> None:
    child = ChildFactory(given_name=name)
    AllocationFactory(person=child, team=worker.team, worker=worker)
    with transaction.atomic():
        journal.append(
            child,
            "frontdoor.contact_received",
            {"contact": child.pk},
            by=worker,
            occurred_at=clock.start_of(day),
        )


@pytest.mark.django_db
def test_my_work_lists_overdue_first_with_the_source(
    client: Client, alice: User, bob: User, freezer: FrozenClock
) -> None:
    freezer.at = clock.start_of(dt.date(2026, 3, 10)) + dt.timedelta(hours=10)
    contact_for(alice, dt.date(2026, 3, 2), "Overdue")
    contact_for(alice, dt.date(2026, 3, 10), "Upcoming")
    contact_for(bob, dt.date(2026, 3, 10), "Bobs")
    client.force_login(alice)
    page = client.get("/work/").content.decode()
    assert page.index("Overdue Testington") < page.index("Upcoming Testington")
    assert "Bobs" not in page
    assert "Decide what happens next with the contact" in page
    assert "Working Together to Safeguard Children 2023" in page  # on expand


@pytest.mark.django_db
def test_my_work_says_what_the_rule_is_in_words_before_its_id(
    client: Client, alice: User, freezer: FrozenClock
) -> None:
    freezer.at = clock.start_of(dt.date(2026, 3, 10)) + dt.timedelta(hours=10)
    contact_for(alice, dt.date(2026, 3, 10))
    client.force_login(alice)
    page = client.get("/work/").content.decode()
    assert "Statutory timescale REF-DECISION" not in page
    words = page.index("Acknowledge the referral to the referrer and decide")
    assert words < page.index("REF-DECISION")


@pytest.mark.django_db
def test_team_view_counts_per_worker(
    client: Client, alice: User, mona: User, team: Team, freezer: FrozenClock
) -> None:
    freezer.at = clock.start_of(dt.date(2026, 3, 10)) + dt.timedelta(hours=10)
    carol = make_user("carol", "social_worker", team)
    contact_for(alice, dt.date(2026, 3, 10))
    contact_for(carol, dt.date(2026, 3, 2))
    contact_for(carol, dt.date(2026, 3, 3))
    client.force_login(mona)
    page = client.get("/work/team/").content.decode()
    assert page.index("Carol") < page.index("Alice")  # overdue first
    assert 'govuk-tag--red">2<' in page
    carols = client.get("/work/team/", {"worker": carol.pk}).content.decode()
    assert "Carol Tester" in carols and "Everything due" in carols
    assert carols.count("Decide what happens next with the contact") == 2


@pytest.mark.django_db
def test_team_view_is_for_managers(client: Client, alice: User) -> None:
    client.force_login(alice)
    assert client.get("/work/team/").status_code == 403


@pytest.mark.django_db
def test_an_administrator_changes_a_local_value_with_approval(
    client: Client, adam: User, mona: User, freezer: FrozenClock
) -> None:
    freezer.at = clock.start_of(dt.date(2026, 3, 10))
    client.force_login(adam)
    assert "CIN-REVIEW" in client.get("/work/rules/").content.decode()
    form = {
        "deadline": "+6 w",
        "interval": "+6 w",
        "applies_from_day": "10",
        "applies_from_month": "3",
        "applies_from_year": "2026",
        "reason": "Six-weekly reviews agreed by the service",
        "approved_by": str(mona.pk),
        "version": "0",
    }
    refused = client.post("/work/rules/CIN-REVIEW/change/", form).content.decode()
    assert "The new value must apply from tomorrow or later" in refused
    assert "Six-weekly reviews agreed by the service" in refused
    form["applies_from_day"] = "11"
    assert client.post("/work/rules/CIN-REVIEW/change/", form).status_code == 302
    setting = RuleSetting.objects.get()
    assert (setting.changed_by, setting.approved_by) == (adam, mona)
    assert "Six-weekly" in client.get("/work/rules/history/").content.decode()


@pytest.mark.django_db
def test_law_cannot_be_changed_here(client: Client, adam: User, alice: User) -> None:
    client.force_login(adam)
    assert client.get("/work/rules/REF-DECISION/change/").status_code == 404
    client.force_login(alice)
    assert client.get("/work/rules/CIN-REVIEW/change/").status_code == 403


@pytest.mark.django_db
def test_a_childs_page_shows_what_is_due_with_its_source(
    client: Client, alice: User, freezer: FrozenClock
) -> None:
    freezer.at = clock.start_of(dt.date(2026, 3, 10)) + dt.timedelta(hours=10)
    contact_for(alice, dt.date(2026, 3, 2), "Due")
    child = alice.allocations.get().person
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Overdue</strong> 3 March 2026" in page
    assert "Decide what happens next with the contact" in page
    assert "Working Together to Safeguard Children 2023" in page


@pytest.mark.django_db
def test_the_rules_page_says_who_is_responsible_and_what_meets_a_live_rule(
    client: Client, alice: User
) -> None:
    client.force_login(alice)
    page = client.get("/work/rules/").content.decode()
    assert "Responsible: Social worker or duty team manager" in page
    assert "Met when: contact decided." in page


@pytest.mark.django_db
def test_a_blank_interval_keeps_the_local_one_in_force(
    adam: User, mona: User, freezer: FrozenClock
) -> None:
    from haven.timescales.services import set_rule_value

    freezer.at = clock.start_of(dt.date(2026, 3, 10))
    first = set_rule_value(
        "CIN-REVIEW",
        deadline="+6 w",
        interval="+6 w",
        applies_from=dt.date(2026, 3, 11),
        reason="Six-weekly",
        approved_by=mona,
        by=adam,
    )
    freezer.at = clock.start_of(dt.date(2026, 4, 1))
    second = set_rule_value(
        "CIN-REVIEW",
        deadline="+4 w",
        applies_from=dt.date(2026, 4, 2),
        reason="First review sooner",
        approved_by=mona,
        by=adam,
    )
    assert (first.interval, second.interval) == ("+6 w", "+6 w")


@pytest.mark.django_db
@pytest.mark.parametrize("period", ["-3 m", "+0 d", "14 Feb", "soon"])
def test_a_local_value_must_be_a_period_after_the_event(
    adam: User, mona: User, period: str
) -> None:
    from haven.core.errors import DomainError
    from haven.timescales.services import set_rule_value

    with pytest.raises(DomainError, match="Enter a period after the event"):
        set_rule_value(
            "CIN-REVIEW",
            deadline=period,
            applies_from=clock.today() + dt.timedelta(days=1),
            reason="Testing",
            approved_by=mona,
            by=adam,
        )


@pytest.mark.django_db
def test_queues_never_name_a_child_the_reader_may_not_open(
    client: Client, alice: User, mona: User, freezer: FrozenClock
) -> None:
    from haven.core.services import restrict_record

    freezer.at = clock.start_of(dt.date(2026, 3, 10)) + dt.timedelta(hours=10)
    contact_for(alice, dt.date(2026, 3, 2), "Secret")
    child = alice.allocations.get().person
    restrict_record(child, kind="restricted", reason="Staff member's child", by=mona)
    client.force_login(alice)
    assert "Secret" not in client.get("/work/").content.decode()
    client.force_login(mona)
    assert "Secret" not in client.get("/work/team/").content.decode()


@pytest.mark.django_db
def test_duties_of_cases_a_team_holds_without_a_worker_reach_the_manager(
    client: Client, alice: User, mona: User, team: Team, freezer: FrozenClock
) -> None:
    freezer.at = clock.start_of(dt.date(2026, 3, 10)) + dt.timedelta(hours=10)
    contact_for(alice, dt.date(2026, 3, 2), "Waiting")
    alice.allocations.update(worker=None)
    client.force_login(mona)
    page = client.get("/work/team/").content.decode()
    assert "Not allocated to a worker" in page
    assert "Waiting Testington" in page
    full = client.get("/work/team/", {"worker": "unallocated"}).content.decode()
    assert "Decide what happens next with the contact" in full


@pytest.mark.django_db
def test_a_transferred_childs_duties_go_with_the_case(
    client: Client, alice: User, mona: User, team: Team, freezer: FrozenClock
) -> None:
    from haven.core.services import allocate_case

    freezer.at = clock.start_of(dt.date(2026, 3, 10)) + dt.timedelta(hours=10)
    carol = make_user("carol", "social_worker", team)
    contact_for(alice, dt.date(2026, 3, 9), "Moving")
    child = alice.allocations.get().person
    allocate_case(child, team=team, worker=carol, reason="Transfer", by=mona)
    client.force_login(alice)
    assert "Moving" not in client.get("/work/").content.decode()
    client.force_login(carol)
    assert "Moving Testington" in client.get("/work/").content.decode()
