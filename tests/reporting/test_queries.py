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


QUALITY = ("/reporting/quality/", "/reporting/quality/ethnicity/2026-06/")


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
