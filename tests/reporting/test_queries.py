"""The dashboard asks the database as often for many children as for few."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client

from haven.core.services import allocate_case, restrict_record
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
