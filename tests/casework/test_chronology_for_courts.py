"""The chronology is read by courts and families: it tells the child's story,
each entry with its impact on the child where the worker gave one, and keeps
out who was allowed to read the record (that is on the access page)."""

import datetime as dt

import pytest

from haven.casework import services
from haven.casework.integrity import notes_match_their_journal
from haven.casework.models import CaseNote
from haven.casework.seeing import Seen
from haven.casework.visits import Visit
from haven.core import clock
from haven.core.models import JournalEvent
from haven.core.services import break_glass, grant_access

pytestmark = pytest.mark.django_db

IMPACT = "Jasmine was frightened and did not want to go home"
GLASS = "Police at the door asking where this child is staying"
GRANT = "Covering the duty rota this week"


@pytest.fixture
def story(child, alice, bob, mona):
    services.record_note(
        [child],
        kind="visit",
        occurred_at=clock.now() - dt.timedelta(hours=2),
        subject="Home visit",
        body="Saw Jasmine in the kitchen.",
        impact=IMPACT,
        seen=Seen(True, "yes"),
        visit=Visit(True, "home", True, "yes"),
        by=alice,
    )
    grant_access(child, to=bob, reason=GRANT, by=mona)
    return child


def test_the_impact_on_the_child_is_journalled_and_shown(client, story, alice):
    event = JournalEvent.objects.get(person=story, type="casework.note_recorded")
    assert event.payload["impact"] == IMPACT
    client.force_login(alice)
    page = client.get(f"/people/{story.pk}/chronology/").content.decode()
    assert "Impact on the child" in page
    assert IMPACT in page
    csv = b"".join(
        client.get(f"/people/{story.pk}/chronology/?format=csv").streaming_content
    ).decode()
    assert "impact on the child" in csv.splitlines()[0]
    assert IMPACT in csv
    api = client.get(f"/api/people/{story.pk}/chronology/").json()
    assert [row["impact"] for row in api if row["type"].startswith("casework")] == [
        IMPACT
    ]


def test_access_events_stay_out_of_the_chronology(client, story, alice, mona):
    from tests.conftest import make_user

    stranger = make_user("carl", "social_worker", None)
    break_glass(story, reason=GLASS, by=stranger)
    for user in (alice, mona):
        client.force_login(user)
        page = client.get(f"/people/{story.pk}/chronology/").content.decode()
        printed = client.get(f"/people/{story.pk}/chronology/?format=print")
        csv = b"".join(
            client.get(f"/people/{story.pk}/chronology/?format=csv").streaming_content
        ).decode()
        api = client.get(f"/api/people/{story.pk}/chronology/").content.decode()
        for text in (page, printed.content.decode(), csv, api):
            assert GLASS not in text
            assert GRANT not in text
            assert "Opened without a relationship" not in text
            assert "Home visit" in text


def test_access_events_are_on_the_access_page(client, story, mona):
    client.force_login(mona)
    page = client.get(f"/people/{story.pk}/access-log/").content.decode()
    assert "Who may read it" in page
    assert GRANT in page
    assert "Access granted to" in page


def test_the_subject_access_export_keeps_them(client, story, mona):
    client.force_login(mona)
    response = client.get(f"/people/{story.pk}/subject-access.csv")
    body = b"".join(response.streaming_content).decode()
    assert GRANT in body
    assert IMPACT in body


def test_an_impact_changed_behind_the_journal_is_noticed(story):
    assert list(notes_match_their_journal()) == []
    CaseNote.objects.filter(person=story).update(impact="Nothing much")
    found = list(notes_match_their_journal())
    assert len(found) == 1
    assert "impact" in found[0].problem
