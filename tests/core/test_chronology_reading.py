"""The chronology reads in the order things happened, in words, without drafts."""

import csv
import datetime as dt
import io
import zoneinfo

import pytest
from django.db import transaction
from django.urls import reverse

from haven.core import clock, journal
from haven.core.chronology import describe
from haven.core.services import allocate_case
from haven.people import services
from tests.factories import AdultFactory, ChildFactory

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
AFTERNOON = dt.datetime(2026, 3, 3, 15, 0, tzinfo=LONDON)


@pytest.fixture
def child(alice, mona, team, freezer):
    freezer.at = AFTERNOON - dt.timedelta(days=30)
    child = ChildFactory()
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 2, 1), by=mona)
    freezer.at = AFTERNOON
    return child


def _append(child, type, payload=None, **kwargs):
    with transaction.atomic():
        return journal.append(child, type, payload or {}, by=None, **kwargs)


def _table(client, child, **params):
    url = reverse("record:chronology", args=[child.pk])
    html = client.get(url, params).getvalue().decode()
    return html[html.index('id="chronology"') :]


def test_a_dated_event_sorts_after_the_contact_that_started_its_day(
    client, alice, child, freezer
):
    freezer.at = AFTERNOON.replace(hour=10, minute=20)
    _append(
        child,
        "frontdoor.contact_received",
        {"concerns": "x"},
        occurred_at=AFTERNOON.replace(hour=10, minute=15),
    )
    freezer.at = AFTERNOON.replace(hour=11)
    _append(
        child,
        "cin.child_in_need_plan_started",
        {"actions": 2},
        occurred_at=clock.start_of(AFTERNOON.date()),
    )
    freezer.at = AFTERNOON
    client.force_login(alice)
    table = _table(client, child)
    # Newest first: the plan dated today (recorded at 11:00) above the 10:15 contact.
    assert table.index("Child in need plan started") < table.index("Contact received")


def test_a_time_is_shown_where_there_is_one_and_not_for_a_dated_event(
    client, alice, child
):
    _append(
        child,
        "frontdoor.contact_received",
        occurred_at=AFTERNOON.replace(hour=10, minute=15),
    )
    client.force_login(alice)
    table = _table(client, child)
    assert "3 Mar 2026, 10:15" in table
    assert "1 Feb 2026, 00:00" not in table  # the allocation has a date only
    assert "1 Feb 2026" in table


def test_draft_saves_of_an_assessment_are_left_out_of_page_print_and_csv(
    client, alice, child
):
    _append(child, "assessments.assessment_updated", {"fields": ["reason"]})
    client.force_login(alice)
    url = reverse("record:chronology", args=[child.pk])
    for params in ({}, {"format": "print"}, {"format": "csv"}):
        body = client.get(url, params).getvalue().decode()
        assert "draft" not in body.lower(), params
        assert "assessment_updated" not in body, params
        assert "Allocated to" in body, params


@pytest.mark.parametrize(
    ("type", "payload", "words"),
    [
        ("cin.child_in_need_plan_started", {"actions": 1}, "with 1 action"),
        ("earlyhelp.plan_started", {"actions": 1}, "with 1 action"),
        (
            "earlyhelp.request_allocated",
            {"worker": "Ann", "waited_days": 1},
            "after 1 day waiting",
        ),
    ],
)
def test_a_count_of_one_reads_in_the_singular(type, payload, words):
    from haven.core.models import JournalEvent

    text = describe(JournalEvent(type=type, payload=payload))
    assert text.endswith(words), text


def test_counted_agrees_with_its_number():
    from haven.core.chronology import counted

    assert counted(0, "action") == "0 actions"
    assert counted(1, "action") == "1 action"
    assert counted(2, "child", "children") == "2 children"


def test_a_formula_in_a_relatives_name_is_neutralised_in_the_csv(client, alice, child):
    relative = AdultFactory(
        given_name='=HYPERLINK("http://example.invalid/x","Click")',
        family_name="Smith",
    )
    services.record_relationship(child, other=relative, kind="mother", by=alice)
    client.force_login(alice)
    url = reverse("record:chronology", args=[child.pk])
    body = client.get(url, {"format": "csv"}).getvalue().decode()
    cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
    named = [cell for cell in cells if "HYPERLINK" in cell]
    assert named
    assert all(cell.startswith("'=HYPERLINK") for cell in named)


def test_an_oversight_policy_of_one_week_reads_every_week():
    from haven.casework.models import OversightPolicy

    policy = OversightPolicy(category="cin", weeks=1)
    assert str(policy).endswith("every week")
    assert str(OversightPolicy(category="cin", weeks=6)).endswith("every 6 weeks")
