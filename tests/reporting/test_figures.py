"""Each figure counts from the records, by the month or team it counts in,
and knows the children behind it."""

import datetime as dt

import pytest

from haven.care import moves
from haven.care.missing.recording import report_missing
from haven.care.models import PeriodOfCare
from haven.cin.models import CinEpisode
from haven.core.models import Team
from haven.core.services import allocate_case
from haven.earlyhelp import services as earlyhelp
from haven.reporting import (
    caseloads,
    early_help,
    missing,
    on_the_day,
    on_time,
    out_of_area,
    referrals,
    stability,
    timeliness,
)
from haven.reporting.figures import Figure
from haven.reporting.scope import Scope, of_team
from haven.reporting.spans import Span, last_twelve_months
from tests.care.factories import CarerFactory, fostered, visited
from tests.cin.test_services import _authorised as authorised
from tests.conftest import make_user
from tests.factories import ChildFactory
from tests.reporting.conftest import TODAY, at

pytestmark = pytest.mark.django_db

YEAR = last_twelve_months(dt.date(2026, 6, 15))


def _bar(figure: Figure, key: str, scope: Scope | None = None):
    return figure.result(YEAR, scope or Scope()).bar(key)


def _children(figure: Figure, key: str, scope: Scope | None = None) -> set[int]:
    return _bar(figure, key, scope).children


def test_the_last_twelve_months_are_this_month_so_far_and_eleven_before():
    months = YEAR.months
    assert (months[0].first, months[-1].last) == (
        dt.date(2025, 7, 1),
        dt.date(2026, 6, 15),
    )
    assert len(months) == 12 and not months[-1].whole and months[0].whole
    clipped = Span(dt.date(2026, 1, 20), dt.date(2026, 3, 3)).months
    assert [(m.first.day, m.last.day) for m in clipped] == [(20, 31), (1, 28), (1, 3)]


def test_the_children_over_time_are_counted_at_each_month_end(jasmine, kai, robin):
    looked_after = on_the_day.LOOKED_AFTER
    assert _children(looked_after, "2026-01") == set()
    assert _children(looked_after, "2026-02") == {robin.pk}
    assert _children(looked_after, "2026-03") == {robin.pk, jasmine.pk}
    assert _children(on_the_day.ON_A_PLAN, "2026-04") == set()
    assert _children(on_the_day.ON_A_PLAN, "2026-05") == {kai.pk}
    # Looked-after children and children on plans are children in need.
    assert _children(on_the_day.IN_NEED, "2026-06") == {jasmine.pk, kai.pk, robin.pk}


def test_a_team_counts_the_children_whose_case_it_holds(jasmine, kai, robin, team):
    mine = of_team(team)
    assert _children(on_the_day.LOOKED_AFTER, "2026-03", mine) == {jasmine.pk}
    assert _children(on_the_day.IN_NEED, "2026-06", mine) == {jasmine.pk, kai.pk}
    # A service counts its teams'.
    whole = of_team(team.parent)
    assert _children(on_the_day.IN_NEED, "2026-06", whole) == {
        jasmine.pk,
        kai.pk,
        robin.pk,
    }


def test_contact_decisions_within_one_working_day(contacts, front_door, team):
    lily, noah = contacts
    june = _bar(timeliness.CONTACTS, "2026-06")
    assert (june.count, june.hits, june.per_cent) == (2, 1, 50)
    assert {i.person_id: i.hit for i in june.items} == {lily.pk: True, noah.pk: False}
    # Due the working day after the contact came: the engine's date.
    assert {i.details[1] for i in june.items} == {dt.date(2026, 6, 4)}
    # A contact counts for the team of the manager who decided it.
    assert _bar(timeliness.CONTACTS, "2026-06", of_team(front_door)).count == 2
    assert _bar(timeliness.CONTACTS, "2026-06", of_team(team)).count == 0


def test_an_initial_conference_within_15_working_days(kai):
    may = _bar(timeliness.CONFERENCES, "2026-05")
    assert (may.count, may.hits) == (1, 1)
    assert may.children == {kai.pk}
    assert _bar(timeliness.CONFERENCES, "2026-04").per_cent is None


def test_a_referral_within_12_months_of_the_last_is_a_re_referral(today):
    # Made directly: what counts is the referrals' dates.
    again, once = ChildFactory(), ChildFactory()
    for child, day, closed in (
        (again, dt.date(2025, 9, 1), dt.date(2025, 10, 1)),
        (again, dt.date(2026, 2, 9), None),
        (once, dt.date(2024, 1, 8), dt.date(2024, 3, 1)),
        (once, dt.date(2026, 2, 16), None),
    ):
        CinEpisode.objects.create(
            person=child, referral_date=day, closed_on=closed, source="1A"
        )
    february = _bar(referrals.RE_REFERRALS, "2026-02")
    assert (february.count, february.hits, february.per_cent) == (2, 1, 50)
    assert {i.person_id for i in february.items if i.hit} == {again.pk}
    september = _bar(referrals.RE_REFERRALS, "2025-09")
    assert (september.count, september.hits) == (1, 0)


def test_caseloads_by_team_and_by_worker(jasmine, kai, robin, team, other_team):
    by_team = caseloads.BY_TEAM.result(YEAR, Scope())
    assert {b.key.words: b.children for b in by_team.bars} == {
        "Assessment Team": {jasmine.pk, kai.pk},
        "Children in Care Team": {robin.pk},
    }
    by_worker = caseloads.BY_WORKER.result(YEAR, of_team(team))
    assert {b.key.words: b.count for b in by_worker.bars} == {
        "Alice Tester (Assessment Team)": 2
    }


def test_a_first_plan_is_not_a_repeat(kai):
    may = _bar(stability.REPEAT_PLANS, "2026-05")
    assert (may.count, may.hits) == (1, 0)
    assert may.children == {kai.pk}


def test_a_third_placement_in_a_year_counts_against_stability(jasmine, alice):
    period = PeriodOfCare.objects.get(person=jasmine)
    for on in (dt.date(2026, 4, 14), dt.date(2026, 5, 11)):
        moves.move_placement(
            period,
            on=on,
            placement=fostered(CarerFactory()),
            reason="CREQB",
            by=alice,
        )
    counted = {
        key: (bar.count, bar.hits)
        for key in ("2026-03", "2026-04", "2026-05")
        if (bar := _bar(stability.STABILITY, key))
    }
    assert counted == {"2026-03": (1, 0), "2026-04": (1, 0), "2026-05": (1, 1)}
    assert _bar(stability.STABILITY, "2026-05").items[0].details == (3,)


def test_a_visit_to_a_child_on_a_plan_by_its_due_date_is_on_time(kai, alice):
    visited(kai, by=alice, on=dt.date(2026, 5, 12), place="home")
    may = _bar(on_time.CP_VISITS, "2026-05")
    assert (may.count, may.hits) == (1, 1)
    started, due, done = may.items[0].details
    assert done == dt.date(2026, 5, 12) and due >= done


def test_missing_episodes_count_in_the_month_they_started(jasmine, alice):
    period = PeriodOfCare.objects.get(person=jasmine)
    report_missing(
        period,
        kind="M",
        started_at=at(dt.date(2026, 5, 20), 21),
        returned_at=at(dt.date(2026, 5, 21), 8),
        by=alice,
    )
    may = _bar(missing.MISSING, "2026-05")
    assert may.children == {jasmine.pk}
    assert may.items[0].details[1] == dt.date(2026, 5, 21)
    assert _bar(missing.MISSING, "2026-04").count == 0


@pytest.mark.parametrize(("ours", "out"), [("E08000035", 0), ("E08000034", 1)])
def test_a_child_placed_beyond_the_authority_s_districts_is_out_of_area(
    jasmine, settings, ours, out
):
    settings.HAVEN_AREA_CODES = [ours]  # Leeds, then Kirklees
    march = _bar(out_of_area.OUT_OF_AREA, "2026-03")
    assert (march.count, march.hits) == (1, out)
    assert march.items[0].details[0] == "E08000035"  # LS6 1AA is in Leeds


def test_an_assessment_authorised_within_45_working_days(today, alice, mona, team):
    child = ChildFactory(given_name="Ava", family_name="Lund")
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    authorised(child, alice, mona)  # referred 30 days ago, authorised today
    june = _bar(timeliness.ASSESSMENTS, "2026-06")
    assert (june.count, june.hits, june.children) == (1, 1, {child.pk})
    started, due, done = june.items[0].details
    assert (started, done) == (dt.date(2026, 5, 16), TODAY) and due > done


def test_a_family_waits_for_early_help_until_a_worker_is_allocated(
    today, alice, mona, team, service
):
    hub = Team.objects.create(name="Early Help Hub", parent=service)
    ellie = make_user("ellie", "early_help_worker", hub)
    emma = make_user("emma", "early_help_worker", hub)
    hub.managers.add(emma)
    child = ChildFactory(given_name="Ivy")
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    asked = earlyhelp.request_early_help(
        child,
        requested_on=dt.date(2026, 3, 2),
        reason="Parents need support with routines",
        source="step_down",
        contact_id=None,
        by=alice,
    )
    earlyhelp.allocate_request(asked, worker=ellie, on=dt.date(2026, 4, 20), by=emma)
    march = _bar(early_help.WAITING, "2026-03", of_team(hub))
    assert march.children == {child.pk}
    assert march.items[0].details == (dt.date(2026, 3, 2), "29 days")
    assert _bar(early_help.WAITING, "2026-04").count == 0
    assert _bar(early_help.WAITING, "2026-03", of_team(team)).count == 0


def test_the_children_behind_a_month_are_those_the_whole_period_finds_then(
    sam, team, jasmine, kai, robin
):
    """A figure counted on each month's last day (month_alone) works out only
    the month asked for behind a bar: the same children, for the whole
    authority and for a team, in a period starting mid-month."""
    from haven.reporting import children, scope
    from haven.reporting.figures import FIGURES
    from haven.reporting.forms import period_form

    alone = [f for f in FIGURES.values() if f.month_alone]
    assert {f.key for f in alone} >= {"in_need", "cp_plans", "looked_after"}
    for team_id in ("", team.pk):
        query = {"start_day": 14, "start_month": 1, "start_year": 2026}
        query |= {"end_day": 15, "end_month": 6, "end_year": 2026, "team": team_id}
        form = period_form(query, None)
        assert form.is_valid(), form.errors
        for figure in alone:
            whole = figure.result(form.span(), scope.of_team(form.chosen_team()))
            counted = 0
            for bar in whole.bars:
                one = children.behind_bar(sam, figure, form, bar.key.key).bar
                assert (one.key, one.items) == (bar.key, bar.items), figure.key
                counted += bar.count
            assert counted, f"{figure.key} finds nobody: the test proves nothing"
