"""Data quality: each check finds a planted fault and passes over a clean
record; counted for the team holding the case; a restricted child counted
and not named; the months before today as the records stood; the list links
to the fix and downloads formula-safe, logged."""

import csv
import datetime as dt
import io
import random

import pytest
from django.test import Client

from haven.care.models import PeriodOfCare, Placement
from haven.cin.models import CinEpisode
from haven.core import clock
from haven.core.models import AccessLogEntry, User
from haven.core.services import allocate_case
from haven.people.codes import Ethnicity
from haven.people.identifiers import generate_nhs_number, generate_upn
from haven.people.models import MergeRequest, Person
from haven.people.services import change_details
from haven.reporting import children, scope
from haven.reporting.quality import population
from haven.reporting.quality.checks import CHECKS
from haven.reporting.quality.listed import LISTED
from haven.reporting.spans import last_twelve_months
from tests.care.factories import CarerFactory, fostered, in_care
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db
RNG = random.Random(20)
assert len(LISTED) == len(CHECKS)  # every check declared is listed


def _identified(child: Person) -> Person:
    """A child whose identifiers and ethnicity the returns accept."""
    Person.objects.filter(pk=child.pk).update(
        upn=generate_upn(RNG), nhs_number=generate_nhs_number(RNG)
    )
    child.refresh_from_db()
    return child


def _found(key: str, month: str = "2026-06", team=None) -> set[int]:  # type: ignore[no-untyped-def]
    result = CHECKS[key].figure.result(
        last_twelve_months(dt.date(2026, 6, 15)), scope.of_team(team)
    )
    bar = result.bar(month)
    assert bar is not None
    return bar.children


@pytest.fixture
def clean(today, alice, mona, team) -> Person:
    """Clara, looked after, placed, with a UPN, an NHS number and an ethnicity."""
    child = ChildFactory(
        given_name="Clara", family_name="Bright", date_of_birth=dt.date(2012, 1, 9)
    )
    allocate_case(child, team=team, worker=alice, on=dt.date(2025, 1, 6), by=mona)
    in_care(child, by=alice, on=dt.date(2026, 1, 5), placement=fostered(CarerFactory()))
    return _identified(child)


@pytest.fixture
def faulty(jasmine) -> Person:
    """Jasmine, with identifiers: each test plants one fault."""
    return _identified(jasmine)


def test_a_looked_after_child_with_no_placement_is_found(faulty, clean):
    Placement.objects.filter(period__person=faulty).update(ended_on=dt.date(2026, 5, 1))
    assert faulty.pk in _found("no_placement")
    assert faulty.pk not in _found("no_placement", "2026-04")  # placed then
    assert clean.pk not in _found("no_placement")


def test_a_placement_after_its_period_of_care_ended_is_found(faulty, clean):
    PeriodOfCare.objects.filter(person=faulty).update(
        ended_on=dt.date(2026, 5, 1), reason_ended="E11"
    )
    assert faulty.pk in _found("placement_outside_care")
    assert faulty.pk not in _found("no_placement")  # no longer looked after
    assert clean.pk not in _found("placement_outside_care")


def test_a_wrong_check_letter_and_a_missing_upn_without_a_reason_are_found(
    faulty, clean, kai
):
    wrong = ("B" if faulty.upn[0] != "B" else "C") + faulty.upn[1:]
    Person.objects.filter(pk=faulty.pk).update(upn=wrong)
    found = _found("upn")
    assert faulty.pk in found and kai.pk in found  # Kai has no UPN, no reason
    Person.objects.filter(pk=kai.pk).update(upn_unknown="UN1")
    assert kai.pk not in _found("upn")
    assert clean.pk not in found


def test_a_wrong_nhs_number_and_a_child_in_care_without_one_are_found(
    faulty, clean, kai
):
    digits = faulty.nhs_number
    wrong = digits[:9] + str((int(digits[9]) + 1) % 10)
    Person.objects.filter(pk=faulty.pk).update(nhs_number=wrong)
    Person.objects.filter(pk=clean.pk).update(nhs_number=None)
    found = _found("nhs_number")
    assert faulty.pk in found and clean.pk in found
    assert kai.pk not in found  # in need, not in care: no NHS number asked for


def test_a_missing_ethnicity_is_found_and_a_refusal_is_not(faulty, clean):
    Person.objects.filter(pk=faulty.pk).update(ethnicity=Ethnicity.NOBT)
    Person.objects.filter(pk=clean.pk).update(ethnicity=Ethnicity.REFU)
    found = _found("ethnicity")
    assert faulty.pk in found and clean.pk not in found


def test_two_records_alike_with_one_birth_date_are_both_found(
    faulty, clean, alice, team
):
    twin = ChildFactory(
        given_name="Jasmin", family_name="Thackrey", date_of_birth=faulty.date_of_birth
    )
    found = _found("duplicates")
    assert {faulty.pk, twin.pk} <= found and clean.pk not in found
    # A manager judged them two people: not listed again.
    MergeRequest.objects.create(
        duplicate=twin,
        into=faulty,
        reason="Looks like Jasmine",
        requested_by=alice,
        requested_at=clock.now(),
        holding_team=team,
        state=MergeRequest.State.DECLINED,
    )
    assert not {faulty.pk, twin.pk} & _found("duplicates")


def test_an_episode_with_no_work_for_six_months_is_found(
    today, alice, mona, team, kai, settings
):
    quiet = ChildFactory(given_name="Ivy", family_name="Stone")
    allocate_case(quiet, team=team, worker=alice, on=dt.date(2025, 9, 1), by=mona)
    # Migrated without its history: nothing recorded since.
    CinEpisode.objects.create(
        person=quiet, referral_date=dt.date(2025, 10, 1), source="2A", primary_need="N1"
    )
    found = _found("idle_episodes")
    assert quiet.pk in found and kai.pk not in found  # Kai's plan is today's work
    assert quiet.pk not in _found("idle_episodes", "2026-03")  # not yet 6 months
    settings.HAVEN_QUALITY_IDLE_MONTHS = 12
    assert quiet.pk not in _found("idle_episodes")


def test_a_fault_counts_for_the_team_holding_the_case(faulty, team, other_team):
    Person.objects.filter(pk=faulty.pk).update(ethnicity=Ethnicity.NOBT)
    assert faulty.pk in _found("ethnicity", team=team)
    assert faulty.pk not in _found("ethnicity", team=other_team)


def test_a_change_of_details_counts_from_the_day_it_was_made(faulty, alice):
    Person.objects.filter(pk=faulty.pk).update(ethnicity=Ethnicity.NOBT)
    faulty.refresh_from_db()
    change_details(faulty, {"ethnicity": Ethnicity.WBRI}, by=alice)
    assert faulty.pk in _found("ethnicity", "2026-05")
    assert faulty.pk not in _found("ethnicity")


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_page_is_reached_from_the_dashboard_and_refused_to_a_worker(
    sam, alice, faulty
):
    assert (
        'href="/reporting/quality/"' in _client(sam).get("/reporting/").content.decode()
    )
    html = _client(sam).get("/reporting/quality/").content.decode()
    assert 'hx-get="/reporting/quality/counts/?start_day=' in html
    counts = _counts(_client(sam))
    assert 'id="table-quality"' in counts and 'id="check-idle_episodes"' in counts
    assert "HAVEN_QUALITY_IDLE_MONTHS" in counts
    assert "<html" not in counts  # htmx gets the counts alone
    empty = _client(sam).get("/reporting/quality/no_placement/2026-06/")
    assert 'id="no-named"' in empty.content.decode()
    for url in ("/reporting/quality/", "/reporting/quality/counts/"):
        assert _client(alice).get(url).status_code == 403
    assert _client(alice).post("/reporting/quality/again/").status_code == 403


PERIOD = (
    "start_day=1&start_month=7&start_year=2025&end_day=15&end_month=6&end_year=2026"
)


def _counts(client: Client, query: str = PERIOD) -> str:
    url = f"/reporting/quality/counts/?{query}"
    return client.get(url, headers={"HX-Request": "true"}).content.decode()


def _missing_ethnicity(html: str) -> str:
    """The count of missing ethnicities at the period's last month's end."""
    link = 'href="/reporting/quality/ethnicity/2026-06/?'
    return html.split(link)[1].split(">", 1)[1].split("<", 1)[0]


def test_the_counts_are_kept_for_the_next_reader_until_worked_out_again(
    sam, faulty, clean
):
    Person.objects.filter(pk=faulty.pk).update(ethnicity=Ethnicity.NOBT)
    first = _counts(_client(sam))
    assert _missing_ethnicity(first) == "1" and 'id="quality-worked"' in first
    Person.objects.filter(pk=clean.pk).update(ethnicity=Ethnicity.NOBT)
    # Kept: the page itself now draws the same counts, without asking htmx.
    page = _client(sam).get(f"/reporting/quality/?{PERIOD}").content.decode()
    assert _missing_ethnicity(page) == "1" and "hx-get" not in page
    # The records behind the count are found afresh: both, as they stand now.
    listed = _client(sam).get(f"/reporting/quality/ethnicity/2026-06/?{PERIOD}")
    assert "Clara Bright" in listed.content.decode()

    again = _client(sam).post("/reporting/quality/again/", dict(_fields(PERIOD)))
    assert again.status_code == 303
    assert again["Location"].startswith("/reporting/quality/?start_day=1")
    assert _missing_ethnicity(_counts(_client(sam))) == "2"


def _fields(query: str) -> list[tuple[str, str]]:
    return [tuple(pair.split("=")) for pair in query.split("&")]  # type: ignore[misc]


def test_without_javascript_the_counts_are_a_page_of_their_own(sam, faulty):
    html = _client(sam).get(f"/reporting/quality/counts/?{PERIOD}").content.decode()
    assert "<html" in html and 'id="table-quality"' in html
    assert 'id="back-to-quality"' in html


def test_the_list_names_whom_the_reader_may_open_and_links_to_the_fix(
    sam, faulty, robin
):
    Person.objects.filter(pk__in=[faulty.pk, robin.pk]).update(ethnicity=Ethnicity.NOBT)
    html = _client(sam).get("/reporting/quality/ethnicity/2026-06/").content.decode()
    assert "Jasmine Thackray" in html and f'href="/people/{faulty.pk}/edit/"' in html
    assert "Robin" not in html and "Quell" not in html
    assert 'id="unnamed">And 1 more counted, about 1 child whose' in html


def test_the_download_is_formula_safe_and_logged(sam, faulty, robin):
    Person.objects.filter(pk__in=[faulty.pk, robin.pk]).update(ethnicity=Ethnicity.NOBT)
    Person.objects.filter(pk=faulty.pk).update(given_name="=HYPERLINK(1)")
    url = "/reporting/quality/ethnicity/2026-06/?format=csv"
    response = _client(sam).get(url)
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][-2:] == ["What is wrong", "Where to fix it"]
    assert (
        rows[1][0].startswith("'=HYPERLINK")
        and rows[1][-1] == f"/people/{faulty.pk}/edit/"
    )
    assert rows[-1][0].startswith("1 more counted")
    logged = AccessLogEntry.objects.filter(user=sam, person=faulty).get()
    assert "Performance CSV download: Ethnicity missing, June 2026" in logged.what
    assert not AccessLogEntry.objects.filter(person=robin).exists()


def test_a_long_list_is_shown_a_page_at_a_time_and_downloaded_whole(
    sam, faulty, clean, monkeypatch
):
    monkeypatch.setattr(children, "PAGE", 1)
    Person.objects.filter(pk__in=[faulty.pk, clean.pk]).update(ethnicity=Ethnicity.NOBT)
    period = PERIOD
    url = f"/reporting/quality/ethnicity/2026-06/?{period}&page=2"
    second = _client(sam).get(url).content.decode()
    # By family name: Clara Bright first, then Jasmine Thackray.
    assert "Jasmine Thackray" in second and "Clara Bright" not in second
    assert "Children 2 to 2 of the 2 named" in second
    assert f'href="?{period.replace("&", "&amp;")}&amp;page=1" rel="prev"' in second
    assert 'name="page"' not in second  # the downloads hold every page
    first = _client(sam).get(url.replace("page=2", "page=1")).content.decode()
    assert "Clara Bright" in first and "Jasmine Thackray" not in first
    response = _client(sam).get(url + "&format=csv")
    names = b"".join(response.streaming_content).decode()
    assert "Clara" in names and "Jasmine" in names


def test_one_page_reads_the_identity_checks_population_once(faulty):
    span = last_twelve_months(dt.date(2026, 6, 15))
    assert population.population(span) is not population.population(span)
    with population.shared():
        first = population.population(span)
        assert population.population(span) is first
        assert first.counted_on(span.last) == [faulty.pk]
    assert population.population(span) is not first  # nothing kept after it
