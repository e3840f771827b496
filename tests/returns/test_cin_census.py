"""The CIN census for a collection year, built from records made through the
services: its children, its elements in the DfE order (our schema), its
values as at the period's end, and Haven's own checks naming planted faults."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import connection
from lxml import etree

from haven.assessments.models import Assessment
from haven.cin import services as cin
from haven.cin.models import CinEpisode, Plan
from haven.core import codelists
from haven.core.models import Team
from haven.core.services import allocate_case, restrict_record
from haven.protection.models import ChildProtectionPlan, Conference
from haven.returns.cin import build as exporter
from haven.returns.cin import checks
from haven.returns.cin.scope import Period
from tests.conftest import make_user
from tests.factories import ChildFactory
from tests.returns.cin_steps import (
    assessed,
    census,
    day,
    on_a_plan,
    referred,
    reviewed,
    year,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def la_code(settings):  # type: ignore[no-untyped-def]
    settings.HAVEN_LA_CODE = "999"


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


def _root(built):  # type: ignore[no-untyped-def]
    (content,) = built.files.values()
    return etree.fromstring(content)


def _child(root, person):  # type: ignore[no-untyped-def]
    return next(
        c
        for c in root.iterfind("Children/Child")
        if c.findtext("ChildIdentifiers/LAchildID") == person.la_child_id
    )


def test_a_child_on_a_plan_is_in_the_order_and_words_of_the_census(
    make_child, alice, mona, cath
):
    child = make_child(upn="A123456789012", upn_unknown="")
    episode = referred(child, alice)
    assessed(episode, alice, mona)
    plan = on_a_plan(episode, alice, cath)
    reviewed(plan, cath, alice, day(43))
    built = census()
    assert list(built.files) == [f"CIN_999_{year()}.xml"]
    assert built.person_ids == {child.pk}
    assert built.faults == []  # our schema and our rules
    root = _root(built)
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == f"{year()}-03-31"
    assert root.findtext("Header/Source/LEA") == "999"
    element = _child(root, child)
    assert [e.tag for e in element.find("ChildIdentifiers")] == [
        "LAchildID",
        "UPN",
        "PersonBirthDate",
        "Sex",
    ]
    details = element.find("CINdetails")
    assert [e.tag for e in details] == [
        "CINreferralDate",
        "ReferralSource",
        "PrimaryNeedCode",
        "Assessments",
        "Section47",
        "ReferralNFA",
        "ChildProtectionPlans",
    ]
    assert details.findtext("CINreferralDate") == day(0).isoformat()
    assert details.findtext("ReferralNFA") == "0"
    factors = details.findall("Assessments/FactorsIdentifiedAtAssessment/*")
    assert [f.text for f in factors] == ["16A", "4B"]
    assert details.findtext("Section47/DateOfInitialCPC") == day(15).isoformat()
    assert details.findtext("Section47/ICPCnotRequired") == "0"
    cpp = details.find("ChildProtectionPlans")
    assert [e.tag for e in cpp] == [
        "CPPstartDate",
        "InitialCategoryOfAbuse",
        "LatestCategoryOfAbuse",
        "NumberOfPreviousCPP",
        "Reviews",
    ]
    assert cpp.findtext("CPPstartDate") == day(15).isoformat()
    assert cpp.findtext("Reviews/CPPreviewDate") == day(43).isoformat()


def test_referrals_with_no_further_action_twice_and_a_restricted_child(
    make_child, alice, mona, team
):
    child = make_child()
    first = referred(child, alice)
    cin.close_episode(
        first, closed_on=day(2), reason="RC7", summary="No concerns found", by=alice
    )
    allocate_case(child, team=team, worker=alice, on=day(19), by=mona)
    referred(child, alice, on=day(20))
    hidden = make_child()
    referred(hidden, alice)
    restrict_record(hidden, kind="restricted", reason="A staff member's child", by=mona)
    built = census()
    assert built.person_ids == {child.pk, hidden.pk}
    episodes = _child(_root(built), child).findall("CINdetails")
    assert [e.findtext("ReferralNFA") for e in episodes] == ["1", "0"]
    assert episodes[0].findtext("CINclosureDate") == day(2).isoformat()
    assert episodes[0].findtext("ReasonForClosure") == "RC7"
    assert episodes[1].find("CINclosureDate") is None
    # The open episodes have no primary need yet: Haven's check says so.
    assert {(f.rule, f.person_id) for f in built.faults} == {
        ("8610", child.pk),
        ("8610", hidden.pk),
    }


def test_what_happened_after_the_period_has_not_happened_yet(make_child, alice):
    """An episode of the 2026 census, its assessment authorised after 31 March
    2026 and its closure later still: open at the end, with no factors."""
    child = make_child()
    episode = CinEpisode.objects.create(
        person=child,
        referral_date=dt.date(2026, 3, 2),
        source="1A",
        primary_need="N4",
        closed_on=dt.date(2026, 6, 1),
        closure_reason="RC7",
    )
    Assessment.objects.create(
        episode=episode,
        person=child,
        started_on=dt.date(2026, 3, 2),
        status="authorised",
        factors=["4B"],
        authorised_at=dt.datetime(2026, 4, 10, 12, tzinfo=dt.UTC),
    )
    later = make_child()
    CinEpisode.objects.create(
        person=later,
        referral_date=dt.date(2026, 3, 30),
        source="1A",
        closed_on=dt.date(2026, 4, 2),
        closure_reason="RC7",
        referral_nfa=True,
    )
    root = _root(census(2026))
    assert _child(root, later).findtext("CINdetails/ReferralNFA") == "0"
    details = _child(root, child).find("CINdetails")
    assert details.find("CINclosureDate") is None
    assert [e.tag for e in details.find("Assessments")] == ["AssessmentActualStartDate"]
    assert census(2025).person_ids == frozenset()


def _planted(make_child, alice, mona, cath):  # type: ignore[no-untyped-def]
    """One child for each fault the records can hold."""
    unexplained = make_child()
    CinEpisode.objects.create(
        person=unexplained,
        referral_date=day(0),
        source="2A",
        primary_need="N4",
        closed_on=day(3),
    )
    moved = make_child()
    episode = referred(moved, alice)
    assessed(episode, alice, mona)
    plan = on_a_plan(episode, alice, cath)
    ChildProtectionPlan.objects.filter(pk=plan.pk).update(started_on=day(16))
    doubled = make_child()
    episode = referred(doubled, alice)
    assessed(episode, alice, mona)
    Plan.objects.create(episode=episode, started_on=day(20), ended_on=day(30))
    Plan.objects.create(episode=episode, started_on=day(25))
    return {unexplained.pk: "8805", moved.pk: "2885", doubled.pk: "4014"}


def test_haven_finds_each_planted_fault_in_words_with_a_link(
    make_child, alice, mona, cath
):
    planted = _planted(make_child, alice, mona, cath)
    faults = census().faults
    found = {(f.person_id, f.rule) for f in faults}
    assert found == set(planted.items())
    words = {f.rule: (f.words, f.link) for f in faults}
    assert words["8805"][0].startswith("The episode has a closure date but no reason")
    assert "does not start on the day of an initial conference" in words["2885"][0]
    assert words["2885"][1].startswith("/child-protection/plans/")
    assert "overlaps the one from" in words["4014"][0]
    assert words["4014"][1].startswith("/children-in-need/plans/")


def test_factors_on_an_unfinished_assessment_and_a_broken_order_are_named(
    make_child, alice
):
    """Faults the exporter itself would make, planted in the XML."""
    child = make_child()
    episode = referred(child, alice)
    built = exporter.build(year(), "999")
    root = etree.fromstring(built.xml)
    details = root.find("Children/Child/CINdetails")
    assessment = etree.Element("Assessments")
    details.insert(len(details) - 1, assessment)  # before ReferralNFA
    etree.SubElement(assessment, "AssessmentActualStartDate").text = "2026-11-01"
    factors = etree.SubElement(assessment, "FactorsIdentifiedAtAssessment")
    etree.SubElement(factors, "AssessmentFactors").text = "21"
    etree.SubElement(factors, "AssessmentFactors").text = "4B"
    subjects = built.subjects
    subjects[0].episodes[0].assessments.append(
        Assessment.objects.create(episode=episode, person=child, started_on=day(0)).pk
    )
    rules = {f.rule for f in checks.rule_faults(root, subjects, Period(year()))}
    assert {"8614", "8869"} <= rules
    assert checks.schema_faults(root, subjects) == []
    details.insert(0, etree.Element("Oops"))
    (broken,) = checks.schema_faults(root, subjects)
    assert "Oops" in broken.words and broken.person_id == child.pk


def test_a_return_with_no_la_code_says_so(settings):
    settings.HAVEN_LA_CODE = ""
    faults = census().faults  # none of the children yet, which the schema names
    assert any("HAVEN_LA_CODE" in f.words for f in faults)
    assert all(f.person_id is None and "'LEA'" not in f.words for f in faults)


def test_the_schema_holds_the_code_lists_haven_holds():
    schema = etree.parse(str(checks.SCHEMA))
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}

    def listed(name: str) -> list[str]:
        path = f"//xs:simpleType[@name='{name}']//xs:enumeration/@value"
        return list(schema.xpath(path, namespaces=ns))

    for type_name, code_list in [
        ("sex", "sex"),
        ("ethnicity", "ethnicity"),
        ("disability", "disabilities"),
        ("upnUnknown", "upn_unknown"),
        ("referralSource", "cin_referral_sources"),
        ("primaryNeed", "cin_primary_need"),
        ("closureReason", "cin_closure_reasons"),
        ("category", "cin_category_of_abuse"),
    ]:
        held = [c.code for c in codelists.codes(code_list, year=2026)]
        assert listed(type_name) == held, type_name
    held = [c.code for c in codelists.codes("cin_assessment_factors", year=2026)]
    assert listed("factor") == held + ["18A", "19A"]


def _queries() -> int:
    made: list[str] = []

    def count(execute, sql, *args):  # type: ignore[no-untyped-def]
        made.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(count):
        census()
    return len(made)


def test_the_number_of_queries_does_not_grow_with_the_children(
    make_child, alice, mona, cath
):
    def one_more() -> None:
        child = make_child()
        episode = referred(child, alice)
        assessed(episode, alice, mona)
        on_a_plan(episode, alice, cath)

    one_more()
    census()  # warms the URL resolver and the code lists
    first = _queries()
    one_more()
    one_more()
    assert _queries() == first


def test_export_return_writes_the_census(make_child, alice, tmp_path):
    referred(make_child(), alice)
    out = io.StringIO()
    call_command(
        "export_return", "cin", "--year", str(year()), "--out", tmp_path, stdout=out
    )
    assert (tmp_path / f"CIN_999_{year()}.xml").read_bytes().startswith(b"<?xml")
    assert f"Children in need census {year()}: 1 children" in out.getvalue()


def test_the_latest_category_is_the_one_given_by_the_periods_end():
    plan = ChildProtectionPlan(initial_category="NEG", latest_category="EMO")
    reviews = [
        Conference(held_on=dt.date(2026, 1, 12), category="PHY"),
        Conference(held_on=dt.date(2026, 5, 4), category="EMO"),
    ]
    assert exporter.latest_category(plan, reviews, Period(2026)) == "PHY"
    assert exporter.latest_category(plan, reviews, Period(2027)) == "EMO"
    assert exporter.latest_category(plan, reviews[1:], Period(2026)) == "NEG"
