"""The returns' headline figures, computed a second way (issue 19).

The returns are built from the records (haven/returns/cin, haven/returns/ssda903).
Here the same figures are counted straight from the children's journals, the
events the services appended as the work was done, with nothing from the
returns' code or the apps' selectors, and read back out of the returns' files
by their DfE element and column names. The two must agree on the demo
authority for the last collection year:

- children looked after on 31 March (short breaks, V3 and V4, left out, as the
  DfE counts them);
- periods of care that started, and that ended, in the year;
- children on a child protection plan on 31 March;
- referrals in the year;
- assessments completed in the year within 45 working days of their start.
"""

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.utils import timezone
from lxml import etree

from haven.core.models import JournalEvent
from haven.returns import registry
from haven.timescales.calendar import is_working_day

pytestmark = pytest.mark.django_db

SHORT_BREAKS = {"V3", "V4"}


@dataclass(frozen=True)
class Year:
    start: dt.date
    end: dt.date  # 31 March

    def holds(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end


def _year(collection: int) -> Year:
    return Year(dt.date(collection - 1, 4, 1), dt.date(collection, 3, 31))


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def _events(*types: str) -> Iterator[JournalEvent]:
    yield from JournalEvent.objects.filter(type__in=types).order_by(
        "person_id", "sequence"
    )


# From the journal -----------------------------------------------------------


@dataclass
class Period:
    person: int
    started_on: dt.date | None = None
    ended_on: dt.date | None = None
    # legal status id -> (code, from)
    statuses: dict[int, tuple[str, dt.date]] | None = None

    def code_on(self, day: dt.date) -> str:
        held = [(s, c) for c, s in (self.statuses or {}).values() if s <= day]
        return max(held)[1] if held else ""


def _status_facts(facts: dict | None) -> tuple[str, dt.date] | None:
    if not facts or not facts.get("code") or not facts.get("started_on"):
        return None
    return facts["code"], dt.date.fromisoformat(facts["started_on"])


def _replay_periods() -> dict[int, Period]:
    """Each period of care as its latest events say: a correction is a later
    event about the same period or legal status, so the last one stands."""
    periods: dict[int, Period] = {}
    for event in _events(
        "care.period_of_care_started",
        "care.period_of_care_ended",
        "care.legal_status_changed",
        "care.legal_status_corrected",
    ):
        p = event.payload
        period = periods.setdefault(p["period"], Period(event.person_id, statuses={}))
        statuses = period.statuses
        assert statuses is not None
        if event.type == "care.period_of_care_started":
            period.started_on = _day(p["started_on"])
            assert period.started_on is not None
            statuses[p["legal_status"]] = (p["code"], period.started_on)
        elif event.type == "care.period_of_care_ended":
            period.ended_on = _day(p.get("on"))
        elif event.type == "care.legal_status_changed":
            statuses[p["legal_status"]] = (p["code"], _day(p["on"]))  # type: ignore[assignment]
        else:
            for pk, facts in (
                (p["legal_status"], p.get("after")),
                (
                    (p.get("legal_statuses") or [None, None])[-1],
                    p.get("previous_after"),
                ),
            ):
                if pk is not None and (known := _status_facts(facts)) is not None:
                    statuses[pk] = known
    return periods


def journal_looked_after(on: dt.date) -> set[int]:
    return {
        period.person
        for period in _replay_periods().values()
        if period.started_on is not None
        and period.started_on <= on
        and (period.ended_on is None or period.ended_on > on)
        and period.code_on(on) not in SHORT_BREAKS
    }


def journal_starts_and_ends(year: Year) -> tuple[int, int]:
    periods = _replay_periods().values()
    return (
        sum(1 for p in periods if year.holds(p.started_on)),
        sum(1 for p in periods if year.holds(p.ended_on)),
    )


def _local(event: JournalEvent) -> dt.date:
    return timezone.localdate(event.occurred_at)


def journal_on_plans(on: dt.date) -> set[int]:
    started: dict[int, tuple[int, dt.date]] = {}
    ended: dict[int, dt.date] = {}
    for event in _events(
        "protection.child_protection_plan_started",
        "protection.child_protection_plan_ended",
    ):
        plan = event.payload["plan"]
        if event.type.endswith("_started"):
            started[plan] = (event.person_id, _local(event))
        else:
            ended[plan] = _local(event)
    return {
        person
        for plan, (person, day) in started.items()
        if day <= on and (plan not in ended or ended[plan] > on)
    }


def journal_referrals(year: Year) -> int:
    received = {
        e.payload["episode"]: _local(e) for e in _events("frontdoor.referral_received")
    }
    return sum(1 for day in received.values() if year.holds(day))


def within_45_working_days(start: dt.date, end: dt.date) -> bool:
    """Counted day by day, not with the engine's own arithmetic."""
    days, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        days += is_working_day(day)
    return days <= 45


def journal_assessments_in_time(year: Year) -> int:
    started: dict[int, dt.date] = {}
    authorised: dict[int, dt.date] = {}
    for event in _events(
        "assessments.assessment_started", "assessments.assessment_authorised"
    ):
        into = started if event.type.endswith("_started") else authorised
        into[event.payload["assessment"]] = _local(event)
    return sum(
        1
        for pk, done in authorised.items()
        if year.holds(done)
        and pk in started
        and within_45_working_days(started[pk], done)
    )


# From the returns' files ----------------------------------------------------


def _episodes(files: dict[str, bytes]) -> list[dict[str, str]]:
    for content in files.values():
        rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
        header = content.decode("utf-8-sig").splitlines()[0].split(",")
        if header[:3] == ["CHILD", "DECOM", "RNE"]:
            return rows
    raise AssertionError("The SSDA903 has no Episodes table")


def _uk(value: str) -> dt.date | None:
    return dt.datetime.strptime(value, "%d/%m/%Y").date() if value else None


def return_looked_after(episodes: list[dict[str, str]], on: dt.date) -> set[str]:
    return {
        row["CHILD"]
        for row in episodes
        if _uk(row["DECOM"]) <= on  # type: ignore[operator]
        and (not row["DEC"] or _uk(row["DEC"]) > on)  # type: ignore[operator]
        and row["LS"] not in SHORT_BREAKS
    }


def return_starts_and_ends(
    episodes: list[dict[str, str]], year: Year
) -> tuple[int, int]:
    return (
        sum(1 for r in episodes if r["RNE"] == "S" and year.holds(_uk(r["DECOM"]))),
        sum(
            1
            for r in episodes
            if r["REC"] not in ("", "X1") and year.holds(_uk(r["DEC"]))
        ),
    )


def _census(files: dict[str, bytes]) -> etree._Element:
    (xml,) = [c for name, c in files.items() if name.lower().endswith(".xml")]
    return etree.fromstring(xml)


def _text(node: etree._Element, tag: str) -> dt.date | None:
    return _day(node.findtext(tag))


def return_on_plans(census: etree._Element, on: dt.date) -> set[str]:
    found = set()
    for child in census.iter("Child"):
        for plan in child.iter("ChildProtectionPlans"):
            start, end = _text(plan, "CPPstartDate"), _text(plan, "CPPendDate")
            if start and start <= on and (end is None or end > on):
                found.add(child.findtext("ChildIdentifiers/LAchildID") or "")
    return found


def return_referrals(census: etree._Element, year: Year) -> int:
    return sum(
        1 for d in census.iter("CINdetails") if year.holds(_text(d, "CINreferralDate"))
    )


def return_assessments_in_time(census: etree._Element, year: Year) -> int:
    count = 0
    for a in census.iter("Assessments"):
        start = _text(a, "AssessmentActualStartDate")
        done = _text(a, "AssessmentAuthorisationDate")
        if start and done and year.holds(done) and within_45_working_days(start, done):
            count += 1
    return count


# The comparison ---------------------------------------------------------------


def _ids(people: set[int]) -> set[str]:
    from haven.people.models import Person

    return {p.la_child_id for p in Person.objects.filter(pk__in=people)}


@pytest.fixture
def returns(last_year: int) -> tuple[dict[str, bytes], dict[str, bytes]]:
    cin, ssda903 = registry.get("cin"), registry.get("ssda903")
    assert cin is not None and ssda903 is not None
    return cin.build(last_year).files, ssda903.build(last_year).files


def test_looked_after_on_31_march_and_the_years_starts_and_ends(returns, last_year):
    year = _year(last_year)
    episodes = _episodes(returns[1])
    journal = journal_looked_after(year.end)
    assert journal, "the demo has children looked after on 31 March"
    assert return_looked_after(episodes, year.end) == _ids(journal)
    starts, ends = journal_starts_and_ends(year)
    assert starts and ends
    assert return_starts_and_ends(episodes, year) == (starts, ends)


def test_child_protection_referrals_and_assessments(returns, last_year):
    year = _year(last_year)
    census = _census(returns[0])
    on_plans = journal_on_plans(year.end)
    assert on_plans, "the demo has children on plans on 31 March"
    assert return_on_plans(census, year.end) == _ids(on_plans)
    referrals = journal_referrals(year)
    assert referrals and return_referrals(census, year) == referrals
    in_time = journal_assessments_in_time(year)
    assert in_time and return_assessments_in_time(census, year) == in_time
