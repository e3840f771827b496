"""The whereabouts board through its page: filters, a past day with both
answers where they differ, and its CSV and spreadsheet exports (formula-safe)."""

import csv
import datetime as dt
import io

import openpyxl
import pytest

from haven.care import corrections, moves
from tests.care.factories import fostered, in_care, in_home

pytestmark = pytest.mark.django_db
START = dt.date(2025, 1, 10)


def at_the_time(freezer, day, write):
    """Record as if on `day`, then come back to today."""
    now = freezer.at
    freezer.at = now.replace(year=day.year, month=day.month, day=day.day)
    try:
        return write()
    finally:
        freezer.at = now


def _day(name, day):
    return {
        f"{name}_day": day.day,
        f"{name}_month": day.month,
        f"{name}_year": day.year,
    }


def test_the_board_lists_the_child_and_offers_the_filters(
    client, alice, child, carer, today
):
    in_care(child, by=alice, on=START, placement=fostered(carer))
    client.force_login(alice)
    page = client.get("/looked-after/whereabouts/").content.decode()
    assert "Where looked-after children are now" in page
    assert child.full_name in page
    assert '<option value="U6"' in page
    assert "Assessment Team" in page
    assert "1 child shown" in page


def test_a_worker_without_the_role_is_refused(client, fiona, today):
    client.force_login(fiona)
    assert client.get("/looked-after/whereabouts/").status_code == 403


def test_a_day_still_to_come_is_refused_in_words(client, alice, child, carer, today):
    in_care(child, by=alice, on=START, placement=fostered(carer))
    client.force_login(alice)
    page = client.get(
        "/looked-after/whereabouts/", _day("day", today + dt.timedelta(days=3))
    ).content.decode()
    assert "The day must be today or in the past" in page
    assert "Where looked-after children are now" in page


def test_a_past_day_shows_what_was_recorded_then_beside_the_correction(
    client, alice, child, carer, home, today, freezer
):
    period = at_the_time(
        freezer,
        START,
        lambda: in_care(child, by=alice, on=START, placement=fostered(carer)),
    )
    day = START + dt.timedelta(days=50)
    # A year later the placement is found to have been a children's home.
    (placement,) = period.placements.all()
    corrections.correct_placement(
        placement,
        started_on=START,
        details=in_home(home),
        change_reason="",
        why="Recorded as the wrong placement",
        by=alice,
    )
    client.force_login(alice)
    page = client.get("/looked-after/whereabouts/", _day("day", day)).content.decode()
    assert "Where looked-after children were on 1 March 2025" in page
    assert "for 1 child, where they were that day was recorded differently" in page
    assert "K2: " in page  # as corrected since
    assert "Recorded then" in page and "U6: " in page


def test_the_past_day_agrees_when_nothing_was_corrected(
    client, alice, child, carer, second_carer, today, freezer
):
    period = at_the_time(
        freezer,
        START,
        lambda: in_care(child, by=alice, on=START, placement=fostered(carer)),
    )
    moved = START + dt.timedelta(days=10)
    at_the_time(
        freezer,
        moved,
        lambda: moves.move_placement(
            period, on=moved, placement=fostered(second_carer), reason="CARPL", by=alice
        ),
    )
    client.force_login(alice)
    day = START + dt.timedelta(days=20)
    page = client.get("/looked-after/whereabouts/", _day("day", day)).content.decode()
    assert "as recorded at the time, agrees with the records" in page


def test_a_backdated_move_recorded_later_differs_from_what_was_recorded_then(
    alice, child, carer, second_carer, today, freezer
):
    from haven.care.board import board

    period = at_the_time(
        freezer,
        START,
        lambda: in_care(child, by=alice, on=START, placement=fostered(carer)),
    )
    # Recorded today (15 June 2026), a move that happened on 1 March 2026.
    moves.move_placement(
        period,
        on=dt.date(2026, 3, 1),
        placement=fostered(second_carer),
        reason="CARPL",
        by=alice,
    )
    (row,) = board(alice, day=dt.date(2026, 4, 1)).rows
    assert row.placed.carer_id == second_carer.pk
    assert row.recorded_differently
    assert row.recorded.carer_id == carer.pk


def test_the_csv_export_is_filtered_and_formula_safe(
    client, alice, child, carer, today
):
    child.given_name = "=HYPERLINK(1)"
    child.save()
    in_care(child, by=alice, on=START, placement=fostered(carer))
    client.force_login(alice)
    response = client.get(
        "/looked-after/whereabouts/", {"format": "csv", "place": "U6"}
    )
    assert response["Content-Disposition"].startswith("attachment")
    text = b"".join(response.streaming_content).decode()
    header, row = list(csv.reader(io.StringIO(text)))
    assert header[0] == "Child"
    assert row[0].startswith("'=HYPERLINK(1)")
    assert row[3].startswith("U6: ")
    assert row[4] == "2025-01-10"
    empty = client.get("/looked-after/whereabouts/", {"format": "csv", "area": "in"})
    assert (
        len(list(csv.reader(io.StringIO(b"".join(empty.streaming_content).decode()))))
        == 1
    )


def test_the_spreadsheet_export_keeps_text_as_text(client, alice, child, carer, today):
    child.given_name = "=HYPERLINK(1)"
    child.save()
    in_care(child, by=alice, on=START, placement=fostered(carer))
    client.force_login(alice)
    response = client.get("/looked-after/whereabouts/", {"format": "xlsx"})
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    header, row = list(book.active.iter_rows())
    assert header[0].value == "Child"
    assert row[0].value.startswith("=HYPERLINK(1)") and row[0].data_type == "s"
    assert row[4].value == dt.datetime(2025, 1, 10)


def test_each_download_is_written_to_the_access_log_of_every_child_in_it(
    client, alice, mona, bob, other_team, child, carer, today
):
    from haven.core.models import AccessLogEntry
    from tests.care.test_board import placed_child

    in_care(child, by=alice, on=START, placement=fostered(carer))
    # Looked after in another team: not in Alice's file, nor logged.
    stranger = placed_child(other_team, bob, mona, carer, given_name="Unrelated")
    client.force_login(alice)
    logged = AccessLogEntry.objects.filter(what__startswith="Whereabouts board")

    client.get("/looked-after/whereabouts/")
    assert not logged.exists()  # the page names no more than the board shows

    b"".join(client.get("/looked-after/whereabouts/", {"format": "csv"}))
    (entry,) = logged.all()
    assert (entry.person_id, entry.user_id) == (child.pk, alice.pk)
    assert entry.what == "Whereabouts board CSV download, as at 15 June 2026"
    assert "whereabouts board" in entry.why

    past = {"format": "xlsx", **_day("day", dt.date(2025, 6, 1))}
    client.get("/looked-after/whereabouts/", past)
    assert logged.filter(
        person=child, what="Whereabouts board spreadsheet download, as at 1 June 2025"
    ).exists()
    assert not logged.filter(person=stranger).exists()

    # A filter that leaves nobody in the file logs nobody.
    client.get("/looked-after/whereabouts/", {"format": "csv", "area": "in"})
    assert logged.all().count() == 2


def _three_placed(alice, mona, carer, team):
    from tests.care.test_board import placed_child

    return [
        placed_child(team, alice, mona, carer, given_name=name, family_name="Page")
        for name in ("Ada", "Bea", "Cal")
    ]


def test_the_board_is_paged_and_its_pages_keep_the_filters_and_order(
    client, alice, mona, carer, team, today, monkeypatch
):
    from haven.care import board_views

    monkeypatch.setattr(board_views, "PAGE", 2)
    _three_placed(alice, mona, carer, team)
    client.force_login(alice)
    asked = {"sort": "since", "place": "U6"}
    first = client.get("/looked-after/whereabouts/", asked).content.decode()
    assert "3 children shown (1 to 2 on this page)" in first
    assert "Ada Page" in first and "Bea Page" in first and "Cal Page" not in first
    assert 'class="govuk-pagination"' in first
    assert 'href="?sort=since&amp;place=U6&amp;page=2" rel="next"' in first
    second = client.get(
        "/looked-after/whereabouts/", {**asked, "page": 2}
    ).content.decode()
    assert "Cal Page" in second and "Ada Page" not in second
    assert 'href="?sort=since&amp;place=U6&amp;page=1" rel="prev"' in second
    # The exports carry the filters, not the page, and give every child shown.
    assert 'href="?sort=since&amp;place=U6&amp;format=csv"' in second
    response = client.get("/looked-after/whereabouts/", {**asked, "format": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert len(list(csv.reader(io.StringIO(text)))) == 4


def test_a_page_of_the_board_costs_the_same_queries_however_many_children(
    client, alice, mona, carer, team, today, monkeypatch
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from haven.care import board_views

    monkeypatch.setattr(board_views, "PAGE", 2)
    _three_placed(alice, mona, carer, team)
    client.force_login(alice)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/looked-after/whereabouts/").status_code == 200
        return len(captured)

    queries()  # the first request of a session reads what later ones keep
    few = queries()
    _three_placed(alice, mona, carer, team)
    assert queries() == few
