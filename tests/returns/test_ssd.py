"""The Standard Safeguarding Dataset built from the records through the
services: the SSD's table and column names, tables Haven cannot fill written
as their header, the rows of a child referred, assessed and put on a plan and
of a child looked after who moved, a query count that does not grow with the
children, and the download refused while a child in it is restricted."""

import csv
import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from haven.care import moves
from haven.care.missing.recording import report_missing
from haven.core.models import Establishment, Team
from haven.core.services import allocate_case, restrict_record
from haven.people.codes import RelationshipKind
from haven.people.models import Relationship
from haven.returns import registry
from haven.returns.ssd import tables
from haven.returns.ssd.build import build
from tests.care.factories import (
    CarerFactory,
    FosteringServiceFactory,
    ProviderFactory,
    fostered,
    in_care,
    in_home,
    visited,
)
from tests.conftest import make_user
from tests.factories import ChildFactory
from tests.returns.cin_steps import assessed, day, on_a_plan, referred, reviewed, year
from tests.send.changes_steps import issued_plan

pytestmark = pytest.mark.django_db
D = dt.date
EMPTY = (
    "ssd_pre_proceedings",
    "ssd_voice_of_child",
    "ssd_s251_finance",
    "ssd_cla_care_plan",
)


def _table(built, name):
    content = built.files[f"{name}.csv"].decode("utf-8")
    return list(csv.DictReader(io.StringIO(content)))


@pytest.fixture
def cath(service):
    reviewing = Team.objects.create(name="Independent Reviewing", parent=service)
    return make_user("cath", "cp_chair", reviewing)


@pytest.fixture
def make_child(alice, mona, team, freezer):
    def made(**fields):  # type: ignore[no-untyped-def]
        child = ChildFactory(**fields)
        allocate_case(child, team=team, worker=alice, on=day(-30), by=mona)
        return child

    return made


def _on_a_plan(make_child, alice, mona, cath, **fields):  # type: ignore[no-untyped-def]
    child = make_child(**fields)
    episode = referred(child, alice)
    assessed(episode, alice, mona)
    plan = on_a_plan(episode, alice, cath)
    return child, episode, plan


def test_every_table_has_the_ssds_name_and_columns_and_empty_ones_a_header():
    built = registry.get("ssd").build(2026)
    assert list(built.files) == [f"{name}.csv" for name in tables.COLUMNS]
    assert built.person_ids == frozenset() and built.faults == []
    for name, columns in tables.COLUMNS.items():
        assert built.files[f"{name}.csv"] == (",".join(columns) + "\r\n").encode()
    assert tables.COLUMNS["ssd_cin_episodes"][:3] == (
        "cine_referral_id",
        "cine_person_id",
        "cine_referral_date",
    )
    assert registry.get("ssd").names_children


def test_a_child_referred_assessed_and_on_a_plan(make_child, alice, mona, cath):
    child, episode, plan = _on_a_plan(
        make_child, alice, mona, cath, given_name="=Kai", family_name="Ashdown"
    )
    reviewed(plan, cath, alice, day(43))
    built = build(year())
    assert built.person_ids == {child.pk}
    (person,) = _table(built, "ssd_person")
    assert person["pers_person_id"] == child.la_child_id
    assert person["pers_forename"] == "'=Kai"  # formula-safe
    assert person["pers_dob"] == child.date_of_birth.isoformat()
    assert _table(built, "ssd_cin_episodes") == [
        {
            "cine_referral_id": str(episode.pk),
            "cine_person_id": child.la_child_id,
            "cine_referral_date": day(0).isoformat(),
            "cine_cin_primary_need_code": "N1",
            "cine_referral_source_code": "2A",
            "cine_referral_source_desc": "Schools",
            "cine_referral_outcome_json": (
                '{"assessment":"Y","section_47":"Y","cp_plan":"Y"}'
            ),
            "cine_referral_nfa": "N",
            "cine_close_reason": "",
            "cine_close_date": "",
            "cine_referral_team": "",
            "cine_referral_worker_id": "",
        }
    ]
    (assessment,) = _table(built, "ssd_cin_assessments")
    assert assessment["cina_referral_id"] == str(episode.pk)
    assert assessment["cina_assessment_start_date"] == day(0).isoformat()
    (factors,) = _table(built, "ssd_assessment_factors")
    assert factors["cinf_assessment_factors_json"] == '["16A","4B"]'
    (enquiry,) = _table(built, "ssd_s47_enquiry")
    assert (enquiry["s47e_s47_start_date"], enquiry["s47e_s47_nfa"]) == (
        day(1).isoformat(),
        "N",
    )
    (icpc,) = _table(built, "ssd_initial_cp_conference")
    assert icpc["icpc_cp_plan_id"] == str(plan.pk)
    assert icpc["icpc_s47_enquiry_id"] == enquiry["s47e_s47_enquiry_id"]
    assert (icpc["icpc_icpc_date"], icpc["icpc_icpc_outcome_cp_flag"]) == (
        day(15).isoformat(),
        "Y",
    )
    (cpp,) = _table(built, "ssd_cp_plans")
    assert cpp == {
        "cppl_cp_plan_id": str(plan.pk),
        "cppl_referral_id": str(episode.pk),
        "cppl_icpc_id": icpc["icpc_icpc_id"],
        "cppl_person_id": child.la_child_id,
        "cppl_cp_plan_start_date": day(15).isoformat(),
        "cppl_cp_plan_end_date": "",
        "cppl_cp_plan_ola": "",
        "cppl_cp_plan_initial_category": plan.initial_category,
        "cppl_cp_plan_latest_category": plan.latest_category,
    }
    (review,) = _table(built, "ssd_cp_reviews")
    assert (review["cppr_cp_review_date"], review["cppr_cp_plan_id"]) == (
        day(43).isoformat(),
        str(plan.pk),
    )
    assert review["cppr_cp_review_outcome_continue_cp"] == "Y"
    roles = {
        (r["invo_professional_role_id"], r["invo_professional_id"])
        for r in _table(built, "ssd_involvements")
    }
    assert ("social_worker", str(alice.pk)) in roles
    assert ("cp_chair", str(cath.pk)) in roles
    professionals = {
        r["prof_professional_id"]: r for r in _table(built, "ssd_professionals")
    }
    assert professionals[str(alice.pk)]["prof_professional_caseload"] == "1"
    for name in EMPTY:
        assert _table(built, name) == []


@pytest.fixture
def june_2026(freezer):
    """15 June 2026: the 2025-26 year (collection year 2026) has ended."""
    freezer.at = freezer.at.replace(year=2026, month=6, day=15, hour=12)


def test_a_child_looked_after_who_moved(june_2026, alice, mona, team):
    child = ChildFactory()
    allocate_case(child, team=team, worker=alice, on=D(2024, 1, 5), by=mona)
    carer = CarerFactory(provider=FosteringServiceFactory())
    home = ProviderFactory()
    period = in_care(child, by=alice, on=D(2025, 1, 10), placement=fostered(carer))
    moves.change_legal_status(period, on=D(2025, 6, 1), code="C2", by=alice)
    moves.move_placement(
        period, on=D(2025, 9, 1), placement=in_home(home), reason="CREQB", by=alice
    )
    built = build(2026)
    episodes = [
        (r["clae_cla_episode_start_date"], r["clae_cla_episode_start_reason"],
         r["clae_cla_episode_ceased_date"], r["clae_cla_episode_ceased_reason"],
         r["clae_cla_id"], r["clae_entered_care_date"])
        for r in _table(built, "ssd_cla_episodes")
    ]  # fmt: skip
    assert episodes == [
        ("2025-01-10", "S", "2025-06-01", "X1", str(period.pk), "2025-01-10"),
        ("2025-06-01", "L", "2025-09-01", "X1", str(period.pk), "2025-01-10"),
        ("2025-09-01", "P", "", "", str(period.pk), "2025-01-10"),
    ]
    placements = [
        (r["clap_cla_placement_type"], r["clap_cla_placement_start_date"],
         r["clap_cla_placement_end_date"], r["clap_cla_placement_change_reason"],
         r["clap_person_id"])
        for r in _table(built, "ssd_cla_placement")
    ]  # fmt: skip
    assert placements == [
        ("U6", "2025-01-10", "2025-09-01", "CREQB", child.la_child_id),
        ("K2", "2025-09-01", "", "", child.la_child_id),
    ]
    statuses = [
        (r["lega_legal_status"], r["lega_legal_status_start_date"],
         r["lega_legal_status_end_date"])
        for r in _table(built, "ssd_legal_status")
    ]  # fmt: skip
    assert statuses == [("C1", "2025-01-10", "2025-06-01"), ("C2", "2025-06-01", "")]
    assert {r["cine_person_id"] for r in _table(built, "ssd_cin_episodes")} == {
        child.la_child_id
    }
    assert built.person_ids == {child.pk}


def test_a_mother_looked_after_and_her_child(june_2026, alice, mona, team):
    mother = ChildFactory(sex="F", date_of_birth=D(2009, 2, 1))
    allocate_case(mother, team=team, worker=alice, on=D(2024, 1, 5), by=mona)
    in_care(mother, by=alice, on=D(2025, 1, 10), placement=fostered(CarerFactory()))
    baby = ChildFactory(date_of_birth=D(2025, 11, 3), local_id="B77")
    # Recorded both ways round: one row for the pair.
    Relationship.objects.create(person=baby, other=mother, kind=RelationshipKind.MOTHER)
    Relationship.objects.create(person=mother, other=baby, kind=RelationshipKind.CHILD)
    built = build(2026)
    (person,) = [
        r for r in _table(built, "ssd_person")
        if r["pers_person_id"] == mother.la_child_id
    ]  # fmt: skip
    assert person["pers_is_mother"] == "Y"
    (row,) = _table(built, "ssd_mother")
    assert (row["moth_person_id"], row["moth_childs_person_id"]) == (
        mother.la_child_id,
        "B77",
    )
    assert row["moth_childs_dob"] == "2025-11-03"


def _queries() -> int:
    with CaptureQueriesContext(connection) as made:
        build(year())
    return len(made)


def test_the_queries_do_not_grow_with_the_children(make_child, alice, mona, cath):
    carer = CarerFactory(provider=FosteringServiceFactory())

    def one_more() -> None:
        _on_a_plan(make_child, alice, mona, cath)
        in_care(make_child(), by=alice, on=day(2), placement=fostered(carer))

    one_more()
    build(year())  # warms the URL resolver and the code lists
    first = _queries()
    one_more()
    one_more()
    assert _queries() == first


def test_the_download_is_refused_while_a_child_in_it_is_restricted(
    client, make_child, alice, mona, team
):
    child = make_child()
    referred(child, alice)
    pat = make_user("pat", "performance_analyst", team)
    client.force_login(pat)
    url = reverse("returns:download", args=["ssd", year()])
    assert client.get(url).status_code == 200
    restrict_record(child, kind="restricted", reason="Staff member's son", by=mona)
    page = client.get(reverse("returns:detail", args=["ssd", year()]))
    assert "restricted from you" in page.content.decode()
    assert client.get(url).status_code == 403


def test_export_return_writes_every_table(make_child, alice, tmp_path):
    referred(make_child(), alice)
    out = io.StringIO()
    call_command(
        "export_return", "ssd", "--year", str(year()), "--out", tmp_path, stdout=out
    )
    assert (tmp_path / "ssd_person.csv").read_text().startswith("pers_legacy_id,")
    assert len(list(tmp_path.glob("ssd_*.csv"))) == len(tables.COLUMNS)
    assert f"Standard Safeguarding Dataset {year()}: 1 children" in out.getvalue()


def test_a_visit_a_missing_episode_and_an_ehc_plan(june_2026, alice, mona, team):
    child = ChildFactory()
    allocate_case(child, team=team, worker=alice, on=D(2024, 1, 5), by=mona)
    carer = CarerFactory(provider=FosteringServiceFactory())
    period = in_care(child, by=alice, on=D(2025, 5, 2), placement=fostered(carer))
    note = visited(child, by=alice, on=D(2025, 6, 10))
    gone = timezone.make_aware(dt.datetime(2025, 7, 1, 21))
    episode = report_missing(
        period,
        kind="M",
        started_at=gone,
        returned_at=gone + dt.timedelta(hours=5),
        by=alice,
    )
    sally = make_user("sally", "send_officer", team)
    school = Establishment.objects.create(urn=100001, name="Hilltop Primary School")
    plan = issued_plan(child, sally, school)
    built = build(2026)
    assert _table(built, "ssd_cla_visits") == [
        {
            "clav_cla_visit_id": str(note.pk),
            "clav_cla_id": str(period.pk),
            "clav_person_id": child.la_child_id,
            "clav_cla_visit_date": "2025-06-10 10:00:00",
            "clav_cla_visit_seen": "Y",
            "clav_cla_visit_seen_alone": "Y",
        }
    ]
    assert _table(built, "ssd_missing") == [
        {
            "miss_table_id": str(episode.pk),
            "miss_person_id": child.la_child_id,
            "miss_missing_episode_start_date": "2025-07-01 21:00:00",
            "miss_missing_episode_type": "M",
            "miss_missing_episode_end_date": "2025-07-02 02:00:00",
            "miss_missing_rhi_offered": "N",
            "miss_missing_rhi_accepted": "",
        }
    ]
    (request,) = _table(built, "ssd_ehcp_requests")
    assert request["ehcr_ehcp_req_outcome"] == "Y"
    (named,) = _table(built, "ssd_ehcp_named_plan")
    assert (named["ehcn_named_plan_id"], named["ehcn_named_plan_ceased_date"]) == (
        str(plan.pk),
        "",
    )
    assert _table(built, "ssd_sen_need") == [
        {
            "senn_table_id": f"{plan.pk}-1",
            "senn_active_ehcp_id": str(plan.pk),
            "senn_active_ehcp_need_type": "ASD",
            "senn_active_ehcp_need_rank": "1",
        }
    ]
    (person,) = _table(built, "ssd_person")
    assert person["pers_send_flag"] == "Y"
    assert _table(built, "ssd_send")[0]["send_person_id"] == child.la_child_id
