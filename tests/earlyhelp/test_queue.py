"""The queue shows every waiting family with its wait, longest first; the
report gives count, median and longest wait per team."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.core.models import Team
from haven.core.services import allocate_case
from haven.earlyhelp import selectors, services
from tests.conftest import make_user
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


def _freeze(freezer, day):
    freezer.at = timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


def _ask(by, days_ago, today):
    # A child the early help team registered, so it is theirs to open.
    child = ChildFactory()
    allocate_case(child, team=by.team, on=today - dt.timedelta(days=days_ago), by=by)
    return services.request_early_help(
        child,
        requested_on=today - dt.timedelta(days=days_ago),
        reason="Support",
        source="direct",
        contact_id=None,
        by=by,
    )


@pytest.fixture
def today(freezer):
    day = dt.date(2026, 6, 30)
    _freeze(freezer, day)
    return day


def test_queue_lists_waiting_families_longest_wait_first(today, ellie, emma):
    ten = _ask(ellie, 10, today)
    seventy = _ask(ellie, 70, today)
    thirty = _ask(ellie, 30, today)
    worked = _ask(ellie, 60, today)
    services.allocate_request(
        worked, worker=ellie, on=today - dt.timedelta(days=20), by=emma
    )
    rows = selectors.queue(ellie)
    assert [r.request.pk for r in rows] == [seventy.pk, thirty.pk, ten.pk, worked.pk]
    assert [r.waiting_days for r in rows] == [70, 30, 10, 40]
    assert [r.waiting for r in rows] == [True, True, True, False]


def test_waiting_days_grow_with_the_clock(today, freezer, ellie):
    _ask(ellie, 5, today)
    freezer.move_to(dt.timedelta(days=7))
    [row] = selectors.queue(ellie)
    assert row.waiting_days == 12


def test_closed_requests_leave_the_queue(today, ellie):
    gone = _ask(ellie, 5, today)
    services.close_episode(gone, closed_on=today, outcome="moved_away", by=ellie)
    assert selectors.queue(ellie) == []


def test_others_teams_queue_is_not_shown(today, ellie, service):
    other = Team.objects.create(name="North Early Help", parent=service)
    stranger = make_user("nina", "early_help_worker", other)
    _ask(ellie, 5, today)
    assert selectors.queue(stranger) == []


def test_waiting_times_by_team(today, ellie, emma, service):
    for days in (10, 20, 70):
        _ask(ellie, days, today)
    allocated = [_ask(ellie, d, today) for d in (100, 50)]
    services.allocate_request(
        allocated[0], worker=ellie, on=today - dt.timedelta(days=40), by=emma
    )
    services.allocate_request(
        allocated[1], worker=ellie, on=today - dt.timedelta(days=30), by=emma
    )
    # Allocated more than 12 months ago: not in the report.
    old = _ask(ellie, 500, today)
    services.allocate_request(
        old, worker=ellie, on=today - dt.timedelta(days=400), by=emma
    )
    [hub] = selectors.waiting_times_by_team()
    assert hub.team == "Early Help Hub"
    assert (hub.waiting_count, hub.waiting_median, hub.waiting_longest) == (3, 20, 70)
    assert (hub.allocated_count, hub.allocated_median, hub.allocated_longest) == (
        2,
        40,
        60,
    )


def test_waiting_times_page_shows_whole_days_not_a_decimal(client, today, ellie, emma):
    from django.urls import reverse

    for days in (80, 92):  # median 86.0
        _ask(ellie, days, today)
    client.force_login(emma)
    html = client.get(reverse("earlyhelp:waiting_times")).content.decode()
    table = html[html.index('id="waiting-times"') :]
    assert "86 days" in table
    assert "86.0" not in table
    assert "92 days" in table


def test_days_reads_a_count_of_days_in_words():
    from haven.core.templatetags.dates import days

    assert days(86.0) == "86 days"
    assert days(86.5) == "86.5 days"
    assert days(1) == "1 day"
    assert days(None) == "—"
