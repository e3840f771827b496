"""The SSDA903 built from the records through the services: its tables and
columns, empty tables as a header row, a move and a change of legal status
mid-year, a short break, an adopted child, a care leaver, Haven's own checks
finding a planted fault of each kind in words, and a query count that does
not grow with the children."""

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.care import moves, services
from haven.care.leavers.keeping_in_touch import Contact, record_birthday_contact
from haven.care.models import Placement, Provider
from haven.core.models import Allocation
from haven.core.services import allocate_case
from haven.returns import registry
from haven.returns.ssda903 import tables
from haven.returns.ssda903.build import build
from tests.care.adoption_helpers import adopted
from tests.care.factories import (
    CarerFactory,
    FosteringServiceFactory,
    ProviderFactory,
    fostered,
    in_care,
    in_home,
)
from tests.conftest import make_user
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db
D = dt.date
YEAR = 2026  # 1 April 2025 to 31 March 2026


def _table(built, name):
    return list(csv.DictReader(io.StringIO(built.files[name].decode("utf-8"))))


def _rules(built, person=None):
    return sorted(
        f.rule for f in built.faults if person is None or f.person_id == person.pk
    )


@pytest.fixture(autouse=True)
def today(freezer):
    """15 June 2026: the 2025-26 year (collection year 2026) has ended."""
    freezer.at = freezer.at.replace(year=2026, month=6, day=15, hour=12)


@pytest.fixture
def fostering(db):
    return FosteringServiceFactory()


@pytest.fixture
def carer(fostering):
    return CarerFactory(provider=fostering)


@pytest.fixture
def home(db):
    return ProviderFactory()


@pytest.fixture
def child(alice, mona, team):
    """Jasmine, born 4 May 2016, whose case Alice holds."""
    child = ChildFactory(given_name="Jasmine", family_name="Thackray")
    allocate_case(child, team=team, worker=alice, on=D(2024, 1, 5), by=mona)
    return child


@pytest.fixture
def worker(alice):
    alice.swe_number = "SW123456"
    alice.save()
    Allocation.objects.filter(worker=alice).update(change_reason="FCONTA")
    return alice


def _new_child(team, worker, mona, **kw):
    person = ChildFactory(**kw)
    allocate_case(
        person,
        team=team,
        worker=worker,
        on=D(2024, 1, 5),
        change_reason="FCONTA",
        by=mona,
    )
    return person


def test_every_table_is_written_with_its_header_even_with_no_rows():
    built = registry.get("ssda903").build(YEAR)
    assert list(built.files) == tables.files_for(YEAR)
    assert tables.DOLO not in built.files  # from 2026-27
    for name, content in built.files.items():
        assert content.decode("utf-8") == ",".join(tables.COLUMNS[name]) + "\r\n"
    assert build(2027).files[tables.DOLO] == b"CHILD,DOB,DOLO_START,DOLO_END\r\n"
    assert built.person_ids == frozenset() and built.faults == []


def test_a_move_and_a_change_of_legal_status_in_the_year(child, worker, carer, home):
    period = in_care(child, by=worker, on=D(2025, 1, 10), placement=fostered(carer))
    moves.change_legal_status(period, on=D(2025, 6, 1), code="C2", by=worker)
    moves.move_placement(
        period, on=D(2025, 9, 1), placement=in_home(home), reason="CREQB", by=worker
    )
    built = build(YEAR)
    rows = [
        (r["DECOM"], r["RNE"], r["LS"], r["PLACE"], r["DEC"], r["REC"],
         r["REASON_PLACE_CHANGE"])
        for r in _table(built, tables.EPISODES)
    ]  # fmt: skip
    assert rows == [
        ("10/01/2025", "S", "C1", "U6", "01/06/2025", "X1", ""),
        ("01/06/2025", "L", "C2", "U6", "01/09/2025", "X1", "CREQB"),
        ("01/09/2025", "P", "C2", "K2", "", "", ""),
    ]
    (header,) = _table(built, tables.HEADER)
    assert header["CHILD"] == child.la_child_id
    assert (header["SEX"], header["DOB"], header["MOTHER"]) == ("F", "04/05/2016", "0")
    (sw,) = _table(built, tables.SOCIAL_WORKERS)
    assert (sw["SW_ID"], sw["SW_DECOM"], sw["SW_DEC"]) == ("SW123456", "05/01/2024", "")
    assert len(_table(built, tables.OC2)) == 1  # in care since before 1 April
    assert built.person_ids == {child.pk}
    assert _rules(built) == ["168"]  # no UPN, nor why: the one fault
    assert "UPN" in built.faults[0].words


def test_a_child_in_care_all_year_has_an_oc2_row(child, worker, carer):
    in_care(child, by=worker, on=D(2024, 6, 3), placement=fostered(carer))
    (row,) = _table(build(YEAR), tables.OC2)
    assert row["CHILD"] == child.la_child_id
    # 9 at 31 March: an SDQ is due (none recorded), CONVICTED is from 10
    assert (row["SDQ_SCORE"], row["CONVICTED"], row["IMMUNISATIONS"]) == ("", "", "0")


def test_a_short_break_is_an_episode_but_not_looked_after(child, worker, carer):
    period = in_care(
        child, by=worker, on=D(2025, 8, 1), legal_status="V3", placement=fostered(carer)
    )
    services.end_period_of_care(period, on=D(2025, 8, 4), reason="E4A", by=worker)
    built = build(YEAR)
    (episode,) = _table(built, tables.EPISODES)
    assert (episode["LS"], episode["DEC"], episode["REC"]) == (
        "V3",
        "04/08/2025",
        "E4A",
    )
    assert _table(built, tables.SOCIAL_WORKERS) == []  # not looked after at 31 March
    assert _table(built, tables.OC2) == []


def test_an_adopted_child_has_ad1_and_placed_for_adoption(
    child, worker, carer, fostering, team
):
    from haven.care.moves import change_legal_status

    ada = make_user("ada", "adoption_worker", team)
    period = in_care(child, by=worker, legal_status="C2", placement=fostered(carer))
    change_legal_status(period, on=D(2025, 6, 1), code="E1", by=worker)
    adopted(period, fostering, worker=worker, by=ada)
    built = build(YEAR)
    (ad1,) = _table(built, tables.AD1)
    assert (ad1["DATE_INT"], ad1["DATE_MATCH"]) == ("01/07/2025", "01/09/2025")
    assert (ad1["NB_ADOPTR"], ad1["SEX_ADOPTR"], ad1["LS_ADOPTR"]) == ("2", "MM", "L4")
    (placed,) = _table(built, tables.PLACED_ADOPTION)
    assert placed["DATE_PLACED"] == "01/07/2025"
    last = _table(built, tables.EPISODES)[-1]
    assert (last["DEC"], last["REC"]) == ("02/03/2026", "E11")


def test_a_care_leaver_at_their_birthday_has_an_oc3_row(worker, mona, team, carer):
    leaver = _new_child(team, worker, mona, date_of_birth=D(2007, 5, 4))
    period = in_care(leaver, by=worker, on=D(2021, 11, 10), placement=fostered(carer))
    services.end_period_of_care(period, on=D(2024, 11, 4), reason="E8", by=worker)
    record_birthday_contact(
        leaver,
        Contact(18, "YES", "F2", "E1", contacted_on=D(2025, 5, 6)),
        by=worker,
    )
    built = build(YEAR)
    (row,) = _table(built, tables.OC3)
    assert (row["CHILD"], row["IN_TOUCH"], row["ACTIV"], row["ACCOM"]) == (
        leaver.la_child_id,
        "YES",
        "F2",
        "E1",
    )
    assert [h["CHILD"] for h in _table(built, tables.HEADER)] == [leaver.la_child_id]
    assert _table(built, tables.EPISODES) == []


def test_text_a_spreadsheet_would_run_is_written_as_text():
    written = tables.csv_bytes(
        tables.OC3, [{"CHILD": "=HYPERLINK(1)", "DOB": D(2007, 5, 4)}]
    )
    assert written.decode("utf-8").splitlines()[1] == "'=HYPERLINK(1),04/05/2007,,,"


def _planted(child, alice, carer, home, team, mona):
    """A child whose record breaks one rule of each kind Haven checks, written
    straight to the tables as an old system's import would have left it."""
    from django.utils import timezone

    from haven.care.models import MissingEpisode, Review

    period = in_care(child, by=alice, on=D(2025, 4, 10), placement=fostered(carer))
    moves.change_legal_status(period, on=D(2025, 5, 1), code="L2", by=alice)
    moves.change_legal_status(period, on=D(2025, 6, 5), code="C1", by=alice)  # 35 days
    moves.move_placement(
        period, on=D(2025, 7, 1), placement=in_home(home), reason="CREQB", by=alice
    )
    Placement.objects.filter(period=period, place="U6").update(
        change_reason="", place="H5"
    )
    Placement.objects.filter(period=period, place="K2").update(place="K3")
    Provider.objects.filter(pk=home.pk).update(ofsted_urn="")
    Review.objects.create(
        period=period, number=1, held_on=D(2025, 5, 9), chair=alice,
        participation="PN0", attended="Jasmine", recorded_by=alice,
    )  # fmt: skip
    other = in_care(
        _new_child(team, alice, mona, upn="A123456789012"), by=alice,
        on=D(2025, 4, 10),
        placement=fostered(carer),
    )  # fmt: skip
    services.end_period_of_care(other, on=D(2026, 1, 5), reason="E4A", by=alice)
    at = timezone.make_aware(dt.datetime(2025, 12, 20, 22))
    MissingEpisode.objects.create(period=other, kind="M", started_at=at)
    return other.person


def test_haven_finds_a_planted_fault_of_each_kind_in_words(
    child, alice, carer, home, team, mona
):
    other = _planted(child, alice, carer, home, team, mona)
    built = build(YEAR)
    words = {f.rule: f.words for f in built.faults}
    assert {f.person_id for f in built.faults} == {child.pk, other.pk}
    assert set(words) >= {
        "146",  # a placement type the year's list no longer has
        "168",  # no UPN
        "218",  # no URN for a children's home
        "225",  # a move without its reason
        "362",  # an emergency protection order over 21 days
        "371",  # K3 at 9
        "440",  # PN0 for a child of 9
        "577",  # still missing when care ended
        "SW02STG1",  # no registration number
        "SW13STG1",  # no reason for the allocation
    }
    assert "lasts 35 days; it can last at most 21" in words["362"]
    assert "Social Work England registration number" in words["SW02STG1"]
    assert words["371"].startswith("Placement type K3 is for children aged 16")
    assert all(f.link for f in built.faults)


def test_the_queries_do_not_grow_with_the_children(worker, mona, team, carer, home):
    def count() -> int:
        with CaptureQueriesContext(connection) as made:
            build(YEAR)
        return len(made)

    def more(n: int) -> None:
        for _ in range(n):
            person = _new_child(team, worker, mona)
            period = in_care(
                person, by=worker, on=D(2025, 5, 2), placement=fostered(carer)
            )
            moves.move_placement(
                period, on=D(2025, 8, 1), placement=in_home(home), reason="CARPL",
                by=worker,
            )  # fmt: skip

    more(1)
    few = count()
    more(3)
    assert count() == few
