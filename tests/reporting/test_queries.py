"""The dashboard asks the database as often for many children as for few."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from haven.care import services as care
from haven.care.leavers.keeping_in_touch import Contact, record_birthday_contact
from haven.core.services import allocate_case, restrict_record
from haven.people.services import record_move
from haven.reporting import distance, leavers, long_term, overdue
from haven.reporting.scope import Scope, of_team
from haven.reporting.spans import last_twelve_months
from tests.care.factories import CarerFactory, fostered, in_care
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

PAGES = ("/reporting/", "/reporting/looked_after/2026-03/", "/reporting/in_need/")
# The same for one team, over a period of its own.
TEAM = (
    "?start_day=1&start_month=7&start_year=2025&end_day=15&end_month=6"
    "&end_year=2026&team={team}"
)


def _queries(client: Client, url: str) -> int:
    client.get(url)  # warms the session's caches
    cache.clear()  # what was kept is worked out again, from these records
    made: list[str] = []

    def count(execute, sql, *args):  # type: ignore[no-untyped-def]
        made.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(count):
        assert client.get(url).status_code == 200
    return len(made)


def _counted(client: Client, team: int) -> dict[str, int]:
    urls = [*PAGES, *(url + TEAM.format(team=team) for url in PAGES)]
    return {url: _queries(client, url) for url in urls}


def test_no_page_asks_more_for_more_children(
    sam, alice, mona, team, jasmine, kai, robin
):
    client = Client()
    client.force_login(sam)
    few = _counted(client, team.pk)
    for n in range(3):
        child = ChildFactory(given_name=f"More{n}")
        allocate_case(child, team=team, worker=alice, on=dt.date(2025, 1, 6), by=mona)
        in_care(
            child, by=alice, on=dt.date(2026, 3, 2), placement=fostered(CarerFactory())
        )
        if n == 0:
            restrict_record(child, kind="restricted", reason="Staff's child", by=sam)
    assert _counted(client, team.pk) == few


def _asked(team) -> dict[str, int]:
    """The queries each of issue 20's later figures makes, for the authority
    and for a team."""

    year = last_twelve_months(dt.date(2026, 6, 15))
    mine = of_team(team)
    made = {}
    for figure in (
        long_term.LONG_TERM,
        distance.AT_A_DISTANCE,
        leavers.IN_TOUCH,
        leavers.IN_EET,
        overdue.OVERDUE,
        overdue.OVERDUE_BY_FAMILY,
    ):
        for scope in (Scope(), mine):
            with CaptureQueriesContext(connection) as asked:
                figure.result(year, scope)
            made[f"{figure.key} {scope.words}"] = len(asked)
    return made


def _long_stayer_and_leaver(n: int, alice, mona, team) -> None:
    """A child looked after since 2023 with a home address, and a care leaver
    with their 18th birthday recorded, through the services."""

    stayer = ChildFactory(given_name=f"Long{n}", date_of_birth=dt.date(2014, 3, 1))
    leaver = ChildFactory(given_name=f"Left{n}", date_of_birth=dt.date(2008, 5, 4))
    for child in (stayer, leaver):
        allocate_case(child, team=team, worker=alice, on=dt.date(2019, 1, 7), by=mona)
    record_move(
        stayer,
        line_1="1 Home Street",
        town="Manchester",
        postcode="M1 1AD",
        on=dt.date(2016, 5, 4),
        by=alice,
    )
    in_care(
        stayer, by=alice, on=dt.date(2023, 6, 1), placement=fostered(CarerFactory())
    )
    period = in_care(
        leaver, by=alice, on=dt.date(2022, 11, 10), placement=fostered(CarerFactory())
    )
    care.end_period_of_care(period, on=dt.date(2025, 11, 4), reason="E8", by=alice)
    record_birthday_contact(
        leaver,
        Contact(18, "YES", "F2", "E1", contacted_on=dt.date(2026, 5, 6)),
        by=alice,
    )


def test_the_later_figures_ask_no_more_for_more_children(today, alice, mona, team, kai):
    _long_stayer_and_leaver(0, alice, mona, team)
    few = _asked(team)
    for n in (1, 2):
        _long_stayer_and_leaver(n, alice, mona, team)
    assert _asked(team) == few


QUALITY = (
    "/reporting/quality/",
    "/reporting/quality/counts/",
    "/reporting/quality/ethnicity/2026-06/",
)


def test_the_data_quality_pages_ask_no_more_for_more_faults(
    sam, alice, mona, team, jasmine, kai, robin
):
    from haven.people.models import Person

    Person.objects.filter(pk=jasmine.pk).update(ethnicity="NOBT")  # one listed
    client = Client()
    client.force_login(sam)
    urls = [*QUALITY, *(url + TEAM.format(team=team.pk) for url in QUALITY)]
    few = {url: _queries(client, url) for url in urls}
    for n in range(3):
        child = ChildFactory(given_name=f"More{n}", ethnicity="NOBT")
        allocate_case(child, team=team, worker=alice, on=dt.date(2025, 1, 6), by=mona)
        in_care(
            child, by=alice, on=dt.date(2026, 3, 2), placement=fostered(CarerFactory())
        )
        if n == 0:
            restrict_record(child, kind="restricted", reason="Staff's child", by=sam)
    Person.objects.filter(pk=jasmine.pk).update(upn="A123")  # a fault more
    assert {url: _queries(client, url) for url in urls} == few


def test_payments_and_oversight_ask_no_more_for_more_children(
    sam, alice, mona, team, fiona, today
):
    """More children paid for and supervised: the same number of queries."""
    from haven.casework.services import record_supervision
    from haven.finance import rates, runs
    from tests.care.factories import AgencyFactory
    from tests.conftest import make_user

    frank = make_user("frank", "finance_officer")
    carer = CarerFactory(provider=AgencyFactory())
    rates.set_provider_rate(
        carer.provider,
        basis="framework",
        weekly_amount="700",
        started_on=dt.date(2026, 1, 1),
        by=fiona,
    )

    def more(n: int, run_from: dt.date) -> None:
        for k in range(n):
            child = ChildFactory(given_name=f"Paid{run_from.month}{k}")
            allocate_case(
                child, team=team, worker=alice, on=dt.date(2025, 1, 6), by=mona
            )
            in_care(child, by=alice, on=dt.date(2026, 3, 2), placement=fostered(carer))
            record_supervision(child, held_on=run_from, discussion="Plan", by=mona)
        run = runs.preview_run(provider_kind="agency", starts_on=run_from, by=fiona)
        runs.close_run(runs.approve_run(run, by=frank), by=frank)

    client = Client()
    client.force_login(sam)
    urls = (
        "/reporting/payments/",
        "/reporting/payments/2026-04/",
        "/reporting/oversight/",
    )
    more(1, dt.date(2026, 3, 30))
    few = {url: _queries(client, url) for url in urls}
    more(3, dt.date(2026, 4, 27))
    assert {url: _queries(client, url) for url in urls} == few
