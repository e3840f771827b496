"""A looked-after child's care records in the subject access export: periods
of care, legal statuses, placements, missing episodes and their strategy
meetings, statutory visits with their placement, visit requests; each row
naming its third parties, a restricted foster carer marked but never named."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from haven.care import moves
from haven.care.missing.followup import (
    Interview,
    record_return_interview,
    record_strategy_meeting,
)
from haven.care.missing.recording import Police, report_missing
from haven.care.visits.recording import record_visit_request
from haven.core import clock
from haven.core.services import allocate_case, restrict_record
from tests.care.factories import (
    CarerFactory,
    FosteringServiceFactory,
    ProviderFactory,
    fostered,
    in_care,
    in_home,
    visited,
)
from tests.conftest import make_user
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

THIRD_PARTY = "third party — review before release"


def _day(n: int) -> dt.date:
    return clock.today() - dt.timedelta(days=n)


@pytest.fixture
def carer(db):
    service = FosteringServiceFactory(name="Haven Fostering Service")
    return CarerFactory(
        provider=service, person__given_name="Maureen", person__family_name="Oakes"
    )


@pytest.fixture
def child(alice, mona, team, carer):
    """In care 200 days ago with Maureen Oakes, moved to a children's home 50
    days ago; missing for a night, a strategy meeting, a visit and a request."""
    child = ChildFactory(given_name="Jasmine", family_name="Thackray")
    allocate_case(child, team=team, worker=alice, on=_day(400), by=mona)
    period = in_care(child, by=alice, on=_day(200), placement=fostered(carer))
    moves.change_legal_status(period, on=_day(120), code="C2", by=alice)
    home = ProviderFactory(name="Larchfield House")
    moves.move_placement(
        period, on=_day(50), placement=in_home(home), reason="CREQB", by=alice
    )
    went = clock.now() - dt.timedelta(days=20)
    episode = report_missing(
        period,
        kind="M",
        started_at=went,
        returned_at=went + dt.timedelta(hours=14),
        police=Police(True, "WY-4471"),
        by=alice,
    )
    record_return_interview(
        episode,
        Interview(_day(19), _day(18), interviewed_by="Priya Kaur, Safe Return"),
        by=alice,
    )
    record_strategy_meeting(
        child, held_on=_day(15), decisions="Safety plan with the home", by=alice
    )
    visited(child, by=alice, on=_day(10))
    record_visit_request(
        period,
        requested_on=_day(5),
        asked_by="child",
        details="Wants to talk about contact with her brother",
        by=alice,
    )
    return child


def _rows(client, user, child) -> list[dict[str, str]]:
    client.force_login(user)
    response = client.get(reverse("disclosure:subject_access", args=[child.pk]))
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.getvalue().decode())))


def _section(rows, name):
    return [row for row in rows if row["section"] == name]


def test_the_export_holds_the_childs_care_records(client, mona, child):
    rows = _rows(client, mona, child)
    (period,) = _section(rows, "Period of care")
    assert period["text"].startswith(f"Looked after from {_day(200):%-d %B %Y}")
    assert [r["item"][:2] for r in _section(rows, "Legal status")] == ["C1", "C2"]
    fostered_row, home_row = _section(rows, "Placement")
    assert fostered_row["item"].startswith("U6")
    assert "with Maureen Oakes" in fostered_row["text"]
    assert "foster carer: Maureen Oakes" in fostered_row[THIRD_PARTY]
    assert "Larchfield House" in home_row["text"]
    (missing,) = _section(rows, "Missing from care")
    assert "police reference WY-4471" in missing["text"]
    assert "interviewer: Priya Kaur, Safe Return" in missing[THIRD_PARTY]
    (meeting,) = _section(rows, "Missing strategy meeting")
    assert meeting["text"] == "Safety plan with the home"
    (visit,) = _section(rows, "Statutory visit")
    assert "2 Larch Lane" in visit["text"]
    assert visit["text"].startswith("At the placement K2 from")
    assert "staff: Alice Tester" in visit[THIRD_PARTY]
    (asked,) = _section(rows, "Visit asked for")
    assert "contact with her brother" in asked["text"]


def test_a_restricted_foster_carer_is_marked_but_never_named(
    client, mona, child, carer
):
    sam = make_user("sam", "service_manager")
    restrict_record(carer.person, kind="restricted", reason="Staff member", by=sam)
    rows = _rows(client, mona, child)
    fostered_row = _section(rows, "Placement")[0]
    assert "Oakes" not in fostered_row["text"] + fostered_row[THIRD_PARTY]
    assert "restricted (name withheld)" in fostered_row[THIRD_PARTY]
    care = [r for r in rows if r["section"] in {"Placement", "Period of care"}]
    assert all("Maureen" not in r["text"] for r in care)
