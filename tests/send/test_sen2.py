"""The SEN2 return: built from the records as they stood on the census day,
valid against our 2026 schema, and every fault of each kind found and said in
words, with the child and request it belongs to."""

import datetime as dt

import pytest
from lxml import etree

from haven.core import clock
from haven.people.identifiers import upn_with_check_letter
from haven.people.models import Person
from haven.send import plans
from haven.send.models import EhcPlan
from haven.send.sen2 import build, census, report
from haven.send.sen2.checks import schema
from tests.factories import ChildFactory
from tests.send.conftest import ago, drafted, requested

pytestmark = pytest.mark.django_db

UPN = upn_with_check_letter("999123456789")


@pytest.fixture
def year(settings) -> int:
    """A return whose census day is ten days from now."""
    year = clock.today().year + 1
    day = clock.today() + dt.timedelta(days=10)
    settings.HAVEN_SEN2_CENSUS_DATES = {str(year): day.isoformat()}
    return year


@pytest.fixture
def issued(child, sally, school) -> EhcPlan:
    Person.objects.filter(pk=child.pk).update(upn=UPN)
    plan = drafted(child, sally)
    text = plans.PlanText(setting=school, primary_need="ASD", secondary_need="SLCN")
    return plans.issue_plan(plan, on=ago(10), text=text, by=sally)


def _faults(year: int) -> list[str]:
    return [w for group in report.check(build.build(year, "999")) for w in group.words]


def _planted(year: int, change) -> list[str]:
    """The faults of a return whose XML was changed by `change`."""
    sen2 = build.build(year, "999")
    root = etree.fromstring(sen2.xml)
    change(root)
    sen2.xml = etree.tostring(root)
    return [w for group in report.check(sen2) for w in group.words]


def test_census_days_carry_their_source_and_a_council_may_override_one(settings):
    day = census.census_day(2026)
    assert day and day.day == dt.date(2026, 1, 15) and "DfE" in day.source
    assert (day.period_start, day.period_end) == (
        dt.date(2025, 1, 1),
        dt.date(2025, 12, 31),
    )
    settings.HAVEN_SEN2_CENSUS_DATES = {"2026": "2026-01-22"}
    day = census.census_day(2026)
    assert day and day.day == dt.date(2026, 1, 22) and "setting" in day.source


def test_a_clean_record_set_validates_with_no_faults(year, issued, sally):
    other = ChildFactory(upn_unknown="UN2")
    requested(other, sally, days=20)
    sen2 = build.build(year, "999")
    root = etree.fromstring(sen2.xml)
    assert schema().validate(root.getroottree()), schema().error_log
    assert report.check(sen2) == []
    assert [s.person_id for s in sen2.subjects] == [issued.person_id, other.pk] or [
        s.person_id for s in sen2.subjects
    ] == [other.pk, issued.person_id]
    active = root.find("Persons/Person/Requests/ActivePlans")
    assert [e.tag for e in active] == ["PlacementDetail", "SENneed", "SENneed"]
    assert root.findtext("Persons/Person/Requests/Assessment/Week20") == "0"


def test_the_return_is_a_picture_on_the_census_day(year, issued, settings):
    """A plan issued after the census day is not yet in the return."""
    settings.HAVEN_SEN2_CENSUS_DATES = {str(year): ago(20).isoformat()}
    root = etree.fromstring(build.build_sen2(year, "999"))
    request = root.find("Persons/Person/Requests")
    assert request.findtext("Assessment/AssessmentOutcome") == "A"
    assert request.find("Assessment/NamedPlan") is None
    assert request.find("ActivePlans") is None


def test_the_elements_come_in_the_schemas_order(year, issued):
    """Each element the builder writes is where the XSD's sequence has it."""
    xsd = etree.parse(str(build_schema_path()))
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}
    orders = {
        c.get("name"): [e.get("name") for e in c.findall("xs:sequence/xs:element", ns)]
        for c in xsd.getroot().findall("xs:complexType", ns)
    }
    root = etree.fromstring(build.build_sen2(year, "999"))
    for tag, order in orders.items():
        for element in root.iter(tag):
            tags = [child.tag for child in element]
            assert tags == sorted(tags, key=order.index), tag


def build_schema_path():
    from haven.send.sen2.checks import SCHEMA

    return SCHEMA
