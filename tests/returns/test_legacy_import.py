"""manage.py import_returns on a synthetic legacy set (legacy_set.py): two
years of SSDA903 CSVs and CIN census XML loaded into Haven's records, each
child matched across files and years, every bad row reported with its file and
row, nothing loaded twice, and every write journaled as imported."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from haven.assessments.models import Assessment
from haven.care.models import (
    CourtOrder,
    LegalStatus,
    MissingEpisode,
    PeriodOfCare,
    Placement,
    Review,
)
from haven.cin.models import CinEpisode
from haven.core.models import JournalEvent
from haven.people.models import Person
from haven.protection.models import ChildProtectionPlan, Conference, Section47Enquiry
from haven.returns.legacy.chronology import imported
from tests.returns.legacy_set import write_set

pytestmark = pytest.mark.django_db

COUNTED = (
    Person,
    CourtOrder,
    PeriodOfCare,
    LegalStatus,
    Placement,
    Review,
    MissingEpisode,
    CinEpisode,
    Assessment,
    Section47Enquiry,
    Conference,
    ChildProtectionPlan,
    JournalEvent,
)


def run(tmp_path: Path, years: tuple[int, ...] = (2024, 2025)) -> str:
    """Import the set's files for the years (written on the first run)."""
    folder = tmp_path / "legacy"
    if not folder.exists():
        write_set(folder)
    cin = [folder / f"cin_{year}.xml" for year in years]
    ssda = [folder / str(year) for year in years]
    out = io.StringIO()
    args = [a for p in cin for a in ("--cin", str(p))]
    args += [a for p in ssda for a in ("--ssda903", str(p))]
    call_command("import_returns", *args, stdout=out)
    return out.getvalue()


def child(local_id: str) -> Person:
    return Person.objects.get(local_id=local_id)


def periods(local_id: str) -> list[PeriodOfCare]:
    return list(
        PeriodOfCare.objects.filter(person=child(local_id)).order_by("started_on")
    )


def test_the_legacy_set_loads_into_haven(tmp_path: Path) -> None:
    printed = run(tmp_path)

    lg001 = child("LG001")
    assert (lg001.given_name, lg001.family_name) == ("Unknown", "child LG001")
    assert str(lg001.date_of_birth) == "2012-02-14" and lg001.sex == "M"
    # Moves over two years: one period, the open episode of March 2024 joined.
    [period] = periods("LG001")
    assert period.ended_on is None and period.need == "N1"
    statuses = list(period.legal_statuses.all())
    assert [s.code for s in statuses] == ["C1", "C2"]
    # Each status on its order, implied; the interim order ends with the full.
    assert [(s.order.kind, s.order.implied) for s in statuses] == [
        ("ico", True),
        ("care", True),
    ]
    assert statuses[0].order.discharged_on == statuses[1].started_on
    placed = list(period.placements.all())
    assert [(p.place, p.provider.ofsted_urn, p.change_reason) for p in placed] == [
        ("U4", "SC100001", "CARPL"),
        ("K2", "SC200001", "CREQB"),
        ("U6", "SC300001", ""),
    ]
    assert [str(p.ended_on) for p in placed] == ["2023-09-01", "2024-06-01", "None"]
    assert period.reviews.count() == 3 and period.missing_episodes.count() == 2
    assert lg001.cin_episodes.count() == 1  # matched across the two returns
    assert lg001.addresses.get().postcode == "M1 1AA"

    # Short breaks: each its own period of care.
    assert [(p.started_on.isoformat(), p.reason_ended) for p in periods("LG002")] == [
        ("2023-07-07", "E13"),
        ("2024-01-12", "E13"),
    ]
    # An adoption.
    [adopted] = periods("LG003")
    assert (str(adopted.ended_on), adopted.reason_ended) == ("2024-10-01", "E11")
    assert [p.place for p in adopted.placements.all()] == ["U4", "A5"]
    # A return to care.
    assert [str(p.ended_on) for p in periods("LG004")] == ["2023-11-01", "None"]

    # The CIN census: an assessment, S47, conference and plan, ended a year on.
    lg005 = child("LG005")
    episode = lg005.cin_episodes.get()
    assert (str(episode.closed_on), episode.closure_reason) == ("2024-07-01", "RC7")
    assessment = episode.assessments.get()
    assert assessment.status == "authorised" and assessment.factors == ["3A", "16A"]
    enquiry = episode.section_47_enquiries.get()
    assert str(enquiry.initial_conference.held_on) == "2023-06-20"
    plan = lg005.cp_plans.get()
    assert (str(plan.ended_on), plan.latest_category) == ("2024-06-20", "EMO")
    assert plan.starting_conference == enquiry.initial_conference
    assert plan.reviews.count() == 2
    assert child("LG006").cin_episodes.get().referral_nfa

    # The bad rows: reported with file and row, the rest loaded.
    assert not Person.objects.filter(local_id="LG007").exists()
    assert (
        "cin_2024.xml, row 3 (child LG007): the date of birth 04/03/2015 disagrees "
        "with 03/03/2015 in 2024/header.csv, row 6: the child is not loaded"
    ) in printed
    assert "2024/episodes.csv, row 11 (child LG008): LS 'Q9'" in printed
    assert (
        "2025/missing.csv, row 3 (child LG001): MIS_END 08/09/2024 is before" in printed
    )
    assert "Children loaded: 7" in printed


def test_year_by_year_joins_the_open_episode_and_a_second_run_adds_nothing(
    tmp_path: Path,
) -> None:
    run(tmp_path, years=(2024,))
    run(tmp_path, years=(2025,))
    [period] = periods("LG001")  # last year's open episode continues: one history
    assert [p.place for p in period.placements.all()] == ["U4", "K2", "U6"]
    events = JournalEvent.objects.filter(person=child("LG001"))
    completed = [e.payload for e in events if e.payload["how"] == "completed"]
    assert ("placement", "2025/episodes.csv", 2) in {
        (p["record"], p["file"], p["row"]) for p in completed
    }
    plan = child("LG005").cp_plans.get()  # ended by the next year's census
    assert (str(plan.ended_on), plan.reviews.count()) == ("2024-06-20", 2)
    before = {model: model.objects.count() for model in COUNTED}
    printed = run(tmp_path)
    assert {model: model.objects.count() for model in COUNTED} == before
    assert "Created" not in printed and "Completed" not in printed


def test_each_write_is_journaled_as_imported_with_its_file_and_row(
    tmp_path: Path,
) -> None:
    run(tmp_path)
    events = JournalEvent.objects.filter(person=child("LG001"))
    assert events.exclude(type="returns.imported").count() == 0
    assert {(e.source, e.backfilled) for e in events} == {("import", True)}
    first = events.filter(payload__record="placement").first()
    assert (
        imported(first.payload) == "Imported: placement (from 2024/episodes.csv, row 2)"
    )
    placed = [e.payload for e in events if e.payload["record"] == "placement"]
    assert [(p["file"], p["row"], p["how"]) for p in placed] == [
        ("2024/episodes.csv", 2, "created"),
        ("2025/episodes.csv", 2, "created"),
        ("2025/episodes.csv", 3, "created"),
    ]
