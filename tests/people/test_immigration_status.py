"""Immigration status is a dated status; UASC as the SSDA903 records it."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.core.services import allocate_case
from haven.people.models import ImmigrationStatus, Person
from haven.people.statuses import record_immigration_status
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


def _codes(refused):
    return {e.code for e in getattr(refused.value, "failures", [refused.value])}


@pytest.fixture
def child(alice, mona, team):
    # 18 on 10 July 2026.
    child = ChildFactory(
        given_name="Dawit", family_name="Haile", date_of_birth=dt.date(2008, 7, 10)
    )
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


def test_uasc_is_recorded_with_its_dates_journaled_and_shown(client, alice, child):
    row = record_immigration_status(
        child,
        status="uasc",
        started_on=dt.date(2025, 2, 1),
        ended_on=dt.date(2026, 5, 1),
        by=alice,
    )
    assert (row.status, row.recorded_by) == ("uasc", alice)
    event = JournalEvent.objects.get(type="people.immigration_status_recorded")
    assert event.payload["status"] == "uasc"
    assert event.significant
    client.force_login(alice)
    page = client.get(reverse("people:detail", args=[child.pk])).content.decode()
    assert "Unaccompanied asylum-seeking child (UASC)" in page
    assert "from 1 February 2025 to 1 May 2026 (UASC ceased)" in page


def test_every_fault_is_named_at_once(alice, child):
    with pytest.raises(DomainError) as refused:
        record_immigration_status(
            child,
            status="uasc",
            started_on=dt.date(2026, 8, 1),  # an adult by then
            ended_on=dt.date(2026, 7, 20),  # before the start, after 18
            by=alice,
        )
    codes = _codes(refused)
    assert codes == {"uasc_not_a_child", "end_before_start", "uasc_after_18"}
    assert not ImmigrationStatus.objects.exists()


def test_other_needs_words_and_a_start(alice, child):
    with pytest.raises(DomainError) as refused:
        record_immigration_status(child, status="other", started_on=None, by=alice)
    codes = _codes(refused)
    assert codes == {"detail_required", "start_required"}


def test_the_same_status_cannot_overlap_itself(alice, child):
    record_immigration_status(
        child, status="asylum_seeker", started_on=dt.date(2025, 1, 1), by=alice
    )
    with pytest.raises(DomainError) as refused:
        record_immigration_status(
            child, status="asylum_seeker", started_on=dt.date(2025, 6, 1), by=alice
        )
    assert _codes(refused) == {"status_overlaps"}


def test_an_overlap_names_the_status_it_overlaps_and_both_ends_count(alice, child):
    record_immigration_status(
        child,
        status="asylum_seeker",
        started_on=dt.date(2025, 1, 1),
        ended_on=dt.date(2025, 3, 1),
        by=alice,
    )
    with pytest.raises(DomainError) as refused:
        # Both held on 1 March: the end is the last day a status held.
        record_immigration_status(
            child, status="asylum_seeker", started_on=dt.date(2025, 3, 1), by=alice
        )
    assert refused.value.message == (
        f"{child} already has this status from 1 January 2025 to 1 March 2025: "
        "change the dates so they do not overlap"
    )
    record_immigration_status(
        child, status="asylum_seeker", started_on=dt.date(2025, 3, 2), by=alice
    )


def test_the_form_page_records_it_and_keeps_what_was_typed(client, alice, child):
    client.force_login(alice)
    url = reverse("people:add_immigration_status", args=[child.pk])
    refused = client.post(url, {"status": "other", "detail": "Awaiting papers"})
    body = refused.content.decode()
    assert "Enter the date it started" in body
    assert "Awaiting papers" in body
    data = {
        "status": "refugee",
        "started_on_day": "3",
        "started_on_month": "3",
        "started_on_year": "2025",
    }
    assert client.post(url, data).status_code == 302
    assert child.immigration_statuses.get().status == "refugee"


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_the_old_free_text(alice):
    executor = MigrationExecutor(connection)
    before = [("people", "0006_remove_person_kind")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("people", "Person")
    kept = old.objects.create(
        given_name="Amal", family_name="Noor", immigration_status="Leave to remain"
    )
    old.objects.create(given_name="Sam", family_name="Noor")
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # every app forward again
    [row] = ImmigrationStatus.objects.all()
    assert (row.person_id, row.status, row.detail) == (
        kept.pk,
        "other",
        "Leave to remain",
    )
    assert row.started_on is None
    assert Person.objects.count() == 2
