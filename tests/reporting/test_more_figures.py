"""Long-term placement stability, placements more than 20 miles from home,
care leavers in touch and in education, employment or training, and work
overdue: each counted from records built through the services."""

import datetime as dt

import pytest
from django.test import Client

from haven.care import moves, services
from haven.care.episodes import episodes
from haven.care.history import CareHistory, Status, Stay
from haven.care.leavers.keeping_in_touch import Contact, record_birthday_contact
from haven.core.services import allocate_case, restrict_record
from haven.people.services import record_move
from haven.reporting import children, distance, leavers, long_term, overdue
from haven.reporting.figures import Figure
from haven.reporting.scope import Scope, of_team
from haven.reporting.spans import last_twelve_months
from tests.care.factories import CarerFactory, fostered, in_care, visited
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

D = dt.date
YEAR = last_twelve_months(D(2026, 6, 15))


def _counted(figure: Figure, keys: tuple[str, ...], scope: Scope | None = None):
    result = figure.result(YEAR, scope or Scope())
    return {key: (bar.count, bar.hits) for key in keys if (bar := result.bar(key))}


def _child(name, born, *, team, worker, manager):
    child = ChildFactory(given_name=name, family_name="Test", date_of_birth=born)
    allocate_case(child, team=team, worker=worker, on=D(2019, 1, 7), by=manager)
    return child


def _looked_after(name, born, on, *, team, worker, manager):
    child = _child(name, born, team=team, worker=worker, manager=manager)
    period = in_care(child, by=worker, on=on, placement=fostered(CarerFactory()))
    return child, period


@pytest.fixture
def long_stayers(today, alice, mona, team, bob, sam, other_team):
    """Ada, with her carers since June 2023; Ben, looked after as long but
    moved in March 2025; Cal, looked after two years and five months by June
    2026 (not yet counted); Dee, bob's and restricted, with her carers since
    2020 until she turns 16 on 1 March 2026."""
    mine = {"team": team, "worker": alice, "manager": mona}
    ada, _ = _looked_after("Ada", D(2014, 2, 10), D(2023, 6, 1), **mine)
    ben, period = _looked_after("Ben", D(2014, 4, 2), D(2023, 6, 1), **mine)
    moves.move_placement(
        period,
        on=D(2025, 3, 3),
        placement=fostered(CarerFactory()),
        reason="CREQB",
        by=alice,
    )
    cal, _ = _looked_after("Cal", D(2014, 1, 5), D(2024, 1, 10), **mine)
    theirs = {"team": other_team, "worker": bob, "manager": sam}
    dee, _ = _looked_after("Dee", D(2010, 3, 1), D(2020, 9, 7), **theirs)
    restrict_record(dee, kind="restricted", reason="A staff member's child", by=sam)
    return ada, ben, cal, dee


def test_long_term_stability_counts_children_looked_after_two_and_a_half_years(
    long_stayers, team, other_team, sam
):
    ada, ben, cal, dee = long_stayers
    months = ("2025-11", "2025-12", "2026-02", "2026-03", "2026-06")
    assert _counted(long_term.LONG_TERM, months) == {
        "2025-11": (1, 1),  # Dee alone: Ada and Ben not yet two and a half years
        "2025-12": (3, 2),
        "2026-02": (3, 2),
        "2026-03": (2, 1),  # Dee is 16
        "2026-06": (2, 1),  # Cal, two years and five months, never counts
    }
    result = long_term.LONG_TERM.result(YEAR, Scope())
    june = result.bar("2026-06")
    assert {i.person_id: i.hit for i in june.items} == {ada.pk: True, ben.pk: False}
    assert {i.person_id: i.details for i in june.items}[ben.pk] == (
        D(2023, 6, 1),
        D(2025, 3, 3),
    )
    assert _counted(long_term.LONG_TERM, ("2026-02",), of_team(team)) == {
        "2026-02": (2, 1)
    }
    assert _counted(long_term.LONG_TERM, ("2026-02",), of_team(other_team)) == {
        "2026-02": (1, 1)
    }
    # Dee's record is restricted: counted, not named.
    shown = children.behind(sam, result, result.bar("2026-02"))
    assert {row.person.pk for row in shown.rows} == {ada.pk, ben.pk}
    assert (shown.unnamed_children, shown.unnamed_items) == (1, 1)


def test_a_child_placed_more_than_20_miles_from_home(jasmine, alice, mona, team):
    mine = {"team": team, "worker": alice, "manager": mona}
    far = _child("Pip", D(2015, 6, 1), **mine)
    near = _child("Quin", D(2015, 7, 1), **mine)
    for child, postcode in ((far, "M1 1AD"), (near, "LS6 2AA")):
        record_move(
            child,
            line_1="1 Home Street",
            town="Manchester",
            postcode=postcode,
            on=D(2016, 5, 4),
            by=alice,
        )
        in_care(child, by=alice, on=D(2026, 3, 2), placement=fostered(CarerFactory()))
    assert _counted(distance.AT_A_DISTANCE, ("2026-02", "2026-03")) == {
        "2026-02": (0, 0),
        "2026-03": (3, 1),
    }
    march = distance.AT_A_DISTANCE.result(YEAR, Scope()).bar("2026-03")
    assert {i.person_id: i.details for i in march.items} == {
        far.pk: (35.9, "Over 20, up to 50 miles"),
        near.pk: (0.2, "Up to 5 miles"),
        jasmine.pk: ("Not known", "Not known"),  # no address: not known
    }


@pytest.fixture
def care_leavers(today, alice, mona, team):
    """Lee, a relevant child who left care at 17 and was in touch and at
    college at 18 (May 2026); Mia, who left at 18, not in touch at 20
    (February 2026); Ola, who left at 16, with nothing recorded at 20
    (September 2025); Noa, still looked after at her 17th birthday (August
    2025), so not a care leaver then."""
    mine = {"team": team, "worker": alice, "manager": mona}
    lee, lee_care = _looked_after("Lee", D(2008, 5, 4), D(2022, 11, 10), **mine)
    mia, mia_care = _looked_after("Mia", D(2006, 2, 20), D(2020, 3, 2), **mine)
    ola, ola_care = _looked_after("Ola", D(2005, 9, 1), D(2021, 1, 4), **mine)
    noa, _ = _looked_after("Noa", D(2008, 8, 1), D(2025, 1, 6), **mine)
    for period, on in ((lee_care, D(2025, 11, 4)), (mia_care, D(2024, 2, 20))):
        services.end_period_of_care(period, on=on, reason="E8", by=alice)
    services.end_period_of_care(ola_care, on=D(2022, 6, 1), reason="E8", by=alice)
    record_birthday_contact(
        lee, Contact(18, "YES", "F2", "E1", contacted_on=D(2026, 5, 6)), by=alice
    )
    record_birthday_contact(
        mia, Contact(20, "NO", "G5", "E1", contacted_on=D(2026, 2, 23)), by=alice
    )
    return lee, mia, ola, noa


def test_care_leavers_in_touch_and_in_education_employment_or_training(
    care_leavers, other_team
):
    lee, mia, ola, noa = care_leavers
    groups = ("17-18", "19-21")
    expected = {"17-18": (1, 1), "19-21": (2, 0)}
    assert _counted(leavers.IN_TOUCH, groups) == expected
    assert _counted(leavers.IN_EET, groups) == expected
    result = leavers.IN_TOUCH.result(YEAR, Scope())
    assert result.bar("17-18").children == {lee.pk}  # not Noa, still in care
    assert {i.person_id: i.details for i in result.bar("19-21").items} == {
        mia.pk: (20, "NO", "G5"),
        ola.pk: (20, leavers.NOT_RECORDED, leavers.NOT_RECORDED),
    }
    assert {i.day for i in result.bar("19-21").items} == {D(2026, 2, 20), D(2025, 9, 1)}
    assert _counted(leavers.IN_TOUCH, groups, of_team(other_team)) == {
        "17-18": (0, 0),
        "19-21": (0, 0),
    }


def test_work_overdue_at_a_month_end_until_it_is_done(kai, alice):
    """Kai's plan started on 5 May: his first visit and core group were due
    on 19 May, by the engine."""

    def overdue_on(key: str) -> dict[str, tuple]:
        bar = overdue.OVERDUE.result(YEAR, Scope()).bar(key)
        assert bar.children <= {kai.pk}
        return {item.details[1]: item.details for item in bar.items}

    assert overdue_on("2026-04") == {}
    assert overdue_on("2026-05") == {
        "CP-CORE1": ("Child protection", "CP-CORE1", D(2026, 5, 19), 12),
        "CP-VISIT": ("Child protection", "CP-VISIT", D(2026, 5, 19), 12),
    }
    visited(kai, by=alice, on=D(2026, 6, 2), place="home")
    # Done late in June: still overdue at the end of May, not on 15 June.
    assert set(overdue_on("2026-05")) == {"CP-CORE1", "CP-VISIT"}
    assert set(overdue_on("2026-06")) == {"CP-CORE1"}
    by_family = overdue.OVERDUE_BY_FAMILY.result(YEAR, Scope())
    assert [(b.key.key, b.key.words, b.count) for b in by_family.bars] == [
        ("cp", "Child protection", 1)
    ]


def test_the_care_leavers_page_heads_its_bars_by_birthday(care_leavers, sam):
    lee, mia, ola, noa = care_leavers
    client = Client()
    client.force_login(sam)
    html = client.get("/reporting/leavers_in_touch/").content.decode()
    assert ">Birthday</th>" in html and "At 19 to 21" in html
    listed = client.get("/reporting/leavers_in_touch/19-21/").content.decode()
    assert "Mia" in listed and "Ola" in listed and "Lee" not in listed


@pytest.mark.parametrize(("place", "stable"), [("A5", True), ("U6", False)])
def test_an_adoptive_placement_counts_with_the_one_before_it(place, stable):
    """Fostered from January 2023, then with new carers from January 2025:
    placed for adoption, the two placements together make two years by March
    2026; fostered again, the new placement alone does not."""
    history = CareHistory(
        start=D(2023, 1, 2),
        statuses=(Status("C2", D(2023, 1, 2)),),
        stays=(
            Stay("U6", D(2023, 1, 2), D(2025, 1, 6), carer=1),
            Stay(place, D(2025, 1, 6), carer=2),
        ),
    )
    found = episodes(history)
    assert long_term.stable(found, D(2026, 3, 31)) == (stable, D(2025, 1, 6))
