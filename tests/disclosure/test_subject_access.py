"""A person's whole record exported for a subject access request, and the
chronology CSV that lists every event however long the record."""

import csv
import datetime as dt
import io

import pytest
from django.db import transaction
from django.urls import reverse

from haven.casework.seeing import Seen
from haven.casework.services import record_note, record_supervision
from haven.casework.visits import Visit
from haven.core import clock, journal
from haven.core.chronology import describe
from haven.core.models import AccessLogEntry
from haven.core.services import allocate_case
from haven.people import selectors, services
from haven.people.models import Person
from tests.conftest import make_user
from tests.factories import AdultFactory, ChildFactory

pytestmark = pytest.mark.django_db

THIRD_PARTY = "third party — review before release"


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory(given_name="Jasmine", family_name="Thackray")
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    mother = AdultFactory(given_name="Rosa", family_name="Pennington")
    services.record_relationship(child, other=mother, kind="mother", by=alice)
    record_note(
        [child],
        kind="visit",
        occurred_at=clock.now() - dt.timedelta(hours=2),
        subject="Home visit",
        body="Jasmine showed me her room. Rosa said school is going better.",
        seen=Seen(True, "yes"),
        visit=Visit(True, "home", True, "yes"),
        by=alice,
    )
    record_supervision(
        child,
        held_on=clock.today(),
        discussion="Progress since the visit; school attendance.",
        by=mona,
    )
    return child


def _export(client, user, child):
    client.force_login(user)
    return client.get(reverse("disclosure:subject_access", args=[child.pk]))


def _rows(response) -> list[dict[str, str]]:
    body = response.getvalue().decode()
    return list(csv.DictReader(io.StringIO(body)))


def test_a_manager_downloads_the_whole_record(client, mona, child):
    response = _export(client, mona, child)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = _rows(response)
    sections = {row["section"] for row in rows}
    assert {
        "Details",
        "Relationship",
        "Chronology",
        "Case note",
        "Supervision",
        "Who viewed the record",
    } <= sections
    texts = "\n".join(row["text"] for row in rows)
    assert "Rosa said school is going better" in texts
    assert "school attendance" in texts
    assert any(row["text"].startswith("Allocated to") for row in rows)


def test_rows_naming_third_parties_are_marked_for_review(client, mona, child):
    rows = _rows(_export(client, mona, child))
    note = next(row for row in rows if row["section"] == "Case note")
    assert "mother: Rosa Pennington" in note[THIRD_PARTY]
    assert "staff: Alice Tester" in note[THIRD_PARTY]
    relationship = next(row for row in rows if row["section"] == "Relationship")
    assert "Rosa Pennington" in relationship[THIRD_PARTY]
    name = next(row for row in rows if row["item"] == "Name")
    assert name[THIRD_PARTY] == ""  # the subject's own details


def test_the_export_is_logged_and_lists_who_viewed(client, mona, child):
    rows = _rows(_export(client, mona, child))
    logged = AccessLogEntry.objects.filter(person=child, user=mona)
    assert logged.filter(what="Subject access export").exists()
    viewed = [row for row in rows if row["section"] == "Who viewed the record"]
    assert any(row["item"] == "Subject access export" for row in viewed)


def test_a_worker_cannot_export_for_subject_access(client, alice, child):
    assert _export(client, alice, child).status_code == 403


def test_a_manager_without_access_to_the_child_is_refused(client, other_team, child):
    olga = make_user("olga", "team_manager", other_team)
    other_team.managers.add(olga)
    response = _export(client, olga, child)
    assert response.status_code == 403
    assert b"Rosa" not in response.content


def test_a_relative_the_manager_cannot_open_is_marked_but_not_named(
    client, mona, child
):
    from haven.core.services import restrict_record

    mother = Person.objects.get(given_name="Rosa")
    sam = make_user("sam", "service_manager")
    restrict_record(mother, kind="restricted", reason="Staff member's relative", by=sam)
    rows = _rows(_export(client, mona, child))
    note = next(row for row in rows if row["section"] == "Case note")
    assert "mother whose record is restricted (name withheld)" in note[THIRD_PARTY]
    assert "Pennington" not in note[THIRD_PARTY]
    relationship = next(row for row in rows if row["section"] == "Relationship")
    assert "Pennington" not in relationship["text"] + relationship[THIRD_PARTY]
    # Nor in the chronology's words for the relationship being recorded.
    journal_text = " ".join(r["text"] for r in rows if r["section"] == "Chronology")
    assert "Pennington" not in journal_text


def _append_many(child, count: int) -> None:
    # Hours apart, so the events fill many days; some only dated (midnight).
    start = clock.now() - dt.timedelta(hours=count)
    with transaction.atomic():
        for n in range(count):
            when = start + dt.timedelta(hours=n)
            if n % 7 == 0:
                when = clock.start_of(when.date())
            journal.append(child, "test.marker", {"n": n}, by=None, occurred_at=when)


def test_the_chronology_csv_lists_every_event_beyond_two_thousand(client, alice, child):
    _append_many(child, 2100)
    client.force_login(alice)
    url = reverse("record:chronology", args=[child.pk])
    response = client.get(url, {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.getvalue().decode())))[1:]
    expected = selectors.chronology(child, limit=10**6)
    assert len(expected) > 2100
    assert len(rows) == len(expected)
    # The same order as the page reads, newest first.
    assert [row[3] for row in rows] == [describe(e) for e in expected]


def test_a_contact_names_its_referrer_for_review(client, mona, child):
    from haven.frontdoor.services import record_contact
    from tests.frontdoor.conftest import details

    fred = make_user("fred", "front_door_worker")
    received = clock.now() - dt.timedelta(hours=1)
    record_contact(details(received_at=received), [child], by=fred)
    rows = _rows(_export(client, mona, child))
    contact = next(row for row in rows if row["section"] == "Contact")
    assert "bruising to the arm" in contact["text"]
    assert "referrer: Ms Patel, Designated safeguarding lead" in contact[THIRD_PARTY]
    assert "staff: Fred Tester" in contact[THIRD_PARTY]


def test_every_section_exports_from_a_demo_authority(db):
    from django.core.management import call_command

    from haven.disclosure import subject_access

    call_command("seed_demo", children=10, seed=11, verbosity=0)
    reader = make_user("sar_reader", "service_manager")
    sections: set[str] = set()
    for person in Person.objects.filter(merged_into__isnull=True):
        lines = list(subject_access.rows(person, reader))
        assert lines[0] == subject_access.HEADER
        assert all(len(line) == len(subject_access.HEADER) for line in lines)
        sections.update(line[0] for line in lines[1:])
    assert {
        "Contact",
        "Assessment",
        "Early help",
        "Child in need plan",
        "Case note",
        "Supervision",
    } <= sections, sections
