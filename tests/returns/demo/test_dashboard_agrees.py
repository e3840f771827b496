"""The performance dashboard agrees with the statutory returns (issue 20).

Each dashboard figure that has a return counterpart is computed for the demo
authority's last collection year, as the dashboard computes it (haven.reporting,
the whole authority, April to March), and read back out of the CIN census and
the SSDA903 by their DfE element and column names. The two are built by
different code from the same records; a figure that disagrees with the return
the council submits is wrong in one of them:

- children in need, on child protection plans and looked after on 31 March;
- assessments authorised in the year, and those within 45 working days;
- initial child protection conferences held in the year, and those within 15
  working days of the enquiry's start;
- missing episodes that started in the year;
- care leavers at a 17th to 21st birthday in the year, in touch and in
  education, employment or training (the SSDA903's OC3 table).
"""

import csv
import datetime as dt
import io
from collections import Counter

import pytest
from lxml import etree

from haven.reporting import leavers, missing, on_the_day, timeliness
from haven.reporting.figures import Figure, Item
from haven.reporting.scope import Scope
from haven.reporting.spans import Span
from haven.timescales.calendar import is_working_day
from tests.returns.demo.test_independent_figures import (
    _census,
    _episodes,
    _ids,
    _text,
    _uk,
    _year,
    return_looked_after,
    return_on_plans,
)

pytestmark = pytest.mark.django_db


def _dashboard(figure: Figure, collection: int) -> list[Item]:
    """The figure's items for the collection year, as the dashboard reads them."""
    year = _year(collection)
    result = figure.result(Span(year.start, year.end), Scope())
    return [item for bar in result.bars for item in bar.items]


def _on_31_march(figure: Figure, collection: int) -> set[str]:
    end = _year(collection).end
    return _ids({i.person_id for i in _dashboard(figure, collection) if i.day == end})


def working_days_after(start: dt.date, end: dt.date) -> int:
    """Counted day by day, not with the engine's own arithmetic."""
    days, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        days += is_working_day(day)
    return days


def _rate(items: list[Item]) -> tuple[int, int]:
    return len(items), sum(1 for item in items if item.hit)


def census_in_need(census: etree._Element, on: dt.date) -> set[str]:
    return {
        child.findtext("ChildIdentifiers/LAchildID") or ""
        for child in census.iter("Child")
        for episode in child.iter("CINdetails")
        if (_text(episode, "CINreferralDate") or on) <= on
        and (_text(episode, "CINclosureDate") or dt.date.max) > on
    }


def census_rate(
    census: etree._Element, collection: int, tags: tuple[str, str, str], days: int
) -> tuple[int, int]:
    """Of the elements done in the collection year, how many, and how many
    within `days` working days of their start."""
    tag, start_tag, end_tag = tags
    year = _year(collection)
    counts: Counter[bool] = Counter()
    for element in census.iter(tag):
        start, done = _text(element, start_tag), _text(element, end_tag)
        if start and done and year.holds(done):
            counts[working_days_after(start, done) <= days] += 1
    return sum(counts.values()), counts[True]


def return_missing(files: dict[str, bytes], collection: int) -> int:
    year = _year(collection)
    for content in files.values():
        text = content.decode("utf-8-sig")
        if text.splitlines()[0].split(",")[:3] == ["CHILD", "DOB", "MISSING"]:
            rows = csv.DictReader(io.StringIO(text))
            return sum(1 for row in rows if year.holds(_uk(row["MIS_START"])))
    raise AssertionError("The SSDA903 has no Missing table")


@pytest.fixture
def returns(last_year: int) -> tuple[dict[str, bytes], dict[str, bytes]]:
    from haven.returns import registry

    cin, ssda903 = registry.get("cin"), registry.get("ssda903")
    assert cin is not None and ssda903 is not None
    return cin.build(last_year).files, ssda903.build(last_year).files


def test_children_on_31_march_agree_with_the_returns(returns, last_year):
    census, episodes = _census(returns[0]), _episodes(returns[1])
    end = _year(last_year).end
    in_need = _on_31_march(on_the_day.IN_NEED, last_year)
    assert in_need, "the demo has children in need on 31 March"
    assert in_need == census_in_need(census, end)
    assert _on_31_march(on_the_day.ON_A_PLAN, last_year) == return_on_plans(census, end)
    assert _on_31_march(on_the_day.LOOKED_AFTER, last_year) == return_looked_after(
        episodes, end
    )


def test_timeliness_agrees_with_the_census(returns, last_year):
    census = _census(returns[0])
    assessments = _rate(_dashboard(timeliness.ASSESSMENTS, last_year))
    assert assessments[0], "the demo authorises assessments in the year"
    assert assessments == census_rate(
        census,
        last_year,
        ("Assessments", "AssessmentActualStartDate", "AssessmentAuthorisationDate"),
        45,
    )
    conferences = _rate(_dashboard(timeliness.CONFERENCES, last_year))
    assert conferences[0], "the demo holds initial conferences in the year"
    assert conferences == census_rate(
        census, last_year, ("Section47", "S47ActualStartDate", "DateOfInitialCPC"), 15
    )


def test_missing_episodes_agree_with_the_ssda903(returns, last_year):
    started = len(_dashboard(missing.MISSING, last_year))
    assert started, "the demo's children go missing in the year"
    assert started == return_missing(returns[1], last_year)


def return_leavers(files: dict[str, bytes]) -> list[dict[str, str]]:
    for content in files.values():
        text = content.decode("utf-8-sig")
        if text.splitlines()[0].split(",")[:3] == ["CHILD", "DOB", "IN_TOUCH"]:
            return list(csv.DictReader(io.StringIO(text)))
    raise AssertionError("The SSDA903 has no OC3 table")


def _by_child(figure: Figure, collection: int) -> Counter[tuple[str, bool]]:
    items = _dashboard(figure, collection)
    ids = {p.pk: p.la_child_id for p in _people({i.person_id for i in items})}
    return Counter((ids[i.person_id], bool(i.hit)) for i in items)


def _people(pks: set[int]):  # type: ignore[no-untyped-def]
    from haven.people.models import Person

    return Person.objects.filter(pk__in=pks)


def test_care_leavers_agree_with_the_oc3_table(returns, last_year):
    rows = return_leavers(returns[1])
    assert rows, "the demo has care leavers with a birthday in the year"
    in_touch = Counter((r["CHILD"], r["IN_TOUCH"] in leavers.TOUCH_CODES) for r in rows)
    assert _by_child(leavers.IN_TOUCH, last_year) == in_touch
    in_eet = Counter((r["CHILD"], r["ACTIV"][:1] in ("F", "P")) for r in rows)
    assert _by_child(leavers.IN_EET, last_year) == in_eet
